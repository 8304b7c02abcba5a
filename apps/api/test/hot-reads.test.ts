// The hot reads (docs/performance.md "Hot reads"): target detail, subtree, chain level and a results
// page each cost one statement besides the session lookup (the chain two); the read rule decided on
// the post graph a read fetches agrees with the read scope for every actor and post; the results
// page's stored figures equal a recount after any write, and its rows fall back to the evaluee's
// current posts exactly when their sheet holds no snapshot.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { poolOf } from '../src/db/database';
import { queryOne } from '../src/db/sql';
import { Prisma } from '../src/generated/prisma/client';
import type { Actor } from '../src/http/actor';
import {
  createAccessRepository,
  postGraphCtes,
  postGraphJson,
  toPostGraph,
  type PostGraphJson,
} from '../src/modules/access/access.repository';
import { createAccessService } from '../src/modules/access/access.service';
import { createAuditRepository } from '../src/modules/audit/audit.repository';
import { createAuditService } from '../src/modules/audit/audit.service';
import { createAuthRepository } from '../src/modules/auth/auth.repository';
import { createAuthService } from '../src/modules/auth/auth.service';
import { FIXTURE_PASSWORD } from './support/fixtures';
import { useHarness } from './support/harness';
import { createTargetFixture, type UserKey } from './support/target-fixtures';

const h = useHarness();

/** Statements one request costs, after a warm-up request (which may refresh the session). */
async function tripsOf(send: () => Promise<{ status: number }>) {
  expect((await send()).status).toBeLessThan(300);
  const before = h.queryCount();
  const res = await send();
  expect(res.status, JSON.stringify(res)).toBeLessThan(300);
  return h.queryCount() - before;
}

