// The closed-chain check, waivers and publishing a year: over real HTTP against a real Postgres.
import { describe, expect, it } from 'vitest';
import { currentYear } from '../src/lib/dates';
import { useHarness } from './support/harness';
import { createTargetFixture, del, patch, type TargetFixture } from './support/target-fixtures';

const h = useHarness();

/** Opens four gaps of four kinds: weights, holder, a missing category, and an ownerless target. */
async function openGaps(f: TargetFixture) {
  const deputy = await f.login('deputy');
  // Children of the deputy's business target now add up to 86.67.
  const weight = await patch(deputy, `/api/targets/${f.targets['BUSINESS:chief']}`, {
    version: 1,
    weight: 20,
  });
  expect(weight.status).toBe(200);
  // 疾控科科员 leaves.
  await h.db.holding.updateMany({ where: { postId: f.postIds.staffB }, data: { endedOn: new Date() } });
  // The party secretary's management target is archived (and the director's children no longer add up).
  const director = await f.login('director');
  expect(
    (await director.post(`/api/targets/${f.targets['MANAGEMENT:partySecretary']}/archive`, { version: 1 }))
      .status,
  ).toBe(200);
  // A child of the chief's target without an owner.
  const ownerless = await h.db.target.create({
    data: {
      organisationId: f.organisationId,
      parentId: f.targets['BUSINESS:chief'],
      ownerPostId: null,
      year: f.year,
      category: 'BUSINESS',
      line: 'ADMINISTRATIVE',
      title: '机关食堂外包服务合同监管',
      weight: 0,
      measureKind: 'MILESTONE',
      goal: 1,
      dueDate: new Date(`${f.year}-12-31T00:00:00Z`),
    },
  });
  return {
    weights: `WEIGHTS_NOT_100:${f.targets['BUSINESS:deputy']}`,
    holder: `POST_WITHOUT_HOLDER:${f.postIds.staffB}`,
    missing: `POST_MISSING_CATEGORY:${f.postIds.partySecretary}:MANAGEMENT`,
    directorWeights: `WEIGHTS_NOT_100:${f.targets['MANAGEMENT:director']}`,
    ownerless: `TARGET_WITHOUT_OWNER:${ownerless.id}`,
  };
}

