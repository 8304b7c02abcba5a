// City-scale performance (docs/performance.md "Indexes, query shapes and roll-up design"): the
// database round trips of the hot requests, counted with the harness's statement counter (every
// statement sent counts, BEGIN and COMMIT included, the session lookup included), and the roll-up
// summaries the dashboards read, kept by triggers, against a full recomputation after mixed writes.
import { describe, expect, it } from 'vitest';
import { recomputeTargetSummaries } from '../src/modules/targets/summaries';
import { openWindow } from './support/evaluation-fixtures';
import { type Client, useHarness } from './support/harness';
import { createTargetFixture, patch, type TargetFixture } from './support/target-fixtures';

const h = useHarness();
const MAX_TRIPS = 5;

/** Statements one request costs, after a warm-up request (which may refresh the session). */
async function tripsOf(send: () => Promise<{ status: number }>, warm?: () => Promise<{ status: number }>) {
  const first = await (warm ?? send)();
  expect(first.status).toBeLessThan(300);
  const before = h.queryCount();
  const res = await send();
  expect(res.status, JSON.stringify(res)).toBeLessThan(300);
  return h.queryCount() - before;
}

async function seedCycles(f: TargetFixture) {
  const organisationId = f.organisationId;
  const open = await h.db.evaluationCycle.create({
    data: { organisationId, year: f.year, kind: 'Q4', status: 'OPEN', ...openWindow(), openedAt: new Date() },
  });
  const published = await h.db.evaluationCycle.create({
    data: {
      organisationId,
      year: f.year,
      kind: 'Q1',
      status: 'PUBLISHED',
      windowStart: new Date('2026-01-01T00:00:00Z'),
      windowEnd: new Date('2026-01-10T00:00:00Z'),
      openedAt: new Date('2026-01-01T00:00:00Z'),
      closedAt: new Date('2026-01-10T00:00:00Z'),
      publishedAt: new Date('2026-04-10T00:00:00Z'),
    },
  });
  const evaluees = ['deputy', 'chief', 'staff', 'staff2'] as const;
  await h.db.evaluationResult.createMany({
    data: evaluees.map((key, i) => ({
      organisationId,
      cycleId: published.id,
      evalueeId: f.personIds[key],
      scoreIdeological: 90 - i,
      scoreBusiness: 90 - i,
      scoreManagement: 90 - i,
      total: 90 - i,
      rank: i + 1,
      grade: 'COMPETENT' as const,
    })),
  });
  return { open, published };
}

type SummaryRows = Record<string, unknown>[];
type Summaries = { unit: SummaryRows; post: SummaryRows; due: SummaryRows };

/** The three summaries of one organisation, as sorted plain rows. */
async function summaries(organisationId: string): Promise<Summaries> {
  const read = (table: string, key: string) =>
    h.db.$queryRawUnsafe<SummaryRows>(
      `SELECT *, "progressSum"::text AS "progressSum" FROM "${table}" WHERE "organisationId" = $1::uuid AND targets <> 0 ORDER BY ${key}`,
      organisationId,
    );
  return {
    unit: await read('TargetUnitSummary', 'year, "unitId", category'),
    post: await read('TargetPostSummary', 'year, "postId", category'),
    due: (
      await h.db.$queryRawUnsafe<SummaryRows>(
        `SELECT * FROM "TargetDueSummary" WHERE "organisationId" = $1::uuid AND targets <> 0 ORDER BY year, "dueDate", bucket`,
        organisationId,
      )
    ).map((r) => ({ ...r, dueDate: String(r.dueDate) })),
  };
}

/** What a fresh recomputation from the targets gives (in a transaction rolled back afterwards). */
async function recomputed(organisationId: string, year: number) {
  let fresh: Summaries = { unit: [], post: [], due: [] };
  await h.db
    .$transaction(async (tx) => {
      await recomputeTargetSummaries(tx, organisationId, year);
      const read = (table: string, key: string) =>
        tx.$queryRawUnsafe<SummaryRows>(
          `SELECT *, "progressSum"::text AS "progressSum" FROM "${table}" WHERE "organisationId" = $1::uuid AND targets <> 0 ORDER BY ${key}`,
          organisationId,
        );
      fresh = {
        unit: await read('TargetUnitSummary', 'year, "unitId", category'),
        post: await read('TargetPostSummary', 'year, "postId", category'),
        due: (
          await tx.$queryRawUnsafe<SummaryRows>(
            `SELECT * FROM "TargetDueSummary" WHERE "organisationId" = $1::uuid AND targets <> 0 ORDER BY year, "dueDate", bucket`,
            organisationId,
          )
        ).map((r) => ({ ...r, dueDate: String(r.dueDate) })),
      };
      throw new Error('rollback');
    })
    .catch((error: Error) => {
      if (error.message !== 'rollback') throw error;
    });
  return fresh;
}

