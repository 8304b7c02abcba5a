// 综合考评 end to end over real HTTP and a real Postgres: cycles and their state machine, the
// scoring window, who scores whom, concurrency, results (veto, quota), visibility, amendments,
// the annual cycle and the .xlsx export.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { RESULT_EXPORT_HEADERS } from '../src/modules/evaluations/results-export';
import {
  addMember,
  createCycle,
  createEvaluationFixture,
  downloadAs,
  loginAs,
  openWindow,
  type EvaluationFixture,
  type Member,
} from './support/evaluation-fixtures';
import type { Client } from './support/harness';
import { useHarness } from './support/harness';

const h = useHarness();
const CATEGORIES = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'] as const;

const cellsFor = (evalueeId: string, value: number | readonly [number, number, number]) =>
  CATEGORIES.map((category, i) => ({
    evalueeId,
    category,
    value: typeof value === 'number' ? value : value[i]!,
  }));

const put = (c: Client, path: string, body: unknown) => c.request('PUT', path, body);
const patch = (c: Client, path: string, body: unknown) => c.request('PATCH', path, body);
const del = (c: Client, path: string) => c.request('DELETE', path);

async function move(c: Client, cycleId: string, to: string, extra: Record<string, unknown> = {}) {
  const current = await c.get(`/api/cycles/${cycleId}`);
  return c.post(`/api/cycles/${cycleId}/transitions`, { to, version: current.body.version, ...extra });
}

/** One after another: logins are throttled per address, and the tests are about scoring. */
async function loginAll(members: readonly Member[]) {
  const clients: Client[] = [];
  for (const m of members) clients.push(await loginAs(h.baseUrl, m.username));
  return clients;
}

const isoWindow = (w = openWindow()) => ({
  windowStart: w.windowStart.toISOString(),
  windowEnd: w.windowEnd.toISOString(),
});

/** Every assessor scores every evaluee the same per-evaluee value(s), then submits all. */
async function scoreEveryone(
  fx: EvaluationFixture,
  cycleId: string,
  values: Record<string, number | readonly [number, number, number]>,
  assessors = fx.assessors,
) {
  const clients = await loginAll(assessors);
  for (const c of clients) {
    const cells = Object.entries(values).flatMap(([id, v]) => cellsFor(id, v));
    const saved = await put(c, `/api/cycles/${cycleId}/scores`, { cells });
    expect(saved.status, saved.text).toBe(200);
    const submitted = await c.post(`/api/cycles/${cycleId}/submit`, {});
    expect(submitted.status, submitted.text).toBe(200);
  }
  return clients;
}

/**
 * A published Q3: five evaluees scored 95 / 92 / 80 / 70 / 50 by five assessors (quota: 1 优秀
 * place), the staff member vetoed by one assessor.
 */
async function publishedQuarter(options: { kind?: 'Q1' | 'Q2' | 'Q3'; publish?: boolean } = {}) {
  const fx = await createEvaluationFixture(h.db);
  const director = await loginAs(h.baseUrl, fx.usernames.director);
  const created = await director.post('/api/cycles', {
    year: 2026,
    kind: options.kind ?? 'Q3',
    ...isoWindow(),
  });
  expect(created.status, created.text).toBe(201);
  const cycleId: string = created.body.id;
  expect((await move(director, cycleId, 'OPEN')).status).toBe(200);
  const [deputy, chief, staff, extra1, extra2] = fx.evalueeIds as [string, string, string, string, string];
  const assessors = await scoreEveryone(fx, cycleId, {
    [deputy]: 95,
    [chief]: 92,
    [staff]: 80,
    [extra1]: 70,
    [extra2]: 50,
  });
  const veto = await assessors[0]!.post(`/api/cycles/${cycleId}/adjustments`, {
    evalueeId: staff,
    kind: 'VETO',
    reason: '发生重大责任事故',
  });
  expect(veto.status, veto.text).toBe(201);
  expect((await assessors[0]!.post(`/api/cycles/${cycleId}/submit`, { evalueeIds: [staff] })).status).toBe(
    200,
  );
  expect((await move(director, cycleId, 'CLOSED')).status).toBe(200);
  if (options.publish !== false) {
    const published = await move(director, cycleId, 'PUBLISHED');
    expect(published.status, published.text).toBe(200);
  }
  return { fx, director, cycleId, assessors, ids: { deputy, chief, staff, extra1, extra2 } };
}

