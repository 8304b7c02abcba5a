// Logical backup and restore without pg_dump (Debian's pg_dump 15 cannot dump our PostgreSQL 18).
//
// A backup file (`.zbak`) is one gzip stream of frames: [type: 1 byte][length: uint32 BE][payload].
//   H  header (JSON): format, when, source, applied migrations, tables in foreign-key order
//   T  table start (JSON)           D  COPY text-format data of that table (any number of frames)
//   E  table end (JSON): row count and SHA-256 of the table's COPY output, rows ordered by key
//   M  manifest (JSON): every table's count and checksum, and the sequences; always last
// Everything is read in one REPEATABLE READ READ ONLY transaction: one consistent snapshot.
// The checksum is over exactly the bytes stored (rows ordered by primary key, in a fixed output
// format), so a restore proves it reproduced every table by re-reading it the same way.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { repoRoot } from '../config';
import { verifyChains, type ChainReportLine } from '../modules/audit/chain-report';
import { applyMigrations, createPrisma } from './database';

export const BACKUP_FORMAT = 'zeren-backup';
export const BACKUP_VERSION = 1;
const MIGRATIONS_DIR = path.join(repoRoot, 'prisma/migrations');
/** Data frames are coalesced up to this size (COPY sends one message per row). */
const CHUNK_BYTES = 256 * 1024;

/** Fixed output settings, so the COPY text of the same rows is the same bytes on any server. */
const OUTPUT_SETTINGS = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 3',
  "SET LOCAL bytea_output = 'hex'",
].join('; ');

export interface TableSpec {
  name: string;
  columns: string[];
  /** Primary-key columns; `collated` ones are ordered with COLLATE "C" (same order on any server). */
  primaryKey: { name: string; collated: boolean }[];
}
export interface MigrationRecord {
  name: string;
  checksum: string;
}
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: { database: string; serverVersion: string };
  migrations: MigrationRecord[];
  tables: TableSpec[];
}
export interface TableDigest {
  name: string;
  rows: number;
  sha256: string;
}
export interface SequenceState {
  sequence: string;
  table: string;
  column: string;
  lastValue: string;
  isCalled: boolean;
}
export interface BackupManifest {
  tables: TableDigest[];
  sequences: SequenceState[];
}

// ------------------------------------------------------------------------------------- frames

export type FrameType = 'H' | 'T' | 'D' | 'E' | 'M';
export interface Frame {
  type: FrameType;
  payload: Buffer;
}

export function encodeFrame(type: FrameType, payload: Buffer | object): Buffer {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

/** Splits a decompressed backup stream into frames. */
export async function* readFrames(source: AsyncIterable<Buffer>): AsyncGenerator<Frame> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= 5) {
      const length = pending.readUInt32BE(1);
      if (pending.length < 5 + length) break;
      const type = String.fromCharCode(pending[0]!) as FrameType;
      if (!'HTDEM'.includes(type))
        throw new Error(`Not a Zeren backup, or a damaged one (frame type ${type})`);
      yield { type, payload: pending.subarray(5, 5 + length) };
      pending = pending.subarray(5 + length);
    }
  }
  if (pending.length) throw new Error('The backup file ends in the middle of a frame: it is truncated');
}

const json = <T>(frame: Frame) => JSON.parse(frame.payload.toString('utf8')) as T;

// ------------------------------------------------------------------------------------- catalog

const ident = (name: string) => pg.escapeIdentifier(name);