const record = (c: Client, targetId: string, value: number) =>
  c.post(`/api/targets/${targetId}/progress`, { value, note: '按计划推进' });

describe('round trips per request', () => {
  it(`answers the hot requests with at most ${MAX_TRIPS} statements, the session lookup, BEGIN and COMMIT included`, async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const { open, published } = await seedCycles(f);
    const staff = await f.login('staff');
    const director = await f.login('director');
    const chief = await f.login('chief');
    const assessor = await f.login('assessor');
    const leaf = f.targets['BUSINESS:staff'];
    let value = 10;
    let score = 70;
    const versions = new Map<string, number>();

    const cells = (v: number) =>
      (['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'] as const).map((category) => ({
        evalueeId: f.personIds.staff,
        category,
        value: v,
      }));
    const cases: [string, () => Promise<{ status: number }>][] = [
      ['progress update', () => record(staff, leaf, (value += 5))],
      ['target detail', () => staff.get(`/api/targets/${leaf}`)],
      ['target subtree', () => chief.get(`/api/targets/${f.targets['BUSINESS:chief']}/tree`)],
      ['chain level', () => director.get('/api/chain?year=2026&depth=1')],
      [
        // Each save changes the three cells, carrying the versions the previous answer gave.
        'score autosave',
        async () => {
          const body = {
            cells: cells((score += 1)).map((c) => ({ ...c, version: versions.get(c.category) })),
          };
          const res = await assessor.request('PUT', `/api/cycles/${open.id}/scores`, body);
          for (const cell of res.body.cells ?? []) versions.set(cell.category, cell.version);
          return res;
        },
      ],
      ['paged results list', () => director.get(`/api/cycles/${published.id}/results?page=1&pageSize=20`)],
      ['bureau dashboard', () => director.get('/api/dashboards/bureau?year=2026')],
      ['supervisor dashboard', () => director.get(`/api/dashboards/supervisor?postId=${f.postIds.deputy}`)],
      ['section dashboard', () => chief.get('/api/dashboards/section?year=2026')],
      ['personal dashboard', () => staff.get('/api/dashboards/personal?year=2026')],
      ['assessor dashboard', () => assessor.get('/api/dashboards/assessor')],
    ];
    const counted: Record<string, number> = {};
    for (const [name, send] of cases) counted[name] = await tripsOf(send);
    // Submitting is counted once, on a fresh evaluee (a second submit of the same cells is a no-op).
    await assessor.request('PUT', `/api/cycles/${open.id}/scores`, {
      cells: cells(81).map((c) => ({ ...c, evalueeId: f.personIds.staff2 })),
    });
    counted['score submit'] = await tripsOf(
      () => assessor.post(`/api/cycles/${open.id}/submit`, { evalueeIds: [f.personIds.staff2] }),
      () => assessor.post(`/api/cycles/${open.id}/submit`, { evalueeIds: [f.personIds.staff] }),
    );
    console.warn('statements per request', counted);
    for (const [name, trips] of Object.entries(counted)) {
      expect(trips, name).toBeGreaterThan(0);
      expect(trips, name).toBeLessThanOrEqual(MAX_TRIPS);
    }
  });
});