/** The actor of a fresh session, as `authenticate` builds it for a request. */
async function actorOf(username: string): Promise<Actor> {
  const res = await fetch(`${h.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'zeren' },
    body: JSON.stringify({ username, password: FIXTURE_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  const auth = createAuthService({
    repo: createAuthRepository(h.db, poolOf(h.db)),
    audit: createAuditService(createAuditRepository(h.db)),
    config: loadConfig(),
  });
  const actor = await auth.authenticate(token);
  if (!actor) throw new Error(`no actor for ${username}`);
  return actor;
}

describe('hot reads', () => {
  it('cost one statement besides the session lookup (the chain two), whoever reads', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const published = await h.db.evaluationCycle.create({
      data: {
        organisationId: f.organisationId,
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
    await h.db.evaluationResult.createMany({
      data: (['deputy', 'chief', 'staff'] as const).map((key, i) => ({
        organisationId: f.organisationId,
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
    const [director, deputy, chief, staff, assessor] = [
      await f.login('director'),
      await f.login('deputy'),
      await f.login('chief'),
      await f.login('staff'),
      await f.login('assessor'),
    ];
    const leaf = f.targets['BUSINESS:staff'];
    const cases: [string, number, () => Promise<{ status: number }>][] = [
      ['target detail, staff', 2, () => staff.get(`/api/targets/${leaf}`)],
      ['target detail, chief', 2, () => chief.get(`/api/targets/${f.targets['BUSINESS:chief']}`)],
      ['target detail, assessor', 2, () => assessor.get(`/api/targets/${leaf}`)],
      ['target detail, director', 2, () => director.get(`/api/targets/${f.targets['BUSINESS:director']}`)],
      ['subtree, deputy', 2, () => deputy.get(`/api/targets/${f.targets['BUSINESS:deputy']}/tree`)],
      ['subtree, chief', 2, () => chief.get(`/api/targets/${f.targets['BUSINESS:chief']}/tree?depth=1`)],
      ['chain level, director', 3, () => director.get(`/api/chain?depth=1&rootPostId=${f.postIds.deputy}`)],
      // Below tier 1 the chain still loads the read scope first (its posts filter the walk).
      ['chain level, deputy', 4, () => deputy.get('/api/chain?depth=1')],
      ['results page, director', 2, () => director.get(`/api/cycles/${published.id}/results?pageSize=2`)],
      [
        'results page, assessor',
        2,
        () => assessor.get(`/api/cycles/${published.id}/results?grade=COMPETENT`),
      ],
    ];
    for (const [name, expected, send] of cases) expect(await tripsOf(send), name).toBe(expected);
    // Refusals cost no more: a target the staff member may not read is the same one statement.
    const before = h.queryCount();
    expect((await staff.get(`/api/targets/${f.targets['BUSINESS:staffB']}`)).status).toBe(404);
    expect(h.queryCount() - before).toBe(2);
  });

  it('decide read access on the fetched post graph exactly as on the read scope, for every actor and post', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const org = f.organisationId;
    // Break the chain in the middle: chiefB archived (staffB below it stays live), staff2 unheld.
    await h.db.post.update({ where: { id: f.postIds.chiefB }, data: { archivedAt: new Date() } });
    await h.db.holding.updateMany({ where: { postId: f.postIds.staff2 }, data: { endedOn: new Date() } });
    const access = createAccessService(createAccessRepository(h.db));
    const posts = await h.db.post.findMany({
      where: { organisationId: org },
      select: { id: true, code: true },
    });
    // Each post's own graph, as a read fetches it for that post alone.
    const graphs = new Map<string, ReturnType<typeof toPostGraph>>();
    for (const post of posts) {
      const row = await queryOne<{ graph: PostGraphJson }>(
        poolOf(h.db),
        Prisma.sql`WITH RECURSIVE ${postGraphCtes(org, Prisma.sql`SELECT ${post.id}::uuid`)}
                   SELECT ${postGraphJson(org)} AS graph`,
      );
      graphs.set(post.id, toPostGraph(row.graph));
    }
    const users: UserKey[] = [
      'director',
      'deputy',
      'chief',
      'staff',
      'staff2',
      'chiefB',
      'staffB',
      'partySecretary',
      'admin',
      'assessor',
    ];
    let readable = 0;
    let refused = 0;
    for (const key of users) {
      const actor = await actorOf(f.usernames[key]);
      for (const post of posts) {
        const expected = await access.canReadPost(actor, post.id);
        expect(access.canReadPostIn(actor, post.id, graphs.get(post.id)!), `${key} → ${post.code}`).toBe(
          expected,
        );
        if (expected) readable += 1;
        else refused += 1;
      }
      expect(access.canReadPostIn(actor, null, new Map())).toBe(await access.canReadPost(actor, null));
    }
    // Both answers occur, so the comparison can fail.
    expect(readable).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });
});

describe('results page figures', () => {
  const window = {
    windowStart: new Date('2026-04-01T00:00:00Z'),
    windowEnd: new Date('2026-04-10T00:00:00Z'),
    openedAt: new Date('2026-04-01T00:00:00Z'),
    closedAt: new Date('2026-04-10T00:00:00Z'),
  };
  type SummaryRow = Record<string, unknown>;
  const stored = (cycleId: string) =>
    h.db.$queryRaw<SummaryRow[]>`
      SELECT evaluees, excellent, competent, "basicallyCompetent", incompetent, "quotaCut", vetoed, "computedAt"
        FROM "EvaluationResultSummary" WHERE "cycleId" = ${cycleId}::uuid`;
  const recount = (cycleId: string) =>
    h.db.$queryRaw<SummaryRow[]>`
      SELECT count(*)::int AS evaluees,
             (count(*) FILTER (WHERE grade = 'EXCELLENT'))::int AS excellent,
             (count(*) FILTER (WHERE grade = 'COMPETENT'))::int AS competent,
             (count(*) FILTER (WHERE grade = 'BASICALLY_COMPETENT'))::int AS "basicallyCompetent",
             (count(*) FILTER (WHERE grade = 'INCOMPETENT'))::int AS incompetent,
             (count(*) FILTER (WHERE "isQuotaCut"))::int AS "quotaCut",
             (count(*) FILTER (WHERE "isVetoed"))::int AS vetoed,
             max("computedAt") AS "computedAt"
        FROM "EvaluationResult" WHERE "cycleId" = ${cycleId}::uuid`;

  it('are kept equal to a recount through inserts, updates, deletes and concurrent writers', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const organisationId = f.organisationId;
    const cycle = await h.db.evaluationCycle.create({
      data: { organisationId, year: f.year, kind: 'Q2', status: 'CLOSED', ...window },
    });
    const other = await h.db.evaluationCycle.create({
      data: { organisationId, year: f.year, kind: 'Q3', status: 'CLOSED', ...window },
    });
    const keys = ['deputy', 'chief', 'staff', 'staff2', 'chiefB', 'staffB', 'partySecretary'] as const;
    const grades = ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT'] as const;
    const row = (cycleId: string, key: (typeof keys)[number], i: number) => ({
      organisationId,
      cycleId,
      evalueeId: f.personIds[key],
      scoreIdeological: 90 - i,
      scoreBusiness: 90 - i,
      scoreManagement: 90 - i,
      total: 90 - i,
      rank: i + 1,
      grade: grades[i % 4]!,
      isQuotaCut: i === 1,
      quotaCutReason: i === 1 ? '超出优秀比例限额' : null,
      isVetoed: i === 3,
      vetoReason: i === 3 ? '一票否决' : null,
      computedAt: new Date(Date.UTC(2026, 6, 1, 0, 0, i)),
    });
    // Both cycles in one statement, then moves of every kind.
    await h.db.evaluationResult.createMany({
      data: [
        ...keys.map((k, i) => row(cycle.id, k, i)),
        ...keys.slice(0, 3).map((k, i) => row(other.id, k, i)),
      ],
    });
    expect(await stored(cycle.id)).toEqual(await recount(cycle.id));
    expect(await stored(other.id)).toEqual(await recount(other.id));
    expect((await stored(cycle.id))[0]).toMatchObject({ evaluees: 7, excellent: 2, quotaCut: 1, vetoed: 1 });
    await h.db.evaluationResult.updateMany({
      where: { cycleId: cycle.id, grade: 'EXCELLENT' },
      data: { grade: 'INCOMPETENT', isVetoed: true, vetoReason: '一票否决' },
    });
    expect(await stored(cycle.id)).toEqual(await recount(cycle.id));
    // The newest result goes: the computed-at figure falls back to the next one.
    await h.db.evaluationResult.deleteMany({ where: { cycleId: cycle.id, rank: 7 } });
    expect(await stored(cycle.id)).toEqual(await recount(cycle.id));
    // Two transactions writing the same cycle at once: the second counts after the first commits.
    const excellent = {
      grade: 'EXCELLENT' as const,
      isVetoed: false,
      vetoReason: null,
      isQuotaCut: false,
      quotaCutReason: null,
    };
    await Promise.all([
      h.db.$transaction(async (tx) => {
        await tx.evaluationResult.updateMany({ where: { cycleId: cycle.id, rank: 1 }, data: excellent });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }),
      h.db.$transaction(async (tx) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await tx.evaluationResult.updateMany({ where: { cycleId: cycle.id, rank: 2 }, data: excellent });
      }),
    ]);
    expect(await stored(cycle.id)).toEqual(await recount(cycle.id));
    expect((await stored(cycle.id))[0]).toMatchObject({ excellent: 2 });
    // Everything gone (a reopened cycle): zeros, no computed-at.
    await h.db.evaluationResult.deleteMany({ where: { cycleId: cycle.id } });
    expect((await stored(cycle.id))[0]).toEqual({
      evaluees: 0,
      excellent: 0,
      competent: 0,
      basicallyCompetent: 0,
      incompetent: 0,
      quotaCut: 0,
      vetoed: 0,
      computedAt: null,
    });
    expect(await stored(other.id)).toEqual(await recount(other.id));
  });

  it('show the snapshot evaluee when the sheet has one, else the current posts; totals from the stored figures', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const organisationId = f.organisationId;
    const cycle = await h.db.evaluationCycle.create({
      data: {
        organisationId,
        year: f.year,
        kind: 'Q2',
        status: 'PUBLISHED',
        ...window,
        publishedAt: new Date('2026-07-10T00:00:00Z'),
      },
    });
    const [oldPostId, oldUnitId] = [randomUUID(), randomUUID()];
    const snapshotOf = (personId: string, name: string) => ({
      v: 1,
      evaluee: {
        personId,
        name,
        employeeNo: 'OLD-1',
        post: { id: oldPostId, code: 'OLD', title: '原岗位' },
        unit: { id: oldUnitId, name: '原科室' },
        tier: 3,
      },
      categories: [],
      weightedScore: 80,
      bonusRequested: null,
      deductionRequested: null,
      adjustments: [],
      gradeReason: null,
      rankOf: 3,
      missingCategories: [],
      quarters: null,
    });
    const base = (key: 'deputy' | 'chief' | 'staff', rank: number) => ({
      organisationId,
      cycleId: cycle.id,
      evalueeId: f.personIds[key],
      scoreIdeological: 80.5,
      scoreBusiness: 81.25,
      scoreManagement: 82,
      total: 81.1,
      rank,
      grade: 'COMPETENT' as const,
      bonusCoefficient: 1.05,
    });
    await h.db.evaluationResult.createMany({
      data: [
        { ...base('deputy', 1), sheet: snapshotOf(f.personIds.deputy, '钱副局长（当时）') },
        // Looks like a snapshot to the database, but is not one: the service reads the current posts.
        {
          ...base('chief', 2),
          sheet: { ...snapshotOf(f.personIds.chief, '不应显示'), categories: 'broken' },
        },
        { ...base('staff', 3), grade: 'EXCELLENT' as const },
      ],
    });
    const director = await f.login('director');
    const before = h.queryCount();
    const page = await director.get(`/api/cycles/${cycle.id}/results?page=1&pageSize=20`);
    // The broken sheet costs the one extra statement for its evaluee's current posts.
    expect(h.queryCount() - before).toBe(3);
    expect(page.status, page.text).toBe(200);
    const byId = (personId: string) =>
      page.body.items.find((r: { evaluee: { personId: string } }) => r.evaluee.personId === personId);
    expect(byId(f.personIds.deputy).evaluee).toEqual(
      snapshotOf(f.personIds.deputy, '钱副局长（当时）').evaluee,
    );
    const chief = await h.db.person.findUniqueOrThrow({ where: { id: f.personIds.chief } });
    expect(byId(f.personIds.chief).evaluee).toMatchObject({
      personId: chief.id,
      name: chief.name,
      employeeNo: chief.employeeNo,
      tier: 3,
    });
    expect([f.postIds.chief, f.postIds.partyLeader]).toContain(byId(f.personIds.chief).evaluee.post.id);
    expect(byId(f.personIds.staff).evaluee.post.id).toBe(f.postIds.staff);
    expect(byId(f.personIds.staff)).toMatchObject({
      scores: { IDEOLOGICAL: 80.5, BUSINESS: 81.25, MANAGEMENT: 82 },
      total: 81.1,
      bonusCoefficient: 1.05,
      isAmended: false,
    });
    expect(page.body).toMatchObject({
      total: 3,
      isFinal: true,
      summary: {
        evaluees: 3,
        byGrade: { EXCELLENT: 1, COMPETENT: 2, BASICALLY_COMPETENT: 0, INCOMPETENT: 0 },
      },
    });
    // Filtered by grade: the total is that grade's count, the page holds only it.
    const excellent = await director.get(`/api/cycles/${cycle.id}/results?grade=EXCELLENT`);
    expect(excellent.body.total).toBe(1);
    expect(excellent.body.items.map((r: { rank: number }) => r.rank)).toEqual([3]);
    const second = await director.get(`/api/cycles/${cycle.id}/results?page=2&pageSize=2`);
    expect(second.body.items.map((r: { rank: number }) => r.rank)).toEqual([3]);
  });
});