describe('GET /api/gaps', () => {
  it('reports a closed chain as closed and publishable', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const res = await (await f.login('director')).get(`/api/gaps?year=${f.year}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      year: f.year,
      openCounts: {
        TARGET_WITHOUT_OWNER: 0,
        PARENT_NOT_OWNED_BY_SUPERIOR: 0,
        WEIGHTS_NOT_100: 0,
        POST_MISSING_CATEGORY: 0,
        POST_WITHOUT_HOLDER: 0,
        POST_WITHOUT_SUPERIOR: 0,
      },
      openTotal: 0,
      waivedTotal: 0,
      gaps: [],
      isYearPublished: false,
      canPublish: true,
    });
  });

  it('lists every gap with its post, unit and target; fixing one makes it disappear', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const keys = await openGaps(f);
    const director = await f.login('director');
    const res = await director.get(`/api/gaps?year=${f.year}`);
    expect(res.body.gaps.map((g: { key: string }) => g.key).sort()).toEqual(
      [keys.weights, keys.holder, keys.missing, keys.directorWeights, keys.ownerless].sort(),
    );
    expect(res.body.openTotal).toBe(5);
    expect(res.body.openCounts).toMatchObject({
      WEIGHTS_NOT_100: 2,
      POST_WITHOUT_HOLDER: 1,
      POST_MISSING_CATEGORY: 1,
      TARGET_WITHOUT_OWNER: 1,
    });
    expect(res.body.canPublish).toBe(false);
    const holder = res.body.gaps.find((g: { key: string }) => g.key === keys.holder);
    expect(holder).toMatchObject({
      kind: 'POST_WITHOUT_HOLDER',
      post: { id: f.postIds.staffB, title: '疾控科科员', tier: 4, holderNames: [] },
      unit: { id: f.unitIds.sectionB, name: '疾控科' },
      target: null,
      waiver: null,
    });
    expect(holder.detail).toContain('没有在岗人员');
    const weights = res.body.gaps.find((g: { key: string }) => g.key === keys.weights);
    expect(weights).toMatchObject({
      target: { id: f.targets['BUSINESS:deputy'] },
      category: 'BUSINESS',
      line: 'ADMINISTRATIVE',
      post: { id: f.postIds.deputy },
    });
    expect(weights.detail).toContain('86.67');

    // The deputy puts the weight back: the gap is gone.
    const fixed = await patch(await f.login('deputy'), `/api/targets/${f.targets['BUSINESS:chief']}`, {
      version: 2,
      weight: 33.33,
    });
    expect(fixed.status).toBe(200);
    const after = await director.get(`/api/gaps?year=${f.year}`);
    expect(after.body.gaps.map((g: { key: string }) => g.key)).not.toContain(keys.weights);
    expect(after.body.openTotal).toBe(4);
  });

  it('filters by kind, unit, tier, category and line while counting over the whole report', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const keys = await openGaps(f);
    const director = await f.login('director');
    const get = async (q: string) => (await director.get(`/api/gaps?year=${f.year}&${q}`)).body;
    const byKind = await get('kind=WEIGHTS_NOT_100');
    expect(byKind.gaps.map((g: { key: string }) => g.key).sort()).toEqual(
      [keys.weights, keys.directorWeights].sort(),
    );
    expect(byKind.openTotal).toBe(5);
    expect((await get(`unitId=${f.unitIds.sectionB}`)).gaps.map((g: { key: string }) => g.key)).toEqual([
      keys.holder,
    ]);
    expect((await get('tier=2')).gaps.map((g: { key: string }) => g.key).sort()).toEqual(
      [keys.weights, keys.missing].sort(),
    );
    expect((await get('category=MANAGEMENT')).gaps.map((g: { key: string }) => g.key).sort()).toEqual(
      [keys.missing, keys.directorWeights].sort(),
    );
    expect((await get('line=ADMINISTRATIVE')).gaps).toHaveLength(3);
    const bad = await director.get('/api/gaps?kind=EVERYTHING');
    expect(bad.status).toBe(400);
  });

  it('defaults to the current year', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const res = await (await f.login('director')).get('/api/gaps');
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(currentYear());
  });

  it('shows tier 2 only the gaps in their scope, admin all, and refuses tiers 3–4 and assessors', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const keys = await openGaps(f);
    const deputy = await (await f.login('deputy')).get(`/api/gaps?year=${f.year}`);
    expect(deputy.status).toBe(200);
    // Not the party secretary's (reports to the director) nor the director's own.
    expect(deputy.body.gaps.map((g: { key: string }) => g.key).sort()).toEqual(
      [keys.weights, keys.holder, keys.ownerless].sort(),
    );
    expect(deputy.body.openTotal).toBe(3);
    expect(deputy.body.canPublish).toBe(false);
    const admin = await (await f.login('admin')).get(`/api/gaps?year=${f.year}`);
    expect(admin.body.openTotal).toBe(5);
    expect(admin.body.canPublish).toBe(false);
    for (const who of ['chief', 'staff', 'assessor'] as const) {
      const res = await (await f.login(who)).get(`/api/gaps?year=${f.year}`);
      expect(res.status, who).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it("never shows another organisation's gaps", async () => {
    const a = await createTargetFixture(h.db, h.baseUrl);
    await openGaps(a);
    const b = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    const res = await (await b.login('director')).get(`/api/gaps?year=${b.year}`);
    expect(res.body.openTotal).toBe(0);
    expect(res.body.gaps).toEqual([]);
  });
});

describe('gap waivers', () => {
  it('lets tier 1 waive a gap with a reason, once; audited; shown on the gap', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const keys = await openGaps(f);
    const director = await f.login('director');
    const res = await director.post('/api/gaps/waivers', {
      year: f.year,
      gapKey: keys.holder,
      reason: '岗位人员年底前到岗',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      gapKey: keys.holder,
      reason: '岗位人员年底前到岗',
      waivedBy: '赵局长',
      waivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const report = (await director.get(`/api/gaps?year=${f.year}`)).body;
    expect(report.openTotal).toBe(4);
    expect(report.waivedTotal).toBe(1);
    expect(report.openCounts.POST_WITHOUT_HOLDER).toBe(0);
    expect(report.gaps.find((g: { key: string }) => g.key === keys.holder).waiver).toEqual(res.body);

    const again = await director.post('/api/gaps/waivers', {
      year: f.year,
      gapKey: keys.holder,
      reason: '再次豁免',
    });
    expect(again.status).toBe(409);
    const [entry] = await h.db.auditEntry.findMany({
      where: { organisationId: f.organisationId, action: 'gap.waive' },
    });
    expect(entry).toMatchObject({ entityType: 'GapWaiver', entityId: res.body.id });
    expect(entry!.after).toEqual({ year: f.year, gapKey: keys.holder, reason: '岗位人员年底前到岗' });
  });

  it('refuses a key that is not a current gap (404), a short reason (400) and anyone below tier 1 (403)', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const keys = await openGaps(f);
    const director = await f.login('director');
    const unknown = await director.post('/api/gaps/waivers', {
      year: f.year,
      gapKey: `POST_WITHOUT_HOLDER:${f.postIds.staff}`,
      reason: '并无此缺口',
    });
    expect(unknown.status).toBe(404);
    const short = await director.post('/api/gaps/waivers', {
      year: f.year,
      gapKey: keys.holder,
      reason: '好',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toContain('请填写豁免理由');
    for (const who of ['deputy', 'admin', 'chief'] as const) {
      const res = await (
        await f.login(who)
      ).post('/api/gaps/waivers', { year: f.year, gapKey: keys.holder, reason: '越权豁免' });
      expect(res.status, who).toBe(403);
    }
    expect(await h.db.gapWaiver.count({ where: { organisationId: f.organisationId } })).toBe(0);
  });

  it('lets tier 1 revoke a waiver (204, audited); 404 once gone or in another organisation; 403 below tier 1', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const keys = await openGaps(f);
    const director = await f.login('director');
    const waiver = (
      await director.post('/api/gaps/waivers', {
        year: f.year,
        gapKey: keys.missing,
        reason: '支部书记暂不承担机关管理目标',
      })
    ).body;
    expect((await del(await f.login('deputy'), `/api/gaps/waivers/${waiver.id}`)).status).toBe(403);
    const other = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    expect((await del(await other.login('director'), `/api/gaps/waivers/${waiver.id}`)).status).toBe(404);
    const res = await del(director, `/api/gaps/waivers/${waiver.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await del(director, `/api/gaps/waivers/${waiver.id}`)).status).toBe(404);
    const report = (await director.get(`/api/gaps?year=${f.year}`)).body;
    expect(report.waivedTotal).toBe(0);
    const [entry] = await h.db.auditEntry.findMany({
      where: { organisationId: f.organisationId, action: 'gap.waiver.revoke' },
    });
    expect(entry).toMatchObject({ entityId: waiver.id, after: null });
    expect(entry!.before).toMatchObject({ gapKey: keys.missing });
  });
});

