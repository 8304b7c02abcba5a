// npm run db:backup [-- <file>] — a logical backup of the configured database (docs/operations.md).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { backupDatabase, defaultBackupFile } from '../db/backup';
import { openToolDatabase } from './tool-database';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const config = loadConfig();
const database = await openToolDatabase(config, console.log);
try {
  const result = await backupDatabase(database.url, positionals[0] ?? defaultBackupFile());
  const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
  for (const t of result.tables) console.log(`  ${t.name}: ${t.rows} rows`);
  console.log(
    `backup written: ${result.file} (${(result.bytes / 1024).toFixed(1)} KiB; ` +
      `${result.tables.length} tables, ${rows} rows, ${result.migrations.length} migrations)`,
  );
} catch (error) {
  console.error(`backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