describe('targets list walked in post order', () => {
  it('pages and counts exactly as the full sort does, for every filter it serves', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const org = f.organisationId;
    const director = await f.login('director');
    // An ownerless target (listed last) and an archived one (only with includeArchived).
    const parent = await h.db.target.findUniqueOrThrow({ where: { id: f.targets['BUSINESS:staff'] } });
    await h.db.target.create({
      data: {
        organisationId: org,
        parentId: parent.id,
        year: 2026,
        category: 'BUSINESS',
        line: 'ADMINISTRATIVE',
        title: '无人认领的子目标',
        weight: 10,
        measureKind: 'PERCENTAGE',
        goal: 100,
        dueDate: new Date('2026-12-31'),
      },
    });
    await h.db.target.update({ where: { id: f.targets['MANAGEMENT:staffB'] }, data: { status: 'ARCHIVED' } });
    const all = await h.db.target.findMany({ where: { organisationId: org }, include: { ownerPost: true } });
    const CATEGORY_ORDER = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'];
    const expected = (keep: (t: (typeof all)[number]) => boolean) =>
      all
        .filter(keep)
        .sort(
          (a, b) =>
            (a.ownerPost?.tier ?? 99) - (b.ownerPost?.tier ?? 99) ||
            (a.ownerPost?.sortOrder ?? 0) - (b.ownerPost?.sortOrder ?? 0) ||
            CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
            a.createdAt.getTime() - b.createdAt.getTime() ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        )
        .map((t) => t.id);
    const listed = async (query: string) => {
      const ids: string[] = [];
      let total = -1;
      for (let page = 1; page < 100; page++) {
        const res = await director.get(`/api/targets?year=2026&pageSize=4&page=${page}${query}`);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        total = res.body.total;
        ids.push(...res.body.items.map((t: { id: string }) => t.id));
        if (res.body.items.length < 4) break;
      }
      return { ids, total };
    };
    const active = (t: (typeof all)[number]) => t.year === 2026 && t.status === 'ACTIVE';
    const cases: [string, (t: (typeof all)[number]) => boolean][] = [
      ['', active],
      ['&category=BUSINESS', (t) => active(t) && t.category === 'BUSINESS'],
      ['&line=PARTY', (t) => active(t) && t.line === 'PARTY'],
      [`&unitId=${f.unitIds.sectionA}`, (t) => active(t) && t.ownerPost?.unitId === f.unitIds.sectionA],
      [
        '&tier=4&category=IDEOLOGICAL',
        (t) => active(t) && t.ownerPost?.tier === 4 && t.category === 'IDEOLOGICAL',
      ],
      [`&ownerPostId=${f.postIds.chief}`, (t) => active(t) && t.ownerPostId === f.postIds.chief],
      ['&includeArchived=true', (t) => t.year === 2026],
    ];
    for (const [query, keep] of cases) {
      const want = expected(keep);
      const got = await listed(query);
      expect(got.ids, query).toEqual(want);
      expect(got.total, query).toBe(want.length);
    }
  });
});