describe('evaluation cycles: the state machine', () => {
  it('goes DRAFT → OPEN → CLOSED → OPEN → CLOSED → PUBLISHED and refuses every illegal move with a Chinese reason', async () => {
    const fx = await createEvaluationFixture(h.db, { extraStaff: 0 });
    const director = await loginAs(h.baseUrl, fx.usernames.director);
    const created = await director.post('/api/cycles', { year: 2026, kind: 'Q3' });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', kind: 'Q3', year: 2026, nextStatuses: ['OPEN'] });
    const id: string = created.body.id;

    // The same quarter twice is refused.
    const twice = await director.post('/api/cycles', { year: 2026, kind: 'Q3' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('已存在');

    const refuse = async (to: string, pattern: RegExp) => {
      const res = await move(director, id, to);
      expect(res.status, `${to}: ${res.text}`).toBe(409);
      expect(res.body.error.code).toBe('CONFLICT');
      expect(res.body.error.message).toMatch(pattern);
    };
    // DRAFT: only OPEN, and only with a window.
    await refuse('CLOSED', /不能从“草稿”变为“已截止”，只能变为“评分中”/);
    await refuse('PUBLISHED', /不能从“草稿”变为“已发布”/);
    await refuse('DRAFT', /已是“草稿”状态/);
    await refuse('OPEN', /请先设置评分开始和截止时间/);

    const opened = await move(director, id, 'OPEN', isoWindow());
    expect(opened.status, opened.text).toBe(200);
    expect(opened.body).toMatchObject({ status: 'OPEN', isScoringOpenNow: true, nextStatuses: ['CLOSED'] });
    expect(opened.body.openedAt).not.toBeNull();

    await refuse('PUBLISHED', /不能从“评分中”变为“已发布”，只能变为“已截止”/);
    await refuse('DRAFT', /不能从“评分中”变为“草稿”/);
    await refuse('OPEN', /已是“评分中”状态/);

    // A stale version is refused before anything else.
    const stale = await director.post(`/api/cycles/${id}/transitions`, { to: 'CLOSED', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');

    const [deputy, chief, staff] = fx.evalueeIds as [string, string, string];
    await scoreEveryone(fx, id, { [deputy]: 88, [chief]: 85, [staff]: 75 });

    expect((await move(director, id, 'CLOSED')).body).toMatchObject({
      status: 'CLOSED',
      nextStatuses: ['PUBLISHED', 'OPEN'],
      counts: { results: 3 },
    });
    await refuse('DRAFT', /不能从“已截止”变为“草稿”，只能变为“已发布”或“评分中”/);
    await refuse('CLOSED', /已是“已截止”状态/);

    // Reopen (e.g. an evaluator was away): provisional results are dropped; a new deadline may be set.
    const newEnd = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const reopened = await move(director, id, 'OPEN', { ...isoWindow(), windowEnd: newEnd });
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'OPEN', windowEnd: newEnd, counts: { results: 0 } });
    expect((await move(director, id, 'CLOSED')).status).toBe(200);

    const published = await move(director, id, 'PUBLISHED');
    expect(published.status, published.text).toBe(200);
    expect(published.body).toMatchObject({ status: 'PUBLISHED', nextStatuses: [], counts: { results: 3 } });
    expect(published.body.publishedAt).not.toBeNull();

    for (const to of ['DRAFT', 'OPEN', 'CLOSED'])
      await refuse(to, /考核结果已发布，周期不能再变更；如需修改结果，请登记更正/);
    await refuse('PUBLISHED', /已是“已发布”状态/);
    const window = await patch(director, `/api/cycles/${id}`, {
      ...isoWindow(),
      version: published.body.version,
    });
    expect(window.status).toBe(409);

    const actions = (
      await h.db.auditEntry.findMany({
        where: { organisationId: fx.organisationId, entityId: id },
        orderBy: { id: 'asc' },
      })
    ).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('cycle.'))).toEqual([
      'cycle.create',
      'cycle.open',
      'cycle.close',
      'cycle.reopen',
      'cycle.close',
      'cycle.publish',
    ]);
    expect(actions).toContain('results.compute');
    expect(actions).toContain('results.publish');
    expect(actions).toContain('score.save');
    expect(actions).toContain('score.submit');
  });

  it('lets only admin and tier 1 create, window and move cycles; everyone may read them', async () => {
    const fx = await createEvaluationFixture(h.db, { extraStaff: 0, assessors: 1 });
    const admin = await loginAs(h.baseUrl, fx.usernames.admin);
    const created = await admin.post('/api/cycles', { year: 2026, kind: 'Q4' });
    expect(created.status, created.text).toBe(201);
    const id: string = created.body.id;
    for (const username of [
      fx.usernames.deputy,
      fx.usernames.chief,
      fx.usernames.staff,
      fx.assessors[0]!.username,
    ]) {
      const c = await loginAs(h.baseUrl, username);
      expect((await c.post('/api/cycles', { year: 2026, kind: 'Q1' })).status).toBe(403);
      expect((await patch(c, `/api/cycles/${id}`, { ...isoWindow(), version: 1 })).status).toBe(403);
      const moved = await c.post(`/api/cycles/${id}/transitions`, { to: 'OPEN', version: 1, ...isoWindow() });
      expect(moved.status).toBe(403);
      expect(moved.body.error.message).toContain('只有管理员或一级责任人');
      const read = await c.get(`/api/cycles/${id}`);
      expect(read.status).toBe(200);
      expect(read.body.permissions.canManage).toBe(false);
      const list = await c.get('/api/cycles?year=2026');
      expect(list.body.items.map((x: { id: string }) => x.id)).toContain(id);
    }
    const windowed = await patch(admin, `/api/cycles/${id}`, { ...isoWindow(), version: 1 });
    expect(windowed.status, windowed.text).toBe(200);
    expect(windowed.body.version).toBe(2);
    expect((await move(admin, id, 'OPEN')).status).toBe(200);
    expect(
      (
        await admin.post('/api/cycles', {
          year: 2026,
          kind: 'Q1',
          windowStart: isoWindow().windowEnd,
          windowEnd: isoWindow().windowStart,
        })
      ).status,
    ).toBe(400);
    // Another organisation's cycle does not exist for this one.
    const other = await createEvaluationFixture(h.db, { extraStaff: 0, assessors: 0 });
    const otherDirector = await loginAs(h.baseUrl, other.usernames.director);
    expect((await otherDirector.get(`/api/cycles/${id}`)).status).toBe(404);
    expect(
      (await otherDirector.post(`/api/cycles/${id}/transitions`, { to: 'CLOSED', version: 2 })).status,
    ).toBe(404);
  });
});

