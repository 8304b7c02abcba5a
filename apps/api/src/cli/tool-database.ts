// How the command-line tools (migrate, backup, restore, audit:verify, seed:scale) reach the database.
import pg from 'pg';
import type { Config } from '../config';
import { openDatabase, type DatabaseHandle } from '../db/database';
import { localPostgresUrl } from '../db/local-postgres';

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * DATABASE_URL when set. Otherwise the local cluster: when it is already running (the app is up)
 * it is used as it is and left running; else it is started for the tool and stopped after it.
 */
export async function openToolDatabase(
  config: Config,
  log: (message: string) => void,
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return openDatabase(config, log);
  const maintenance = localPostgresUrl(config.ZEREN_PG_PORT, 'postgres');
  if (!(await isReachable(maintenance))) return openDatabase(config, log);
  const client = new pg.Client({ connectionString: maintenance });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      config.ZEREN_DB_NAME,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(config.ZEREN_DB_NAME)}`);
  } finally {
    await client.end();
  }
  return { url: localPostgresUrl(config.ZEREN_PG_PORT, config.ZEREN_DB_NAME), close: async () => undefined };
}
