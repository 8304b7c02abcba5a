// Dashboards per responsibility tier: every figure against an expectation computed here from the
// stored rows, the authorization of each dashboard, and the round trips one request costs.
import type { AddressInfo } from 'node:net';
import { elapsedShare, isAtRisk } from '@zeren/domain';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createOrgFixture, FIXTURE_PASSWORD } from './support/fixtures';
import { openWindow } from './support/evaluation-fixtures';
import { Client, useHarness } from './support/harness';
import {
  CATEGORIES,
  createTargetFixture,
  recomputeFromScratch,
  storedProgress,
  type Category,
  type TargetFixture,
} from './support/target-fixtures';

const h = useHarness();

/** Rounded half away from zero to 2 decimals (positive figures only here). */
const round2 = (x: number) => Math.round(x * 100 + 1e-7) / 100;
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Σ w·v / Σ w; a plain mean when the weights sum to 0. */
const weighted = (items: { w: number; v: number }[]) => {
  const ws = items.reduce((a, i) => a + i.w, 0);
  return ws > 0 ? items.reduce((a, i) => a + i.w * i.v, 0) / ws : avg(items.map((i) => i.v));
};
/** Per category weighted by target weight, overall the mean of the non-null categories. */
function categoryFigures(targets: { category: string; weight: number; progress: number }[]) {
  const out: Record<string, number | null> = {};
  for (const c of CATEGORIES) {
    const mine = targets.filter((t) => t.category === c);
    out[c] = mine.length ? round2(weighted(mine.map((t) => ({ w: t.weight, v: t.progress })))) : null;
  }
  const present = CATEGORIES.map((c) => out[c]).filter((v): v is number => v !== null);
  out.overall = present.length ? round2(avg(present)) : null;
  return out;
}

