// npm run db:restore -- <file> [--force] — restore a backup into the configured database
// (docs/operations.md). Stop the app first.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { restoreDatabase } from '../db/backup';
import { formatChainLine } from '../modules/audit/chain-report';
import { openToolDatabase } from './tool-database';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false } },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run db:restore -- <file.zbak> [--force]');
  process.exit(2);
}

const config = loadConfig();
const database = await openToolDatabase(config, console.log);
try {
  const result = await restoreDatabase(database.url, file, { force: values.force, log: console.log });
  const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `restored ${result.tables.length} tables, ${rows} rows at migration ${result.migrations.at(-1) ?? '(none)'}; ` +
      'row counts and checksums match the backup',
  );
  for (const chain of result.chains) console.log(formatChainLine(chain));
  if (!result.isAuditIntact) {
    console.error('restore finished, but an audit chain is broken (see above)');
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
