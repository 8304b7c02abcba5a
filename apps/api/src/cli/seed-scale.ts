// npm run seed:scale -- --people 20000 [--seed 42] [--year 2026] [--replace] [--all-accounts]
//                       [--database-url postgresql://…] [--accounts-file bench/accounts.json]
// npm run seed:scale -- --remove city-20000-42
// Builds one city-scale organisation (code city-<people>-<seed>) for performance work, next to
// whatever the database already holds; the demo organisation is never touched. See
// docs/performance.md ("City-scale data generator") and prisma/seed/scale/.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_SCALE_SEED,
  DEFAULT_SCALE_YEAR,
  MAX_SCALE_PEOPLE,
  MIN_SCALE_PEOPLE,
  generateCityScale,
  removeCityScale,
  type GenerateResult,
} from '../../../../prisma/seed/scale';
import { loadConfig, repoRoot } from '../config';
import { applyMigrations } from '../db/database';
import { openToolDatabase } from './tool-database';

const USAGE = `usage: npm run seed:scale -- --people <n> [--seed ${DEFAULT_SCALE_SEED}] [--year ${DEFAULT_SCALE_YEAR}] [--replace]
                            [--all-accounts] [--database-url <url>] [--accounts-file bench/accounts.json]
       npm run seed:scale -- --remove <code> [--database-url <url>]

  --people         people in the organisation (100–200000); 20000 is the city scale
  --seed           PRNG seed; the same people + seed always give the same data
  --year           the target and evaluation year
  --replace        rebuild an existing organisation with the same code (city-<people>-<seed>)
  --all-accounts   also create a login for every person (<code>-<employee no>), not only the named six
  --database-url   use this database instead of DATABASE_URL or the local cluster
  --accounts-file  where the benchmark accounts are written (merged per organisation code)
  --remove         delete a generated organisation (city-<people>-<seed>) and everything in it`;

interface AccountsFile {
  password: string;
  latest?: string;
  organisations: Record<string, unknown>;
}

/** bench/accounts.json as written before, or undefined when there is none (or it is unreadable). */
async function readAccounts(file: string): Promise<AccountsFile | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<AccountsFile>;
    return {
      password: parsed.password ?? '',
      organisations: parsed.organisations ?? {},
      latest: parsed.latest,
    };
  } catch {
    return undefined;
  }
}

const { values } = parseArgs({
  options: {
    people: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SCALE_SEED) },
    year: { type: 'string', default: String(DEFAULT_SCALE_YEAR) },
    replace: { type: 'boolean', default: false },
    'all-accounts': { type: 'boolean', default: false },
    'database-url': { type: 'string' },
    'accounts-file': { type: 'string', default: path.join(repoRoot, 'bench/accounts.json') },
    remove: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

const config = loadConfig(
  values['database-url'] === undefined
    ? process.env
    : { ...process.env, DATABASE_URL: values['database-url'] },
);

if (values.remove !== undefined) {
  const database = await openToolDatabase(config, console.log);
  try {
    const deleted = await removeCityScale({ code: values.remove, databaseUrl: database.url });
    console.log(
      deleted === 0
        ? `no organisation ${values.remove}`
        : `removed ${values.remove}: ${deleted.toLocaleString('en-US')} rows`,
    );
    // Forget its accounts too.
    const file = path.resolve(values['accounts-file']);
    const saved = await readAccounts(file);
    if (saved !== undefined && values.remove in saved.organisations) {
      delete saved.organisations[values.remove];
      if (saved.latest === values.remove) delete saved.latest;
      await writeFile(file, `${JSON.stringify(saved, null, 2)}\n`);
    }
  } catch (error) {
    console.error(`seed:scale failed: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
  process.exit();
}

if (values.help || values.people === undefined) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const integer = (name: string, text: string): number => {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    console.error(`--${name} must be a whole number, got "${text}"\n\n${USAGE}`);
    process.exit(2);
  }
  return value;
};
const people = integer('people', values.people);
if (people < MIN_SCALE_PEOPLE || people > MAX_SCALE_PEOPLE) {
  console.error(`--people must be from ${MIN_SCALE_PEOPLE} to ${MAX_SCALE_PEOPLE}\n\n${USAGE}`);
  process.exit(2);
}
const seed = integer('seed', values.seed);
const year = integer('year', values.year);

const database = await openToolDatabase(config, console.log);
let result: GenerateResult;
try {
  await applyMigrations(database.url);
  console.log(`generating a city of ${people.toLocaleString('en-US')} people (seed ${seed}, year ${year})`);
  result = await generateCityScale({
    databaseUrl: database.url,
    people,
    seed,
    year,
    replace: values.replace,
    allAccounts: values['all-accounts'],
    log: console.log,
  });
} catch (error) {
  console.error(`seed:scale failed: ${(error as Error).message}`);
  process.exitCode = 1;
  await database.close();
  process.exit();
}
await database.close();

// The final table.
console.log(`\n${result.name}`);
console.log(`organisation ${result.code} (${result.organisationId})${result.replaced ? ', replaced' : ''}\n`);
const width = Math.max(...Object.keys(result.counts).map((k) => k.length));
let total = 0;
for (const [table, count] of Object.entries(result.counts)) {
  console.log(`  ${table.padEnd(width)}  ${count.toLocaleString('en-US').padStart(9)}`);
  total += count;
}
console.log(`  ${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(9)}\n`);
const t = result.timings;
console.log(
  `time: ${t.total.toFixed(1)} s (plan ${t.plan.toFixed(1)} s, delete ${t.delete.toFixed(1)} s, ` +
    `COPY ${t.copy.toFixed(1)} s, ANALYZE ${t.analyze.toFixed(1)} s)`,
);
console.log(`checksum of target ids and progress: ${result.checksum}\n`);
console.log(`benchmark accounts (password ${result.password}):`);
for (const account of result.accounts) {
  console.log(`  ${account.username.padEnd(28)} ${account.personName}  ${account.description}`);
}

// bench/accounts.json: one entry per organisation code, merged with what is there.
const file = path.resolve(values['accounts-file']);
const saved: AccountsFile = (await readAccounts(file)) ?? { password: result.password, organisations: {} };
saved.password = result.password;
saved.latest = result.code;
saved.organisations[result.code] = {
  name: result.name,
  organisationId: result.organisationId,
  people: result.people,
  seed: result.seed,
  year: result.year,
  generatedAt: new Date().toISOString(),
  checksum: result.checksum,
  counts: result.counts,
  accounts: result.accounts,
};
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify(saved, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(process.cwd(), file) || file}`);