const chinaToday = (days = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function activeTargets(f: TargetFixture) {
  const rows = await h.db.target.findMany({
    where: { organisationId: f.organisationId, year: f.year, status: 'ACTIVE' },
    include: { ownerPost: true },
  });
  return rows.map((t) => ({
    id: t.id,
    parentId: t.parentId,
    category: t.category as Category,
    line: t.line,
    weight: t.weight.toNumber(),
    progress: t.progress,
    dueDate: t.dueDate,
    year: t.year,
    ownerPostId: t.ownerPostId,
    ownerPost: t.ownerPost,
  }));
}

const atRisk = (t: { progress: number; year: number; dueDate: Date }, now = new Date()) =>
  isAtRisk(t.progress, elapsedShare(new Date(Date.UTC(t.year, 0, 1)), t.dueDate, now));

/** GET, checking the status. */
async function get(client: Client, path: string, status = 200) {
  const res = await client.get(path);
  expect(res.status, `${path}: ${res.text}`).toBe(status);
  return res.body;
}

const record = (client: Client, targetId: string, value: number, note = '按计划推进') =>
  client.post(`/api/targets/${targetId}/progress`, { value, note });

// ─── Evaluation data: four quarters of 2026, results of two published ones, scores in the open one ──

const EVALUEES = ['deputy', 'chief', 'staff', 'staff2', 'chiefB', 'staffB', 'partySecretary'] as const;
type Evaluee = (typeof EVALUEES)[number];
/** Q2 2026 results: total, grade, rank; completions on the sheet (null = none recorded). */
const Q2: Record<
  Evaluee,
  { total: number; grade: string; cut?: true; veto?: true; completion: [number, number] }
> = {
  deputy: { total: 95, grade: 'EXCELLENT', completion: [60, 80] },
  chief: { total: 92, grade: 'COMPETENT', cut: true, completion: [50, 50] },
  staff: { total: 85, grade: 'COMPETENT', completion: [50, 50] },
  staff2: { total: 80, grade: 'COMPETENT', completion: [50, 50] },
  chiefB: { total: 75, grade: 'COMPETENT', completion: [50, 50] },
  staffB: { total: 65, grade: 'BASICALLY_COMPETENT', completion: [50, 50] },
  partySecretary: { total: 40, grade: 'INCOMPETENT', veto: true, completion: [50, 50] },
};
const Q1_TOTALS: Record<Evaluee, number> = {
  deputy: 80,
  chief: 82,
  staff: 84,
  staff2: 86,
  chiefB: 88,
  staffB: 90,
  partySecretary: 70,
};

/**
 * Q1 and Q2 published (Q2 later), Q3 closed, Q4 open with staff2 excluded. staffB joins the
 * assessment group beside the fixture's assessor. Q4 scores: the assessor submitted all three of
 * the chief's categories and drafted two of the staff member's; staffB drafted the deputy's three.
 */
async function seedEvaluations(f: TargetFixture) {
  const organisationId = f.organisationId;
  const window = {
    windowStart: new Date('2026-01-01T00:00:00Z'),
    windowEnd: new Date('2026-01-10T00:00:00Z'),
  };
  const cycle = (
    kind: 'Q1' | 'Q2' | 'Q3' | 'Q4',
    status: 'OPEN' | 'CLOSED' | 'PUBLISHED',
    publishedAt?: string,
  ) =>
    h.db.evaluationCycle.create({
      data: {
        organisationId,
        year: f.year,
        kind,
        status,
        ...(status === 'OPEN' ? openWindow() : window),
        openedAt: new Date('2026-01-01T00:00:00Z'),
        ...(status !== 'OPEN' ? { closedAt: new Date('2026-01-10T00:00:00Z') } : {}),
        ...(publishedAt ? { publishedAt: new Date(publishedAt) } : {}),
      },
    });
  const q1 = await cycle('Q1', 'PUBLISHED', '2026-04-10T00:00:00Z');
  const q2 = await cycle('Q2', 'PUBLISHED', '2026-07-10T00:00:00Z');
  const q3 = await cycle('Q3', 'CLOSED');
  const q4 = await cycle('Q4', 'OPEN');
  const result = (cycleId: string, key: Evaluee, total: number, rank: number, extra: object = {}) => ({
    organisationId,
    cycleId,
    evalueeId: f.personIds[key],
    scoreIdeological: total,
    scoreBusiness: total,
    scoreManagement: total,
    total,
    rank,
    grade: 'COMPETENT' as const,
    ...extra,
  });
  await h.db.evaluationResult.createMany({
    data: [
      ...EVALUEES.map((key, i) => result(q1.id, key, Q1_TOTALS[key], i + 1)),
      ...EVALUEES.map((key, i) => {
        const r = Q2[key];
        return result(q2.id, key, r.total, i + 1, {
          grade: r.grade,
          isQuotaCut: !!r.cut,
          quotaCutReason: r.cut ? '超出优秀比例限额' : null,
          isVetoed: !!r.veto,
          vetoReason: r.veto ? '一票否决' : null,
          sheet: {
            v: 1,
            categories: [
              { category: 'IDEOLOGICAL', completion: r.completion[0] },
              { category: 'BUSINESS', completion: r.completion[1] },
              { category: 'MANAGEMENT', completion: null },
            ],
          },
        });
      }),
    ],
  });
  await h.db.evaluationExclusion.create({
    data: { organisationId, cycleId: q4.id, personId: f.personIds.staff2, reason: '长期病假' },
  });
  await h.db.assessmentGroupMember.create({ data: { organisationId, personId: f.personIds.staffB } });
  const score = (
    evaluator: 'assessor' | 'staffB',
    evaluee: Evaluee,
    category: Category,
    submitted: boolean,
  ) => ({
    organisationId,
    cycleId: q4.id,
    evaluatorId: f.personIds[evaluator],
    evalueeId: f.personIds[evaluee],
    category,
    value: 88,
    status: submitted ? ('SUBMITTED' as const) : ('DRAFT' as const),
    ...(submitted ? { submittedAt: new Date() } : {}),
  });
  await h.db.score.createMany({
    data: [
      ...CATEGORIES.map((c) => score('assessor', 'chief', c, true)),
      score('assessor', 'staff', 'IDEOLOGICAL', false),
      score('assessor', 'staff', 'BUSINESS', false),
      ...CATEGORIES.map((c) => score('staffB', 'deputy', c, false)),
    ],
  });
  return { q1, q2, q3, q4 };
}

describe('GET /api/dashboards/bureau', () => {
  it('shows the three major targets overall and per line, and moves with a progress update', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const director = await f.login('director');
    const before = await get(director, '/api/dashboards/bureau?year=2026');
    expect(before.year).toBe(2026);
    const roots = [
      f.targets['IDEOLOGICAL:director'],
      f.targets['PARTY:director'],
      f.targets['BUSINESS:director'],
      f.targets['MANAGEMENT:director'],
    ];
    expect(before.majorTargets.targets.map((t: { id: string }) => t.id).sort()).toEqual([...roots].sort());
    expect(before.majorTargets.progress.BUSINESS).toBe(0);

    // The staff member records 80 on a leaf; the chief records 100 on the party-line leaf.
    const staff = await f.login('staff');
    expect((await record(staff, f.targets['BUSINESS:staff'], 80)).status).toBe(201);
    const chief = await f.login('chief');
    expect((await record(chief, f.targets['PARTY:staff'], 100)).status).toBe(201);
    expect(await storedProgress(h.db, f.organisationId)).toEqual(
      await recomputeFromScratch(h.db, f.organisationId),
    );

    const after = await get(director, '/api/dashboards/bureau?year=2026');
    const stored = await storedProgress(h.db, f.organisationId);
    const business = stored.get(f.targets['BUSINESS:director'])!;
    expect(business).toBe(6.67); // 80 → chief 40 → deputy 13.33 → director 6.67
    const figureOf = (id: string) =>
      after.majorTargets.targets.find((t: { id: string }) => t.id === id).progress as number;
    for (const id of roots) expect(figureOf(id)).toBe(stored.get(id));
    const ideological = round2(avg([stored.get(roots[0]!)!, stored.get(roots[1]!)!]));
    expect(ideological).toBeGreaterThan(0);
    expect(after.majorTargets.progress).toEqual({
      IDEOLOGICAL: ideological,
      BUSINESS: 6.67,
      MANAGEMENT: 0,
      overall: round2(avg([ideological, 6.67, 0])),
    });
    expect(after.majorTargets.lines).toEqual([
      {
        line: 'ADMINISTRATIVE',
        progress: {
          IDEOLOGICAL: stored.get(roots[0]!),
          BUSINESS: 6.67,
          MANAGEMENT: 0,
          overall: round2(avg([stored.get(roots[0]!)!, 6.67, 0])),
        },
      },
      {
        line: 'PARTY',
        progress: {
          IDEOLOGICAL: stored.get(roots[1]!),
          BUSINESS: null,
          MANAGEMENT: null,
          overall: stored.get(roots[1]!),
        },
      },
    ]);
    const root = after.majorTargets.targets.find((t: { id: string }) => t.id === roots[2]);
    expect(root.owner).toMatchObject({
      id: f.postIds.director,
      tier: 1,
      holders: [{ id: f.personIds.director }],
    });
    expect(root.owner.unit.id).toBe(f.unitIds.leadership);
  });

  it('shows the unit × category heatmap, the strongest and weakest units and the risks from the stored figures', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const [staff, staffB, chief] = [await f.login('staff'), await f.login('staffB'), await f.login('chief')];
    await record(staff, f.targets['BUSINESS:staff'], 100);
    await record(staff, f.targets['MANAGEMENT:staff'], 95);
    await record(staffB, f.targets['IDEOLOGICAL:staffB'], 30);
    await record(chief, f.targets['PARTY:staff'], 100);
    // One target due long ago and behind; one finished early.
    await h.db.target.update({
      where: { id: f.targets['MANAGEMENT:staff2'] },
      data: { dueDate: new Date('2026-03-31T00:00:00Z') },
    });
    const body = await get(await f.login('director'), '/api/dashboards/bureau?year=2026');
    const targets = await activeTargets(f);

    // Heatmap: plain mean of the targets owned by each unit's posts, per category and overall.
    const units = [...new Set(targets.map((t) => t.ownerPost!.unitId))];
    expect(body.heatmap).toHaveLength(units.length);
    for (const unitId of units) {
      const mine = targets.filter((t) => t.ownerPost!.unitId === unitId);
      const cell = body.heatmap.find((u: { unit: { id: string } }) => u.unit.id === unitId);
      expect(cell, unitId).toBeDefined();
      expect(cell.targetCount).toBe(mine.length);
      expect(cell.postCount).toBe(new Set(mine.map((t) => t.ownerPostId)).size);
      for (const c of CATEGORIES) {
        const inCategory = mine.filter((t) => t.category === c).map((t) => t.progress);
        expect(cell.progress[c], `${cell.unit.name} ${c}`).toBe(
          inCategory.length ? round2(avg(inCategory)) : null,
        );
      }
      expect(cell.progress.overall).toBe(round2(avg(mine.map((t) => t.progress))));
    }
    // Strongest and weakest: by the heatmap's overall, leadership left out, distinct.
    const ranked = body.heatmap
      .filter((u: { unit: { kind: string } }) => u.unit.kind !== 'LEADERSHIP')
      .sort(
        (a: { progress: { overall: number } }, b: { progress: { overall: number } }) =>
          b.progress.overall - a.progress.overall,
      );
    expect(body.units.strongest[0]).toEqual({
      unit: ranked[0].unit,
      progress: ranked[0].progress.overall,
      targetCount: ranked[0].targetCount,
    });
    expect(body.units.weakest[0].progress).toBe(ranked.at(-1).progress.overall);
    expect(body.units.strongest.length + body.units.weakest.length).toBe(ranked.length);

    // At risk: the domain's rule over every active target of the year; the worst first.
    const now = new Date();
    const risky = targets.filter((t) => atRisk(t, now));
    expect(body.atRisk.total).toBe(risky.length);
    expect(body.atRisk.total).toBeLessThan(targets.length);
    expect(body.atRisk.items).toHaveLength(Math.min(10, risky.length));
    const shortfalls = body.atRisk.items.map(
      (t: { expectedProgress: number; progress: number }) => t.expectedProgress - t.progress,
    );
    expect(shortfalls).toEqual([...shortfalls].sort((a, b) => b - a));
    expect(body.atRisk.items[0].id).toBe(f.targets['MANAGEMENT:staff2']); // due in March: 100 expected
    expect(body.atRisk.items[0]).toMatchObject({
      expectedProgress: 100,
      isAtRisk: true,
      owner: { id: f.postIds.staff2, holders: [{ id: f.personIds.staff2 }] },
    });
    for (const item of body.atRisk.items) {
      expect(item.isAtRisk).toBe(true);
      expect(item.owner.unit.id).toBeTruthy();
    }
    expect(body.atRisk.items.map((t: { id: string }) => t.id)).not.toContain(f.targets['BUSINESS:staff']);
  });

  it('counts the chain gaps exactly as the gap report does, open and waived, for tier 1 and for a deputy', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const director = await f.login('director');
    const deputy = await f.login('deputy');
    const empty = await get(director, '/api/dashboards/bureau?year=2026');
    expect(empty.gaps.open).toBe(0);

    const org = f.organisationId;
    const sectionB = f.unitIds.sectionB;
    // A target without owner (weight 0 keeps its siblings at 100), a tier-3 target not decomposed
    // from above, weights not adding up, a post without holder (and so without targets), a party
    // member without party superior, and a section whose chief post is archived (its staff's chain breaks).
    const base = {
      organisationId: org,
      year: f.year,
      measureKind: 'PERCENTAGE' as const,
      goal: 100,
      dueDate: new Date('2026-12-31T00:00:00Z'),
    };
    await h.db.target.create({
      data: {
        ...base,
        parentId: f.targets['BUSINESS:chief'],
        ownerPostId: null,
        category: 'BUSINESS',
        line: 'ADMINISTRATIVE',
        title: '无人负责的目标',
        weight: 0,
      },
    });
    await h.db.target.create({
      data: {
        ...base,
        parentId: null,
        ownerPostId: f.postIds.chief,
        category: 'BUSINESS',
        line: 'ADMINISTRATIVE',
        title: '自定目标',
        weight: 100,
      },
    });
    await h.db.target.update({ where: { id: f.targets['MANAGEMENT:staff2'] }, data: { weight: 40 } });
    await h.db.post.create({
      data: {
        organisationId: org,
        unitId: f.unitIds.sectionA,
        code: 'YZ-9',
        title: '医政科空岗',
        tier: 4,
        lines: ['ADMINISTRATIVE'],
        adminSuperiorId: f.postIds.chief,
      },
    });
    await h.db.post.update({ where: { id: f.postIds.staff2 }, data: { lines: ['ADMINISTRATIVE', 'PARTY'] } });
    await h.db.post.update({ where: { id: f.postIds.chiefB }, data: { archivedAt: new Date() } });
    await h.db.holding.updateMany({ where: { postId: f.postIds.chiefB }, data: { endedOn: new Date() } });

    const compare = async (client: Client, path: string) => {
      const report = await get(client, '/api/gaps?year=2026');
      const dash = await get(client, path);
      expect(report.openTotal).toBeGreaterThan(0);
      expect(dash.gaps).toEqual({
        open: report.openTotal,
        waived: report.waivedTotal,
        openByKind: report.openCounts,
      });
      return { report, dash };
    };
    const first = await compare(director, '/api/dashboards/bureau?year=2026');
    for (const kind of [
      'TARGET_WITHOUT_OWNER',
      'PARENT_NOT_OWNED_BY_SUPERIOR',
      'WEIGHTS_NOT_100',
      'POST_MISSING_CATEGORY',
      'POST_WITHOUT_HOLDER',
      'POST_WITHOUT_SUPERIOR',
    ])
      expect(first.dash.gaps.openByKind[kind], kind).toBeGreaterThan(0);
    await compare(deputy, '/api/dashboards/supervisor?year=2026');

    // Tier 1 waives two gaps: they move from open to waived on both dashboards.
    const keys = first.report.gaps.slice(0, 2).map((g: { key: string }) => g.key);
    for (const gapKey of keys)
      expect(
        (await director.post('/api/gaps/waivers', { year: 2026, gapKey, reason: '机构调整期间暂缓' })).status,
      ).toBe(201);
    const second = await compare(director, '/api/dashboards/bureau?year=2026');
    expect(second.dash.gaps.waived).toBe(2);
    expect(second.dash.gaps.open).toBe(first.dash.gaps.open - 2);
    await compare(deputy, '/api/dashboards/supervisor?year=2026');
    // Per unit in the deputy's side-by-side view: 医政科 carries the vacant post (no holder, three
    // categories missing), the ownerless target and the chief's own; 疾控科 is gone with its chief's post.
    const supervisor = await get(deputy, '/api/dashboards/supervisor?year=2026');
    const yz = supervisor.units.find((u: { unit: { id: string } }) => u.unit.id === f.unitIds.sectionA);
    expect(yz.gaps.open + yz.gaps.waived).toBeGreaterThanOrEqual(7);
    expect(supervisor.units.map((u: { unit: { id: string } }) => u.unit.id)).not.toContain(sectionB);
  });

  it("shows the open quarter's scoring per assessor, the latest grades against the quota and the trend", async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const { q1, q2, q4 } = await seedEvaluations(f);
    const director = await f.login('director');
    const body = await get(director, '/api/dashboards/bureau?year=2026');

    // Evaluees: the 7 holders of tier 2–4 posts minus staff2 (excluded). The assessor scores 6,
    // staffB (an evaluee) 5.
    expect(body.scoring.cycle).toMatchObject({ id: q4.id, kind: 'Q4', status: 'OPEN' });
    expect(body.scoring).toMatchObject({
      evaluees: 6,
      expectedCells: 33,
      filledCells: 8,
      submittedCells: 3,
      assessorCount: 2,
    });
    const byPerson = (id: string) =>
      body.scoring.assessors.find((a: { person: { id: string } }) => a.person.id === id);
    expect(byPerson(f.personIds.assessor)).toEqual({
      person: { id: f.personIds.assessor, name: '冯考核' },
      evaluees: 6,
      expectedCells: 18,
      filledCells: 5,
      submittedCells: 3,
      completeEvaluees: 1,
      submittedEvaluees: 1,
    });
    expect(byPerson(f.personIds.staffB)).toMatchObject({
      evaluees: 5,
      expectedCells: 15,
      filledCells: 3,
      submittedCells: 0,
      completeEvaluees: 1,
      submittedEvaluees: 0,
    });

    // Latest published cycle: Q2. 优秀 1 of ⌊20 % × 7⌋ = 1, one cut by the quota, one vetoed.
    expect(body.grades).toMatchObject({
      cycle: { id: q2.id, kind: 'Q2', status: 'PUBLISHED', publishedAt: '2026-07-10T00:00:00.000Z' },
      evaluees: 7,
      byGrade: { EXCELLENT: 1, COMPETENT: 4, BASICALLY_COMPETENT: 1, INCOMPETENT: 1 },
      excellentQuota: 1,
      excellentShare: 0.2,
      quotaCut: 1,
      vetoed: 1,
    });
    // Trend: mean totals per published quarter; completion from the Q2 sheets (Q1 has none).
    expect(body.trend).toEqual([
      {
        cycle: { id: q1.id, year: 2026, kind: 'Q1' },
        evaluees: 7,
        meanTotal: round2(avg(Object.values(Q1_TOTALS))),
        meanCompletion: null,
      },
      {
        cycle: { id: q2.id, year: 2026, kind: 'Q2' },
        evaluees: 7,
        meanTotal: round2(avg(Object.values(Q2).map((r) => r.total))),
        meanCompletion: round2(avg(Object.values(Q2).map((r) => avg(r.completion)))),
      },
    ]);

    // Barring one's own unit: staffB no longer counts the chief of 疾控科 (their own unit).
    await h.db.organisationSettings.update({
      where: { organisationId: f.organisationId },
      data: { barOwnUnitScoring: true },
    });
    const barred = await get(director, '/api/dashboards/bureau?year=2026');
    expect(
      barred.scoring.assessors.find((a: { person: { id: string } }) => a.person.id === f.personIds.staffB),
    ).toMatchObject({ evaluees: 4, expectedCells: 12 });
  });
});

