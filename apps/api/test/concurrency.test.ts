// Concurrency and retries over real HTTP: 20 parallel edits with one version (exactly one wins),
// and Idempotency-Key replays of progress updates and score writes (one row, identical answers).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCycle, createEvaluationFixture, loginAs } from './support/evaluation-fixtures';
import type { Client } from './support/harness';
import { useHarness } from './support/harness';
import { createTargetFixture, patch } from './support/target-fixtures';

const h = useHarness();
const CATEGORIES = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'] as const;

const keyed = (c: Client, method: string, path: string, body: unknown, key: string) =>
  c.request(method, path, body, { 'idempotency-key': key });

describe('optimistic concurrency', () => {
  it('20 parallel edits with the same version: exactly one 200, 19 × 409 STALE_VERSION, the winner is stored', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const id = f.targets['BUSINESS:staff'];
    const [chief, director, admin] = [
      await f.login('chief'),
      await f.login('director'),
      await f.login('admin'),
    ];
    const editors = [chief, director, admin];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        patch(editors[i % 3]!, `/api/targets/${id}`, { version: 1, title: `并发修改 ${i}`, weight: i }),
      ),
    );
    const winners = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
    expect(winners).toHaveLength(1);
    const losers = results.filter((r) => r.status === 409);
    expect(losers).toHaveLength(19);
    for (const r of losers) expect(r.body.error.code).toBe('STALE_VERSION');
    const w = winners[0]!;
    const row = await h.db.target.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ title: `并发修改 ${w}`, version: 2 });
    expect(row.weight.toNumber()).toBe(w);
    expect(results[w]!.body).toMatchObject({ title: `并发修改 ${w}`, version: 2 });
    const audits = await h.db.auditEntry.count({ where: { entityId: id, action: 'target.update' } });
    expect(audits).toBe(1);
  });
});

