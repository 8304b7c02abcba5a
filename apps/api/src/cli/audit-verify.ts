// npm run audit:verify — verify every organisation's hash-chained audit log; exits 1 when a chain is
// broken, naming its first broken entry.
import { loadConfig } from '../config';
import { createPrisma } from '../db/database';
import { formatChainLine, verifyChains } from '../modules/audit/chain-report';
import { openToolDatabase } from './tool-database';

const config = loadConfig();
const database = await openToolDatabase(config, console.log);
const db = createPrisma(database.url, 2);
try {
  const lines = await verifyChains(db);
  for (const line of lines) console.log(formatChainLine(line));
  const broken = lines.filter((l) => !l.verification.isIntact).length;
  console.log(`audit chains: ${lines.length - broken} intact, ${broken} broken`);
  if (broken) process.exitCode = 1;
} catch (error) {
  console.error(`audit verification failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.close();
}