describe('GET /api/dashboards/supervisor', () => {
  it('compares the units below a deputy side by side, with their own targets, risks and last-quarter totals', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const { q1, q2 } = await seedEvaluations(f);
    const staff = await f.login('staff');
    await record(staff, f.targets['BUSINESS:staff'], 60);
    await record(await f.login('staffB'), f.targets['BUSINESS:staffB'], 100);
    const deputy = await f.login('deputy');
    const body = await get(deputy, '/api/dashboards/supervisor?year=2026');
    const stored = await storedProgress(h.db, f.organisationId);

    expect(body.post).toMatchObject({ id: f.postIds.deputy, tier: 2, holders: [{ id: f.personIds.deputy }] });
    expect(body.ownTargets.targets.map((t: { id: string }) => t.id).sort()).toEqual(
      CATEGORIES.map((c) => f.targets[`${c}:deputy`]).sort(),
    );
    expect(body.ownTargets.progress).toEqual(
      categoryFigures(
        CATEGORIES.map((c) => ({ category: c, weight: 50, progress: stored.get(f.targets[`${c}:deputy`])! })),
      ),
    );
    expect(body.ownTargets.progress.BUSINESS).toBeGreaterThan(0);

    // Units below the deputy in either line: 机关党支部 (the party group leader's post), 疾控科, 医政科.
    const targets = await activeTargets(f);
    const below = new Set([
      f.postIds.chief,
      f.postIds.staff,
      f.postIds.staff2,
      f.postIds.chiefB,
      f.postIds.staffB,
      f.postIds.partyLeader,
    ]);
    expect(body.units.map((u: { unit: { id: string } }) => u.unit.id).sort()).toEqual(
      [f.unitIds.sectionA, f.unitIds.sectionB, f.unitIds.branch].sort(),
    );
    const now = new Date();
    for (const unit of body.units) {
      const mine = targets.filter((t) => below.has(t.ownerPostId!) && t.ownerPost!.unitId === unit.unit.id);
      expect(unit.targetCount).toBe(mine.length);
      expect(unit.atRiskCount).toBe(mine.filter((t) => atRisk(t, now)).length);
      for (const c of CATEGORIES) {
        const values = mine.filter((t) => t.category === c).map((t) => t.progress);
        expect(unit.progress[c]).toBe(values.length ? round2(avg(values)) : null);
      }
      expect(unit.gaps).toEqual({ open: 0, waived: 0 });
    }
    const unit = (id: string) => body.units.find((u: { unit: { id: string } }) => u.unit.id === id);
    // Last published quarter (Q2): 医政科 chief 92, staff 85, staff2 80; 疾控科 75, 65; the branch: the chief.
    expect(body.lastQuarter).toEqual({ id: q2.id, year: 2026, kind: 'Q2' });
    expect(unit(f.unitIds.sectionA)).toMatchObject({
      lastQuarterMeanTotal: round2(avg([92, 85, 80])),
      lastQuarterEvaluees: 3,
    });
    expect(unit(f.unitIds.sectionB)).toMatchObject({ lastQuarterMeanTotal: 70, lastQuarterEvaluees: 2 });
    expect(unit(f.unitIds.branch)).toMatchObject({ lastQuarterMeanTotal: 92, lastQuarterEvaluees: 1 });

    // Risks over the deputy's subtree (their own targets included).
    const inScope = targets.filter((t) => below.has(t.ownerPostId!) || t.ownerPostId === f.postIds.deputy);
    expect(body.atRisk.total).toBe(inScope.filter((t) => atRisk(t, now)).length);
    for (const item of body.atRisk.items) expect([...below, f.postIds.deputy]).toContain(item.owner.id);
    // Grades and trend of the evaluees below the deputy only (chief, staff, staff2, chiefB, staffB).
    expect(body.grades).toMatchObject({
      cycle: { id: q2.id },
      evaluees: 5,
      byGrade: { EXCELLENT: 0, COMPETENT: 4, BASICALLY_COMPETENT: 1, INCOMPETENT: 0 },
    });
    expect(
      body.trend.map((p: { cycle: { id: string }; meanTotal: number }) => [p.cycle.id, p.meanTotal]),
    ).toEqual([
      [q1.id, round2(avg([82, 84, 86, 88, 90]))],
      [q2.id, round2(avg([92, 85, 80, 75, 65]))],
    ]);
  });
});