describe('Idempotency-Key', () => {
  it('progress: 10 parallel replays of one key → one ProgressUpdate row, one audit entry, identical answers', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const id = f.targets['BUSINESS:staff'];
    const staff = await f.login('staff');
    const key = randomUUID();
    const body = { value: 42, note: '幂等重试测试' };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => keyed(staff, 'POST', `/api/targets/${id}/progress`, body, key)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    for (const r of results) expect(r.text).toBe(results[0]!.text);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await h.db.progressUpdate.count({ where: { targetId: id } })).toBe(1);
    expect(await h.db.auditEntry.count({ where: { entityId: id, action: 'progress.record' } })).toBe(1);
    const stored = await h.db.idempotencyKey.findMany({ where: { key } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.response).toBe(results[0]!.text);

    // A later sequential replay answers the same bytes too.
    const later = await keyed(staff, 'POST', `/api/targets/${id}/progress`, body, key);
    expect(later.status).toBe(201);
    expect(later.text).toBe(results[0]!.text);
    expect(await h.db.progressUpdate.count({ where: { targetId: id } })).toBe(1);
  });

  it('refuses the same key with another body or on another route (409, Chinese message), writing nothing', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const id = f.targets['BUSINESS:staff'];
    const staff = await f.login('staff');
    const key = randomUUID();
    const first = await keyed(
      staff,
      'POST',
      `/api/targets/${id}/progress`,
      { value: 10, note: '第一次' },
      key,
    );
    expect(first.status).toBe(201);
    const other = await keyed(
      staff,
      'POST',
      `/api/targets/${id}/progress`,
      { value: 11, note: '第一次' },
      key,
    );
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'IDEMPOTENCY_KEY_REUSED' },
    });
    expect(other.body.error.message).toContain('Idempotency-Key');
    const elsewhere = await keyed(
      staff,
      'POST',
      `/api/targets/${f.targets['MANAGEMENT:staff']}/progress`,
      { value: 10, note: '第一次' },
      key,
    );
    expect(elsewhere.status).toBe(409);
    expect(await h.db.progressUpdate.count({ where: { organisationId: f.organisationId } })).toBe(1);

    // Keys are per user: another user's identical key is a new request.
    const chief = await f.login('chief');
    const theirs = await keyed(
      chief,
      'POST',
      `/api/targets/${id}/progress`,
      { value: 10, note: '第一次' },
      key,
    );
    expect(theirs.status).toBe(201);
    expect(theirs.body.update.id).not.toBe(first.body.update.id);

    // A malformed key is refused before anything runs; a failed write stores nothing.
    const bad = await keyed(staff, 'POST', `/api/targets/${id}/progress`, { value: 1, note: 'x' }, 'a b');
    expect(bad.status).toBe(400);
    const failKey = randomUUID();
    const forbidden = await keyed(
      staff,
      'POST',
      `/api/targets/${f.targets['BUSINESS:staffB']}/progress`,
      { value: 1, note: 'x' },
      failKey,
    );
    expect(forbidden.status).toBe(404);
    expect(await h.db.idempotencyKey.count({ where: { key: failKey } })).toBe(0);
  });

  it('replays an expired key as a new request after 24 hours', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const id = f.targets['BUSINESS:staff'];
    const staff = await f.login('staff');
    const key = randomUUID();
    const body = { value: 5, note: '过期测试' };
    expect((await keyed(staff, 'POST', `/api/targets/${id}/progress`, body, key)).status).toBe(201);
    await h.db.idempotencyKey.updateMany({
      where: { key },
      data: { createdAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    const again = await keyed(staff, 'POST', `/api/targets/${id}/progress`, body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await h.db.progressUpdate.count({ where: { targetId: id } })).toBe(2);
    expect(await h.db.idempotencyKey.count({ where: { key } })).toBe(1);
  });

  it('scores: 10 parallel replays of a batch save and of a submit → one set of rows, identical answers', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 1, extraStaff: 0 });
    const cycle = await createCycle(h.db, fx.organisationId);
    const assessor = await loginAs(h.baseUrl, fx.assessors[0]!.username);
    const cells = fx.evalueeIds.flatMap((evalueeId, i) =>
      CATEGORIES.map((category, j) => ({ evalueeId, category, value: 70 + i + j })),
    );
    const saveKey = randomUUID();
    const saves = await Promise.all(
      Array.from({ length: 10 }, () =>
        keyed(assessor, 'PUT', `/api/cycles/${cycle.id}/scores`, { cells }, saveKey),
      ),
    );
    expect(saves.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const r of saves) expect(r.text).toBe(saves[0]!.text);
    expect(saves[0]!.body.changed).toBe(cells.length);
    const scores = await h.db.score.findMany({ where: { cycleId: cycle.id } });
    expect(scores).toHaveLength(cells.length);
    expect(scores.every((s) => s.version === 1)).toBe(true);
    expect(await h.db.auditEntry.count({ where: { entityId: cycle.id, action: 'score.save' } })).toBe(1);

    const submitKey = randomUUID();
    const submits = await Promise.all(
      Array.from({ length: 10 }, () =>
        keyed(assessor, 'POST', `/api/cycles/${cycle.id}/submit`, {}, submitKey),
      ),
    );
    expect(submits.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const r of submits) expect(r.text).toBe(submits[0]!.text);
    expect(submits[0]!.body.scoresSubmitted).toBe(cells.length);
    expect(await h.db.auditEntry.count({ where: { entityId: cycle.id, action: 'score.submit' } })).toBe(1);

    // A changed batch under the save's key is refused and changes nothing.
    const changed = await keyed(
      assessor,
      'PUT',
      `/api/cycles/${cycle.id}/scores`,
      { cells: cells.map((c) => ({ ...c, value: 1 })) },
      saveKey,
    );
    expect(changed.status).toBe(409);
    const after = await h.db.score.findMany({ where: { cycleId: cycle.id } });
    expect(after.map((s) => s.value.toNumber()).sort()).toEqual(scores.map((s) => s.value.toNumber()).sort());
  });

  it('is documented as a header parameter in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${h.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    const headerOf = (path: string, method: string) =>
      doc.paths[path]![method]!.parameters?.filter((p) => p.in === 'header').map((p) => p.name);
    expect(headerOf('/api/targets/{id}/progress', 'post')).toEqual(['Idempotency-Key']);
    expect(headerOf('/api/cycles/{id}/scores', 'put')).toEqual(['Idempotency-Key']);
    expect(headerOf('/api/cycles/{id}/submit', 'post')).toEqual(['Idempotency-Key']);
    expect(headerOf('/api/targets/{id}', 'patch') ?? []).toEqual([]);
  });
});
