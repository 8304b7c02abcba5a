// Prisma CLI config. Prisma's native schema engine cannot be downloaded on our machines, so the
// CLI runs Migrate through the Wasm engine it ships, over @prisma/adapter-pg. The wrapper below
// works around four adapter-pg problems that only the migration path hits (see docs/architecture.md).
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// `prisma generate` only needs the variable to resolve; it never connects.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/zeren';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type PgFields = { fields: { dataTypeID: number }[] };
type Queryable = {
  client: { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
  performIO: (this: Queryable, query: unknown) => Promise<PgFields>;
  executeScript: (this: Queryable, script: string) => Promise<void>;
};

// prisma/orm#27403: catalog types (name, char, regproc, pg_node_tree, regconfig, regdictionary)
// are rejected by adapter-pg; the schema engine reads them as text.
const CATALOG_TYPE_OIDS = new Set([18, 19, 24, 194, 2205, 2206]);
const TEXT_OID = 25;
let isPatched = false;
function patchAdapter(adapter: Adapter): Adapter {
  if (isPatched) return adapter;
  const adapterProto = Object.getPrototypeOf(adapter) as Queryable;
  // PgQueryable is the shared base of the adapter and its transactions; it is not exported.
  const queryableProto = Object.getPrototypeOf(adapterProto) as Queryable;
  const performIO = queryableProto.performIO;
  queryableProto.performIO = async function (query) {
    const result = await performIO.call(this, query);
    for (const field of result.fields)
      if (CATALOG_TYPE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    return result;
  };
  // adapter-pg splits a migration script on every ";", which breaks PL/pgSQL function bodies and
  // comments. Postgres runs a multi-statement simple query as one implicit transaction: send it whole.
  adapterProto.executeScript = async function (script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  isPatched = true;
  return adapter;
}

function connectionFields(url: string, database?: string) {
  const u = new URL(url);
  // Separate fields, never connectionString: pg lets connectionString override `database`,
  // which would turn the shadow database into the main one.
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    allowExitOnIdle: true,
    // The CLI exits only once the pool has no idle client left.
    idleTimeoutMillis: 50,
  };
}

class MigrationAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  constructor(private readonly url: string) {}

  async connect() {
    return patchAdapter(await new PrismaPg(connectionFields(this.url)).connect());
  }

  async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = patchAdapter(await new PrismaPg(connectionFields(this.url, database)).connect());
    const disposeShadow = shadow.dispose.bind(shadow);
    // Close the shadow pool before dropping its database, or the drop finds it still in use.
    shadow.dispose = async () => {
      await disposeShadow();
      await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await main.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => new MigrationAdapterFactory(process.env.DATABASE_URL!) as never,
});