describe('GET /api/dashboards/section', () => {
  it("shows the section's targets, each staff member's completion, the decomposition and what falls due", async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const staff = await f.login('staff');
    const staff2 = await f.login('staff2');
    await record(staff, f.targets['BUSINESS:staff'], 70);
    await record(staff, f.targets['IDEOLOGICAL:staff'], 40);
    await record(staff2, f.targets['MANAGEMENT:staff2'], 100);
    // Due dates: one in 10 days, one in 40 days, one finished target due in 5 days (not listed).
    const due = (key: keyof TargetFixture['targets'], date: string) =>
      h.db.target.update({ where: { id: f.targets[key] }, data: { dueDate: new Date(`${date}T00:00:00Z`) } });
    await due('BUSINESS:staff2', chinaToday(10));
    await due('IDEOLOGICAL:staff2', chinaToday(40));
    await due('MANAGEMENT:staff2', chinaToday(5));

    const chief = await f.login('chief');
    const body = await get(chief, '/api/dashboards/section?year=2026');
    const stored = await storedProgress(h.db, f.organisationId);
    expect(body.post).toMatchObject({ id: f.postIds.chief, tier: 3, unit: { id: f.unitIds.sectionA } });

    // The chief's targets, then the staff's of the administrative line (the staff member's
    // party-line target belongs to their party group leader's dashboard), then staff2's.
    const ids = body.targets.map((t: { id: string }) => t.id);
    const expected = [
      ...CATEGORIES.map((c) => f.targets[`${c}:chief`]),
      ...CATEGORIES.map((c) => f.targets[`${c}:staff`]),
      ...CATEGORIES.map((c) => f.targets[`${c}:staff2`]),
    ];
    expect([...ids].sort()).toEqual([...expected].sort());
    expect(ids.slice(0, 3).sort()).toEqual(CATEGORIES.map((c) => f.targets[`${c}:chief`]).sort());
    for (const t of body.targets) expect(t.progress).toBe(stored.get(t.id));
    // Inline updates: the chief may record on the staff's leaves, never on the decomposed own targets.
    const item = (id: string) => body.targets.find((t: { id: string }) => t.id === id);
    expect(item(f.targets['BUSINESS:staff']).canRecordProgress).toBe(true);
    expect(item(f.targets['BUSINESS:chief']).canRecordProgress).toBe(false);

    // Staff: per person per category (weighted by target weight) and overall.
    expect(body.staff.map((s: { person: { id: string } }) => s.person.id).sort()).toEqual(
      [f.personIds.staff, f.personIds.staff2].sort(),
    );
    const targets = await activeTargets(f);
    for (const member of body.staff) {
      const postId = member.person.id === f.personIds.staff ? f.postIds.staff : f.postIds.staff2;
      const mine = targets.filter((t) => t.ownerPostId === postId && t.line === 'ADMINISTRATIVE');
      expect(member.posts).toEqual([{ id: postId, title: expect.any(String) }]);
      expect(member.targetCount).toBe(mine.length);
      expect(member.progress).toEqual(categoryFigures(mine));
    }
    const staffFigures = body.staff.find(
      (s: { person: { id: string } }) => s.person.id === f.personIds.staff,
    );
    expect(staffFigures.progress.BUSINESS).toBe(70);
    expect(staffFigures.progress.IDEOLOGICAL).toBe(40);
    expect(body.progress).toEqual(categoryFigures(targets.filter((t) => t.ownerPostId === f.postIds.chief)));

    // Decomposition: every chief target split 50/50 between the two staff: complete, no gaps.
    expect(body.decomposition.completeCount).toBe(3);
    expect(body.decomposition.incompleteCount).toBe(0);
    for (const d of body.decomposition.items)
      expect(d).toMatchObject({ childCount: 2, childWeightSum: 100, isComplete: true });
    expect(body.decomposition.gaps).toEqual({ open: 0, waived: 0, items: [] });

    // Due soon: not complete and due within 30 days, soonest first.
    expect(body.dueSoon.days).toBe(30);
    expect(body.dueSoon.items.map((t: { id: string }) => t.id)).toEqual([f.targets['BUSINESS:staff2']]);

    // A weight changed below 100 makes the decomposition incomplete, and the gap shows in the section.
    await h.db.target.update({ where: { id: f.targets['MANAGEMENT:staff2'] }, data: { weight: 30 } });
    const changed = await get(chief, '/api/dashboards/section?year=2026');
    const management = changed.decomposition.items.find(
      (d: { target: { id: string } }) => d.target.id === f.targets['MANAGEMENT:chief'],
    );
    expect(management).toMatchObject({ childCount: 2, childWeightSum: 80, isComplete: false });
    expect(changed.decomposition).toMatchObject({ completeCount: 2, incompleteCount: 1 });
    expect(changed.decomposition.gaps).toEqual({
      open: 1,
      waived: 0,
      items: [
        {
          kind: 'WEIGHTS_NOT_100',
          key: `WEIGHTS_NOT_100:${f.targets['MANAGEMENT:chief']}`,
          post: { id: f.postIds.chief, title: '医政科科长' },
          target: { id: f.targets['MANAGEMENT:chief'], title: expect.any(String) },
          category: 'MANAGEMENT',
          line: 'ADMINISTRATIVE',
          isWaived: false,
        },
      ],
    });
  });

  it("switches to the chief's other post: the party group with its party-line targets", async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await f.login('chief');
    const body = await get(chief, `/api/dashboards/section?postId=${f.postIds.partyLeader}`);
    expect(body.post).toMatchObject({ id: f.postIds.partyLeader, unit: { id: f.unitIds.branch } });
    const ids = body.targets.map((t: { id: string }) => t.id).sort();
    // The group leader's own targets, and of the party member only the party-line one.
    expect(ids).toEqual(
      [
        ...CATEGORIES.map((c) => f.targets[`${c}:partyLeader`]),
        f.targets['PARTY:partyLeader'],
        f.targets['PARTY:staff'],
      ].sort(),
    );
    expect(body.staff.map((s: { person: { id: string } }) => s.person.id)).toEqual([f.personIds.staff]);
    expect(body.staff[0].targetCount).toBe(1);
    const party = body.targets.find((t: { id: string }) => t.id === f.targets['PARTY:staff']);
    expect(party.canRecordProgress).toBe(true);
    // The chief's section dashboard does not list it.
    const section = await get(chief, '/api/dashboards/section');
    expect(section.post.id).toBe(f.postIds.chief);
    expect(section.targets.map((t: { id: string }) => t.id)).not.toContain(f.targets['PARTY:staff']);
  });
});