describe('scoring', () => {
  it('accepts scores only while the cycle is open and inside its window, with the reason otherwise', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 1, extraStaff: 0 });
    const assessor = await loginAs(h.baseUrl, fx.assessors[0]!.username);
    const cells = cellsFor(fx.personIds.staff, 80);
    const hour = 3_600_000;
    const cases = [
      { status: 'DRAFT' as const, message: /处于“草稿”状态，不能录入评分/ },
      {
        status: 'OPEN' as const,
        windowStart: new Date(Date.now() + hour),
        windowEnd: new Date(Date.now() + 2 * hour),
        message: /评分时间尚未开始/,
      },
      {
        status: 'OPEN' as const,
        windowStart: new Date(Date.now() - 2 * hour),
        windowEnd: new Date(Date.now() - hour),
        message: /评分时间已截止/,
      },
      { status: 'CLOSED' as const, message: /处于“已截止”状态/ },
      { status: 'PUBLISHED' as const, message: /处于“已发布”状态/ },
    ];
    const kinds = ['Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL'] as const;
    for (const [i, spec] of cases.entries()) {
      const cycle = await createCycle(h.db, fx.organisationId, { ...spec, kind: kinds[i] });
      const res = await put(assessor, `/api/cycles/${cycle.id}/scores`, { cells });
      expect(res.status, res.text).toBe(409);
      expect(res.body.error.message).toMatch(spec.message);
      const adj = await assessor.post(`/api/cycles/${cycle.id}/adjustments`, {
        evalueeId: fx.personIds.staff,
        kind: 'BONUS',
        amount: 1,
        reason: '获市级表彰',
      });
      expect(adj.status).toBe(409);
      const bench = await assessor.get(`/api/cycles/${cycle.id}/workbench`);
      expect(bench.body.window.isOpenNow).toBe(false);
      expect(bench.body.window.closedReason).toMatch(spec.message);
    }
    expect(await h.db.score.count({ where: { organisationId: fx.organisationId } })).toBe(0);

    // Extending the deadline of the ended window lets scores in again.
    const ended = await h.db.evaluationCycle.findFirstOrThrow({
      where: { organisationId: fx.organisationId, kind: 'Q3' },
    });
    const admin = await loginAs(h.baseUrl, fx.usernames.admin);
    const extended = await patch(admin, `/api/cycles/${ended.id}`, {
      ...isoWindow(),
      version: ended.version,
    });
    expect(extended.status, extended.text).toBe(200);
    const ok = await put(assessor, `/api/cycles/${ended.id}/scores`, { cells });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.changed).toBe(3);
  });

  it('lets only assessment-group members score, never themselves (also refused by the database)', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 1, extraStaff: 0 });
    // An assessor who also holds a tier 4 post in 人事科, so is an evaluee too.
    const scorer = await addMember(h.db, fx.organisationId, {
      name: '人事科考核员',
      isAssessor: true,
      post: { unitId: fx.unitIds.personnel, tier: 4, superiorPostId: fx.postIds.deputy },
    });
    const cycle = await createCycle(h.db, fx.organisationId);
    const c = await loginAs(h.baseUrl, scorer.username);

    const bench = await c.get(`/api/cycles/${cycle.id}/workbench`);
    expect(bench.status, bench.text).toBe(200);
    const ids = bench.body.items.map((e: { personId: string }) => e.personId);
    expect(ids).not.toContain(scorer.personId);
    expect(ids.sort()).toEqual([...fx.evalueeIds].sort());

    const self = await put(c, `/api/cycles/${cycle.id}/scores`, { cells: cellsFor(scorer.personId, 99) });
    expect(self.status).toBe(403);
    expect(self.body.error.message).toBe('不能给自己评分');
    const selfBonus = await c.post(`/api/cycles/${cycle.id}/adjustments`, {
      evalueeId: scorer.personId,
      kind: 'BONUS',
      amount: 5,
      reason: '自评',
    });
    expect(selfBonus.status).toBe(403);

    // Another assessor may score them.
    const other = await loginAs(h.baseUrl, fx.assessors[0]!.username);
    expect(
      (await put(other, `/api/cycles/${cycle.id}/scores`, { cells: cellsFor(scorer.personId, 90) })).status,
    ).toBe(200);

    // The director, the admin and staff are not assessors.
    for (const username of [fx.usernames.director, fx.usernames.admin, fx.usernames.staff]) {
      const outsider = await loginAs(h.baseUrl, username);
      const res = await put(outsider, `/api/cycles/${cycle.id}/scores`, {
        cells: cellsFor(fx.personIds.chief, 80),
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe('只有考核督导组成员可以评分');
      expect((await outsider.get(`/api/cycles/${cycle.id}/workbench`)).status).toBe(403);
    }

    // The database refuses self-scoring even if the code did not.
    await expect(
      h.db.score.create({
        data: {
          organisationId: fx.organisationId,
          cycleId: cycle.id,
          evaluatorId: scorer.personId,
          evalueeId: scorer.personId,
          category: 'BUSINESS',
          value: 100,
        },
      }),
    ).rejects.toThrow(/Score_no_self_scoring/);
  });

  it('bars evaluators from scoring their own unit when the organisation says so', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 0, extraStaff: 1 });
    const inSection = await addMember(h.db, fx.organisationId, {
      name: '医政科考核员',
      isAssessor: true,
      post: { unitId: fx.unitIds.section, tier: 4, superiorPostId: fx.postIds.chief },
    });
    const cycle = await createCycle(h.db, fx.organisationId);
    const c = await loginAs(h.baseUrl, inSection.username);
    const evaluees = async () =>
      (await c.get(`/api/cycles/${cycle.id}/workbench`)).body.items
        .map((e: { personId: string }) => e.personId)
        .sort();

    // Allowed by default: everyone but themselves.
    expect(await evaluees()).toEqual([...fx.evalueeIds].sort());
    expect(
      (await put(c, `/api/cycles/${cycle.id}/scores`, { cells: cellsFor(fx.personIds.staff, 80) })).status,
    ).toBe(200);

    await h.db.organisationSettings.update({
      where: { organisationId: fx.organisationId },
      data: { barOwnUnitScoring: true },
    });
    // 医政科 (chief, staff, extra staff) drops out; the deputy (局领导班子) stays.
    expect(await evaluees()).toEqual([fx.personIds.deputy]);
    const barred = await put(c, `/api/cycles/${cycle.id}/scores`, {
      cells: cellsFor(fx.personIds.chief, 80),
    });
    expect(barred.status).toBe(403);
    expect(barred.body.error.message).toContain('不能给本部门人员');
    expect(
      (await put(c, `/api/cycles/${cycle.id}/scores`, { cells: cellsFor(fx.personIds.deputy, 80) })).status,
    ).toBe(200);
  });

  it('shows the evaluator what is missing, their scores, adjustments and the window end', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 1, extraStaff: 1 });
    const cycle = await createCycle(h.db, fx.organisationId);
    const c = await loginAs(h.baseUrl, fx.assessors[0]!.username);
    await put(c, `/api/cycles/${cycle.id}/scores`, {
      cells: [
        ...cellsFor(fx.personIds.staff, [80, 85, 90]),
        { evalueeId: fx.personIds.chief, category: 'BUSINESS', value: 77.5 },
      ],
    });
    const bonus = await c.post(`/api/cycles/${cycle.id}/adjustments`, {
      evalueeId: fx.personIds.staff,
      kind: 'BONUS',
      amount: 2,
      reason: '获市级表彰',
    });
    expect(bonus.status, bonus.text).toBe(201);
    const bench = await c.get(`/api/cycles/${cycle.id}/workbench`);
    expect(bench.status).toBe(200);
    expect(bench.body).toMatchObject({
      acceptsScores: true,
      window: { isOpenNow: true, closedReason: null, end: cycle.windowEnd!.toISOString() },
      categoryWeights: { IDEOLOGICAL: 30, BUSINESS: 50, MANAGEMENT: 20 },
      total: 4,
      counts: { evaluees: 4, complete: 1, incomplete: 3, submitted: 0, missingScores: 8, draftScores: 4 },
      proposedDeductions: [],
    });
    const staff = bench.body.items.find((e: { personId: string }) => e.personId === fx.personIds.staff);
    expect(staff).toMatchObject({
      name: '李科员',
      post: { id: fx.postIds.staff, title: '医政科科员' },
      unit: { name: '医政科' },
      tier: 4,
      scores: {
        IDEOLOGICAL: { value: 80, status: 'DRAFT', version: 1 },
        BUSINESS: { value: 85, status: 'DRAFT', version: 1 },
        MANAGEMENT: { value: 90, status: 'DRAFT', version: 1 },
      },
      adjustments: [{ kind: 'BONUS', amount: 2, reason: '获市级表彰', status: 'DRAFT' }],
      missingCategories: [],
      isComplete: true,
      isSubmitted: false,
    });
    const chief = bench.body.items.find((e: { personId: string }) => e.personId === fx.personIds.chief);
    expect(chief.missingCategories).toEqual(['IDEOLOGICAL', 'MANAGEMENT']);
    expect(chief.scores.BUSINESS.value).toBe(77.5);
    // Sorted by tier: the deputy (tier 2) first.
    expect(bench.body.items[0].personId).toBe(fx.personIds.deputy);
    const incomplete = await c.get(`/api/cycles/${cycle.id}/workbench?onlyIncomplete=true&pageSize=2`);
    expect(incomplete.body).toMatchObject({ total: 4, pageSize: 2 });
    expect(incomplete.body.items).toHaveLength(2);
  });

  it('keeps concurrent evaluators apart, stores one row per cell for a repeated batch and refuses a stale version', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 5, extraStaff: 0 });
    const cycle = await createCycle(h.db, fx.organisationId);
    const clients = await loginAll(fx.assessors);
    const staff = fx.personIds.staff;

    // Five evaluators score the same evaluee at once: all succeed.
    const all = await Promise.all(
      clients.map((c, i) => put(c, `/api/cycles/${cycle.id}/scores`, { cells: cellsFor(staff, 80 + i) })),
    );
    expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await h.db.score.count({ where: { cycleId: cycle.id, evalueeId: staff } })).toBe(15);

    // The same batch sent twice at once (a retried autosave): one row per cell, one change each.
    const c = clients[0]!;
    const batch = { cells: cellsFor(fx.personIds.chief, [70, 71, 72]) };
    const twice = await Promise.all([
      put(c, `/api/cycles/${cycle.id}/scores`, batch),
      put(c, `/api/cycles/${cycle.id}/scores`, batch),
    ]);
    expect(twice.map((r) => r.status)).toEqual([200, 200]);
    expect(twice[0]!.body.changed + twice[1]!.body.changed).toBe(3);
    const again = await put(c, `/api/cycles/${cycle.id}/scores`, batch);
    expect(again.body.changed).toBe(0);
    const rows = await h.db.score.findMany({ where: { cycleId: cycle.id, evalueeId: fx.personIds.chief } });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.version === 1)).toBe(true);

    // Change with the version read: accepted, version 2.
    const changed = await put(c, `/api/cycles/${cycle.id}/scores`, {
      cells: [{ evalueeId: fx.personIds.chief, category: 'BUSINESS', value: 75, version: 1 }],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.cells[0]).toMatchObject({ value: 75, version: 2, status: 'DRAFT' });
    // Another tab still holding version 1: 409 STALE_VERSION with the current values; nothing saved.
    const stale = await put(c, `/api/cycles/${cycle.id}/scores`, {
      cells: [
        { evalueeId: fx.personIds.chief, category: 'IDEOLOGICAL', value: 60, version: 1 },
        { evalueeId: fx.personIds.chief, category: 'BUSINESS', value: 65, version: 1 },
      ],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect(stale.body.error.message).toContain('孙科长的“业务工作”评分已在别处修改');
    expect(stale.body.error.details.stale).toEqual([
      expect.objectContaining({
        category: 'BUSINESS',
        sentVersion: 1,
        current: expect.objectContaining({ value: 75, version: 2 }),
      }),
    ]);
    const ideological = await h.db.score.findFirstOrThrow({
      where: { cycleId: cycle.id, evalueeId: fx.personIds.chief, category: 'IDEOLOGICAL' },
    });
    expect(Number(ideological.value)).toBe(70);
    // A different value without a version for an existing cell is stale too (never a silent overwrite).
    const blind = await put(c, `/api/cycles/${cycle.id}/scores`, {
      cells: [{ evalueeId: fx.personIds.chief, category: 'MANAGEMENT', value: 10 }],
    });
    expect(blind.status).toBe(409);
    expect(blind.body.error.code).toBe('STALE_VERSION');

    // Bad input is refused by the contract.
    const invalid = await put(c, `/api/cycles/${cycle.id}/scores`, {
      cells: [{ evalueeId: staff, category: 'BUSINESS', value: 101 }],
    });
    expect(invalid.status).toBe(400);
    const duplicate = await put(c, `/api/cycles/${cycle.id}/scores`, {
      cells: [
        { evalueeId: staff, category: 'BUSINESS', value: 80 },
        { evalueeId: staff, category: 'BUSINESS', value: 81 },
      ],
    });
    expect(duplicate.status).toBe(400);
  });

  it('submits only complete evaluees, listing the missing ones; the same submit twice changes nothing', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 1, extraStaff: 0 });
    const cycle = await createCycle(h.db, fx.organisationId);
    const c = await loginAs(h.baseUrl, fx.assessors[0]!.username);
    await put(c, `/api/cycles/${cycle.id}/scores`, {
      cells: [
        ...cellsFor(fx.personIds.staff, 80),
        { evalueeId: fx.personIds.chief, category: 'BUSINESS', value: 80 },
      ],
    });
    const all = await c.post(`/api/cycles/${cycle.id}/submit`, {});
    expect(all.status).toBe(409);
    expect(all.body.error.message).toContain('孙科长（思想政治工作、机关管理）');
    expect(all.body.error.message).toContain('钱副局长（思想政治工作、业务工作、机关管理）');
    expect(all.body.error.details.incomplete.map((i: { evalueeId: string }) => i.evalueeId).sort()).toEqual(
      [fx.personIds.deputy, fx.personIds.chief].sort(),
    );
    expect(await h.db.score.count({ where: { cycleId: cycle.id, status: 'SUBMITTED' } })).toBe(0);

    const one = await c.post(`/api/cycles/${cycle.id}/submit`, { evalueeIds: [fx.personIds.staff] });
    expect(one.status, one.text).toBe(200);
    expect(one.body).toEqual({
      evalueeIds: [fx.personIds.staff],
      scoresSubmitted: 3,
      adjustmentsSubmitted: 0,
    });
    const twice = await Promise.all([
      c.post(`/api/cycles/${cycle.id}/submit`, { evalueeIds: [fx.personIds.staff] }),
      c.post(`/api/cycles/${cycle.id}/submit`, { evalueeIds: [fx.personIds.staff] }),
    ]);
    expect(twice.map((r) => r.body.scoresSubmitted)).toEqual([0, 0]);
    const rows = await h.db.score.findMany({ where: { cycleId: cycle.id, evalueeId: fx.personIds.staff } });
    expect(rows.map((r) => r.status)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);

    // Changing a submitted score while the window is open makes it a draft again.
    const business = rows.find((r) => r.category === 'BUSINESS')!;
    const changed = await put(c, `/api/cycles/${cycle.id}/scores`, {
      cells: [{ evalueeId: fx.personIds.staff, category: 'BUSINESS', value: 82, version: business.version }],
    });
    expect(changed.body.cells[0]).toMatchObject({ status: 'DRAFT', version: 2 });
    expect(
      await h.db.auditEntry.count({ where: { organisationId: fx.organisationId, action: 'score.submit' } }),
    ).toBe(1);
  });

  it('adds and deletes adjustments with reasons; a veto carries no amount; only one’s own drafts are deleted', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 2, extraStaff: 0 });
    const cycle = await createCycle(h.db, fx.organisationId);
    const [a, b] = await loginAll(fx.assessors);
    const path = `/api/cycles/${cycle.id}/adjustments`;
    const staff = fx.personIds.staff;
    expect((await a!.post(path, { evalueeId: staff, kind: 'VETO', amount: 5, reason: '违纪' })).status).toBe(
      400,
    );
    expect((await a!.post(path, { evalueeId: staff, kind: 'DEDUCTION', reason: '迟到' })).status).toBe(400);
    expect((await a!.post(path, { evalueeId: staff, kind: 'BONUS', amount: 2, reason: '   ' })).status).toBe(
      400,
    );
    const deduction = await a!.post(path, {
      evalueeId: staff,
      kind: 'DEDUCTION',
      amount: 3,
      reason: '值班脱岗一次',
    });
    expect(deduction.status, deduction.text).toBe(201);
    expect(deduction.body).toMatchObject({
      kind: 'DEDUCTION',
      amount: 3,
      reason: '值班脱岗一次',
      status: 'DRAFT',
    });
    expect((await del(b!, `${path}/${deduction.body.id}`)).status).toBe(404);
    expect((await del(a!, `${path}/${deduction.body.id}`)).status).toBe(204);
    expect(await h.db.adjustment.count({ where: { cycleId: cycle.id } })).toBe(0);

    const veto = await a!.post(path, { evalueeId: staff, kind: 'VETO', reason: '违反中央八项规定精神' });
    expect(veto.status).toBe(201);
    await put(a!, `/api/cycles/${cycle.id}/scores`, { cells: cellsFor(staff, 90) });
    expect(
      (await a!.post(`/api/cycles/${cycle.id}/submit`, { evalueeIds: [staff] })).body.adjustmentsSubmitted,
    ).toBe(1);
    const submittedDelete = await del(a!, `${path}/${veto.body.id}`);
    expect(submittedDelete.status).toBe(409);
    expect(submittedDelete.body.error.message).toBe('已提交的加扣分项不能删除');
    const actions = (
      await h.db.auditEntry.findMany({ where: { organisationId: fx.organisationId }, orderBy: { id: 'asc' } })
    ).map((e) => e.action);
    expect(actions.filter((x) => x.startsWith('adjustment.'))).toEqual([
      'adjustment.add',
      'adjustment.delete',
      'adjustment.add',
    ]);
  });
});

