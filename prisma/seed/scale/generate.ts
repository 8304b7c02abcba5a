// Writes a city-scale plan (plan.ts) into Postgres with COPY … FROM STDIN, in one transaction:
// either the whole organisation is there afterwards or none of it. Every check, key and trigger
// stays on while rows go in (posts are copied tier by tier so the chain trigger finds each
// superior); only `synchronous_commit` is relaxed for this transaction.
//
// --replace deletes the earlier organisation of the same code first, in the same transaction. The
// append-only tables (ProgressUpdate, AuditEntry, Amendment) refuse DELETE in a trigger, so those
// deletes run with `session_replication_role = replica` — set LOCAL, for this session only, switched
// back before anything is written — which needs a superuser (the local cluster's user is one).
// Every table with an "organisationId" column is emptied of that organisation, so tables added
// later are covered too. Nothing else is ever deleted: codes are always city-…, never the demo.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { hashPassword } from '../../../apps/api/src/lib/passwords';
import { buildScalePlan, SCALE_PASSWORD } from './plan';
import type { BenchAccount, ScaleOptions, TableRows } from './plan';

export interface GenerateOptions extends ScaleOptions {
  /** A connected client (left open), or a URL to connect to (closed at the end). */
  client?: pg.Client;
  databaseUrl?: string;
  /** Replace an existing organisation with the same code; otherwise its presence is an error. */
  replace?: boolean;
  /** Progress lines; silent by default. */
  log?: (line: string) => void;
  /** A precomputed argon2id hash of SCALE_PASSWORD (hashing takes ~50 ms). */
  passwordHash?: string;
  /** Run ANALYZE on the written tables afterwards (default true). */
  analyze?: boolean;
}

export interface GenerateResult {
  code: string;
  name: string;
  organisationId: string;
  people: number;
  seed: number;
  year: number;
  /** Rows of the organisation per table, counted in the database after commit. */
  counts: Record<string, number>;
  accounts: BenchAccount[];
  password: string;
  checksum: string;
  replaced: boolean;
  /** Seconds. */
  timings: { plan: number; delete: number; copy: number; analyze: number; total: number };
}

/** Rows per COPY statement: bounds the queue of pending foreign-key checks and paces the log. */
const COPY_BATCH = 100_000;
/** Characters per write to the COPY stream. */
const CHUNK_CHARS = 1 << 20;

const seconds = (from: number) => (performance.now() - from) / 1000;