describe('GET /api/dashboards/personal', () => {
  it('shows my targets, my recent progress and my published results across quarters', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const { q1, q2 } = await seedEvaluations(f);
    const staff = await f.login('staff');
    await record(staff, f.targets['BUSINESS:staff'], 30, '第一次');
    await record(staff, f.targets['BUSINESS:staff'], 55, '第二次');
    await record(await f.login('chief'), f.targets['MANAGEMENT:staff'], 90, '科长代录');
    const body = await get(staff, '/api/dashboards/personal?year=2026');
    const targets = await activeTargets(f);
    const mine = targets.filter((t) => t.ownerPostId === f.postIds.staff);

    expect(body.person).toEqual({ id: f.personIds.staff, name: '李科员' });
    expect(body.posts.map((p: { id: string }) => p.id)).toEqual([f.postIds.staff]);
    expect(body.targets.map((t: { id: string }) => t.id).sort()).toEqual(mine.map((t) => t.id).sort());
    expect(body.progress).toEqual(categoryFigures(mine));
    expect(body.progress.BUSINESS).toBe(55);
    expect(
      body.recentProgress.map((u: { note: string; value: number; recordedBy: { name: string } }) => [
        u.note,
        u.value,
        u.recordedBy.name,
      ]),
    ).toEqual([
      ['科长代录', 90, '孙科长'],
      ['第二次', 55, '李科员'],
      ['第一次', 30, '李科员'],
    ]);
    expect(body.recentProgress[0].target.id).toBe(f.targets['MANAGEMENT:staff']);
    // Published only (Q3 closed and Q4 open are not), newest first, with the number ranked.
    expect(body.results).toEqual([
      {
        cycle: expect.objectContaining({ id: q2.id, kind: 'Q2', status: 'PUBLISHED' }),
        total: 85,
        rank: 3,
        rankOf: 7,
        grade: 'COMPETENT',
        isVetoed: false,
        isQuotaCut: false,
      },
      expect.objectContaining({
        cycle: expect.objectContaining({ id: q1.id }),
        total: 84,
        rank: 3,
        rankOf: 7,
      }),
    ]);

    // Someone with no post and no results sees an empty dashboard, not an error.
    const assessor = await get(await f.login('assessor'), '/api/dashboards/personal');
    expect(assessor).toMatchObject({
      person: { id: f.personIds.assessor },
      posts: [],
      targets: [],
      results: [],
    });
  });
});

describe('GET /api/dashboards/assessor', () => {
  it('shows my scoring per cycle and who is still missing in the open one', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const { q1, q2, q3, q4 } = await seedEvaluations(f);
    const assessor = await f.login('assessor');
    const body = await get(assessor, '/api/dashboards/assessor');

    expect(body.cycles.map((c: { cycle: { id: string } }) => c.cycle.id)).toEqual([
      q4.id,
      q3.id,
      q2.id,
      q1.id,
    ]);
    expect(body.cycles[0]).toMatchObject({
      cycle: { id: q4.id, status: 'OPEN' },
      acceptsScores: true,
      isOpenNow: true,
      evaluees: 6,
      completeEvaluees: 1,
      submittedEvaluees: 1,
      missingEvaluees: 5,
      expectedCells: 18,
      filledCells: 5,
      submittedCells: 3,
    });
    expect(body.cycles[0].cycle.windowEnd).toMatch(/Z$/);
    expect(body.cycles[1]).toMatchObject({ evaluees: 7, filledCells: 0, isOpenNow: false }); // Q3 closed
    expect(body.selectedCycleId).toBe(q4.id);
    // Missing: the 6 evaluees minus the chief (submitted); staff has two drafts.
    const missingIds = body.missing.map((m: { person: { id: string } }) => m.person.id);
    expect([...missingIds].sort()).toEqual(
      [
        f.personIds.deputy,
        f.personIds.staff,
        f.personIds.chiefB,
        f.personIds.staffB,
        f.personIds.partySecretary,
      ].sort(),
    );
    expect(missingIds.slice(0, 2).sort()).toEqual([f.personIds.deputy, f.personIds.partySecretary].sort()); // tier 2 first
    const staffRow = body.missing.find((m: { person: { id: string } }) => m.person.id === f.personIds.staff);
    expect(staffRow).toMatchObject({
      person: { name: '李科员' },
      post: { id: f.postIds.staff },
      unit: { id: f.unitIds.sectionA, name: '医政科' },
      missingCategories: ['MANAGEMENT'],
      draftCategories: ['IDEOLOGICAL', 'BUSINESS'],
    });

    // Another cycle by id: Q1, nobody scored.
    const first = await get(assessor, `/api/dashboards/assessor?cycleId=${q1.id}`);
    expect(first.selectedCycleId).toBe(q1.id);
    expect(first.missing).toHaveLength(7);
    // staffB (assessor and evaluee) does not count themselves.
    const other = await get(await f.login('staffB'), '/api/dashboards/assessor');
    expect(other.cycles[0]).toMatchObject({
      evaluees: 5,
      filledCells: 3,
      completeEvaluees: 1,
      submittedEvaluees: 0,
    });
    expect(other.missing.map((m: { person: { id: string } }) => m.person.id)).not.toContain(
      f.personIds.staffB,
    );
  });
});

