// One throwaway database per test run, never the demo data: on the DATABASE_URL server when given,
// else on a separate local cluster under .data/pg-test. Dropped at the end.
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig, repoRoot } from '../../src/config';
import { applyMigrations } from '../../src/db/database';
import { startLocalPostgres } from '../../src/db/local-postgres';
import { dropOrphanTestDatabases, TEST_DATABASE_PATTERN } from '../../src/db/test-databases';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export const TEST_PG_PORT = 54329;

export default async function setup(project: TestProject) {
  const config = loadConfig();
  const name = `zeren_test_${process.pid}_${Date.now().toString(36)}`;
  let databaseUrl: string;
  let teardown: () => Promise<void>;

  if (config.DATABASE_URL) {
    const adminUrl = new URL(config.DATABASE_URL);
    adminUrl.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    const url = new URL(config.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    teardown = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const local = await startLocalPostgres({
      dataDir: path.join(repoRoot, '.data/pg-test'),
      port: TEST_PG_PORT,
      isEphemeral: true,
    });
    await dropOrphanTestDatabases(local.url('postgres'));
    await local.ensureDatabase(name);
    databaseUrl = local.url(name);
    teardown = async () => {
      await local.dropDatabase(name);
      await local.stop({ unlessInUseBy: TEST_DATABASE_PATTERN });
    };
  }

  await applyMigrations(databaseUrl);
  project.provide('databaseUrl', databaseUrl);
  return teardown;
}