describe('POST /api/target-years/:year/publish', () => {
  it('refuses while unwaived gaps remain (409 with the count), then publishes once all are waived', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const keys = await openGaps(f);
    const director = await f.login('director');
    const refused = await director.post(`/api/target-years/${f.year}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('仍有 5 个未豁免的缺口');
    expect(refused.body.error.details).toEqual({ openTotal: 5 });
    for (const gapKey of Object.values(keys)) {
      expect(
        (await director.post('/api/gaps/waivers', { year: f.year, gapKey, reason: '经党组会研究同意' }))
          .status,
      ).toBe(201);
    }
    expect((await director.get(`/api/gaps?year=${f.year}`)).body.canPublish).toBe(true);
    expect((await (await f.login('deputy')).post(`/api/target-years/${f.year}/publish`)).status).toBe(403);
    expect((await (await f.login('admin')).post(`/api/target-years/${f.year}/publish`)).status).toBe(403);

    const res = await director.post(`/api/target-years/${f.year}/publish`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      year: f.year,
      status: 'PUBLISHED',
      publishedAt: expect.stringMatching(/^\d{4}-/),
    });
    const report = (await director.get(`/api/gaps?year=${f.year}`)).body;
    expect(report).toMatchObject({ isYearPublished: true, canPublish: false, openTotal: 0, waivedTotal: 5 });
    expect((await director.post(`/api/target-years/${f.year}/publish`)).status).toBe(409);
    const row = await h.db.targetYear.findUniqueOrThrow({
      where: { organisationId_year: { organisationId: f.organisationId, year: f.year } },
    });
    expect(row.status).toBe('PUBLISHED');
    const [entry] = await h.db.auditEntry.findMany({
      where: { organisationId: f.organisationId, action: 'target-year.publish' },
    });
    expect(entry).toMatchObject({ entityType: 'TargetYear', entityId: String(f.year) });
  });

  it('publishes a closed chain straight away and rejects a malformed year', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const director = await f.login('director');
    expect((await director.post(`/api/target-years/${f.year}/publish`)).status).toBe(200);
    expect((await director.post('/api/target-years/1999/publish')).status).toBe(400);
  });
});