describe('dashboard authorization', () => {
  it('gives each dashboard to its tier: 403 when not allowed, 404 for a wrong post or another organisation', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const other = await createOrgFixture(h.db, '他局');
    const annual = await h.db.evaluationCycle.create({
      data: { organisationId: f.organisationId, year: 2026, kind: 'ANNUAL', status: 'DRAFT' },
    });
    const foreignCycle = await h.db.evaluationCycle.create({
      data: { organisationId: other.organisationId, year: 2026, kind: 'Q1', status: 'DRAFT' },
    });
    const clients = Object.fromEntries(
      await Promise.all(
        (
          ['director', 'deputy', 'chief', 'chiefB', 'staff', 'assessor', 'admin', 'partySecretary'] as const
        ).map(async (key) => [key, await f.login(key)] as const),
      ),
    ) as Record<
      'director' | 'deputy' | 'chief' | 'chiefB' | 'staff' | 'assessor' | 'admin' | 'partySecretary',
      Client
    >;
    const status = async (key: keyof typeof clients, path: string) => (await clients[key].get(path)).status;

    // Bureau: tier 1 and administrators.
    for (const key of ['director', 'admin'] as const)
      expect(await status(key, '/api/dashboards/bureau'), key).toBe(200);
    for (const key of ['deputy', 'chief', 'staff', 'assessor', 'partySecretary'] as const)
      expect(await status(key, '/api/dashboards/bureau'), key).toBe(403);

    // Supervisor: the holder of the tier-2 post, tier 1, admin.
    const sup = (postId: string) => `/api/dashboards/supervisor?postId=${postId}`;
    expect(await status('deputy', '/api/dashboards/supervisor')).toBe(200);
    for (const key of ['deputy', 'director', 'admin'] as const)
      expect(await status(key, sup(f.postIds.deputy)), key).toBe(200);
    for (const key of ['chief', 'staff', 'assessor', 'partySecretary'] as const)
      expect(await status(key, sup(f.postIds.deputy)), key).toBe(403);
    expect(await status('partySecretary', sup(f.postIds.partySecretary))).toBe(200);
    expect(await status('deputy', sup(f.postIds.partySecretary))).toBe(403); // another deputy's charge
    expect(await status('director', sup(f.postIds.chief))).toBe(404); // not a tier-2 post
    expect(await status('director', sup(other.postIds.deputy))).toBe(404); // another organisation
    expect(await status('director', sup('00000000-0000-4000-8000-000000000000'))).toBe(404);
    expect(await status('chief', '/api/dashboards/supervisor')).toBe(404); // holds no tier-2 post
    expect(await status('director', '/api/dashboards/supervisor?postId=nope')).toBe(400);

    // Section: the holder, the posts above it in either line, tier 1, admin.
    const sec = (postId: string) => `/api/dashboards/section?postId=${postId}`;
    for (const key of ['chief', 'deputy', 'director', 'admin'] as const)
      expect(await status(key, sec(f.postIds.chief)), key).toBe(200);
    for (const key of ['chiefB', 'staff', 'assessor', 'partySecretary'] as const)
      expect(await status(key, sec(f.postIds.chief)), key).toBe(403);
    expect(await status('partySecretary', sec(f.postIds.partyLeader))).toBe(200); // party-line superior
    expect(await status('chiefB', '/api/dashboards/section')).toBe(200);
    expect(await status('director', sec(f.postIds.deputy))).toBe(404); // not a tier-3 post
    expect(await status('director', sec(other.postIds.chief))).toBe(404);
    expect(await status('staff', '/api/dashboards/section')).toBe(404);
    // An archived post is gone.
    await h.db.post.update({ where: { id: f.postIds.chiefB }, data: { archivedAt: new Date() } });
    expect(await status('director', sec(f.postIds.chiefB))).toBe(404);

    // Personal: everyone, always their own.
    for (const key of Object.keys(clients) as (keyof typeof clients)[])
      expect(await status(key, '/api/dashboards/personal'), key).toBe(200);
    // Assessor: assessment-group members only; a cycle of another organisation or an annual one is 404.
    expect(await status('assessor', '/api/dashboards/assessor')).toBe(200);
    for (const key of ['director', 'admin', 'staff'] as const)
      expect(await status(key, '/api/dashboards/assessor'), key).toBe(403);
    expect(await status('assessor', `/api/dashboards/assessor?cycleId=${foreignCycle.id}`)).toBe(404);
    expect(await status('assessor', `/api/dashboards/assessor?cycleId=${annual.id}`)).toBe(404);

    // Without a session: 401.
    const anonymous = new (clients.staff.constructor as new (baseUrl: string) => Client)(h.baseUrl);
    for (const path of ['bureau', 'supervisor', 'section', 'personal', 'assessor'])
      expect((await anonymous.get(`/api/dashboards/${path}`)).status).toBe(401);
  });

  it("never shows another organisation's figures", async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const g = await createTargetFixture(h.db, h.baseUrl, { name: '他局' });
    await record(await g.login('staff'), g.targets['BUSINESS:staff'], 100);
    const body = await get(await f.login('director'), '/api/dashboards/bureau?year=2026');
    const own = new Set(Object.values(f.unitIds));
    for (const u of body.heatmap) expect(own.has(u.unit.id)).toBe(true);
    expect(body.majorTargets.progress.BUSINESS).toBe(0);
    const foreign = new Set(Object.values(g.targets));
    for (const t of [...body.majorTargets.targets, ...body.atRisk.items])
      expect(foreign.has(t.id)).toBe(false);
  });
});

describe('dashboard round trips', () => {
  it('answers each dashboard with at most 5 database round trips, the session lookup included', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const { q4 } = await seedEvaluations(f);
    const cases: [Parameters<TargetFixture['login']>[0], string][] = [
      ['director', '/api/dashboards/bureau?year=2026'],
      ['deputy', '/api/dashboards/supervisor?year=2026'],
      ['director', `/api/dashboards/supervisor?postId=${f.postIds.deputy}`],
      ['chief', '/api/dashboards/section?year=2026'],
      ['deputy', `/api/dashboards/section?postId=${f.postIds.chief}`],
      ['staff', '/api/dashboards/personal?year=2026'],
      ['assessor', '/api/dashboards/assessor'],
      ['assessor', `/api/dashboards/assessor?cycleId=${q4.id}`],
    ];
    for (const [key, path] of cases) {
      const client = await f.login(key);
      await get(client, path); // warm: the first request may refresh the session's lastSeenAt
      const before = h.queryCount();
      await get(client, path);
      const trips = h.queryCount() - before;
      expect(trips, `${key} ${path}`).toBeGreaterThan(0);
      expect(trips, `${key} ${path}`).toBeLessThanOrEqual(5);
    }
  });
});

