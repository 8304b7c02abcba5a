// Crashes under write load, on a private cluster with fsync on: (1) kill -9 of the API, restarted;
// (2) PostgreSQL stopped immediately (`pg_ctl -m immediate`) while the API keeps running, then
// started again. Afterwards every write that was answered 2xx is stored, no multi-row write is
// partial (a progress update always has its roll-up and audit entry; a score batch is all or
// nothing), and every audit hash chain verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorEnvelope } from '@zeren/contracts';
import { startLocalPostgres } from '../../src/db/local-postgres';
import { createCycle } from '../support/evaluation-fixtures';
import { addMember } from '../support/evaluation-fixtures';
import {
  createTargetFixture,
  recomputeFromScratch,
  storedProgress,
  type TargetFixture,
} from '../support/target-fixtures';
import {
  loginCookie,
  pgCtl,
  record,
  startApi,
  startCluster,
  stopCluster,
  verifyAuditChains,
  type ApiProcess,
  type Cluster,
  type Sent,
} from './support';

/** Numbers for the log (vitest shows a test's stdout). */
const report = (line: string) => process.stdout.write(`${line}\n`);

const CATEGORIES = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'] as const;
const PROGRESS_CLIENTS = 8;
const ASSESSORS = 4;

interface World {
  f: TargetFixture;
  cycleId: string;
  assessorUsernames: string[];
  assessorIds: string[];
  evalueeIds: string[];
}

async function buildWorld(cluster: Cluster, baseUrl: string): Promise<World> {
  const f = await createTargetFixture(cluster.db, baseUrl);
  const cycle = await createCycle(cluster.db, f.organisationId, { year: 2026, kind: 'Q3' });
  const assessors = [];
  for (let i = 0; i < ASSESSORS; i++)
    assessors.push(await addMember(cluster.db, f.organisationId, { name: `考核员${i}`, isAssessor: true }));
  return {
    f,
    cycleId: cycle.id,
    assessorUsernames: assessors.map((a) => a.username!),
    assessorIds: assessors.map((a) => a.personId),
    evalueeIds: [f.personIds.staff, f.personIds.staff2, f.personIds.staffB, f.personIds.chiefB],
  };
}

/**
 * Progress clients (staff and chiefs on leaf targets) and assessors saving score batches (all
 * cells of four evaluees, one value per batch, each batch carrying the versions the last answer
 * gave), until `stop()` resolves. Every request is recorded.
 */
