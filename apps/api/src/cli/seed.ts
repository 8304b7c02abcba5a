// npm run db:seed — load the demo bureau into the configured database (only if it has none).
import { seedDemo } from '../../../../prisma/seed/demo';
import { loadConfig } from '../config';
import { applyMigrations, createPrisma, openDatabase } from '../db/database';

const config = loadConfig();
const database = await openDatabase(config, console.log);
const db = createPrisma(database.url, 2);
try {
  await applyMigrations(database.url);
  await seedDemo(db);
  console.log('demo bureau ready');
} finally {
  await db.$disconnect();
  await database.close();
}
