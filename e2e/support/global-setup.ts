// The real app (API + built SPA) on a throwaway database seeded with the demo bureau. The database
// is dropped at the end: e2e never touches the demo data of `npm start`. The API runs as `npm start`
// runs it: the bundle apps/api/dist/main.js (rebuilt here, so never stale) with the same node flags.
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { buildApi, productionNodeArgs } from '../../apps/api/build';
import { loadConfig, repoRoot } from '../../apps/api/src/config';
import { startLocalPostgres } from '../../apps/api/src/db/local-postgres';
import { dropOrphanTestDatabases, TEST_DATABASE_PATTERN } from '../../apps/api/src/db/test-databases';
import { E2E_BASE_URL, E2E_PORT } from './server';

const TEST_PG_PORT = 54329;

async function waitForHealth(deadlineMs: number) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${E2E_BASE_URL}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app did not become healthy within ${deadlineMs} ms`);
}

async function isPortTaken(): Promise<boolean> {
  try {
    await fetch(`${E2E_BASE_URL}/api/health`);
    return true;
  } catch {
    return false;
  }
}

export default async function globalSetup() {
  // A server left on the port (an interrupted run) would answer the health check and be tested
  // instead of the fresh one.
  if (await isPortTaken())
    throw new Error(`port ${E2E_PORT} is already in use: stop whatever listens there first`);
  await buildApi();
  const config = loadConfig();
  const name = `zeren_e2e_${process.pid}`;
  let databaseUrl: string;
  let dropDatabase: () => Promise<void>;

  if (config.DATABASE_URL) {
    const admin = new URL(config.DATABASE_URL);
    admin.pathname = '/postgres';
    const run = async (sql: string) => {
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
    await run(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    const url = new URL(config.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = () => run(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } else {
    const local = await startLocalPostgres({
      dataDir: path.join(repoRoot, '.data/pg-test'),
      port: TEST_PG_PORT,
      isEphemeral: true,
    });
    await dropOrphanTestDatabases(local.url('postgres'));
    await local.ensureDatabase(name);
    databaseUrl = local.url(name);
    dropDatabase = async () => {
      await local.dropDatabase(name);
      await local.stop({ unlessInUseBy: TEST_DATABASE_PATTERN });
    };
  }

  const server = spawn(process.execPath, productionNodeArgs(), {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    await waitForHealth(90_000);
  } catch (error) {
    server.kill('SIGKILL');
    await dropDatabase();
    throw error;
  }

  return async () => {
    server.kill('SIGTERM');
    await exited;
    await dropDatabase();
  };
}
