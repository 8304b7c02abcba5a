import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Config } from '../config';
import { repoRoot } from '../config';
import { PrismaClient } from '../generated/prisma/client';
import { startLocalPostgres } from './local-postgres';

export type Db = PrismaClient;

export interface DatabaseHandle {
  url: string;
  /** Stops the local Postgres if this process started it; a DATABASE_URL server is left alone. */
  close(): Promise<void>;
}

/** DATABASE_URL wins; without it a local Postgres under .data/ is started (and created on first run). */
export async function openDatabase(config: Config, log: (message: string) => void): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, close: async () => undefined };
  const local = await startLocalPostgres({ dataDir: config.ZEREN_PG_DIR, port: config.ZEREN_PG_PORT, log });
  await local.ensureDatabase(config.ZEREN_DB_NAME);
  return { url: local.url(config.ZEREN_DB_NAME), close: () => local.stop() };
}

/** True when every committed migration is already recorded as applied (the warm-restart case). */
async function isUpToDate(url: string): Promise<boolean> {
  const committed = readdirSync(path.join(repoRoot, 'prisma/migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.name));
    return committed.every((name) => applied.has(name));
  } catch {
    return false; // no migrations table yet
  } finally {
    await client.end();
  }
}

/**
 * Applies the committed migrations with Prisma Migrate (`migrate deploy`), offline. `configFile`
 * points Migrate at another Prisma config (a restore uses one listing only the backup's migrations).
 */
export async function applyMigrations(url: string, options: { configFile?: string } = {}): Promise<void> {
  // Spawning the Migrate CLI costs about a second; skip it when there is nothing to apply.
  if (!options.configFile && (await isUpToDate(url))) return;
  const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve, reject) => {
    const preload = fileURLToPath(new URL('./prisma-cli-preload.cjs', import.meta.url));
    const config = options.configFile ? ['--config', options.configFile] : [];
    const child = spawn(process.execPath, ['--require', preload, prismaCli, 'migrate', 'deploy', ...config], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString()));
    child.stderr.on('data', (c: Buffer) => (text += c.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ code: exitCode ?? 1, output: text }));
  });
  if (code !== 0) throw new Error(`Database migration failed:\n${output}`);
}

export function createPrisma(url: string, maxConnections = 20): Db {
  return createPrismaOnPool(new pg.Pool({ connectionString: url, max: maxConnections }));
}

// The pool rides on the client under a symbol, so a Proxy of the client (tests wrap one to inject
// failures) still reaches it.
const POOL = Symbol.for('zeren.pool');

/**
 * A Prisma client on `pool`, which also serves the hot reads as raw SQL (`poolOf`, db/sql.ts): one
 * pool bounds the connections, and a counting or instrumented pool sees every statement. Ending
 * the client (`$disconnect`) ends the pool.
 */
export function createPrismaOnPool(pool: pg.Pool): Db {
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  Object.defineProperty(db, POOL, { value: pool });
  return db;
}

/** The pg pool under a client made by `createPrisma` or `createPrismaOnPool`. */
export function poolOf(db: Db): pg.Pool {
  const pool = (db as unknown as { [POOL]?: pg.Pool })[POOL];
  if (!pool)
    throw new Error(
      'This Prisma client was not made by createPrisma/createPrismaOnPool: no pool to read from',
    );
  return pool;
}