describe('exclusions and the assessment group', () => {
  it('excludes a person with a reason (admin or tier 1), not after publication', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 1, extraStaff: 0 });
    const cycle = await createCycle(h.db, fx.organisationId);
    const director = await loginAs(h.baseUrl, fx.usernames.director);
    const assessor = await loginAs(h.baseUrl, fx.assessors[0]!.username);
    const staffClient = await loginAs(h.baseUrl, fx.usernames.staff);
    const path = `/api/cycles/${cycle.id}/exclusions`;
    expect((await staffClient.post(path, { personId: fx.personIds.chief, reason: '病假' })).status).toBe(403);
    expect((await staffClient.get(path)).status).toBe(403);
    expect((await director.post(path, { personId: fx.personIds.chief, reason: ' ' })).status).toBe(400);
    const added = await director.post(path, { personId: fx.personIds.chief, reason: '长期病假' });
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ personId: fx.personIds.chief, name: '孙科长', reason: '长期病假' });
    expect((await director.post(path, { personId: fx.personIds.chief, reason: '长期病假' })).status).toBe(
      409,
    );
    expect((await assessor.get(path)).body.items).toHaveLength(1);

    const bench = await assessor.get(`/api/cycles/${cycle.id}/workbench`);
    expect(bench.body.items.map((e: { personId: string }) => e.personId)).not.toContain(fx.personIds.chief);
    const refused = await put(assessor, `/api/cycles/${cycle.id}/scores`, {
      cells: cellsFor(fx.personIds.chief, 80),
    });
    expect(refused.status).toBe(403);
    expect((await director.get(`/api/cycles/${cycle.id}`)).body.counts).toMatchObject({
      evaluees: 2,
      exclusions: 1,
    });

    expect((await del(director, `${path}/${fx.personIds.chief}`)).status).toBe(204);
    expect((await del(director, `${path}/${fx.personIds.chief}`)).status).toBe(404);
    await director.post(path, { personId: fx.personIds.deputy, reason: '挂职锻炼' });
    await h.db.evaluationCycle.update({ where: { id: cycle.id }, data: { status: 'PUBLISHED' } });
    expect((await director.post(path, { personId: fx.personIds.chief, reason: '病假' })).status).toBe(409);
    expect((await del(director, `${path}/${fx.personIds.deputy}`)).status).toBe(409);
    const actions = (
      await h.db.auditEntry.findMany({ where: { organisationId: fx.organisationId }, orderBy: { id: 'asc' } })
    ).map((e) => e.action);
    expect(actions).toEqual(['exclusion.add', 'exclusion.remove', 'exclusion.add']);
  });

  it('lets the admin set the assessment group; members may then score', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 1, extraStaff: 0 });
    const admin = await loginAs(h.baseUrl, fx.usernames.admin);
    const chief = await loginAs(h.baseUrl, fx.usernames.chief);
    const cycle = await createCycle(h.db, fx.organisationId);
    expect((await chief.get(`/api/cycles/${cycle.id}/workbench`)).status).toBe(403);
    expect((await put(chief, '/api/assessors', { personIds: [fx.personIds.chief] })).status).toBe(403);
    expect((await chief.get('/api/assessors')).status).toBe(403);

    const set = await put(admin, '/api/assessors', {
      personIds: [fx.assessors[0]!.personId, fx.personIds.chief],
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body.items.map((m: { name: string }) => m.name).sort()).toEqual(['孙科长', '考核员1'].sort());
    const chiefEntry = set.body.items.find((m: { personId: string }) => m.personId === fx.personIds.chief);
    expect(chiefEntry).toMatchObject({
      hasAccount: true,
      posts: [{ title: '医政科科长', tier: 3, unit: { name: '医政科' } }],
    });
    expect(
      (await put(admin, '/api/assessors', { personIds: ['00000000-0000-4000-8000-000000000000'] })).status,
    ).toBe(404);

    // Membership takes effect at the next request.
    const bench = await chief.get(`/api/cycles/${cycle.id}/workbench`);
    expect(bench.status, bench.text).toBe(200);
    expect(bench.body.items.map((e: { personId: string }) => e.personId)).not.toContain(fx.personIds.chief);
    expect((await chief.get('/api/assessors')).status).toBe(200);

    expect((await put(admin, '/api/assessors', { personIds: [fx.personIds.chief] })).body.items).toHaveLength(
      1,
    );
    const entries = await h.db.auditEntry.findMany({
      where: { organisationId: fx.organisationId, action: 'assessors.set' },
    });
    expect(entries).toHaveLength(2);
  });
});

