// npm run bench -- [--org <code>] [--duration 10] [--warmup 2] [--quick] [--connections 32] [--only a,b]
//                  [--no-docs]
// Builds and starts the real API (apps/api/dist/main.js, as `npm start` runs it, production settings)
// on loopback against a city-scale organisation made by `npm run seed:scale`, drives each endpoint
// with autocannon, measures the floors (an Express 5 hello-world; each read endpoint's minimal SQL
// through `pg` directly), and writes bench/results.json and the table in docs/performance.md
// ("Benchmark"). See that section.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApi, productionNodeArgs } from '../apps/api/build';
import { floors, type FloorParams } from './floors';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ACCOUNTS_FILE = path.join(root, 'bench/accounts.json');
const RESULTS_FILE = path.join(root, 'bench/results.json');
const DOCS_FILE = path.join(root, 'docs/performance.md');
const MISSING = 'run npm run seed:scale -- --people 20000 first';

const { values: args } = parseArgs({
  options: {
    org: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    quick: { type: 'boolean', default: false },
    connections: { type: 'string', default: '32' },
    only: { type: 'string' },
    'no-docs': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (args.help) {
  process.stdout.write(
    `usage: npm run bench -- [--org <code>] [--duration <s>] [--warmup <s>] [--quick] [--connections <n>]
                        [--only tier1,targetDetail,…] [--no-docs]

  --org          the generated organisation (default: "latest" in bench/accounts.json)
  --duration     seconds measured per endpoint (default 10; --quick: 3)
  --warmup       seconds of load before each measurement, not counted (default 2; --quick: 1)
  --connections  concurrent connections / in-flight queries (default 32)
  --only         measure only these scenarios (the docs table is then not rewritten)
  --no-docs      do not rewrite the table in docs/performance.md
`,
  );
  process.exit(0);
}
const seconds = (text: string | undefined, fallback: number) => {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isFinite(value) || value <= 0) fail(`not a number of seconds: ${text}`);
  return value;
};
const DURATION = seconds(args.duration, args.quick ? 3 : 10);
const WARMUP = seconds(args.warmup, args.quick ? 1 : 2);
const CONNECTIONS = Number(args.connections);
const ONLY = args.only ? new Set(args.only.split(',')) : null;
/**
 * Fewer answers than this in the window: the endpoint is too slow for it, and is measured by count
 * instead — one request per connection, all at once, every answer waited for.
 */
const MIN_REQUESTS = CONNECTIONS;

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}
const say = (message: string) => process.stdout.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------
// The organisation and the database

interface Account {
  role: string;
  username: string;
}
interface AccountsFile {
  password: string;
  latest?: string;
  organisations: Record<
    string,
    { organisationId: string; year: number; people: number; accounts: Account[] }
  >;
}

function readAccounts(): { code: string; password: string; org: AccountsFile['organisations'][string] } {
  if (!existsSync(ACCOUNTS_FILE)) fail(`no bench/accounts.json: ${MISSING}`);
  const file = JSON.parse(readFileSync(ACCOUNTS_FILE, 'utf8')) as AccountsFile;
  const code = args.org ?? file.latest;
  if (!code) fail(`bench/accounts.json names no organisation: ${MISSING}`);
  const org = file.organisations[code];
  if (!org) fail(`bench/accounts.json has no organisation ${code}: ${MISSING} (or pass --org <code>)`);
  return { code, password: file.password, org };
}

/** The API's pool size (createPrisma's default in apps/api/src/db/database.ts): the floors use the same. */
function apiPoolSize(): number {
  const source = readFileSync(path.join(root, 'apps/api/src/db/database.ts'), 'utf8');
  const match = /createPrisma\([^)]*maxConnections\s*=\s*(\d+)/.exec(source);
  return match ? Number(match[1]) : 20;
}

async function isReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
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
 * DATABASE_URL, else the local cluster (.data/pg): used as it is when running, else started for the
 * run and stopped afterwards unless someone else connected to it meanwhile.
 */
async function openDatabase(): Promise<{ url: string; close(): Promise<void> }> {
  const { loadConfig } = await import('../apps/api/src/config');
  const { localPostgresUrl, startLocalPostgres } = await import('../apps/api/src/db/local-postgres');
  const config = loadConfig();
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, close: async () => undefined };
  const url = localPostgresUrl(config.ZEREN_PG_PORT, config.ZEREN_DB_NAME);
  if (await isReachable(url)) return { url, close: async () => undefined };
  say(`starting the local PostgreSQL cluster (${config.ZEREN_PG_DIR})`);
  const local = await startLocalPostgres({ dataDir: config.ZEREN_PG_DIR, port: config.ZEREN_PG_PORT });
  return {
    url,
    async close() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      await client.end();
      if (rows[0]!.n > 0) say('leaving the local PostgreSQL cluster running: other clients are connected');
      else await local.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Processes

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  baseUrl: string;
  logFile: string;
  stop(): Promise<void>;
}

/** Spawns `node <args>` with its output in a log file; waits until `ready` answers 200. */
async function startProcess(
  name: string,
  nodeArgs: string[],
  env: NodeJS.ProcessEnv,
  readyPath: string,
): Promise<Started> {
  const port = await freePort();
  const logFile = path.join(os.tmpdir(), `zeren-bench-${name}-${process.pid}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, nodeArgs, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never leave a server behind, whatever ends this process.
  process.once('exit', () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      fail(`${name} exited while starting; its log:\n${readFileSync(logFile, 'utf8')}`);
    try {
      if ((await fetch(baseUrl + readyPath)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) fail(`${name} did not start in 120 s; its log: ${logFile}`);
    await sleep(200);
  }
  return {
    child,
    baseUrl,
    logFile,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU time (ms) a process has used so far, from /proc/<pid>/stat. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return 0;
  }
}

/** The local ports of a process's TCP connections to `remotePort` (its database pool), from /proc. */
function connectionPorts(pid: number, remotePort: number): number[] {
  try {
    const inodes = new Set<string>();
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const link = (() => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          return '';
        }
      })();
      const match = /^socket:\[(\d+)\]$/.exec(link);
      if (match) inodes.add(match[1]!);
    }
    const ports: number[] = [];
    for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || !inodes.has(f[9]!)) continue;
      const local = parseInt(f[1]!.split(':')[1]!, 16);
      const remote = parseInt(f[2]!.split(':')[1]!, 16);
      if (remote === remotePort) ports.push(local);
    }
    return ports;
  } catch {
    return [];
  }
}

/**
 * Requests abandoned when a run stops still run on the server (Express does not cancel them): wait
 * until the API's CPU is quiet and none of its database connections is running a statement.
 */
async function waitUntilIdle(pid: number, db: pg.Pool, dbPort: number, maxMs = 120_000) {
  const until = Date.now() + maxMs;
  let before = cpuMs(pid);
  while (Date.now() < until) {
    await sleep(300);
    const now = cpuMs(pid);
    const ports = connectionPorts(pid, dbPort);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND client_port = ANY($1::int[])`,
      [ports],
    );
    if (now - before < 15 && rows[0]!.n === 0) return; // < 5 % of one core, no statement running
    before = now;
  }
  say('  (the API was still busy after 120 s; measuring anyway)');
}