function driveLoad(baseUrl: () => string, w: World, cookies: Record<string, string>, stop: Promise<void>) {
  const sent: Sent[] = [];
  let isStopped = false;
  void stop.then(() => (isStopped = true));
  let next = 0;
  const leaves: [string, string][] = [
    [w.f.targets['BUSINESS:staff'], 'staff'],
    [w.f.targets['MANAGEMENT:staff2'], 'chief'],
    [w.f.targets['BUSINESS:staffB'], 'staffB'],
    [w.f.targets['IDEOLOGICAL:staffB'], 'chiefB'],
  ];
  const progress = async (n: number) => {
    while (!isStopped) {
      const id = next++;
      const [target, who] = leaves[(n + id) % leaves.length]!;
      sent.push(
        await record(id, 'progress', `${baseUrl()}/api/targets/${target}/progress`, {
          method: 'POST',
          cookie: cookies[who]!,
          body: { value: id % 100, note: `崩溃测试 ${id}` },
        }),
      );
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const scores = async (a: number) => {
    let versions = new Map<string, number>();
    for (let batch = 1; !isStopped; batch++) {
      const value = (a * 1000 + batch) % 100;
      const cells = w.evalueeIds.flatMap((evalueeId) =>
        CATEGORIES.map((category) => {
          const version = versions.get(`${evalueeId}:${category}`);
          return { evalueeId, category, value, ...(version ? { version } : {}) };
        }),
      );
      const res = await record(
        next++,
        `scores:${a}:${value}`,
        `${baseUrl()}/api/cycles/${w.cycleId}/scores`,
        {
          method: 'PUT',
          cookie: cookies[`assessor${a}`]!,
          body: { cells },
        },
      );
      sent.push(res);
      if (res.status === 200) {
        const body = res.body as { cells: { evalueeId: string; category: string; version: number }[] };
        versions = new Map(body.cells.map((c) => [`${c.evalueeId}:${c.category}`, c.version]));
      } else {
        // Unknown outcome (crash) or refused: read the stored versions before the next batch.
        versions = new Map();
        await new Promise((r) => setTimeout(r, 50));
        const bench = await record(-1, 'bench', `${baseUrl()}/api/cycles/${w.cycleId}/workbench`, {
          cookie: cookies[`assessor${a}`]!,
        });
        const items = (
          bench.body as { items?: { personId: string; scores: Record<string, { version: number } | null> }[] }
        )?.items;
        for (const item of items ?? [])
          for (const c of CATEGORIES)
            if (item.scores[c]) versions.set(`${item.personId}:${c}`, item.scores[c]!.version);
      }
    }
  };
  const done = Promise.all([
    ...Array.from({ length: PROGRESS_CLIENTS }, (_, n) => progress(n)),
    ...Array.from({ length: ASSESSORS }, (_, a) => scores(a)),
  ]);
  return { sent, done };
}

async function loginAll(baseUrl: string, w: World) {
  const cookies: Record<string, string> = {};
  for (const who of ['staff', 'chief', 'staffB', 'chiefB'] as const)
    cookies[who] = await loginCookie(baseUrl, w.f.usernames[who]);
  for (const [a, username] of w.assessorUsernames.entries())
    cookies[`assessor${a}`] = await loginCookie(baseUrl, username);
  return cookies;
}

/** The guarantees after a crash, checked on the database itself. */
async function checkDurability(cluster: Cluster, w: World, sent: Sent[]) {
  const db = cluster.db;
  const org = w.f.organisationId;
  // 1. Every acknowledged progress update is stored with its note.
  const acknowledged = sent.filter((s) => s.kind === 'progress' && s.status === 201);
  const rows = await db.progressUpdate.findMany({ where: { organisationId: org } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const s of acknowledged) {
    const { update } = s.body as { update: { id: string; note: string } };
    expect(byId.get(update.id)?.note, `acknowledged progress update ${update.id}`).toBe(update.note);
  }
  // 2. No partial progress write: every stored update (acknowledged or not) has its audit entry,
  //    each target shows its latest update, and the roll-up equals a full recomputation.
  const audits = await db.auditEntry.findMany({ where: { organisationId: org, action: 'progress.record' } });
  const audited = new Set(audits.map((a) => (a.after as { progressUpdateId?: string }).progressUpdateId));
  expect(rows.filter((r) => !audited.has(r.id)).map((r) => r.id)).toEqual([]);
  expect(audits.length).toBe(rows.length);
  const targets = await db.target.findMany({ where: { organisationId: org } });
  for (const t of targets) {
    const latest = rows.filter((r) => r.targetId === t.id).sort((a, b) => +b.recordedAt - +a.recordedAt)[0];
    if (latest) expect(t.latestValue?.toNumber(), t.title).toBe(latest.value.toNumber());
  }
  expect(await storedProgress(db, org)).toEqual(await recomputeFromScratch(db, org));
  // 3. Score batches are all or nothing: each assessor's cells hold one batch's value, which is
  //    the last acknowledged batch or a later one (in flight at the crash).
  const scores = await db.score.findMany({ where: { cycleId: w.cycleId } });
  for (const [a, assessorId] of w.assessorIds.entries()) {
    const mine = scores.filter((s) => s.evaluatorId === assessorId);
    const acked = sent.filter((s) => s.kind.startsWith(`scores:${a}:`) && s.status === 200);
    const values = new Set(mine.map((s) => s.value.toNumber()));
    expect(values.size, `assessor ${a} has one batch's value in every cell`).toBeLessThanOrEqual(1);
    if (acked.length > 0) {
      expect(mine.length).toBe(w.evalueeIds.length * CATEGORIES.length);
      const lastAcked = Number(acked.at(-1)!.kind.split(':')[2]);
      const later = sent
        .filter((s) => s.kind.startsWith(`scores:${a}:`) && s.id > acked.at(-1)!.id)
        .map((s) => Number(s.kind.split(':')[2]));
      expect([lastAcked, ...later], `assessor ${a}`).toContain([...values][0]);
    }
  }
  // 4. The audit chains verify.
  const chains = await verifyAuditChains(db);
  expect(chains.filter((c) => !c.isIntact)).toEqual([]);
  const acknowledgedBatches = sent.filter((s) => s.kind.startsWith('scores:') && s.status === 200).length;
  expect(acknowledgedBatches).toBeGreaterThan(0);
  return {
    acknowledgedProgress: acknowledged.length,
    acknowledgedBatches,
    progressRows: rows.length,
    audits: audits.length,
  };
}

describe('crashes under write load', () => {
  let cluster: Cluster | undefined;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    cluster = await startCluster('pg-resilience-crash', { isEphemeral: false });
  }, 120_000);

  afterAll(async () => {
    if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
    await stopCluster(cluster);
  }, 60_000);

  it('kill -9 of the API: every acknowledged write is stored, none is partial, the chain verifies', async () => {
    api = await startApi(cluster!.url);
    const w = await buildWorld(cluster!, api.baseUrl);
    const cookies = await loginAll(api.baseUrl, w);
    let kill!: () => void;
    const stop = new Promise<void>((resolve) => (kill = resolve));
    const port = new URL(api.baseUrl).port;
    const load = driveLoad(() => api!.baseUrl, w, cookies, stop);
    await new Promise((r) => setTimeout(r, 4_000));
    api.child.kill('SIGKILL');
    const exit = await api.exited;
    kill();
    await load.done;
    expect(exit.signal).toBe('SIGKILL');

    api = await startApi(cluster!.url, Number(port));
    const facts = await checkDurability(cluster!, w, load.sent);
    const unanswered = load.sent.filter((s) => s.error).length;
    report(
      `kill -9: ${load.sent.length} requests, ${facts.acknowledgedProgress} progress updates acknowledged, ` +
        `${facts.progressRows} stored, ${facts.acknowledgedBatches} score batches acknowledged, ` +
        `${unanswered} without an answer at the crash`,
    );
    expect(facts.acknowledgedProgress).toBeGreaterThan(10);
    // The restarted API answers and writes.
    const after = await record(
      0,
      'progress',
      `${api.baseUrl}/api/targets/${w.f.targets['BUSINESS:staff']}/progress`,
      {
        method: 'POST',
        cookie: cookies.staff!,
        body: { value: 1, note: '重启后' },
      },
    );
    expect(after.status).toBe(201);
    api.child.kill('SIGTERM');
    expect((await api.exited).code).toBe(0);
  });

  it('PostgreSQL stopped immediately under load: 503 meanwhile, then every acknowledged write is stored', async () => {
    api = await startApi(cluster!.url);
    const w = await buildWorld(cluster!, api.baseUrl);
    const cookies = await loginAll(api.baseUrl, w);
    let end!: () => void;
    const stop = new Promise<void>((resolve) => (end = resolve));
    const load = driveLoad(() => api!.baseUrl, w, cookies, stop);
    await new Promise((r) => setTimeout(r, 2_000));
    const stoppedAt = Date.now();
    await pgCtl(cluster!.dataDir, ['stop', '-m', 'immediate', '-w']);
    await new Promise((r) => setTimeout(r, 1_500));
    const health = await record(0, 'health', `${api.baseUrl}/api/health`, { cookie: '' });
    // Start it again with the settings it had (startLocalPostgres removes the stale postmaster.pid).
    const restartedAt = Date.now();
    await startLocalPostgres({ dataDir: cluster!.dataDir, port: cluster!.pg.port, isEphemeral: false });
    await new Promise((r) => setTimeout(r, 2_500));
    end();
    await load.done;

    expect(health.status).toBe(503);
    expect(ErrorEnvelope.safeParse(health.body).success).toBe(true);
    const duringOutage = load.sent.filter((s) => s.startedAt > stoppedAt + 200 && s.endedAt < restartedAt);
    expect(duringOutage.length).toBeGreaterThan(0);
    for (const s of duringOutage) {
      expect(s.status, `${s.kind} during the outage`).toBe(503);
      expect(ErrorEnvelope.safeParse(s.body).success, JSON.stringify(s.body)).toBe(true);
    }
    const recovered = load.sent.filter((s) => s.startedAt > restartedAt + 1_000 && s.kind === 'progress');
    expect(recovered.some((s) => s.status === 201)).toBe(true);
    const facts = await checkDurability(cluster!, w, load.sent);
    const statuses = new Map<string, number>();
    for (const s of duringOutage)
      statuses.set(String(s.status ?? s.error), (statuses.get(String(s.status ?? s.error)) ?? 0) + 1);
    report(
      `pg immediate stop: ${load.sent.length} requests, ${facts.acknowledgedProgress} progress updates acknowledged, ` +
        `${facts.progressRows} stored, ${facts.acknowledgedBatches} score batches acknowledged; during the outage ${[...statuses].map(([k, n]) => `${k}×${n}`).join(' ')}`,
    );
    // No database failure reached the generic 500: all were recognised as an outage.
    expect(
      api
        .output()
        .split('\n')
        .filter((l) => l.includes('unhandled error')),
    ).toEqual([]);
    api.child.kill('SIGTERM');
    expect((await api.exited).code).toBe(0);
  });
});
