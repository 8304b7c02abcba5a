// Backup and restore end to end on databases of their own (the shared test database keeps changing
// under the other test files): seed, back up, restore into a fresh database, compare.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../src/app';
import { loadConfig, repoRoot } from '../src/config';
import {
  applyFirstMigrations,
  backupDatabase,
  committedMigrations,
  encodeFrame,
  readFrames,
  restoreDatabase,
  RestoreRefused,
  type BackupHeader,
  type Frame,
} from '../src/db/backup';
import { applyMigrations, createPrisma, type Db } from '../src/db/database';
import { createAuditRepository } from '../src/modules/audit/audit.repository';
import { createAuditService } from '../src/modules/audit/audit.service';
import { createOrgFixture, FIXTURE_PASSWORD, type OrgFixture } from './support/fixtures';
import { Client } from './support/harness';

const execFileAsync = promisify(execFile);
const suffix = Date.now().toString(36);
const created: string[] = [];
let workDir: string;

function urlOf(database: string) {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}
async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlOf('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
/**
 * A database of this run, dropped at the end; `isCreated` creates it empty now. Named like the
 * run's own test database (`zeren_test_<pid>_…`), so other runs know it is in use.
 */
async function database(name: string, isCreated = true) {
  const full = `zeren_test_${process.pid}_bk_${name}_${suffix}`;
  created.push(full);
  if (isCreated) await admin((c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(full)}`));
  return urlOf(full);
}
async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET TimeZone = 'UTC'");
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Every application table's row count and an MD5 over its rows' text, sorted: computed here
 * independently of the backup code's COPY path.
 */
async function fingerprint(url: string) {
  const tables = await query<{ name: string }>(
    url,
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`,
  );
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [row] = await query<{ rows: number; md5: string }>(
      url,
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(x, E'\\n' ORDER BY x COLLATE "C"), '')) AS md5
         FROM (SELECT t::text AS x FROM ${pg.escapeIdentifier(name)} t) s`,
    );
    result[name] = row!;
  }
  return result;
}

async function framesOf(file: string): Promise<Frame[]> {
  const frames: Frame[] = [];
  for await (const frame of readFrames(Readable.from([gunzipSync(await readFile(file))])))
    frames.push({ type: frame.type, payload: Buffer.from(frame.payload) });
  return frames;
}
async function writeFrames(file: string, frames: Frame[]) {
  await writeFile(file, gzipSync(Buffer.concat(frames.map((f) => encodeFrame(f.type, f.payload)))));
}

let sourceUrl: string;
let sourceDb: Db;
let orgA: OrgFixture;
let orgB: OrgFixture;
let backupFile: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'zeren-backup-test-'));
  sourceUrl = await database('source');
  await applyMigrations(sourceUrl);
  sourceDb = createPrisma(sourceUrl, 3);
  const db = sourceDb;
  orgA = await createOrgFixture(db, '备份局');
  orgB = await createOrgFixture(db, '另一局');
  const { organisationId } = orgA;

  // Values whose text forms need escaping or exact output settings.
  await db.person.create({
    data: { organisationId, employeeNo: 'odd-1', name: 'Tab\there\nnew line \\ back "quote" 😀 张三' },
  });
  await db.organisationSettings.update({
    where: { organisationId },
    data: { annualQuarterWeights: { Q1: 0.2, Q2: 0.3, Q3: 0.25, Q4: 0.25, 说明: '按季度' } },
  });
  const evidence = await db.evidenceFile.create({
    data: {
      organisationId,
      filename: '会议纪要.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 6,
      sha256: 'x'.repeat(64),
      content: Buffer.from([0, 10, 92, 13, 9, 255]),
      uploadedById: orgA.personIds.director,
    },
  });
  const target = await db.target.create({
    data: {
      organisationId,
      ownerPostId: orgA.postIds.director,
      year: 2026,
      category: 'BUSINESS',
      line: 'ADMINISTRATIVE',
      title: '医疗质量提升',
      weight: 33.33,
      measureKind: 'NUMBER',
      goal: 12.5,
      dueDate: new Date('2026-12-31'),
      progress: 33.333333333333336,
      latestValue: 4.1667,
    },
  });
  await db.progressUpdate.create({
    data: {
      organisationId,
      targetId: target.id,
      value: 4.1667,
      normalised: 33.333333333333336,
      note: '第一季度\n完成三分之一',
      evidenceFileId: evidence.id,
      recordedById: orgA.personIds.director,
    },
  });
  await db.loginAttempt.create({ data: { key: 'address:203.0.113.5', at: new Date() } });

  const audit = createAuditService(createAuditRepository(db));
  const append = (orgId: string | null, i: number) =>
    db.$transaction((tx) =>
      audit.append(tx, {
        organisationId: orgId,
        actorUserId: null,
        action: 'target.update',
        entityType: 'Target',
        entityId: target.id,
        before: { weight: 30 + i, title: '医疗质量提升' },
        after: { weight: 33.33, dueDate: new Date('2026-12-31'), note: `第 ${i} 次` },
      }),
    );
  for (let i = 0; i < 5; i++) await append(orgA.organisationId, i);
  for (let i = 0; i < 3; i++) await append(orgB.organisationId, i);
  await append(null, 0);

  backupFile = path.join(workDir, 'source.zbak');
  await backupDatabase(sourceUrl, backupFile);
}, 120_000);

afterAll(async () => {
  await sourceDb?.$disconnect();
  await admin(async (client) => {
    for (const name of created)
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  });
  await rm(workDir, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes one gzip file, readable only by its owner, with the manifest last', async () => {
    expect((await stat(backupFile)).mode & 0o777).toBe(0o600);
    expect((await readFile(backupFile)).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const frames = await framesOf(backupFile);
    expect(frames[0]!.type).toBe('H');
    expect(frames.at(-1)!.type).toBe('M');
    const header = JSON.parse(frames[0]!.payload.toString()) as BackupHeader;
    expect(header.migrations.map((m) => m.name)).toEqual(committedMigrations().map((m) => m.name));
    const order = header.tables.map((t) => t.name);
    // Parents before children.
    expect(order.indexOf('Organisation')).toBeLessThan(order.indexOf('Person'));
    expect(order.indexOf('Person')).toBeLessThan(order.indexOf('UserAccount'));
    expect(order.indexOf('UserAccount')).toBeLessThan(order.indexOf('Session'));
    expect(order.indexOf('Target')).toBeLessThan(order.indexOf('ProgressUpdate'));
    expect(order.indexOf('EvidenceFile')).toBeLessThan(order.indexOf('ProgressUpdate'));
    expect(order).not.toContain('_prisma_migrations');
    const manifest = JSON.parse(frames.at(-1)!.payload.toString());
    expect(manifest.tables.find((t: { name: string }) => t.name === 'AuditEntry').rows).toBe(9);
    expect(manifest.sequences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'AuditEntry', column: 'id', lastValue: '9' }),
      ]),
    );
  });
});

describe('restore', () => {
  it('reproduces every table, the sequences and the audit chains in a fresh database, and the app runs on it', async () => {
    const targetUrl = await database('restored', false); // does not exist yet: restore creates it
    const result = await restoreDatabase(targetUrl, backupFile);

    const before = await fingerprint(sourceUrl);
    const after = await fingerprint(targetUrl);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after).toEqual(before);
    expect(before.Person!.rows).toBe(11);
    expect(before.AuditEntry!.rows).toBe(9);
    expect(result.tables.find((t) => t.name === 'Person')?.rows).toBe(11);

    const seq = `SELECT last_value::text AS v, is_called FROM "AuditEntry_id_seq"`;
    expect(await query(targetUrl, seq)).toEqual(await query(sourceUrl, seq));
    expect(await query(targetUrl, 'SELECT migration_name FROM _prisma_migrations ORDER BY 1')).toEqual(
      await query(sourceUrl, 'SELECT migration_name FROM _prisma_migrations ORDER BY 1'),
    );

    expect(result.isAuditIntact).toBe(true);
    const checked = Object.fromEntries(
      result.chains.map((c) => [c.organisationId ?? 'none', c.verification.checked]),
    );
    expect(checked).toEqual({ [orgA.organisationId]: 5, [orgB.organisationId]: 3, none: 1 });

    // The app on the restored copy: log in over HTTP, and write (new rows take fresh ids).
    const db = createPrisma(targetUrl, 3);
    const config = { ...loadConfig(), LOG_LEVEL: 'silent' as const, ZEREN_WEB_DIST: '/nonexistent' };
    const server = createApp({ db, config, logger: pino({ level: 'silent' }) }).listen(0, '127.0.0.1');
    try {
      await new Promise<void>((resolve) => server.once('listening', resolve));
      const client = new Client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      const login = await client.login(orgA.usernames.chief, FIXTURE_PASSWORD);
      expect(login.status).toBe(200);
      expect(login.body.person.name).toBe('孙科长');
      expect((await client.get('/api/auth/me')).body.organisation.id).toBe(orgA.organisationId);
      const change = await client.post('/api/auth/password', {
        currentPassword: FIXTURE_PASSWORD,
        newPassword: 'restored and still fine',
      });
      expect(change.status).toBe(204);
      const chains = await createAuditService(createAuditRepository(db)).verify(orgA.organisationId);
      expect(chains).toEqual({ organisationId: orgA.organisationId, checked: 6, isIntact: true });
      const newest = await db.auditEntry.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(newest.id).toBe(10n);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.$disconnect();
    }
  }, 120_000);

  it('refuses a database that is not empty unless forced, which recreates it', async () => {
    const targetUrl = await database('occupied');
    await applyMigrations(targetUrl);
    const stranger = createPrisma(targetUrl, 1);
    await createOrgFixture(stranger, '原有局');
    await stranger.$disconnect();

    await expect(restoreDatabase(targetUrl, backupFile)).rejects.toThrow(RestoreRefused);
    await expect(restoreDatabase(targetUrl, backupFile)).rejects.toThrow(/not empty.*--force/);
    expect(
      (await query<{ n: number }>(targetUrl, 'SELECT count(*)::int AS n FROM "Organisation"'))[0]!.n,
    ).toBe(1);

    await restoreDatabase(targetUrl, backupFile, { force: true });
    expect(await fingerprint(targetUrl)).toEqual(await fingerprint(sourceUrl));
  }, 120_000);

  it('rolls everything back when a table does not match its checksum', async () => {
    const frames = await framesOf(backupFile);
    // Alter one person's name inside the data, same length, leaving the recorded checksum alone.
    const index = frames.findIndex((f) => f.type === 'D' && f.payload.includes('孙科长'));
    expect(index).toBeGreaterThan(0);
    const tampered = frames.map((f, i) =>
      i === index ? { ...f, payload: Buffer.from(f.payload.toString().replace('孙科长', '孙局长')) } : f,
    );
    const file = path.join(workDir, 'tampered.zbak');
    await writeFrames(file, tampered);

    const targetUrl = await database('tampered');
    await expect(restoreDatabase(targetUrl, file)).rejects.toThrow(/Person.*checksum differs/);
    expect((await query<{ n: number }>(targetUrl, 'SELECT count(*)::int AS n FROM "Person"'))[0]!.n).toBe(0);
    expect(
      (await query<{ n: number }>(targetUrl, 'SELECT count(*)::int AS n FROM "Organisation"'))[0]!.n,
    ).toBe(0);
  }, 120_000);

  it('refuses a truncated file and one made by a version with unknown migrations', async () => {
    const bytes = gunzipSync(await readFile(backupFile));
    const truncated = path.join(workDir, 'truncated.zbak');
    await writeFile(truncated, gzipSync(bytes.subarray(0, Math.floor(bytes.length * 0.7))));
    const targetUrl = await database('truncated');
    await expect(restoreDatabase(targetUrl, truncated)).rejects.toThrow(/truncated/);
    expect(
      (await query<{ n: number }>(targetUrl, 'SELECT count(*)::int AS n FROM "Organisation"'))[0]!.n,
    ).toBe(0);

    const frames = await framesOf(backupFile);
    const header = JSON.parse(frames[0]!.payload.toString()) as BackupHeader;
    header.migrations.push({ name: '29991231000000_from_the_future', checksum: '0'.repeat(64) });
    const future = path.join(workDir, 'future.zbak');
    await writeFrames(future, [
      { type: 'H', payload: Buffer.from(JSON.stringify(header)) },
      ...frames.slice(1),
    ]);
    await expect(restoreDatabase(await database('future'), future)).rejects.toThrow(/does not have/);

    const notBackup = path.join(workDir, 'not-a-backup.zbak');
    await writeFile(notBackup, gzipSync(Buffer.from('hello')));
    await expect(restoreDatabase(await database('garbage'), notBackup)).rejects.toThrow();
  }, 120_000);

  it('restores a backup of an older schema at its own migrations; the next start upgrades it', async () => {
    const first = committedMigrations()
      .slice(0, 2)
      .map((m) => m.name);
    const oldUrl = await database('old');
    await applyFirstMigrations(oldUrl, first);
    await query(
      oldUrl,
      `INSERT INTO "Organisation" (id, code, name) VALUES (gen_random_uuid(), 'old', '旧版本局')`,
    );
    const file = path.join(workDir, 'old.zbak');
    await backupDatabase(oldUrl, file);

    const targetUrl = await database('old_restored', false);
    const result = await restoreDatabase(targetUrl, file);
    expect(result.migrations).toEqual(first);
    expect(await query(targetUrl, 'SELECT migration_name FROM _prisma_migrations ORDER BY 1')).toEqual(
      first.map((migration_name) => ({ migration_name })),
    );
    await applyMigrations(targetUrl);
    expect((await query(targetUrl, 'SELECT migration_name FROM _prisma_migrations')).length).toBe(
      committedMigrations().length,
    );
    expect(await query(targetUrl, 'SELECT name FROM "Organisation"')).toEqual([{ name: '旧版本局' }]);
  }, 120_000);
});

describe('the command-line tools', () => {
  const npm = (args: string[], databaseUrl: string) =>
    execFileAsync('npm', ['run', '--silent', ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('npm run db:backup, db:restore and audit:verify work on a DATABASE_URL and report a broken chain', async () => {
    const file = path.join(workDir, 'cli.zbak');
    const backup = await npm(['db:backup', '--', file], sourceUrl);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backup written: .*cli\.zbak/);

    const targetUrl = await database('cli', false);
    const restore = await npm(['db:restore', '--', file], targetUrl);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/row counts and checksums match the backup/);
    expect(restore.stdout).toContain(
      `intact  ${(await query<{ name: string }>(targetUrl, `SELECT name FROM "Organisation" WHERE id = $1`, [orgA.organisationId]))[0]!.name}`,
    );

    const again = await npm(['db:restore', '--', file], targetUrl);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty/);

    const verify = await npm(['audit:verify'], targetUrl);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit chains: 3 intact, 0 broken/);
    expect(verify.stdout).toMatch(new RegExp(`intact  .*${orgB.organisationId}\\): 3 entries`));

    // Appending is allowed by the database; a forged entry breaks the chain from there on.
    const [forged] = await query<{ id: string }>(
      targetUrl,
      `INSERT INTO "AuditEntry" ("organisationId", "action", "entityType", "entityId", "at", "prevHash", "hash")
       VALUES ($1, 'target.update', 'Target', 'forged', now(), $2, $2) RETURNING id::text`,
      [orgB.organisationId, 'f'.repeat(64)],
    );
    const broken = await npm(['audit:verify'], targetUrl);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      new RegExp(
        `BROKEN  .*${orgB.organisationId}\\): first broken entry #${forged!.id} \\(target\\.update, .*\\): PREV_HASH_MISMATCH`,
      ),
    );
    expect(broken.stdout).toMatch(/audit chains: 2 intact, 1 broken/);
  }, 180_000);
});