function kib(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Measured {
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  /** 'count': too slow for the window, measured as one request per connection, all at once. */
  mode?: 'duration' | 'count';
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

function summarise(
  latencies: number[],
  wall: number,
  extra: Omit<Measured, 'requests' | 'seconds' | 'rps' | 'p50' | 'p95' | 'p99' | 'max'>,
): Measured {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: sorted.length,
    seconds: round(wall),
    rps: round(sorted.length / wall),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
    ...extra,
  };
}

type Request = Omit<autocannon.Request, 'setupRequest' | 'onResponse'> & {
  setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
};

/** One autocannon run: `requests` (may vary per request), `connections` at once, for `duration` s. */
async function cannon(
  url: string,
  requests: Request[],
  length: number | { amount: number },
  record: boolean,
): Promise<Measured> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let non2xx = 0;
  const started = performance.now();
  let done!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => ((done = resolve), (failed = reject)));
  const instance = autocannon(
    {
      url,
      connections: CONNECTIONS,
      pipelining: 1,
      ...(typeof length === 'number' ? { duration: length } : { amount: length.amount }),
      timeout: 120,
      requests: requests as autocannon.Request[],
    },
    (error, result) => (error ? failed(error) : done(result)),
  );
  instance.on('response', (_client, status, _bytes, responseTime) => {
    if (!record) return;
    latencies.push(responseTime);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status < 200 || status >= 300) non2xx += 1;
  });
  const result = await finished;
  const wall = (performance.now() - started) / 1000;
  return summarise(latencies, wall, { non2xx, errors: result.errors, timeouts: result.timeouts, statuses });
}

/** The raw-SQL floor: `run` kept `CONNECTIONS` times in flight on a pool of the API's size. */
async function drivePool(
  pool: pg.Pool,
  run: (i: number) => Promise<unknown>,
  duration: number,
): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const started = performance.now();
  const stopAt = started + duration * 1000;
  let firstError: unknown;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < stopAt) {
        const t0 = performance.now();
        try {
          await run(counter++);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors += 1;
          firstError ??= error;
        }
      }
    }),
  );
  if (firstError) say(`  raw SQL error: ${(firstError as Error).message}`);
  const wall = (performance.now() - started) / 1000;
  return summarise(latencies, wall, { non2xx: 0, errors, timeouts: 0, statuses: {} });
}