describe('results', () => {
  it('grades by rank with the 优秀 quota (the cut shows its reason) and a veto forcing 不称职', async () => {
    const { director, cycleId, ids } = await publishedQuarter();
    const res = await director.get(`/api/cycles/${cycleId}/results`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      isFinal: true,
      total: 5,
      summary: {
        evaluees: 5,
        excellentQuota: 1,
        quotaCut: 1,
        vetoed: 1,
        byGrade: { EXCELLENT: 1, COMPETENT: 2, BASICALLY_COMPETENT: 0, INCOMPETENT: 2 },
      },
    });
    const rows = res.body.items as {
      evaluee: { personId: string; name: string };
      rank: number;
      grade: string;
      total: number;
      isQuotaCut: boolean;
      quotaCutReason: string | null;
      isVetoed: boolean;
      vetoReason: string | null;
      consequence: string | null;
      bonusCoefficient: number | null;
    }[];
    expect(rows.map((r) => [r.evaluee.personId, r.rank, r.grade, r.total])).toEqual([
      [ids.deputy, 1, 'EXCELLENT', 95],
      [ids.chief, 2, 'COMPETENT', 92],
      [ids.extra1, 3, 'COMPETENT', 70],
      [ids.extra2, 4, 'INCOMPETENT', 50],
      [ids.staff, 5, 'INCOMPETENT', 80],
    ]);
    const cut = rows[1]!;
    expect(cut.isQuotaCut).toBe(true);
    expect(cut.quotaCutReason).toBe('超出优秀比例限额（20%，共 1 个名额），排名第 2');
    const vetoed = rows[4]!;
    expect(vetoed).toMatchObject({
      isVetoed: true,
      vetoReason: '发生重大责任事故',
      consequence: '诫勉谈话',
      bonusCoefficient: 0.5,
    });
    expect(rows[0]).toMatchObject({ consequence: '嘉奖', bonusCoefficient: 1.2 });

    const sheet = await director.get(`/api/cycles/${cycleId}/results/${ids.chief}`);
    expect(sheet.status).toBe(200);
    expect(sheet.body).toMatchObject({
      isFinal: true,
      grade: 'COMPETENT',
      rank: 2,
      rankOf: 5,
      total: 92,
      weightedScore: 92,
      isQuotaCut: true,
      gradeReason: '超出优秀比例限额（20%，共 1 个名额），排名第 2',
      consequence: { bonusCoefficient: 1, text: null },
      quarters: null,
      amendments: [],
    });
    expect(sheet.body.categories).toEqual([
      {
        category: 'IDEOLOGICAL',
        weight: 30,
        evaluatorCount: 5,
        isTrimmed: true,
        evaluatorScore: 92,
        completion: null,
        score: 92,
      },
      {
        category: 'BUSINESS',
        weight: 50,
        evaluatorCount: 5,
        isTrimmed: true,
        evaluatorScore: 92,
        completion: null,
        score: 92,
      },
      {
        category: 'MANAGEMENT',
        weight: 20,
        evaluatorCount: 5,
        isTrimmed: true,
        evaluatorScore: 92,
        completion: null,
        score: 92,
      },
    ]);
    expect(sheet.body.evaluatorScores).toHaveLength(5);
    const vetoSheet = await director.get(`/api/cycles/${cycleId}/results/${ids.staff}`);
    expect(vetoSheet.body).toMatchObject({
      grade: 'INCOMPETENT',
      isVetoed: true,
      vetoReason: '发生重大责任事故',
      gradeReason: '一票否决：发生重大责任事故',
      adjustments: [{ kind: 'VETO', amount: null, reason: '发生重大责任事故' }],
    });
    // The database keeps the rules too.
    await expect(
      h.db.evaluationResult.updateMany({
        where: { cycleId, evalueeId: ids.staff },
        data: { grade: 'COMPETENT' },
      }),
    ).rejects.toThrow(/Result_veto_is_lowest_grade/);
  });

  it('blends target completion into category scores and shows the context panel', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 1, extraStaff: 0 });
    const common = {
      organisationId: fx.organisationId,
      year: 2026,
      line: 'ADMINISTRATIVE' as const,
      measureKind: 'PERCENTAGE' as const,
      goal: 100,
      dueDate: new Date('2026-12-31'),
      ownerPostId: fx.postIds.staff,
    };
    await h.db.target.createMany({
      data: [
        { ...common, category: 'BUSINESS', title: '医疗机构校验完成率', weight: 60, progress: 50 },
        { ...common, category: 'BUSINESS', title: '投诉办结率', weight: 40, progress: 100 },
        { ...common, category: 'MANAGEMENT', title: '卫生检查合格率', weight: 100, progress: 80 },
        { ...common, category: 'BUSINESS', title: '去年的目标', weight: 100, progress: 0, year: 2025 },
      ],
    });
    const cycle = await createCycle(h.db, fx.organisationId, { year: 2026 });
    const assessor = await loginAs(h.baseUrl, fx.assessors[0]!.username);
    const context = await assessor.get(`/api/cycles/${cycle.id}/evaluees/${fx.personIds.staff}/context`);
    expect(context.status, context.text).toBe(200);
    expect(context.body.evaluee).toMatchObject({ personId: fx.personIds.staff, tier: 4 });
    const byCategory = Object.fromEntries(
      context.body.categories.map(
        (c: { category: string; completion: number | null; targets: unknown[] }) => [
          c.category,
          { completion: c.completion, count: c.targets.length },
        ],
      ),
    );
    expect(byCategory).toEqual({
      IDEOLOGICAL: { completion: null, count: 0 },
      BUSINESS: { completion: 70, count: 2 },
      MANAGEMENT: { completion: 80, count: 1 },
    });
    const staffClient = await loginAs(h.baseUrl, fx.usernames.staff);
    expect(
      (await staffClient.get(`/api/cycles/${cycle.id}/evaluees/${fx.personIds.chief}/context`)).status,
    ).toBe(403);

    await scoreEveryone(fx, cycle.id, {
      [fx.personIds.deputy]: 80,
      [fx.personIds.chief]: 80,
      [fx.personIds.staff]: 90,
    });
    const director = await loginAs(h.baseUrl, fx.usernames.director);
    expect((await move(director, cycle.id, 'CLOSED')).status).toBe(200);
    const sheet = await director.get(`/api/cycles/${cycle.id}/results/${fx.personIds.staff}`);
    expect(sheet.body.isFinal).toBe(false);
    // Business: 0.7 × 90 + 0.3 × 70 = 84; management: 0.7 × 90 + 0.3 × 80 = 87; ideological: 90 (no targets).
    expect(sheet.body.categories.map((c: { score: number }) => c.score)).toEqual([90, 84, 87]);
    expect(sheet.body.total).toBe(86.4); // 0.3 × 90 + 0.5 × 84 + 0.2 × 87
  });

  it('shows staff only their own sheet, only after publication, never the evaluators’ scores', async () => {
    const { fx, director, cycleId, ids } = await publishedQuarter({ publish: false });
    const staff = await loginAs(h.baseUrl, fx.usernames.staff);
    const assessor = await loginAs(h.baseUrl, fx.assessors[1]!.username);
    const admin = await loginAs(h.baseUrl, fx.usernames.admin);
    const chief = await loginAs(h.baseUrl, fx.usernames.chief);

    // Closed, not yet published: the evaluee sees nothing, assessors and tier 1 see everything.
    expect((await staff.get(`/api/cycles/${cycleId}/results/${ids.staff}`)).status).toBe(404);
    expect((await assessor.get(`/api/cycles/${cycleId}/results/${ids.staff}`)).status).toBe(200);
    expect((await staff.get('/api/results/mine')).body.items).toEqual([]);
    expect((await move(director, cycleId, 'PUBLISHED')).status).toBe(200);

    const own = await staff.get(`/api/cycles/${cycleId}/results/${ids.staff}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ grade: 'INCOMPETENT', isVetoed: true, evaluatorScores: null });
    expect(own.text).not.toContain('考核员');
    const mine = await staff.get('/api/results/mine');
    expect(mine.body.items).toEqual([
      expect.objectContaining({ grade: 'INCOMPETENT', rank: 5, isVetoed: true }),
    ]);

    // Others' sheets, the list, the export, amendments, the context: refused.
    expect((await staff.get(`/api/cycles/${cycleId}/results/${ids.chief}`)).status).toBe(404);
    expect((await chief.get(`/api/cycles/${cycleId}/results/${ids.staff}`)).status).toBe(404);
    expect((await staff.get(`/api/cycles/${cycleId}/results`)).status).toBe(403);
    expect((await staff.get(`/api/cycles/${cycleId}/results.xlsx`)).status).toBe(403);
    expect((await staff.get(`/api/cycles/${cycleId}/amendments`)).status).toBe(403);
    expect((await staff.get(`/api/cycles/${cycleId}/workbench`)).status).toBe(403);

    // Individual evaluators' scores: tier 1 and assessors, not the admin.
    const byDirector = await director.get(`/api/cycles/${cycleId}/results/${ids.staff}`);
    expect(byDirector.body.evaluatorScores).toHaveLength(5);
    expect(byDirector.body.evaluatorScores[0].scores).toEqual({
      IDEOLOGICAL: 80,
      BUSINESS: 80,
      MANAGEMENT: 80,
    });
    expect(
      (await assessor.get(`/api/cycles/${cycleId}/results/${ids.staff}`)).body.evaluatorScores,
    ).toHaveLength(5);
    const byAdmin = await admin.get(`/api/cycles/${cycleId}/results/${ids.staff}`);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.evaluatorScores).toBeNull();
  });

  it('changes nothing after publication except through a tier-1 amendment, which keeps both values and is audited', async () => {
    const { fx, director, cycleId, assessors, ids } = await publishedQuarter();
    // Nothing moves by the ordinary routes.
    const save = await put(assessors[0]!, `/api/cycles/${cycleId}/scores`, {
      cells: cellsFor(ids.chief, 100),
    });
    expect(save.status).toBe(409);
    expect(save.body.error.message).toContain('已发布');
    expect((await assessors[0]!.post(`/api/cycles/${cycleId}/submit`, {})).status).toBe(409);

    const admin = await loginAs(h.baseUrl, fx.usernames.admin);
    const body = {
      personId: ids.chief,
      field: 'scoreBusiness',
      newValue: 100,
      reason: '业务工作得分录入有误，经复核更正',
    };
    expect((await admin.post(`/api/cycles/${cycleId}/amendments`, body)).status).toBe(403);
    expect((await assessors[0]!.post(`/api/cycles/${cycleId}/amendments`, body)).status).toBe(403);
    expect((await director.post(`/api/cycles/${cycleId}/amendments`, { ...body, reason: '' })).status).toBe(
      400,
    );
    expect(
      (await director.post(`/api/cycles/${cycleId}/amendments`, { ...body, field: 'grade' })).status,
    ).toBe(400);

    // Chief: 92 in every category → business 100 gives 0.3 × 92 + 0.5 × 100 + 0.2 × 92 = 96, above the deputy's 95.
    const amended = await director.post(`/api/cycles/${cycleId}/amendments`, body);
    expect(amended.status, amended.text).toBe(201);
    expect(
      amended.body.amendments.map(
        (a: { field: string; oldValue: unknown; newValue: unknown; person: { name: string } }) => [
          a.person.name,
          a.field,
          a.oldValue,
          a.newValue,
        ],
      ),
    ).toEqual([
      ['孙科长', 'scoreBusiness', 92, 100],
      ['孙科长', 'total', 92, 96],
      ['孙科长', 'grade', '称职', '优秀'],
      ['钱副局长', 'grade', '优秀', '称职'],
    ]);
    expect(amended.body.sheet).toMatchObject({ total: 96, rank: 1, grade: 'EXCELLENT', isQuotaCut: false });
    expect(amended.body.sheet.categories[1]).toMatchObject({
      category: 'BUSINESS',
      score: 100,
      evaluatorScore: 92,
    });
    expect(amended.body.sheet.amendments).toHaveLength(3);

    const list = await director.get(`/api/cycles/${cycleId}/results`);
    const deputyRow = list.body.items.find(
      (r: { evaluee: { personId: string } }) => r.evaluee.personId === ids.deputy,
    );
    expect(deputyRow).toMatchObject({
      rank: 2,
      grade: 'COMPETENT',
      isQuotaCut: true,
      quotaCutReason: '超出优秀比例限额（20%，共 1 个名额），排名第 2',
      isAmended: true,
    });
    expect(list.body.summary.byGrade.EXCELLENT).toBe(1);

    const amendments = await director.get(`/api/cycles/${cycleId}/amendments`);
    expect(amendments.status).toBe(200);
    expect(amendments.body.total).toBe(4);
    expect(amendments.body.items[0]).toMatchObject({ amendedBy: { name: '赵局长' }, reason: body.reason });
    const stored = await h.db.amendment.findMany({ where: { cycleId } });
    expect(stored).toHaveLength(4);
    await expect(h.db.amendment.deleteMany({ where: { cycleId } })).rejects.toThrow(/append-only/);
    const audit = await h.db.auditEntry.findMany({
      where: { organisationId: fx.organisationId, action: 'result.amend' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toEqual({ field: 'scoreBusiness', value: 92 });

    // Lifting the veto re-grades the staff member by their total (80 → 称职).
    const lift = await director.post(`/api/cycles/${cycleId}/amendments`, {
      personId: ids.staff,
      field: 'veto',
      newValue: null,
      reason: '经复查，事故责任不在本人',
    });
    expect(lift.status, lift.text).toBe(201);
    expect(lift.body.sheet).toMatchObject({ isVetoed: false, vetoReason: null, grade: 'COMPETENT', rank: 3 });
    expect(lift.body.amendments[0]).toMatchObject({
      field: 'veto',
      oldValue: '发生重大责任事故',
      newValue: null,
    });
    // The same value again is refused; an unpublished cycle cannot be amended.
    expect(
      (await director.post(`/api/cycles/${cycleId}/amendments`, { ...body, reason: '再次更正' })).status,
    ).toBe(409);
    const { cycleId: closedId, director: d2, ids: ids2 } = await publishedQuarter({ publish: false });
    const early = await d2.post(`/api/cycles/${closedId}/amendments`, { ...body, personId: ids2.chief });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('只有已发布的考核结果才能登记更正');
  });

  it('refuses to publish while a category has no submitted score, naming who', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 1, extraStaff: 0 });
    const director = await loginAs(h.baseUrl, fx.usernames.director);
    const cycle = await createCycle(h.db, fx.organisationId);
    const c = await loginAs(h.baseUrl, fx.assessors[0]!.username);
    await put(c, `/api/cycles/${cycle.id}/scores`, {
      cells: [
        ...cellsFor(fx.personIds.deputy, 80),
        ...cellsFor(fx.personIds.chief, 80),
        ...cellsFor(fx.personIds.staff, 80),
      ],
    });
    await c.post(`/api/cycles/${cycle.id}/submit`, { evalueeIds: [fx.personIds.deputy, fx.personIds.chief] });
    expect((await move(director, cycle.id, 'CLOSED')).status).toBe(200);
    const refused = await move(director, cycle.id, 'PUBLISHED');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('李科员（思想政治工作、业务工作、机关管理）');
    expect(refused.body.error.details.incomplete).toEqual([
      {
        evalueeId: fx.personIds.staff,
        name: '李科员',
        missingCategories: ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'],
      },
    ]);
    // Excluding them (closed cycle: results recomputed) lets the cycle be published.
    expect(
      (
        await director.post(`/api/cycles/${cycle.id}/exclusions`, {
          personId: fx.personIds.staff,
          reason: '长期病假',
        })
      ).status,
    ).toBe(201);
    expect((await director.get(`/api/cycles/${cycle.id}`)).body.counts.results).toBe(2);
    expect((await move(director, cycle.id, 'PUBLISHED')).status).toBe(200);
  });

  it('exports the results as an .xlsx workbook with Chinese headers and one row per evaluee', async () => {
    const { fx, cycleId, ids } = await publishedQuarter();
    const file = await downloadAs(h.baseUrl, fx.usernames.director, `/api/cycles/${cycleId}/results.xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toContain(
      encodeURIComponent('2026年第三季度考核结果.xlsx'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('考核结果')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...RESULT_EXPORT_HEADERS]);
    expect(sheet.actualRowCount).toBe(6);
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(2).slice(0, 3)).toEqual([1, expect.any(String), '钱副局长']);
    expect(row(2)[12]).toBe('优秀');
    expect(row(3)).toEqual(
      expect.arrayContaining([
        2,
        '孙科长',
        '医政科',
        '医政科科长',
        '三级',
        92,
        '称职',
        '超出优秀比例限额（20%，共 1 个名额），排名第 2',
      ]),
    );
    expect(row(6)).toEqual(
      expect.arrayContaining([5, '李科员', '不称职', '发生重大责任事故', 0.5, '诫勉谈话', '否']),
    );
    void ids;

    // An open cycle has nothing to export; staff may not export.
    const open = await createCycle(h.db, fx.organisationId, { kind: 'Q4' });
    expect(
      (await downloadAs(h.baseUrl, fx.usernames.director, `/api/cycles/${open.id}/results.xlsx`)).status,
    ).toBe(409);
    expect(
      (await downloadAs(h.baseUrl, fx.usernames.staff, `/api/cycles/${cycleId}/results.xlsx`)).status,
    ).toBe(403);
  });
});