describe('stored dashboard figures', () => {
  it('are never behind the last committed write: gaps and scoring move on the next read', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const { open } = await seedCycles(f);
    const director = await f.login('director');
    const assessor = await f.login('assessor');
    const bureau = async () => (await director.get('/api/dashboards/bureau?year=2026')).body;
    const first = await bureau();
    expect((await bureau()).gaps).toEqual(first.gaps); // stored now, the same figures

    // A structural edit (an unowned child under the chief's target) opens gaps at once.
    const chief = await f.login('chief');
    const parentId = f.targets['BUSINESS:chief'];
    const parent = await chief.get(`/api/targets/${parentId}`);
    const kids = await h.db.target.findMany({
      where: { parentId, status: 'ACTIVE' },
      orderBy: { createdAt: 'asc' },
    });
    const res = await chief.request('PUT', `/api/targets/${parentId}/children`, {
      version: parent.body.version,
      children: kids.slice(1).map((k) => ({
        id: k.id,
        title: k.title,
        weight: k.weight.toNumber(),
        measureKind: k.measureKind,
        goal: k.goal.toNumber(),
        dueDate: k.dueDate.toISOString().slice(0, 10),
        ownerPostId: k.ownerPostId,
      })),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const second = await bureau();
    expect(second.gaps.open).toBeGreaterThan(first.gaps.open); // weights no longer sum to 100
    // The same through the gap report (the counts agree).
    const report = (await director.get('/api/gaps?year=2026')).body;
    expect(second.gaps.open).toBe(report.openTotal);
    expect(second.gaps.waived).toBe(report.waivedTotal);

    // A score saved is counted on the very next read.
    const filled = second.scoring.filledCells;
    const save = await assessor.request('PUT', `/api/cycles/${open.id}/scores`, {
      cells: [{ evalueeId: f.personIds.chief, category: 'BUSINESS', value: 88 }],
    });
    expect(save.status, JSON.stringify(save.body)).toBe(200);
    expect((await bureau()).scoring.filledCells).toBe(filled + 1);
  });
});

describe('roll-up summaries', () => {
  it('equal a full recomputation after a mixed sequence of writes, and the bureau reads them', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const other = await createTargetFixture(h.db, h.baseUrl, { name: '他局' });
    const org = f.organisationId;
    const director = await f.login('director');
    const chief = await f.login('chief');
    const staff = await f.login('staff');

    // Progress on leaves (the roll-up moves the ancestors in other units too).
    expect((await record(staff, f.targets['BUSINESS:staff'], 40)).status).toBe(201);
    expect((await record(staff, f.targets['IDEOLOGICAL:staff'], 70)).status).toBe(201);
    expect((await record(await other.login('staff'), other.targets['BUSINESS:staff'], 90)).status).toBe(201);
    // Decompose again: the chief keeps one child (new weight and due date), drops the other
    // (archived) and adds one for a colleague.
    const parentId = f.targets['MANAGEMENT:chief'];
    const parent = await chief.get(`/api/targets/${parentId}`);
    expect(parent.status).toBe(200);
    const kids = await h.db.target.findMany({
      where: { organisationId: org, parentId, status: 'ACTIVE' },
      orderBy: { createdAt: 'asc' },
    });
    expect(kids.length).toBeGreaterThan(0);
    const kept = kids[0]!;
    const decomposed = await chief.request('PUT', `/api/targets/${parentId}/children`, {
      version: parent.body.version,
      children: [
        {
          id: kept.id,
          title: kept.title,
          weight: 60,
          measureKind: kept.measureKind,
          goal: kept.goal.toNumber(),
          dueDate: '2026-05-31',
          ownerPostId: kept.ownerPostId,
        },
        {
          title: '制度修订完成数',
          weight: 40,
          measureKind: 'NUMBER',
          measureUnit: '项',
          baseline: 0,
          goal: 4,
          dueDate: '2026-12-31',
          ownerPostId: f.postIds.staff2,
        },
      ],
    });
    expect(decomposed.status, JSON.stringify(decomposed.body)).toBe(200);
    // Create a root target, edit its due date and weight, then archive it.
    const created = await director.post('/api/targets', {
      year: 2026,
      category: 'BUSINESS',
      line: 'ADMINISTRATIVE',
      title: '基层医疗机构绩效考核覆盖率',
      weight: 100,
      measureKind: 'PERCENTAGE',
      goal: 100,
      dueDate: '2026-09-30',
      ownerPostId: f.postIds.director,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const edited = await patch(director, `/api/targets/${created.body.id}`, {
      version: created.body.version,
      dueDate: '2026-10-31',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(
      (await director.post(`/api/targets/${created.body.id}/archive`, { version: edited.body.version }))
        .status,
    ).toBe(200);
    // Archive a decomposed target with its subtree, move a post to another unit, archive a post.
    const chiefTarget = await director.get(`/api/targets/${f.targets['IDEOLOGICAL:chiefB']}`);
    expect(
      (
        await director.post(`/api/targets/${f.targets['IDEOLOGICAL:chiefB']}/archive`, {
          version: chiefTarget.body.version,
        })
      ).status,
    ).toBe(200);
    await h.db.post.update({ where: { id: f.postIds.staff2 }, data: { unitId: f.unitIds.sectionB } });
    await h.db.post.update({ where: { id: f.postIds.staffB }, data: { archivedAt: new Date() } });
    // A bulk write straight in the database (as an import would): one statement, many rows.
    await h.db.target.updateMany({
      where: { organisationId: org, ownerPostId: f.postIds.staff, status: 'ACTIVE' },
      data: { progress: 55.55 },
    });

    const maintained = await summaries(org);
    const fresh = await recomputed(org, 2026);
    expect(maintained.unit.length).toBeGreaterThan(0);
    expect(maintained.due.length).toBeGreaterThan(0);
    expect(maintained).toEqual(fresh);
    // The other organisation is untouched by all of this and also consistent.
    expect(await summaries(other.organisationId)).toEqual(await recomputed(other.organisationId, 2026));

    // The bureau heat reads the summaries: per unit, the mean of its live posts' active targets.
    const body = (await director.get('/api/dashboards/bureau?year=2026')).body;
    const targets = await h.db.target.findMany({
      where: { organisationId: org, year: 2026, status: 'ACTIVE', ownerPost: { archivedAt: null } },
      include: { ownerPost: true },
    });
    for (const unit of body.heatmap as {
      unit: { id: string };
      targetCount: number;
      postCount: number;
      progress: { overall: number | null };
    }[]) {
      const mine = targets.filter((t) => t.ownerPost!.unitId === unit.unit.id);
      expect(unit.targetCount).toBe(mine.length);
      expect(unit.postCount).toBe(new Set(mine.map((t) => t.ownerPostId)).size);
      const mean = mine.reduce((a, t) => a + t.progress, 0) / mine.length;
      expect(unit.progress.overall).toBeCloseTo(mean, 2);
    }
  });
});