// ---------------------------------------------------------------------------------------------
// The run

const { code, password, org } = readAccounts();
const database = await openDatabase();
const admin = new pg.Pool({ connectionString: database.url, max: 2 });
const dbPort = Number(new URL(database.url).port || 5432);
// A shared local cluster may be restarted by someone else: say so instead of crashing on an idle client.
const onPoolError = (error: Error) => say(`  database connection lost: ${error.message}`);
admin.on('error', onPoolError);
const orgRow = await admin.query<{ id: string }>('SELECT id FROM "Organisation" WHERE code = $1', [code]);
if (orgRow.rowCount === 0) {
  await admin.end();
  await database.close();
  fail(`the database has no organisation ${code}: ${MISSING}`);
}
const organisationId = orgRow.rows[0]!.id;
const year = org.year;
const username = (role: string) => {
  const account = org.accounts.find((a) => a.role === role);
  if (!account) fail(`bench/accounts.json lists no ${role} account for ${code}`);
  return account.username;
};

const git = (...a: string[]) => {
  try {
    return execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
const machine = {
  date: new Date().toISOString(),
  commit: git('rev-parse', '--short', 'HEAD'),
  isWorkingTreeDirty: git('status', '--porcelain').length > 0,
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? '',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  postgres: (await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]!.v,
  loadBefore: os.loadavg().map((n) => Math.round(n * 100) / 100),
  loadAfter: [] as number[],
  loadMax1m: 0,
};
const poolSize = apiPoolSize();
say(
  `bench: ${code} (${org.people.toLocaleString('en-US')} people), ${CONNECTIONS} connections, ` +
    `${WARMUP} s warm-up + ${DURATION} s per endpoint, API pool ${poolSize}; load average ${machine.loadBefore.join(' ')}`,
);
const loadTimer = setInterval(
  () => (machine.loadMax1m = Math.max(machine.loadMax1m, os.loadavg()[0]!)),
  1000,
);

// Discovery: what the scenarios vary over, read from the database.
const postsOf = async (role: string) =>
  (
    await admin.query<{ id: string; tier: number; lines: string[]; code: string }>(
      `SELECT p.id, p.tier, p.lines::text[] AS lines, p.code FROM "UserAccount" u
         JOIN "Holding" h ON h."personId" = u."personId" AND h."endedOn" IS NULL
         JOIN "Post" p ON p.id = h."postId" AND p."archivedAt" IS NULL
        WHERE u.username = $1 ORDER BY p.tier, p.code`,
      [username(role)],
    )
  ).rows;
const deputyPost = (await postsOf('deputy')).find((p) => p.tier === 2);
const chiefPosts = await postsOf('chief');
const chiefPost = chiefPosts.find((p) => p.tier === 3 && p.lines.includes('ADMINISTRATIVE'));
if (!deputyPost || !chiefPost) fail(`the ${code} accounts do not hold the expected posts: ${MISSING}`);
const chiefPostIds = chiefPosts.map((p) => p.id);

const cycles = (
  await admin.query<{ id: string; kind: string; status: string }>(
    `SELECT id, kind, status FROM "EvaluationCycle" WHERE "organisationId" = $1 AND year = $2 ORDER BY kind`,
    [organisationId, year],
  )
).rows;
const openCycle = cycles.find((c) => c.status === 'OPEN' && c.kind !== 'ANNUAL');
const publishedCycle = cycles.filter((c) => c.status === 'PUBLISHED' && c.kind !== 'ANNUAL').at(-1);
if (!openCycle || !publishedCycle) fail(`${code} has no open and published quarter: ${MISSING}`);

interface LeafTarget {
  id: string;
  measureKind: string;
  baseline: number;
  goal: number;
}
// Leaf targets the chief may record (rule 5: owned by one of the chief's posts, or by a post whose
// superior in the target's line is one).
const leafTargets = (
  await admin.query<LeafTarget>(
    `SELECT t.id, t."measureKind", t.baseline::float8 AS baseline, t.goal::float8 AS goal
       FROM "Target" t JOIN "Post" o ON o.id = t."ownerPostId"
      WHERE t."organisationId" = $1 AND t.year = $2 AND t.status = 'ACTIVE'
        AND NOT EXISTS (SELECT 1 FROM "Target" c WHERE c."organisationId" = t."organisationId" AND c."parentId" = t.id AND c.status = 'ACTIVE')
        AND (o.id = ANY($3::uuid[]) OR (t.line = 'ADMINISTRATIVE' AND o."adminSuperiorId" = ANY($3::uuid[]))
             OR (t.line = 'PARTY' AND o."partySuperiorId" = ANY($3::uuid[])))
      ORDER BY t.id`,
    [organisationId, year, chiefPostIds],
  )
).rows;
// Target detail: the chief's own targets and those of the staff below (what a chief opens).
const detailTargetIds = (
  await admin.query<{ id: string }>(
    `SELECT t.id FROM "Target" t JOIN "Post" o ON o.id = t."ownerPostId"
      WHERE t."organisationId" = $1 AND t.year = $2 AND t.status = 'ACTIVE'
        AND (o.id = ANY($3::uuid[]) OR o."adminSuperiorId" = ANY($3::uuid[]) OR o."partySuperiorId" = ANY($3::uuid[]))
      ORDER BY t.id`,
    [organisationId, year, chiefPostIds],
  )
).rows.map((r) => r.id);
// Target subtree: the deputy's own (tier 2) targets, four levels down.
const treeRootIds = (
  await admin.query<{ id: string }>(
    `SELECT id FROM "Target" WHERE "organisationId" = $1 AND year = $2 AND status = 'ACTIVE' AND "ownerPostId" = $3 ORDER BY id`,
    [organisationId, year, deputyPost.id],
  )
).rows.map((r) => r.id);
const resultCount = (
  await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM "EvaluationResult" WHERE "cycleId" = $1`, [
    publishedCycle.id,
  ])
).rows[0]!.n;
const PAGE_SIZE = 50;
const resultPages = Math.max(1, Math.ceil(resultCount / PAGE_SIZE));
if (leafTargets.length === 0 || detailTargetIds.length === 0 || treeRootIds.length === 0)
  fail(`${code} has no targets for the benchmark accounts: ${MISSING}`);

// The hello-world floor first, on its own.
const results: Record<string, unknown> = {};
const measured: Record<string, { api?: Measured; floor?: Measured }> = {};
const want = (name: string) => !ONLY || ONLY.has(name);

let hello: Measured | undefined;
if (want('helloWorld')) {
  say('\nhello-world (Express 5, own process)');
  const server = await startProcess('hello', ['--import', 'tsx', 'bench/hello-world.ts'], {}, '/');
  try {
    await cannon(server.baseUrl, [{ method: 'GET', path: '/' }], WARMUP, false);
    hello = await cannon(server.baseUrl, [{ method: 'GET', path: '/' }], DURATION, true);
    say(`  ${hello.rps} req/s, p50 ${hello.p50} ms, p95 ${hello.p95} ms, p99 ${hello.p99} ms`);
  } finally {
    await server.stop();
    rmSync(server.logFile, { force: true });
  }
}

// The API, as `npm start` runs it in production (no demo seed: the database holds organisations).
say(`\nthe API (node ${productionNodeArgs().join(' ').replaceAll(`${root}/`, '')}, NODE_ENV=production)`);
await buildApi();
const api = await startProcess(
  'api',
  productionNodeArgs(),
  { NODE_ENV: 'production', DATABASE_URL: database.url, ZEREN_SEED_DEMO: '0' },
  '/api/health',
);
const apiPid = api.child.pid!;
let peakRssKiB = 0;
let sampling = false;
const rssTimer = setInterval(() => {
  if (sampling) peakRssKiB = Math.max(peakRssKiB, kib(apiPid, 'VmRSS'));
}, 100);
const rssIdleKiB = kib(apiPid, 'VmRSS');

async function login(role: string): Promise<{ cookie: string; tokenHash: string }> {
  const res = await fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'zeren' },
    body: JSON.stringify({ username: username(role), password }),
  });
  if (res.status !== 200) fail(`login ${username(role)}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  return { cookie, tokenHash: createHash('sha256').update(token).digest('hex') };
}

const sessions = {
  director: await login('director'),
  deputy: await login('deputy'),
  chief: await login('chief'),
  assessor: await login('assessor'),
};
const headersOf = (role: keyof typeof sessions, isWrite = false): Record<string, string> => ({
  cookie: sessions[role].cookie,
  accept: 'application/json',
  ...(isWrite ? { 'content-type': 'application/json', 'x-requested-with': 'zeren' } : {}),
});

// Score cells: the assessor's Q4 evaluees (from the workbench, as the web client reads them), each
// lent to one request at a time so every request carries the version it read.
interface Cell {
  value: number;
  version?: number;
}
const evaluees = new Map<string, Record<string, Cell | undefined>>();
const CATEGORIES = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'] as const;
async function loadWorkbench() {
  evaluees.clear();
  for (let page = 1; ; page++) {
    const res = await fetch(
      `${api.baseUrl}/api/cycles/${openCycle!.id}/workbench?page=${page}&pageSize=200`,
      {
        headers: headersOf('assessor'),
      },
    );
    if (res.status !== 200) fail(`workbench: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as {
      items: { personId: string; scores: Record<string, { value: number; version: number } | null> }[];
      total: number;
    };
    for (const item of body.items) {
      evaluees.set(
        item.personId,
        Object.fromEntries(
          CATEGORIES.map((c) => [
            c,
            item.scores[c] ? { value: item.scores[c].value, version: item.scores[c].version } : undefined,
          ]),
        ),
      );
    }
    // One page (200 evaluees) is plenty for 32 connections: at 20,000 people every assessor scores
    // ~20,000, and each workbench page costs seconds there (docs/performance.md "Memory").
    if (page * 200 >= body.total || evaluees.size >= 200) break;
  }
}

/** Each scenario: who, what, and the goal its p95 is held to. */
interface Scenario {
  name: string;
  label: string;
  role: keyof typeof sessions;
  kind: 'read' | 'write';
  goalP95?: number;
  requests(): Request[];
  before?(): Promise<void>;
}
let counter = 0;
const next = () => counter++;
const pick = <T>(list: readonly T[]) => list[next() % list.length]!;

/** A progress value for a measure, somewhere between half-way and the goal. */
function progressValue(t: LeafTarget, i: number): number {
  const share = 0.5 + ((i * 37) % 50) / 100;
  switch (t.measureKind) {
    case 'MILESTONE':
      return i % 3 === 0 ? 0 : 1;
    case 'QUALITATIVE':
      return 60 + ((i * 7) % 40);
    case 'NUMBER':
      return Math.round((t.baseline + (t.goal - t.baseline) * share) * 100) / 100;
    default:
      return Math.round(t.goal * share * 100) / 100;
  }
}

const get = (role: keyof typeof sessions, pathOf: () => string): Request[] => [
  { method: 'GET', headers: headersOf(role), setupRequest: (req) => ({ ...req, path: pathOf() }) },
];

const free: string[] = [];
const scenarios: Scenario[] = [
  {
    name: 'tier1',
    label: 'tier-1 dashboard (GET /api/dashboards/bureau, director)',
    role: 'director',
    kind: 'read',
    goalP95: 50,
    requests: () => get('director', () => '/api/dashboards/bureau'),
  },
  {
    name: 'tier2',
    label: 'tier-2 dashboard (GET /api/dashboards/supervisor, deputy)',
    role: 'deputy',
    kind: 'read',
    requests: () => get('deputy', () => `/api/dashboards/supervisor?postId=${deputyPost.id}`),
  },
  {
    name: 'tier3',
    label: 'tier-3 dashboard (GET /api/dashboards/section, chief)',
    role: 'chief',
    kind: 'read',
    requests: () => get('chief', () => `/api/dashboards/section?postId=${chiefPost.id}`),
  },
  {
    name: 'targetDetail',
    label: `target detail (GET /api/targets/:id, chief, ${detailTargetIds.length} targets)`,
    role: 'chief',
    kind: 'read',
    goalP95: 20,
    requests: () => get('chief', () => `/api/targets/${pick(detailTargetIds)}`),
  },
  {
    name: 'targetTree',
    label: `target subtree (GET /api/targets/:id/tree?depth=4, deputy, ${treeRootIds.length} roots)`,
    role: 'deputy',
    kind: 'read',
    requests: () => get('deputy', () => `/api/targets/${pick(treeRootIds)}/tree?depth=4`),
  },
  {
    name: 'resultsPage',
    label: `paged results (GET /api/cycles/:id/results?page=…&pageSize=${PAGE_SIZE}, director, ${resultPages} pages)`,
    role: 'director',
    kind: 'read',
    goalP95: 40,
    requests: () =>
      get(
        'director',
        () =>
          `/api/cycles/${publishedCycle.id}/results?page=${(next() % resultPages) + 1}&pageSize=${PAGE_SIZE}`,
      ),
  },
  {
    name: 'progress',
    label: `progress update with roll-up (POST /api/targets/:id/progress, chief, ${leafTargets.length} leaf targets)`,
    role: 'chief',
    kind: 'write',
    goalP95: 30,
    requests: () => [
      {
        method: 'POST',
        headers: headersOf('chief', true),
        setupRequest: (req) => {
          const i = next();
          const target = leafTargets[i % leafTargets.length]!;
          return {
            ...req,
            path: `/api/targets/${target.id}/progress`,
            body: JSON.stringify({
              value: progressValue(target, i),
              note: '基准测试自动填报（npm run bench）',
            }),
          };
        },
      },
    ],
  },
  {
    name: 'scores',
    label: 'score autosave, one evaluee × 3 categories (PUT /api/cycles/:id/scores, assessor)',
    role: 'assessor',
    kind: 'write',
    goalP95: 20,
    async before() {
      await loadWorkbench();
      free.length = 0;
      free.push(...evaluees.keys());
    },
    requests: () => [
      {
        method: 'PUT',
        path: `/api/cycles/${openCycle.id}/scores`,
        headers: headersOf('assessor', true),
        setupRequest: (req, context) => {
          const evalueeId = free.shift();
          if (!evalueeId) throw new Error('more connections than evaluees');
          context.evalueeId = evalueeId;
          const cells = evaluees.get(evalueeId)!;
          const i = next();
          return {
            ...req,
            body: JSON.stringify({
              cells: CATEGORIES.map((category, k) => {
                const cell = cells[category];
                let value = 70 + ((i * 13 + k * 7) % 30);
                if (cell && cell.value === value) value = value === 99 ? 70 : value + 1;
                return { evalueeId, category, value, ...(cell ? { version: cell.version } : {}) };
              }),
            }),
          };
        },
        onResponse: (status, body, context) => {
          const evalueeId = context.evalueeId as string;
          if (status === 200) {
            const saved = JSON.parse(body) as {
              cells: { category: string; value: number; version: number }[];
            };
            const cells = evaluees.get(evalueeId)!;
            for (const c of saved.cells) cells[c.category] = { value: c.value, version: c.version };
          }
          free.push(evalueeId);
        },
      },
    ],
  },
  // Last: it loads the whole organisation's chain per request (see docs/performance.md).
  {
    name: 'chainLevel',
    label: 'chain, one level with roll-ups (GET /api/chain?rootPostId=<deputy>&depth=1, director)',
    role: 'director',
    kind: 'read',
    requests: () =>
      get('director', () => `/api/chain?line=ADMINISTRATIVE&rootPostId=${deputyPost.id}&depth=1`),
  },
];

// Every scenario answers 2xx once before it is measured (a bench with failing requests is invalid).
const sizes: Record<string, number> = {};
const probeMs: Record<string, number> = {};
for (const scenario of scenarios) {
  if (!want(scenario.name)) continue;
  await scenario.before?.();
  const t0 = performance.now();
  const [request] = scenario.requests();
  const context: Record<string, unknown> = {};
  const built = request!.setupRequest ? request!.setupRequest({ ...request! }, context) : request!;
  const res = await fetch(api.baseUrl + (built.path ?? '/'), {
    method: built.method,
    headers: built.headers as Record<string, string>,
    body: built.body as string | undefined,
  });
  const text = await res.text();
  probeMs[scenario.name] = performance.now() - t0;
  request!.onResponse?.(res.status, text, context);
  if (res.status < 200 || res.status >= 300) fail(`${scenario.name}: ${res.status} ${text.slice(0, 500)}`);
  sizes[scenario.name] = Buffer.byteLength(text);
}

sampling = true;
for (const scenario of scenarios) {
  if (!want(scenario.name)) continue;
  say(`\n${scenario.label}`);
  // One request alone took probeMs: when CONNECTIONS of them clearly cannot finish within the window
  // on these cores, the window would only count the few that did; measure by count instead.
  const isSlow = (probeMs[scenario.name]! * CONNECTIONS) / machine.cores > 2 * DURATION * 1000;
  let result: Measured | undefined;
  if (!isSlow) {
    await scenario.before?.();
    await cannon(api.baseUrl, scenario.requests(), WARMUP, false);
    await waitUntilIdle(apiPid, admin, dbPort);
    await scenario.before?.();
    result = await cannon(api.baseUrl, scenario.requests(), DURATION, true);
    await waitUntilIdle(apiPid, admin, dbPort);
  }
  if (!result || result.requests < MIN_REQUESTS) {
    // Too slow for the window to say anything (requests still in flight when it ends are dropped):
    // one request per connection, all at once, every answer waited for.
    say(
      result
        ? `  only ${result.requests} answers in ${DURATION} s: measuring ${MIN_REQUESTS} requests at once instead`
        : `  one request alone took ${Math.round(probeMs[scenario.name]!)} ms: measuring ${MIN_REQUESTS} requests at once`,
    );
    await scenario.before?.();
    result = {
      ...(await cannon(api.baseUrl, scenario.requests(), { amount: MIN_REQUESTS }, true)),
      mode: 'count',
    };
    await waitUntilIdle(apiPid, admin, dbPort);
  }
  measured[scenario.name] = { api: result };
  say(
    `  ${result.rps} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms` +
      ` (${result.requests} requests, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts; ${sizes[scenario.name]} bytes)`,
  );
}
sampling = false;
const peakHwmKiB = kib(apiPid, 'VmHWM');
clearInterval(rssTimer);
// The floors run with the API stopped (requests a timed-out run left behind would compete with them).
await api.stop();

// The raw-SQL floors: the same data through `pg` directly, a pool of the API's size.
const floorParams: FloorParams = {
  organisationId,
  year,
  tokenHash: {
    director: sessions.director.tokenHash,
    deputy: sessions.deputy.tokenHash,
    chief: sessions.chief.tokenHash,
  },
  deputyPostId: deputyPost.id,
  chiefPostId: chiefPost.id,
  chiefPostIds,
  publishedCycleId: publishedCycle.id,
  openCycleId: openCycle.id,
  detailTargetIds,
  treeRootIds,
  resultPages,
  pageSize: PAGE_SIZE,
  hasSummaries: (
    await admin.query<{ ok: boolean }>(
      `SELECT to_regclass('"TargetUnitSummary"') IS NOT NULL AND to_regclass('"TargetDueSummary"') IS NOT NULL
          AND to_regclass('"GapCountCache"') IS NOT NULL AS ok`,
    )
  ).rows[0]!.ok,
  hasEvaluationCache: (
    await admin.query<{ ok: boolean }>(
      `SELECT to_regclass('"EvaluationSummaryCache"') IS NOT NULL AND to_regclass('"EvaluationVersion"') IS NOT NULL AS ok`,
    )
  ).rows[0]!.ok,
};
const pool = new pg.Pool({ connectionString: database.url, max: poolSize });
pool.on('error', onPoolError);
for (const [name, floor] of Object.entries(floors)) {
  if (!want(name)) continue;
  say(
    `\nraw SQL floor: ${name} (${(floor.statements?.(floorParams) ?? floor.sql).length} statements, pool ${poolSize})`,
  );
  await floor.run(pool, floorParams, 0); // fails loudly on a broken statement
  await drivePool(pool, (i) => floor.run(pool, floorParams, i), WARMUP);
  const result = await drivePool(pool, (i) => floor.run(pool, floorParams, i), DURATION);
  measured[name] = { ...measured[name], floor: result };
  say(
    `  ${result.rps} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms (${result.errors} errors)`,
  );
}
await pool.end();
// The benchmark's sessions end here, as a logout would end them.
await admin.query('DELETE FROM "Session" WHERE "tokenHash" = ANY($1::text[])', [
  Object.values(sessions).map((x) => x.tokenHash),
]);

clearInterval(loadTimer);
machine.loadAfter = os.loadavg().map((n) => Math.round(n * 100) / 100);
machine.loadMax1m = Math.round(machine.loadMax1m * 100) / 100;
await admin.end();
await database.close();

// ---------------------------------------------------------------------------------------------
// Goals, results.json and the docs table

interface Goal {
  goal: string;
  measured: string;
  pass: boolean | null;
}
const goals: Goal[] = [];
const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : `${n} ms`);
for (const scenario of scenarios) {
  const m = measured[scenario.name]?.api;
  if (!m || scenario.goalP95 === undefined) continue;
  goals.push({
    goal: `${scenario.name} p95 ≤ ${scenario.goalP95} ms`,
    measured: ms(m.p95),
    pass: m.non2xx === 0 && m.errors === 0 && m.p95 <= scenario.goalP95,
  });
}
const detail = measured.targetDetail?.api;
if (detail && hello) {
  const ratio = Math.round((detail.rps / hello.rps) * 1000) / 1000;
  goals.push({
    goal: 'single-object read (target detail) throughput ≥ 0.35 × hello-world',
    measured: `${ratio} × (${detail.rps} vs ${hello.rps} req/s)`,
    pass: ratio >= 0.35,
  });
}
for (const scenario of scenarios) {
  const m = measured[scenario.name];
  if (!m?.api || !m.floor) continue;
  goals.push({
    goal: `${scenario.name} p50 ≤ raw-SQL p50 + 1 ms`,
    measured: `${m.api.p50} ms vs ${m.floor.p50} + 1 ms`,
    pass: m.api.p50 <= m.floor.p50 + 1,
  });
}
const peakRssMiB = Math.round(peakRssKiB / 1024);
goals.push({
  goal: 'API resident memory ≤ 200 MB (peak sampled under load)',
  measured: `${peakRssMiB} MiB (VmHWM ${Math.round(peakHwmKiB / 1024)} MiB, idle ${Math.round(rssIdleKiB / 1024)} MiB)`,
  pass: peakRssMiB <= 200,
});

const invalid = Object.entries(measured).filter(([, m]) => m.api && (m.api.non2xx > 0 || m.api.errors > 0));
Object.assign(results, {
  organisation: { code, people: org.people, year },
  settings: {
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    warmupSeconds: WARMUP,
    apiPoolSize: poolSize,
  },
  machine,
  helloWorld: hello ?? null,
  scenarios: scenarios
    .filter((s) => measured[s.name])
    .map((s) => ({
      name: s.name,
      label: s.label,
      kind: s.kind,
      goalP95: s.goalP95 ?? null,
      responseBytes: sizes[s.name] ?? null,
      /** The check request before the load: one request alone, on a cold path. */
      singleRequestMs: probeMs[s.name] === undefined ? null : Math.round(probeMs[s.name]!),
      api: measured[s.name]?.api ?? null,
      rawSql: measured[s.name]?.floor ?? null,
      rawSqlStatements: floors[s.name]?.statements?.(floorParams) ?? floors[s.name]?.sql ?? null,
    })),
  memory: { peakRssMiB, vmHwmMiB: Math.round(peakHwmKiB / 1024), idleRssMiB: Math.round(rssIdleKiB / 1024) },
  goals,
  isValid: invalid.length === 0,
});
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
if (invalid.length === 0) rmSync(api.logFile, { force: true }); // kept when something failed

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : String(n));
const rows = scenarios
  .filter((s) => measured[s.name]?.api)
  .map((s) => {
    const { api: a, floor: f } = measured[s.name]!;
    const vsHello = hello ? `${(a!.rps / hello.rps).toFixed(3)}×` : '—';
    const vsFloor = f
      ? `${fmt(f.p50)}${Number.isFinite(a!.p50 / f.p50) ? ` (${(a!.p50 / f.p50).toFixed(1)}×)` : ''}`
      : '—';
    const mark = a!.mode === 'count' ? ` †` : '';
    return `| ${s.label}${mark} | ${fmt(a!.rps)} | ${fmt(a!.p50)} | ${fmt(a!.p95)} | ${fmt(a!.p99)} | ${a!.non2xx + a!.errors} | ${vsHello} | ${vsFloor} | ${f ? fmt(f.rps) : '—'} |`;
  });
const table = [
  `Run ${machine.date.slice(0, 16).replace('T', ' ')} UTC on commit ${machine.commit}${machine.isWorkingTreeDirty ? ' (+ uncommitted changes)' : ''}, ` +
    `organisation ${code} (${org.people.toLocaleString('en-US')} people). Machine: ${machine.cores} cores (${machine.cpu}), ` +
    `${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}. Load average (1/5/15 min) before ` +
    `${machine.loadBefore.join(' / ')}, after ${machine.loadAfter.join(' / ')}, highest 1-min during the run ${machine.loadMax1m}. ` +
    `autocannon: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per endpoint; raw SQL: pg Pool of ${poolSize} (the API's), ${CONNECTIONS} in flight.`,
  ...(Math.max(machine.loadMax1m, ...machine.loadBefore.slice(0, 1)) > machine.cores
    ? [
        '',
        `**The machine was busy** (1-minute load average up to ${machine.loadMax1m} on ${machine.cores} cores: other processes ` +
          'competed for the cores): latencies are upper bounds and requests/s lower bounds; compare ratios, not absolutes.',
      ]
    : []),
  '',
  `Hello-world (Express 5, own process): ${hello ? `${hello.rps} req/s, p50 ${hello.p50} ms, p95 ${hello.p95} ms, p99 ${hello.p99} ms` : 'not measured'}.`,
  '',
  '| endpoint | req/s | p50 ms | p95 ms | p99 ms | failed | req/s vs hello | raw-SQL p50 ms (API ×) | raw-SQL req/s |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  ...(rows.some((r) => r.includes(' † |'))
    ? [
        '',
        `† Too slow for the ${DURATION} s window (fewer than ${MIN_REQUESTS} answers in it): measured as ${MIN_REQUESTS} requests sent at once, every answer waited for.`,
      ]
    : []),
  '',
  '| goal | measured | result |',
  '| --- | --- | --- |',
  ...goals.map((g) => `| ${g.goal} | ${g.measured} | ${g.pass ? 'pass' : 'MISS'} |`),
  '',
  invalid.length === 0
    ? 'Every request answered 2xx.'
    : `INVALID: failed requests in ${invalid.map(([name]) => name).join(', ')}.`,
].join('\n');

say(`\n${table}\n`);
if (!args['no-docs'] && !ONLY) {
  const docs = readFileSync(DOCS_FILE, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (docs.includes(start) && docs.includes(end)) {
    const before = docs.slice(0, docs.indexOf(start) + start.length);
    const after = docs.slice(docs.indexOf(end));
    // Formatted as `npm run format` would, so the format check stays green after a run.
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(DOCS_FILE)) ?? {};
    writeFileSync(
      DOCS_FILE,
      await prettier.format(`${before}\n${table}\n${after}`, { ...options, filepath: DOCS_FILE }),
    );
    say('written to bench/results.json and docs/performance.md');
  } else say(`docs/performance.md has no ${start} … ${end} markers; written to bench/results.json only`);
} else say('written to bench/results.json');
if (invalid.length > 0) {
  process.stderr.write(
    `bench: INVALID — some requests failed (see the table); the API's log: ${api.logFile}\n`,
  );
  process.exitCode = 1;
}
process.exit();
