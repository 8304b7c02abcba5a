// npm run db:migrate — apply the committed migrations to the configured database.
// Like the other tools, it leaves a running local cluster (the app's) running.
import { loadConfig } from '../config';
import { applyMigrations } from '../db/database';
import { openToolDatabase } from './tool-database';

const config = loadConfig();
const database = await openToolDatabase(config, console.log);
try {
  await applyMigrations(database.url);
  console.log('migrations applied');
} finally {
  await database.close();
}