export async function generateCityScale(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const stamp = (line: string) => log(`[${seconds(started).toFixed(1).padStart(6)} s] ${line}`);

  const passwordHash = options.passwordHash ?? (await hashPassword(SCALE_PASSWORD));
  const plan = buildScalePlan(options);
  const planSeconds = seconds(started);
  const totalRows = Object.values(plan.counts).reduce((a, b) => a + b, 0);
  stamp(`planned ${plan.code}: ${totalRows.toLocaleString('en-US')} rows in memory`);

  let client = options.client;
  const ownsClient = client === undefined;
  if (client === undefined) {
    if (options.databaseUrl === undefined) throw new Error('scale seed: give a client or a databaseUrl');
    client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'zeren-seed-scale' });
    await client.connect();
  }

  let deleteSeconds = 0;
  let copySeconds = 0;
  let replaced = false;
  try {
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL synchronous_commit = off');
      // One writer per code at a time.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`zeren-seed-scale:${plan.code}`]);
      const existing = await client.query<{ id: string }>(
        'SELECT "id" FROM "Organisation" WHERE "code" = $1',
        [plan.code],
      );
      const existingId = existing.rows[0]?.id;
      if (existingId !== undefined) {
        if (options.replace !== true) {
          throw new Error(
            `organisation "${plan.code}" already exists; pass --replace to rebuild it, or choose another --seed`,
          );
        }
        const from = performance.now();
        const deleted = await deleteOrganisation(client, existingId);
        deleteSeconds = seconds(from);
        replaced = true;
        stamp(`deleted the previous ${plan.code}: ${deleted.toLocaleString('en-US')} rows`);
      }

      const copyStarted = performance.now();
      const userTable: TableRows = {
        table: 'UserAccount',
        label: 'UserAccount',
        columns: ['id', 'organisationId', 'personId', 'username', 'passwordHash', 'roles', 'createdAt'],
        rows: plan.users.map((u) => [
          u.id,
          plan.organisationId,
          u.personId,
          u.username,
          passwordHash,
          u.isAdmin ? ['ADMIN'] : [],
          new Date(`${plan.year}-01-05T01:00:00Z`),
        ]),
      };
      const tables = plan.tables.flatMap((t) => (t.table === 'Person' ? [t, userTable] : [t]));
      for (const table of tables) await copyTable(client, table, stamp);
      copySeconds = seconds(copyStarted);
      await client.query('COMMIT');
      stamp(`committed (${copySeconds.toFixed(1)} s of COPY)`);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }

    let analyzeSeconds = 0;
    const tableNames = [...new Set([...plan.tables.map((t) => t.table), 'UserAccount'])];
    if (options.analyze !== false) {
      const from = performance.now();
      for (const table of tableNames) await client.query(`ANALYZE ${pg.escapeIdentifier(table)}`);
      analyzeSeconds = seconds(from);
      stamp(`analyzed ${tableNames.length} tables (${analyzeSeconds.toFixed(1)} s)`);
    }

    const counts: Record<string, number> = {};
    for (const table of tableNames) {
      const column = table === 'Organisation' ? 'id' : 'organisationId';
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${pg.escapeIdentifier(table)} WHERE ${pg.escapeIdentifier(column)} = $1`,
        [plan.organisationId],
      );
      counts[table] = Number(rows[0]?.n ?? 0);
    }
    for (const [table, expected] of Object.entries(plan.counts)) {
      if (counts[table] !== expected)
        throw new Error(`scale seed: ${table} has ${counts[table]} rows, planned ${expected}`);
    }

    return {
      code: plan.code,
      name: plan.name,
      organisationId: plan.organisationId,
      people: plan.people,
      seed: plan.seed,
      year: plan.year,
      counts,
      accounts: plan.accounts,
      password: SCALE_PASSWORD,
      checksum: plan.checksum,
      replaced,
      timings: {
        plan: planSeconds,
        delete: deleteSeconds,
        copy: copySeconds,
        analyze: analyzeSeconds,
        total: seconds(started),
      },
    };
  } finally {
    if (ownsClient) await client.end();
  }
}

/**
 * Removes a generated organisation (code city-…) and everything in it, in one transaction (see the
 * header about the append-only tables). Returns the rows deleted, 0 when there was none.
 */
export async function removeCityScale(options: {
  code: string;
  client?: pg.Client;
  databaseUrl?: string;
}): Promise<number> {
  if (!/^city-\d+-\d+$/.test(options.code))
    throw new Error(`scale seed: ${options.code} is not a generated city`);
  let client = options.client;
  const ownsClient = client === undefined;
  if (client === undefined) {
    if (options.databaseUrl === undefined) throw new Error('scale seed: give a client or a databaseUrl');
    client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'zeren-seed-scale' });
    await client.connect();
  }
  try {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`zeren-seed-scale:${options.code}`]);
      const { rows } = await client.query<{ id: string }>(
        'SELECT "id" FROM "Organisation" WHERE "code" = $1',
        [options.code],
      );
      const deleted = rows[0] === undefined ? 0 : await deleteOrganisation(client, rows[0].id);
      await client.query('COMMIT');
      return deleted;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    if (ownsClient) await client.end();
  }
}

/** Deletes every row of one generated organisation (see the header). Returns the rows deleted. */
async function deleteOrganisation(client: pg.Client, organisationId: string): Promise<number> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.table_name AS name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND c.column_name = 'organisationId' AND t.table_type = 'BASE TABLE'
      ORDER BY 1`,
  );
  try {
    await client.query('SAVEPOINT replica_role');
    await client.query('SET LOCAL session_replication_role = replica');
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT replica_role');
    throw new Error(
      `--replace needs a superuser connection (it deletes append-only rows of the generated organisation): ${
        (error as Error).message
      }. Use another --seed or a fresh database instead.`,
    );
  }
  let deleted = 0;
  {
    const sessions = await client.query(
      `DELETE FROM "Session" WHERE "userId" IN (SELECT "id" FROM "UserAccount" WHERE "organisationId" = $1)`,
      [organisationId],
    );
    deleted += sessions.rowCount ?? 0;
    for (const { name } of tables) {
      const result = await client.query(
        `DELETE FROM ${pg.escapeIdentifier(name)} WHERE "organisationId" = $1`,
        [organisationId],
      );
      deleted += result.rowCount ?? 0;
    }
    const organisation = await client.query('DELETE FROM "Organisation" WHERE "id" = $1', [organisationId]);
    deleted += organisation.rowCount ?? 0;
  }
  // Back to normal before anything is written: every trigger and key check applies to the new rows.
  await client.query('SET LOCAL session_replication_role = origin');
  return deleted;
}

async function copyTable(client: pg.Client, table: TableRows, stamp: (line: string) => void): Promise<void> {
  if (table.rows.length === 0) {
    stamp(`${table.label.padEnd(22)} ${'0'.padStart(9)} rows`);
    return;
  }
  const columns = table.columns.map((c) => pg.escapeIdentifier(c)).join(', ');
  const sql = `COPY ${pg.escapeIdentifier(table.table)} (${columns}) FROM STDIN`;
  const from = performance.now();
  for (let start = 0; start < table.rows.length; start += COPY_BATCH) {
    const end = Math.min(table.rows.length, start + COPY_BATCH);
    const stream = client.query(copyFrom(sql));
    let chunk = '';
    for (let i = start; i < end; i++) {
      chunk += encodeRow(table.rows[i] as unknown[]);
      if (chunk.length >= CHUNK_CHARS) {
        const canContinue = stream.write(chunk);
        chunk = '';
        if (!canContinue) await once(stream, 'drain');
      }
    }
    stream.end(chunk);
    await finished(stream);
    if (table.rows.length > COPY_BATCH) {
      stamp(
        `${table.label.padEnd(22)} ${end.toLocaleString('en-US').padStart(9)} / ${table.rows.length.toLocaleString('en-US')} rows`,
      );
    }
  }
  const took = seconds(from);
  const rate = took > 0 ? Math.round(table.rows.length / took) : 0;
  stamp(
    `${table.label.padEnd(22)} ${table.rows.length.toLocaleString('en-US').padStart(9)} rows in ${took.toFixed(1)} s (${rate.toLocaleString('en-US')} rows/s)`,
  );
}

// COPY text format: tab-separated, \N for null, backslash escapes.
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function encodeValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string')
    return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? c) : value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`scale seed: cannot write ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  // Enum arrays (lines, roles): plain identifiers, no quoting needed.
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  throw new Error(`scale seed: cannot write a ${typeof value}`);
}

function encodeRow(row: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + encodeValue(row[i]);
  return `${line}\n`;
}
