// npm run db:migrate — apply the committed migrations to the configured database.
import { loadConfig } from '../config';
import { applyMigrations, openDatabase } from '../db/database';

const config = loadConfig();
const database = await openDatabase(config, console.log);
try {
  await applyMigrations(database.url);
  console.log('migrations applied');
} finally {
  await database.close();
}