/** The application tables of the current schema (all but Prisma's own), parents before children. */
async function readTables(client: pg.ClientBase): Promise<TableSpec[]> {
  const { rows: tables } = await client.query<{ oid: string; name: string }>(
    `SELECT c.oid::text AS oid, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname`,
  );
  const oids = tables.map((t) => t.oid);
  const { rows: columns } = await client.query<{ oid: string; name: string }>(
    `SELECT a.attrelid::text AS oid, a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attrelid, a.attnum`,
    [oids],
  );
  const { rows: keys } = await client.query<{ oid: string; name: string; collated: boolean }>(
    `SELECT i.indrelid::text AS oid, a.attname AS name, a.attcollation <> 0 AS collated
       FROM pg_index i
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indisprimary AND i.indrelid = ANY($1::oid[])
      ORDER BY i.indrelid, k.ord`,
    [oids],
  );
  const { rows: references } = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT conrelid::text AS child, confrelid::text AS parent FROM pg_constraint
      WHERE contype = 'f' AND conrelid = ANY($1::oid[]) AND conrelid <> confrelid`,
    [oids],
  );

  const specs = new Map<string, TableSpec>(
    tables.map((t) => [
      t.oid,
      {
        name: t.name,
        columns: columns.filter((c) => c.oid === t.oid).map((c) => c.name),
        primaryKey: keys.filter((k) => k.oid === t.oid).map((k) => ({ name: k.name, collated: k.collated })),
      },
    ]),
  );
  // Kahn's algorithm, ties by name, so the order is stable. Rows that reference their own table
  // need no order: foreign keys are checked at the end of each COPY statement.
  const parents = new Map(oids.map((oid) => [oid, new Set<string>()]));
  for (const r of references) if (parents.has(r.parent)) parents.get(r.child)?.add(r.parent);
  const ordered: TableSpec[] = [];
  const done = new Set<string>();
  while (done.size < oids.length) {
    const ready = oids.filter((oid) => !done.has(oid) && [...parents.get(oid)!].every((p) => done.has(p)));
    if (!ready.length) throw new Error('The foreign keys between tables form a cycle; cannot order them');
    for (const oid of ready) {
      done.add(oid);
      ordered.push(specs.get(oid)!);
    }
  }
  return ordered;
}

async function readSequences(client: pg.ClientBase, tables: TableSpec[]): Promise<SequenceState[]> {
  const { rows } = await client.query<{ sequence: string; table: string; column: string }>(
    `SELECT s.relname AS sequence, t.relname AS table, a.attname AS column
       FROM pg_depend d
       JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
        AND d.deptype IN ('a', 'i') AND t.relname = ANY($1::text[])
      ORDER BY s.relname`,
    [tables.map((t) => t.name)],
  );
  const states: SequenceState[] = [];
  for (const row of rows) {
    const { rows: values } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${ident(row.sequence)}`,
    );
    states.push({ ...row, lastValue: values[0]!.last_value, isCalled: values[0]!.is_called });
  }
  return states;
}

/** The rows of a table in primary-key order, as COPY text: what is stored and what is checksummed. */
function copyOutSql(table: TableSpec): string {
  const order = (
    table.primaryKey.length ? table.primaryKey : table.columns.map((name) => ({ name, collated: true }))
  )
    .map((k) => (k.collated ? `${ident(k.name)} COLLATE "C"` : ident(k.name)))
    .join(', ');
  return `COPY (SELECT ${table.columns.map(ident).join(', ')} FROM ${ident(table.name)} ORDER BY ${order}) TO STDOUT`;
}

const countRows = (chunk: Buffer) => {
  let rows = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
  return rows;
};

/** Row count and SHA-256 of a table's COPY output, in the current transaction. */
async function digestTable(client: pg.ClientBase, table: TableSpec): Promise<TableDigest> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const chunk of client.query(copyTo(copyOutSql(table))) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    rows += countRows(chunk);
  }
  return { name: table.name, rows, sha256: hash.digest('hex') };
}

