// `npm start`: database (local Postgres unless DATABASE_URL), migrations, the demo bureau on an
// empty database, then the API and the built SPA on one port.
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { seedDemo } from '../../../prisma/seed/demo';
import { createApp } from './app';
import { loadConfig } from './config';
import { applyMigrations, createPrisma, openDatabase } from './db/database';
import { listen } from './server';

const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL, base: undefined });
const log = (message: string) => logger.info(message);

const database = await openDatabase(config, log);
const db = createPrisma(database.url);
try {
  await applyMigrations(database.url);
  if (config.ZEREN_SEED_DEMO && (await db.organisation.count()) === 0) {
    log('empty database: seeding the demo bureau');
    await seedDemo(db);
  }
} catch (error) {
  logger.fatal({ err: error }, 'could not prepare the database');
  await db.$disconnect();
  await database.close();
  process.exit(1);
}

const cleanup = async () => {
  await db.$disconnect();
  await database.close();
};
const app = createApp({ db, config, logger });
try {
  await listen(app, { port: config.PORT, host: config.HOST, logger, cleanup });
} catch (error) {
  logger.fatal({ err: error }, `could not listen on port ${config.PORT}`);
  await cleanup();
  process.exit(1);
}
logger.info(
  { readyMs: Math.round(performance.now()) },
  `Zeren 责任链 ready at http://localhost:${config.PORT}`,
);