// ─── Tier 1 at city scale: the heatmap by level, and figures kept per data version ─────────────────

type HeatRow = {
  unit: { id: string; name: string; kind: string };
  postCount: number;
  targetCount: number;
  childCount: number;
  progress: Record<Category | 'overall', number | null>;
};
const bureauPath = (unitId?: string) =>
  `/api/dashboards/bureau?year=2026${unitId ? `&unitId=${unitId}` : ''}`;

/** Each row against its subtree's targets read from the database: Σ progress ÷ targets, posts counted. */
async function expectSubtreeFigures(f: TargetFixture, rows: HeatRow[]) {
  const units = await h.db.orgUnit.findMany({
    where: { organisationId: f.organisationId, archivedAt: null },
  });
  const below = (id: string): string[] => [
    id,
    ...units.filter((u) => u.parentId === id).flatMap((u) => below(u.id)),
  ];
  const targets = (await activeTargets(f)).filter((t) => t.ownerPost && t.ownerPost.archivedAt === null);
  for (const row of rows) {
    const subtree = new Set(below(row.unit.id));
    const mine = targets.filter((t) => subtree.has(t.ownerPost!.unitId));
    expect(row.targetCount, row.unit.name).toBe(mine.length);
    expect(row.postCount, row.unit.name).toBe(new Set(mine.map((t) => t.ownerPostId)).size);
    const close = (got: number | null, values: number[]) => {
      if (values.length === 0) return expect(got, row.unit.name).toBeNull();
      expect(Math.abs(got! - avg(values)), `${row.unit.name}: ${got} vs ${avg(values)}`).toBeLessThanOrEqual(
        0.005 + 1e-9,
      );
    };
    for (const c of CATEGORIES)
      close(
        row.progress[c],
        mine.filter((t) => t.category === c).map((t) => t.progress),
      );
    close(
      row.progress.overall,
      mine.map((t) => t.progress),
    );
    const children = units.filter(
      (u) =>
        u.parentId === row.unit.id && below(u.id).some((id) => mine.some((t) => t.ownerPost!.unitId === id)),
    );
    expect(row.childCount, row.unit.name).toBe(children.length);
  }
}

describe('GET /api/dashboards/bureau: the heatmap by level', () => {
  it('shows one row per child unit over its whole subtree, drills down and back, and answers 404 for a unit not of the organisation', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const other = await createTargetFixture(h.db, h.baseUrl, { name: '他局' });
    const [director, admin, staff, staffB] = [
      await f.login('director'),
      await f.login('admin'),
      await f.login('staff'),
      await f.login('staffB'),
    ];
    expect((await record(staff, f.targets['BUSINESS:staff'], 80)).status).toBe(201);
    expect((await record(staffB, f.targets['IDEOLOGICAL:staffB'], 30)).status).toBe(201);
    // 业务科室 above 医政科 and 疾控科, and 检验组 under 疾控科 holding the 疾控科 staff member's post.
    const business = await admin.post('/api/org/units', { name: '业务科室', kind: 'SECTION' });
    expect(business.status, business.text).toBe(201);
    for (const id of [f.unitIds.sectionA, f.unitIds.sectionB])
      expect(
        (await admin.request('PATCH', `/api/org/units/${id}`, { parentId: business.body.id })).status,
      ).toBe(200);
    const lab = await admin.post('/api/org/units', {
      name: '疾控科检验组',
      kind: 'SECTION',
      parentId: f.unitIds.sectionB,
    });
    expect(lab.status, lab.text).toBe(201);
    await h.db.post.update({ where: { id: f.postIds.staffB }, data: { unitId: lab.body.id } });

    // The default level: three units at the top (so the top), each over its subtree.
    const top = await get(director, bureauPath());
    expect(top.heatmapLevel).toEqual({ unit: null, path: [] });
    const idsOf = (rows: HeatRow[]) => rows.map((r) => r.unit.id);
    expect(new Set(idsOf(top.heatmap))).toEqual(
      new Set([f.unitIds.leadership, business.body.id, f.unitIds.branch]),
    );
    await expectSubtreeFigures(f, top.heatmap);
    const businessRow = top.heatmap.find((r: HeatRow) => r.unit.id === business.body.id);
    expect(businessRow.childCount).toBe(2);
    expect(businessRow.targetCount).toBeGreaterThan(0);

    // Into 业务科室: its two sections, 疾控科 with 检验组 in it.
    const level1 = await get(director, bureauPath(business.body.id));
    expect(level1.heatmapLevel).toEqual({
      unit: { id: business.body.id, name: '业务科室', kind: 'SECTION' },
      path: [null],
    });
    expect(idsOf(level1.heatmap).sort()).toEqual([f.unitIds.sectionA, f.unitIds.sectionB].sort());
    await expectSubtreeFigures(f, level1.heatmap);
    // Into 疾控科: 检验组 only (the chief's own post is 疾控科's, in no row).
    const level2 = await get(director, bureauPath(f.unitIds.sectionB));
    expect(level2.heatmapLevel.path).toEqual([
      null,
      { id: business.body.id, name: '业务科室', kind: 'SECTION' },
    ]);
    expect(idsOf(level2.heatmap)).toEqual([lab.body.id]);
    await expectSubtreeFigures(f, level2.heatmap);
    expect(level2.heatmap[0].progress.IDEOLOGICAL).toBe(30);
    // A unit without units below: no rows, the whole way back in the breadcrumb.
    const leaf = await get(director, bureauPath(lab.body.id));
    expect(leaf.heatmap).toEqual([]);
    expect(leaf.heatmapLevel.path.map((u: { id: string } | null) => u?.id ?? null)).toEqual([
      null,
      business.body.id,
      f.unitIds.sectionB,
    ]);
    // The rest of the page does not depend on the level; the ranking is over every unit's own figures.
    for (const level of [level1, level2, leaf]) {
      for (const key of ['majorTargets', 'gaps', 'atRisk', 'scoring', 'grades', 'trend', 'units'])
        expect(level[key], key).toEqual(top[key]);
    }
    const ranked = [...top.units.strongest, ...top.units.weakest].map(
      (r: { unit: { id: string } }) => r.unit.id,
    );
    expect(ranked).toContain(lab.body.id);
    expect(ranked).not.toContain(business.body.id); // no posts of its own

    // Not a unit of this organisation, unknown, archived: 404 in the one error shape; not an id: 400.
    const empty = await admin.post('/api/org/units', { name: '待撤销科室', kind: 'SECTION' });
    expect((await admin.post(`/api/org/units/${empty.body.id}/archive`)).status).toBe(200);
    for (const id of [other.unitIds.sectionA, '00000000-0000-4000-8000-000000000000', empty.body.id]) {
      const res = await director.get(bureauPath(id));
      expect(res.status, id).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: '单位不存在或您无权查看' });
    }
    const bad = await director.get('/api/dashboards/bureau?unitId=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    // Tier 2 and below still may not open it, whatever the level.
    expect((await (await f.login('deputy')).get(bureauPath(business.body.id))).status).toBe(403);
  });

  it('opens on the child units of a single top unit, with the breadcrumb from there', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    await h.db.orgUnit.updateMany({
      where: { organisationId: f.organisationId, id: { not: f.unitIds.leadership } },
      data: { parentId: f.unitIds.leadership },
    });
    const director = await f.login('director');
    const leadership = await h.db.orgUnit.findUniqueOrThrow({ where: { id: f.unitIds.leadership } });
    const body = await get(director, bureauPath());
    expect(body.heatmapLevel).toEqual({
      unit: { id: leadership.id, name: leadership.name, kind: 'LEADERSHIP' },
      path: [],
    });
    expect(new Set(body.heatmap.map((r: HeatRow) => r.unit.id))).toEqual(
      new Set([f.unitIds.sectionA, f.unitIds.sectionB, f.unitIds.branch]),
    );
    await expectSubtreeFigures(f, body.heatmap);
    // The same level asked for by id; one below has the default level as its only step back.
    expect((await get(director, bureauPath(leadership.id))).heatmapLevel.path).toEqual([]);
    const below = await get(director, bureauPath(f.unitIds.sectionB));
    expect(below.heatmapLevel.path).toEqual([
      { id: leadership.id, name: leadership.name, kind: 'LEADERSHIP' },
    ]);
    expect(below.heatmap).toEqual([]);
  });
});