async function appliedMigrations(client: pg.ClientBase): Promise<MigrationRecord[]> {
  const { rows } = await client.query<MigrationRecord>(
    `SELECT migration_name AS name, checksum FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

// ------------------------------------------------------------------------------------- backup

export interface BackupResult {
  file: string;
  bytes: number;
  migrations: string[];
  tables: TableDigest[];
}

export const defaultBackupFile = (at = new Date()) =>
  path.join(
    repoRoot,
    'backups',
    `zeren-${at
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')}.zbak`,
  );

/** Writes a backup of the database at `url` to `file` (created with mode 0600; written atomically). */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(OUTPUT_SETTINGS);
    const { rows: about } = await client.query<{ database: string; version: string }>(
      `SELECT current_database() AS database, current_setting('server_version') AS version`,
    );
    const tables = await readTables(client);
    const migrations = await appliedMigrations(client);
    const digests: TableDigest[] = [];
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      source: { database: about[0]!.database, serverVersion: about[0]!.version },
      migrations,
      tables,
    };

    async function* frames(): AsyncGenerator<Buffer> {
      yield encodeFrame('H', header);
      for (const table of tables) {
        yield encodeFrame('T', { name: table.name });
        const hash = createHash('sha256');
        let rows = 0;
        let buffered: Buffer[] = [];
        let size = 0;
        for await (const chunk of client.query(copyTo(copyOutSql(table))) as AsyncIterable<Buffer>) {
          hash.update(chunk);
          rows += countRows(chunk);
          buffered.push(chunk);
          size += chunk.length;
          if (size >= CHUNK_BYTES) {
            yield encodeFrame('D', Buffer.concat(buffered));
            buffered = [];
            size = 0;
          }
        }
        if (size) yield encodeFrame('D', Buffer.concat(buffered));
        const digest = { name: table.name, rows, sha256: hash.digest('hex') };
        digests.push(digest);
        yield encodeFrame('E', digest);
      }
      const manifest: BackupManifest = { tables: digests, sequences: await readSequences(client, tables) };
      yield encodeFrame('M', manifest);
    }

    await pipeline(Readable.from(frames()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await client.query('COMMIT');
    await rename(partial, target);
    const { size } = await stat(target);
    return { file: target, bytes: size, migrations: migrations.map((m) => m.name), tables: digests };
  } catch (error) {
    // No ROLLBACK: a COPY cut short may still occupy the connection. Closing it ends the read-only
    // transaction just as well.
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------------------------- restore

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

export interface RestoreResult {
  migrations: string[];
  tables: TableDigest[];
  /** Every organisation's audit chain, verified on the restored data. */
  chains: ChainReportLine[];
  /** True when every organisation's audit chain verified. */
  isAuditIntact: boolean;
}

/** The committed migrations, by name, with Prisma's checksum (SHA-256 of migration.sql). */
export function committedMigrations(): MigrationRecord[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => ({
      name,
      checksum: createHash('sha256')
        .update(readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql')))
        .digest('hex'),
    }));
}

/**
 * The backup's migrations must be the first N committed ones, unchanged: its data fits exactly that
 * schema. (Later migrations run at the next start, as after any upgrade.)
 */
function checkMigrations(recorded: MigrationRecord[]): void {
  const committed = committedMigrations();
  recorded.forEach((m, i) => {
    const here = committed[i];
    if (!here || here.name !== m.name) {
      throw new RestoreRefused(
        `The backup was made at migration ${m.name}, which this version of Zeren does not have in that ` +
          'place; restore it with the version that made it.',
      );
    }
    if (here.checksum !== m.checksum)
      throw new RestoreRefused(`Migration ${m.name} differs from the one the backup was made with.`);
  });
}

/** Applies exactly the listed (first N) migrations, through a Prisma config that lists only them. */
export async function applyFirstMigrations(url: string, names: string[]) {
  if (
    names.join() ===
    committedMigrations()
      .map((m) => m.name)
      .join()
  )
    return applyMigrations(url);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zeren-restore-'));
  try {
    await mkdir(path.join(dir, 'migrations'));
    await cp(
      path.join(MIGRATIONS_DIR, 'migration_lock.toml'),
      path.join(dir, 'migrations/migration_lock.toml'),
    );
    for (const name of names)
      await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, 'migrations', name), { recursive: true });
    const configFile = path.join(dir, 'prisma.config.ts');
    await writeFile(
      configFile,
      `import base from ${JSON.stringify(path.join(repoRoot, 'prisma.config.ts'))};\n` +
        `export default { ...base, schema: ${JSON.stringify(path.join(repoRoot, 'prisma/schema.prisma'))}, ` +
        `migrations: { path: ${JSON.stringify(path.join(dir, 'migrations'))} } };\n`,
    );
    await applyMigrations(url, { configFile });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function maintenanceUrl(url: string): { url: string; database: string } {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.slice(1));
  u.pathname = database === 'postgres' ? '/template1' : '/postgres';
  return { url: u.toString(), database };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Relations in the database's own schemas; 0 means there is nothing to lose. */
async function countRelations(url: string): Promise<number | 'missing'> {
  try {
    return await withClient(url, async (client) => {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
            AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`,
      );
      return rows[0]!.n;
    });
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') return 'missing';
    throw error;
  }
}

/** An empty target is used as it is; a missing one is created; a non-empty one only with `force`. */
async function prepareTarget(url: string, force: boolean, log: (message: string) => void) {
  const admin = maintenanceUrl(url);
  const relations = await countRelations(url);
  if (relations === 0) return;
  if (relations !== 'missing' && !force) {
    throw new RestoreRefused(
      `The database "${admin.database}" is not empty (${relations} tables and other relations). ` +
        'Restore into an empty database, or pass --force to drop and recreate it.',
    );
  }
  await withClient(admin.url, async (client) => {
    if (relations !== 'missing') {
      log(`dropping the database "${admin.database}" (--force)`);
      await client.query(`DROP DATABASE ${ident(admin.database)} WITH (FORCE)`);
    }
    log(`creating the database "${admin.database}"`);
    await client.query(`CREATE DATABASE ${ident(admin.database)}`);
  });
}

function sameDigests(expected: TableDigest, actual: TableDigest, what: string) {
  if (expected.rows !== actual.rows)
    throw new Error(`${what} ${expected.name}: ${actual.rows} rows, the backup has ${expected.rows}`);
  if (expected.sha256 !== actual.sha256)
    throw new Error(
      `${what} ${expected.name}: the checksum differs from the backup (damaged or altered data)`,
    );
}

/**
 * Restores `file` into the database at `url`: refuses a non-empty database unless `force`
 * (which drops and recreates it), applies the backup's migrations, loads every table with COPY in
 * one transaction, resets the sequences, verifies row counts and checksums against the manifest
 * (rolling everything back on any difference), then verifies every audit chain.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  options: { force?: boolean; log?: (message: string) => void } = {},
): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined);
  const fileStream = createReadStream(path.resolve(file));
  const gunzip = createGunzip();
  fileStream.on('error', (error) => gunzip.destroy(error));
  const frames = readFrames(fileStream.pipe(gunzip));
  const next = async () => {
    const result = await frames.next();
    return result.done ? undefined : result.value;
  };

  try {
    const first = await next();
    const header = first?.type === 'H' ? json<BackupHeader>(first) : undefined;
    if (!header || header.format !== BACKUP_FORMAT)
      throw new RestoreRefused('This file is not a Zeren backup.');
    if (header.version !== BACKUP_VERSION)
      throw new RestoreRefused(
        `Backup format version ${header.version} is not supported (this version reads ${BACKUP_VERSION}).`,
      );
    checkMigrations(header.migrations);

    await prepareTarget(url, options.force ?? false, log);
    log(`applying ${header.migrations.length} migrations`);
    await applyFirstMigrations(
      url,
      header.migrations.map((m) => m.name),
    );

    const tables = await withClient(url, async (client) => {
      await client.query('BEGIN');
      try {
        await client.query(OUTPUT_SETTINGS);
        const here = await readTables(client);
        const describe = (specs: TableSpec[]) =>
          JSON.stringify(
            specs.map((t) => [t.name, t.columns]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
          );
        if (describe(here) !== describe(header.tables))
          throw new Error('The migrated schema does not have the tables and columns of the backup');
        // The rules that triggers keep were checked when the rows were first written; a restore
        // reproduces the rows byte for byte (checked below). Foreign keys and checks stay on.
        for (const table of header.tables)
          await client.query(`ALTER TABLE ${ident(table.name)} DISABLE TRIGGER USER`);

        const loaded: TableDigest[] = [];
        let manifest: BackupManifest | undefined;
        for (let frame = await next(); frame; frame = await next()) {
          if (frame.type === 'M') {
            manifest = json<BackupManifest>(frame);
            break;
          }
          if (frame.type !== 'T') throw new Error(`Damaged backup: unexpected frame ${frame.type}`);
          const table = header.tables.find((t) => t.name === json<{ name: string }>(frame!).name);
          if (!table) throw new Error('Damaged backup: data for a table the header does not list');
          const copy = client.query(
            copyFrom(`COPY ${ident(table.name)} (${table.columns.map(ident).join(', ')}) FROM STDIN`),
          );
          const finished = new Promise<void>((resolve, reject) => {
            copy.once('finish', resolve);
            copy.once('error', reject);
          });
          let end: TableDigest | undefined;
          try {
            for (frame = await next(); frame; frame = await next()) {
              if (frame.type === 'E') {
                end = json<TableDigest>(frame);
                break;
              }
              if (frame.type !== 'D') throw new Error(`Damaged backup: unexpected frame ${frame.type}`);
              if (!copy.write(frame.payload)) await new Promise((resolve) => copy.once('drain', resolve));
            }
          } catch (error) {
            // Abort the COPY (CopyFail), or the connection stays in COPY mode and ROLLBACK waits forever.
            const closed = new Promise((resolve) => copy.once('close', resolve));
            finished.catch(() => undefined); // the same error, thrown below
            copy.destroy(error as Error);
            await closed;
            throw error;
          }
          copy.end();
          await finished;
          if (!end) throw new Error('The backup file is truncated');
          if (copy.rowCount !== end.rows)
            throw new Error(`Table ${table.name}: loaded ${copy.rowCount} rows, the backup has ${end.rows}`);
          loaded.push(end);
          log(`${table.name}: ${end.rows} rows`);
        }
        if (!manifest) throw new Error('The backup file is truncated (no manifest)');
        if (loaded.length !== header.tables.length || loaded.length !== manifest.tables.length)
          throw new Error('The backup file does not hold every table it lists');

        for (const s of manifest.sequences)
          await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
            ident(s.sequence),
            s.lastValue,
            s.isCalled,
          ]);
        for (const table of header.tables)
          await client.query(`ALTER TABLE ${ident(table.name)} ENABLE TRIGGER USER`);

        for (const table of header.tables) {
          const expected = manifest.tables.find((t) => t.name === table.name);
          if (!expected) throw new Error(`The manifest has no checksum for ${table.name}`);
          sameDigests(
            expected,
            loaded.find((t) => t.name === table.name)!,
            'Backup entry of',
          );
          sameDigests(expected, await digestTable(client, table), 'Restored table');
        }
        await client.query('COMMIT');
        return manifest.tables;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });

    const db = createPrisma(url, 2);
    try {
      const chains = await verifyChains(db);
      return {
        migrations: header.migrations.map((m) => m.name),
        tables,
        chains,
        isAuditIntact: chains.every((c) => c.verification.isIntact),
      };
    } finally {
      await db.$disconnect();
    }
  } finally {
    await frames.return(undefined);
    fileStream.destroy();
  }
}