describe('the annual cycle', () => {
  it('is the mean of the published quarters; a quarter’s veto carries into the year', async () => {
    const fx = await createEvaluationFixture(h.db, { assessors: 1, extraStaff: 2 });
    const director = await loginAs(h.baseUrl, fx.usernames.director);
    const [deputy, chief, staff, extra1, extra2] = fx.evalueeIds as [string, string, string, string, string];
    const assessor = await loginAs(h.baseUrl, fx.assessors[0]!.username);
    const runQuarter = async (kind: string, values: Record<string, number>, publish: boolean) => {
      const created = await director.post('/api/cycles', { year: 2026, kind, ...isoWindow() });
      const id: string = created.body.id;
      await move(director, id, 'OPEN');
      await scoreEveryone(fx, id, values);
      if (kind === 'Q1') {
        await assessor.post(`/api/cycles/${id}/adjustments`, {
          evalueeId: extra2,
          kind: 'VETO',
          reason: '酒后驾驶',
        });
        await assessor.post(`/api/cycles/${id}/submit`, { evalueeIds: [extra2] });
      }
      await move(director, id, 'CLOSED');
      if (publish) expect((await move(director, id, 'PUBLISHED')).status).toBe(200);
      return id;
    };
    await runQuarter('Q1', { [deputy]: 96, [chief]: 90, [staff]: 80, [extra1]: 70, [extra2]: 85 }, true);
    await runQuarter('Q2', { [deputy]: 86, [chief]: 94, [staff]: 70, [extra1]: 60, [extra2]: 85 }, true);
    // Q3 closed but not published: not counted.
    await runQuarter('Q3', { [deputy]: 10, [chief]: 10, [staff]: 10, [extra1]: 10, [extra2]: 10 }, false);

    const annual = await director.post('/api/cycles', { year: 2026, kind: 'ANNUAL', ...isoWindow() });
    const id: string = annual.body.id;
    expect((await move(director, id, 'OPEN')).body.counts.evaluees).toBe(5);
    // The annual cycle takes no scores, only a veto.
    const bench = await assessor.get(`/api/cycles/${id}/workbench`);
    expect(bench.body).toMatchObject({ acceptsScores: false, counts: { evaluees: 5, missingScores: 0 } });
    expect((await put(assessor, `/api/cycles/${id}/scores`, { cells: cellsFor(deputy, 90) })).status).toBe(
      409,
    );
    expect(
      (
        await assessor.post(`/api/cycles/${id}/adjustments`, {
          evalueeId: deputy,
          kind: 'BONUS',
          amount: 1,
          reason: '表彰',
        })
      ).status,
    ).toBe(409);
    expect((await move(director, id, 'CLOSED')).status).toBe(200);
    const published = await move(director, id, 'PUBLISHED');
    expect(published.status, published.text).toBe(200);

    const results = await director.get(`/api/cycles/${id}/results`);
    expect(
      results.body.items.map(
        (r: { evaluee: { personId: string }; total: number; grade: string; rank: number }) => [
          r.evaluee.personId,
          r.total,
          r.grade,
          r.rank,
        ],
      ),
    ).toEqual([
      [chief, 92, 'EXCELLENT', 1],
      [deputy, 91, 'COMPETENT', 2],
      [staff, 75, 'COMPETENT', 3],
      [extra1, 65, 'BASICALLY_COMPETENT', 4],
      [extra2, 85, 'INCOMPETENT', 5],
    ]);
    const sheet = await director.get(`/api/cycles/${id}/results/${extra2}`);
    expect(sheet.body).toMatchObject({
      isVetoed: true,
      vetoReason: '第一季度：酒后驾驶',
      grade: 'INCOMPETENT',
    });
    expect(sheet.body.quarters).toEqual([
      { kind: 'Q1', total: 85, grade: 'INCOMPETENT', isVetoed: true },
      { kind: 'Q2', total: 85, grade: 'COMPETENT', isVetoed: false },
    ]);
    expect(sheet.body.weightedScore).toBeNull();

    // Annual amendments correct the total.
    const amended = await director.post(`/api/cycles/${id}/amendments`, {
      personId: staff,
      field: 'total',
      newValue: 78,
      reason: '第二季度成绩复核更正',
    });
    expect(amended.status, amended.text).toBe(201);
    expect(amended.body.sheet.total).toBe(78);
    const wrongField = await director.post(`/api/cycles/${id}/amendments`, {
      personId: staff,
      field: 'scoreBusiness',
      newValue: 78,
      reason: '更正',
    });
    expect(wrongField.status).toBe(400);
  });
});