describe('GET /api/dashboards/bureau: figures kept per data version', () => {
  /** Statements one bureau read costs. */
  async function tripsOf(client: Client, path: string) {
    const before = h.queryCount();
    const body = await get(client, path);
    return { trips: h.queryCount() - before, body };
  }

  it('answers from memory with the session lookup and the version read, and recomputes after a write', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    await seedEvaluations(f);
    const director = await f.login('director');
    await get(director, bureauPath()); // warm: the session touch, the first computation
    const hit = await tripsOf(director, bureauPath());
    expect(hit.trips).toBe(2);
    // Another level of the same figures: rendered from memory too.
    expect((await tripsOf(director, bureauPath(f.unitIds.sectionA))).trips).toBe(2);

    // A post edit moves everything (targets' owners, gaps, the evaluees): one statement per part.
    await h.db.post.update({ where: { id: f.postIds.director }, data: { title: '党组书记、局长（兼）' } });
    const miss = await tripsOf(director, bureauPath());
    expect(miss.trips).toBeGreaterThan(2);
    expect(miss.trips).toBeLessThanOrEqual(5);
    expect(miss.body.majorTargets.targets[0].owner.title).toBe('党组书记、局长（兼）');
    expect((await tripsOf(director, bureauPath())).trips).toBe(2);

    // Progress moves the target figures only: the stored gap counts and evaluation serve on.
    expect((await record(await f.login('staff'), f.targets['BUSINESS:staff'], 50)).status).toBe(201);
    const afterProgress = await tripsOf(director, bureauPath());
    expect(afterProgress.trips).toBe(3);
    expect(afterProgress.body.majorTargets.progress.BUSINESS).toBeGreaterThan(0);
  });

  it('shows every kind of write on the next read, on another API instance too', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const { q3, q4 } = await seedEvaluations(f);
    // A second app on the same database: its own memory, the same versions.
    const config = {
      ...loadConfig(),
      LOG_LEVEL: 'silent' as const,
      ZEREN_WEB_DIST: '/nonexistent',
      LOGIN_MAX_FAILURES_PER_ADDRESS: 1_000_000,
    };
    const server = createApp({ db: h.db, config, logger: pino({ level: 'silent' }) }).listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    try {
      const secondUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const elsewhere = new Client(secondUrl);
      expect((await elsewhere.login(f.usernames.director, FIXTURE_PASSWORD)).status).toBe(200);
      const director = await f.login('director');
      const read = async () => {
        const [here, there] = [await get(director, bureauPath()), await get(elsewhere, bureauPath())];
        // The same figures, each instance computing them at its own instant.
        const clockFree = (body: unknown) =>
          JSON.stringify(body, (key, value: unknown) =>
            key === 'asOf' || key === 'expectedProgress' ? undefined : value,
          );
        expect(clockFree(there)).toBe(clockFree(here));
        return there;
      };
      const unitRow = (body: { heatmap: HeatRow[] }, id: string) =>
        body.heatmap.find((r) => r.unit.id === id)!;
      const first = await read();
      expect((await read()).asOf).toBe(first.asOf); // kept: the same figures, not recomputed

      // A progress update (roll-up up to the bureau's root).
      expect((await record(await f.login('staff'), f.targets['BUSINESS:staff'], 100)).status).toBe(201);
      const stored = await storedProgress(h.db, f.organisationId);
      const afterProgress = await read();
      expect(
        afterProgress.majorTargets.targets.find(
          (t: { id: string }) => t.id === f.targets['BUSINESS:director'],
        ).progress,
      ).toBe(stored.get(f.targets['BUSINESS:director']));
      expect(unitRow(afterProgress, f.unitIds.sectionA).progress.BUSINESS).toBeGreaterThan(
        unitRow(first, f.unitIds.sectionA).progress.BUSINESS!,
      );

      // A unit renamed.
      const admin = await f.login('admin');
      expect(
        (await admin.request('PATCH', `/api/org/units/${f.unitIds.sectionB}`, { name: '疾病预防控制科' }))
          .status,
      ).toBe(200);
      expect(unitRow(await read(), f.unitIds.sectionB).unit.name).toBe('疾病预防控制科');

      // A person renamed (straight in the database, as another tool would).
      await h.db.person.update({ where: { id: f.personIds.director }, data: { name: '赵局长' } });
      expect((await read()).majorTargets.targets[0].owner.holders[0].name).toBe('赵局长');

      // A gap opened (a vacant post) and waived.
      await h.db.post.create({
        data: {
          organisationId: f.organisationId,
          unitId: f.unitIds.sectionA,
          code: 'YZ-9',
          title: '医政科空岗',
          tier: 4,
          lines: ['ADMINISTRATIVE'],
          adminSuperiorId: f.postIds.chief,
        },
      });
      const opened = await read();
      expect(opened.gaps.open).toBeGreaterThan(first.gaps.open);
      const report = await get(director, '/api/gaps?year=2026');
      const gapKey = report.gaps.find((g: { isWaived: boolean }) => !g.isWaived).key;
      expect(
        (await director.post('/api/gaps/waivers', { year: 2026, gapKey, reason: '机构调整期间暂缓' })).status,
      ).toBe(201);
      const waived = await read();
      expect(waived.gaps).toMatchObject({ open: opened.gaps.open - 1, waived: opened.gaps.waived + 1 });

      // A score saved (the staff member's third category: two are drafts), then the three submitted.
      const assessor = await f.login('assessor');
      const save = await assessor.request('PUT', `/api/cycles/${q4.id}/scores`, {
        cells: [{ evalueeId: f.personIds.staff, category: 'MANAGEMENT', value: 86 }],
      });
      expect(save.status, save.text).toBe(200);
      const saved = await read();
      expect(saved.scoring.filledCells).toBe(waived.scoring.filledCells + 1);
      const submit = await assessor.post(`/api/cycles/${q4.id}/submit`, { evalueeIds: [f.personIds.staff] });
      expect(submit.status, submit.text).toBeLessThan(300);
      expect((await read()).scoring.submittedCells).toBe(saved.scoring.submittedCells + 3);

      // A quarter published (straight in the database): the grades move to it.
      await h.db.evaluationCycle.update({
        where: { id: q3.id },
        data: { status: 'PUBLISHED', publishedAt: new Date('2026-10-10T00:00:00Z') },
      });
      expect((await read()).grades.cycle.id).toBe(q3.id);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
