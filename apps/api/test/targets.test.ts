// Targets: reading within scope, creating, editing with versions, archiving, decomposing and bulk
// assignment, over real HTTP against a real Postgres. The rules: docs/security.md.
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness';
import {
  createTargetFixture,
  patch,
  put,
  recomputeFromScratch,
  storedProgress,
  type TargetFixture,
} from './support/target-fixtures';

const h = useHarness();

const fields = (over: Record<string, unknown> = {}) => ({
  title: '文件网上传递率',
  weight: 20,
  measureKind: 'PERCENTAGE',
  goal: 95,
  dueDate: '2026-12-31',
  ...over,
});

async function auditOf(f: TargetFixture, entityId: string) {
  return h.db.auditEntry.findMany({
    where: { organisationId: f.organisationId, entityId },
    orderBy: { id: 'asc' },
  });
}

describe('GET /api/targets', () => {
  it('lists everything to tier 1, own and subtree to a chief, only own targets to staff', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const director = await (await f.login('director')).get(`/api/targets?year=${f.year}&pageSize=200`);
    expect(director.status).toBe(200);
    expect(director.body.total).toBe(31);
    expect(director.body.items).toHaveLength(31);

    const staff = await (await f.login('staff')).get(`/api/targets?year=${f.year}&pageSize=200`);
    expect(staff.body.items.map((t: { id: string }) => t.id).sort()).toEqual(
      [
        f.targets['IDEOLOGICAL:staff'],
        f.targets['BUSINESS:staff'],
        f.targets['MANAGEMENT:staff'],
        f.targets['PARTY:staff'],
      ].sort(),
    );

    // The chief: own posts (section chief, party group leader) and everything below them.
    const chief = await (await f.login('chief')).get(`/api/targets?year=${f.year}&pageSize=200`);
    const owners = new Set(chief.body.items.map((t: { owner: { id: string } }) => t.owner.id));
    expect(owners).toEqual(
      new Set([f.postIds.chief, f.postIds.partyLeader, f.postIds.staff, f.postIds.staff2]),
    );
    expect(chief.body.total).toBe(14);
  });

  it('filters by owner, person, unit, tier, category, line, parent and title, and pages', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const c = await f.login('director');
    const get = async (q: string) =>
      (await c.get(`/api/targets?year=${f.year}&${q.includes('pageSize') ? '' : 'pageSize=200&'}${q}`)).body;
    expect((await get(`ownerPostId=${f.postIds.chiefB}`)).total).toBe(3);
    // The chief holds two posts: 3 administrative targets + 3 as party group leader + 1 party-line target.
    expect((await get(`personId=${f.personIds.chief}`)).total).toBe(7);
    expect((await get(`unitId=${f.unitIds.sectionB}`)).total).toBe(6);
    expect((await get('tier=4')).total).toBe(10);
    expect((await get('category=IDEOLOGICAL')).total).toBe(13);
    expect((await get('line=PARTY')).total).toBe(4);
    expect(
      (await get(`parentId=${f.targets['BUSINESS:deputy']}`)).items.map((t: { id: string }) => t.id).sort(),
    ).toEqual(
      [f.targets['BUSINESS:chief'], f.targets['BUSINESS:chiefB'], f.targets['BUSINESS:partyLeader']].sort(),
    );
    expect((await get(`q=${encodeURIComponent('党群线')}`)).total).toBe(4);
    const page2 = await get('pageSize=10&page=2');
    expect(page2).toMatchObject({ total: 31, page: 2, pageSize: 10 });
    expect(page2.items).toHaveLength(10);
    // The first page is ordered from tier 1 down.
    expect(
      (await get('pageSize=3')).items.every((t: { owner: { tier: number } }) => t.owner.tier === 1),
    ).toBe(true);
  });

  it('rejects a malformed query with the error envelope', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const res = await (await f.login('director')).get('/api/targets?pageSize=0&ownerPostId=nope');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['query.pageSize', 'query.ownerPostId']),
    );
  });

  it('needs a session', async () => {
    const res = await fetch(`${h.baseUrl}/api/targets`);
    expect(res.status).toBe(401);
  });

  it("shows nothing of another organisation's targets", async () => {
    const a = await createTargetFixture(h.db, h.baseUrl);
    const b = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    const res = await (await b.login('director')).get(`/api/targets?ownerPostId=${a.postIds.chief}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 0, items: [] });
  });
});

describe('GET /api/targets/:id', () => {
  it('answers the target with breadcrumb, children, weight sum, progress and permissions', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const res = await (await f.login('deputy')).get(`/api/targets/${f.targets['BUSINESS:chief']}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: f.targets['BUSINESS:chief'],
      parentId: f.targets['BUSINESS:deputy'],
      year: f.year,
      category: 'BUSINESS',
      line: 'ADMINISTRATIVE',
      owner: { id: f.postIds.chief, code: 'YZ-1', tier: 3, unitName: '医政科', holderNames: ['孙科长'] },
      weight: 33.33,
      dueDate: '2026-12-31',
      status: 'ACTIVE',
      progress: 0,
      childCount: 2,
      childWeightSum: 100,
      isDecompositionComplete: true,
      version: 1,
      recentProgress: [],
      // The deputy decomposed it: may edit; not its owner: may neither decompose nor record.
      permissions: { canEdit: true, canDecompose: false, canRecordProgress: false },
    });
    expect(res.body.ancestors.map((a: { id: string }) => a.id)).toEqual([
      f.targets['BUSINESS:director'],
      f.targets['BUSINESS:deputy'],
    ]);
    expect(res.body.ancestors[0].owner.tier).toBe(1);
    expect(res.body.children.map((c: { owner: { id: string } }) => c.owner.id).sort()).toEqual(
      [f.postIds.staff, f.postIds.staff2].sort(),
    );
  });

  it("gives staff their own target but 404 for a colleague's and another section's", async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const staff = await f.login('staff');
    const own = await staff.get(`/api/targets/${f.targets['BUSINESS:staff']}`);
    expect(own.status).toBe(200);
    expect(own.body.permissions).toEqual({ canEdit: false, canDecompose: true, canRecordProgress: true });
    for (const key of [
      'BUSINESS:staff2',
      'BUSINESS:staffB',
      'BUSINESS:chief',
      'BUSINESS:director',
    ] as const) {
      const res = await staff.get(`/api/targets/${f.targets[key]}`);
      expect(res.status, key).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });

  it("answers 404 for another organisation's target and for an unknown id, 400 for a malformed one", async () => {
    const a = await createTargetFixture(h.db, h.baseUrl);
    const b = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    const director = await b.login('director');
    expect((await director.get(`/api/targets/${a.targets['BUSINESS:director']}`)).status).toBe(404);
    expect((await director.get('/api/targets/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await director.get('/api/targets/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('params.id');
  });
});

describe('GET /api/targets/:id/tree', () => {
  it('answers the subtree as a flat list, limited by depth', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const c = await f.login('director');
    const full = await c.get(`/api/targets/${f.targets['BUSINESS:director']}/tree`);
    expect(full.status).toBe(200);
    expect(full.body.rootId).toBe(f.targets['BUSINESS:director']);
    expect(full.body.nodes).toHaveLength(9);
    expect(full.body.nodes[0].id).toBe(f.targets['BUSINESS:director']);
    const one = await c.get(`/api/targets/${f.targets['BUSINESS:director']}/tree?depth=1`);
    expect(one.body.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [
        f.targets['BUSINESS:director'],
        f.targets['BUSINESS:deputy'],
        f.targets['BUSINESS:partySecretary'],
      ].sort(),
    );
    expect((await c.get(`/api/targets/${f.targets['BUSINESS:director']}/tree?depth=9`)).status).toBe(400);
  });

  it('is 404 outside the scope: a chief cannot open the deputy’s subtree', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await f.login('chief');
    expect((await chief.get(`/api/targets/${f.targets['BUSINESS:deputy']}/tree`)).status).toBe(404);
    const own = await chief.get(`/api/targets/${f.targets['BUSINESS:chief']}/tree`);
    expect(own.body.nodes).toHaveLength(3);
  });
});

describe('POST /api/targets', () => {
  it('lets tier 1 create a root target, audited', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const res = await (
      await f.login('director')
    ).post('/api/targets', {
      ...fields({ title: '政务值班到岗率', weight: 100 }),
      year: f.year,
      category: 'MANAGEMENT',
      line: 'ADMINISTRATIVE',
      ownerPostId: f.postIds.director,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: '政务值班到岗率',
      parentId: null,
      version: 1,
      goal: 95,
      baseline: 0,
    });
    const entries = await auditOf(f, res.body.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'target.create', entityType: 'Target', before: null });
    expect(entries[0]!.after).toMatchObject({ title: '政务值班到岗率', ownerPostId: f.postIds.director });
  });

  it('refuses root targets to anyone below tier 1, and a root owned by a tier-2 post', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const body = {
      ...fields({ weight: 100 }),
      year: f.year,
      category: 'BUSINESS',
      line: 'ADMINISTRATIVE',
      ownerPostId: f.postIds.chief,
    };
    const chief = await (await f.login('chief')).post('/api/targets', body);
    expect(chief.status).toBe(403);
    expect(chief.body.error.code).toBe('FORBIDDEN');
    const director = await (
      await f.login('director')
    ).post('/api/targets', { ...body, ownerPostId: f.postIds.deputy });
    expect(director.status).toBe(400);
    expect(director.body.error.message).toContain('顶层目标应由一级岗位承担');
  });

  it('lets the owner add a child for a post reporting to them, and refreshes the roll-up', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    await h.db.target.update({
      where: { id: f.targets['MANAGEMENT:staff'] },
      data: { latestValue: 100, progress: 100 },
    });
    await h.db.target.update({ where: { id: f.targets['MANAGEMENT:chief'] }, data: { progress: 50 } });
    const chief = await f.login('chief');
    // Children of MANAGEMENT:chief already weigh 100: make room first.
    await patch(chief, `/api/targets/${f.targets['MANAGEMENT:staff2']}`, { version: 1, weight: 30 });
    const res = await chief.post('/api/targets', {
      ...fields({ weight: 20 }),
      year: f.year,
      category: 'MANAGEMENT',
      line: 'ADMINISTRATIVE',
      ownerPostId: f.postIds.staff2,
      parentId: f.targets['MANAGEMENT:chief'],
    });
    expect(res.status).toBe(201);
    expect(res.body.parentId).toBe(f.targets['MANAGEMENT:chief']);
    const parent = await chief.get(`/api/targets/${f.targets['MANAGEMENT:chief']}`);
    expect(parent.body.childWeightSum).toBe(100);
    expect(parent.body.children).toHaveLength(3);
    // 50·100 + 30·0 + 20·0 over 100.
    expect(parent.body.progress).toBe(50);
    expect(await storedProgress(h.db, f.organisationId)).toEqual(
      await recomputeFromScratch(h.db, f.organisationId),
    );
  });

  it('refuses a child for a post of the wrong tier or superior (naming it), over 100, or another organisation’s post', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const other = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    const chief = await f.login('chief');
    const child = (ownerPostId: string, weight = 0) => ({
      ...fields({ weight }),
      year: f.year,
      category: 'BUSINESS',
      line: 'ADMINISTRATIVE',
      ownerPostId,
      parentId: f.targets['BUSINESS:chief'],
    });
    const sideways = await chief.post('/api/targets', child(f.postIds.staffB));
    expect(sideways.status).toBe(400);
    expect(sideways.body.error.message).toContain('疾控科科员');
    expect(sideways.body.error.message).toContain('不向岗位');
    const tier = await chief.post('/api/targets', child(f.postIds.chiefB));
    expect(tier.status).toBe(400);
    expect(tier.body.error.message).toContain('四级岗位承担');
    const over = await chief.post('/api/targets', child(f.postIds.staff, 10));
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe('子目标权重之和为 110，不能超过 100');
    const foreign = await chief.post('/api/targets', child(other.postIds.staff));
    expect(foreign.status).toBe(404);
    const mismatch = await chief.post('/api/targets', { ...child(f.postIds.staff), category: 'MANAGEMENT' });
    expect(mismatch.status).toBe(400);
    const invalid = await chief.post('/api/targets', { ...child(f.postIds.staff), title: ' ', weight: 120 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body.title', 'body.weight']),
    );
  });

  it('refuses to decompose a target one does not own (403), cannot see (404) or that is archived (409)', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const body = (parentKey: keyof TargetFixture['targets'], ownerPostId: string) => ({
      ...fields({ weight: 0 }),
      year: f.year,
      category: 'BUSINESS',
      line: 'ADMINISTRATIVE',
      ownerPostId,
      parentId: f.targets[parentKey],
    });
    // The deputy sees the chief's target but does not own it.
    const deputy = await (
      await f.login('deputy')
    ).post('/api/targets', body('BUSINESS:chief', f.postIds.staff));
    expect(deputy.status).toBe(403);
    const chiefB = await (
      await f.login('chiefB')
    ).post('/api/targets', body('BUSINESS:chief', f.postIds.staff));
    expect(chiefB.status).toBe(404);
    await h.db.target.update({ where: { id: f.targets['BUSINESS:staff'] }, data: { status: 'ARCHIVED' } });
    const archived = await (
      await f.login('director')
    ).post('/api/targets', body('BUSINESS:staff', f.postIds.staff));
    expect(archived.status).toBe(409);
  });
});

describe('PATCH /api/targets/:id', () => {
  it('lets the one who decomposed it edit, bumps the version and audits before and after', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const id = f.targets['BUSINESS:staff'];
    const res = await patch(await f.login('chief'), `/api/targets/${id}`, {
      version: 1,
      title: '医疗质量检查完成率（门诊）',
      dueDate: '2026-10-31',
      description: '每月检查一次',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: '医疗质量检查完成率（门诊）',
      dueDate: '2026-10-31',
      description: '每月检查一次',
      version: 2,
    });
    const [entry] = await auditOf(f, id);
    expect(entry).toMatchObject({ action: 'target.update', entityType: 'Target' });
    expect(entry!.before).toMatchObject({
      title: '医疗质量检查完成率（医政科科员）',
      dueDate: '2026-12-31',
      version: 1,
    });
    expect(entry!.after).toMatchObject({
      title: '医疗质量检查完成率（门诊）',
      dueDate: '2026-10-31',
      version: 2,
    });
  });

  it('answers a stale version with 409 and the current target', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const id = f.targets['BUSINESS:staff'];
    const chief = await f.login('chief');
    expect((await patch(chief, `/api/targets/${id}`, { version: 1, title: '第一次修改' })).status).toBe(200);
    const stale = await patch(chief, `/api/targets/${id}`, { version: 1, title: '第二次修改' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'STALE_VERSION',
      message: '该目标已被他人修改，请查看最新内容后再编辑',
      details: { current: { id, title: '第一次修改', version: 2 } },
    });
  });

  it('keeps the version check atomic: of two concurrent edits with the same version one wins', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const id = f.targets['BUSINESS:staff'];
    const [a, b] = await Promise.all([f.login('chief'), f.login('director')]);
    const results = await Promise.all([
      patch(a, `/api/targets/${id}`, { version: 1, title: '甲' }),
      patch(b, `/api/targets/${id}`, { version: 1, title: '乙' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const row = await h.db.target.findUniqueOrThrow({ where: { id } });
    expect(row.version).toBe(2);
  });

  it("refuses staff editing their own target (403) and a colleague's (404)", async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const staff = await f.login('staff');
    const own = await patch(staff, `/api/targets/${f.targets['BUSINESS:staff']}`, {
      version: 1,
      title: '改',
    });
    expect(own.status).toBe(403);
    const colleague = await patch(staff, `/api/targets/${f.targets['BUSINESS:staff2']}`, {
      version: 1,
      title: '改',
    });
    expect(colleague.status).toBe(404);
    const row = await h.db.target.findUniqueOrThrow({ where: { id: f.targets['BUSINESS:staff2'] } });
    expect(row.version).toBe(1);
  });

  it('renormalises a leaf when its measure changes and refreshes the roll-up; refuses weights over 100', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await f.login('chief');
    const id = f.targets['BUSINESS:staff'];
    await chief.post(`/api/targets/${id}/progress`, { value: 45, note: '上半年' });
    const res = await patch(chief, `/api/targets/${id}`, { version: 1, goal: 50 });
    expect(res.status).toBe(200);
    expect(res.body.progress).toBe(90);
    expect(await storedProgress(h.db, f.organisationId)).toEqual(
      await recomputeFromScratch(h.db, f.organisationId),
    );
    const over = await patch(chief, `/api/targets/${id}`, { version: 2, weight: 60 });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe('子目标权重之和为 110，不能超过 100');
  });

  it('changes the owner of a leaf only to a post that fits the chain', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await f.login('chief');
    const id = f.targets['BUSINESS:staff'];
    const wrong = await patch(chief, `/api/targets/${id}`, { version: 1, ownerPostId: f.postIds.staffB });
    expect(wrong.status).toBe(400);
    const ok = await patch(chief, `/api/targets/${id}`, { version: 1, ownerPostId: f.postIds.staff2 });
    expect(ok.status).toBe(200);
    expect(ok.body.owner.id).toBe(f.postIds.staff2);
    // A decomposed target keeps its owner until its children are dealt with.
    const deputy = await f.login('deputy');
    const parent = await patch(deputy, `/api/targets/${f.targets['BUSINESS:chief']}`, {
      version: 1,
      ownerPostId: f.postIds.chiefB,
    });
    expect(parent.status).toBe(409);
  });
});

describe('POST /api/targets/:id/archive', () => {
  it('archives the target and its subtree, refreshes the parent roll-up and audits it', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await f.login('chief');
    await chief.post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, { value: 100, note: '完成' });
    const chiefB = await f.login('chiefB');
    await chiefB.post(`/api/targets/${f.targets['BUSINESS:staffB']}/progress`, { value: 60, note: '过半' });
    const deputy = await f.login('deputy');
    const res = await deputy.post(`/api/targets/${f.targets['BUSINESS:chief']}/archive`, { version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ARCHIVED', version: 2 });
    const staffRow = await h.db.target.findUniqueOrThrow({ where: { id: f.targets['BUSINESS:staff'] } });
    expect(staffRow.status).toBe('ARCHIVED');
    const deputyTarget = await deputy.get(`/api/targets/${f.targets['BUSINESS:deputy']}`);
    expect(deputyTarget.body.children.map((c: { id: string }) => c.id)).not.toContain(
      f.targets['BUSINESS:chief'],
    );
    expect(deputyTarget.body.childWeightSum).toBe(66.67);
    expect(deputyTarget.body.isDecompositionComplete).toBe(false);
    // Now only 疾控科 (60, weight 33.33) and the party group leader (0, weight 33.34) count.
    expect(deputyTarget.body.progress).toBe(30);
    expect(await storedProgress(h.db, f.organisationId)).toEqual(
      await recomputeFromScratch(h.db, f.organisationId),
    );
    const [entry] = (await auditOf(f, f.targets['BUSINESS:chief'])).filter(
      (e) => e.action === 'target.archive',
    );
    expect((entry!.after as { archivedDescendantIds: string[] }).archivedDescendantIds.sort()).toEqual(
      [f.targets['BUSINESS:staff'], f.targets['BUSINESS:staff2']].sort(),
    );
  });

  it('answers stale (409 with current), already archived (409), not allowed (403), not visible (404)', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const id = f.targets['BUSINESS:staff'];
    const chief = await f.login('chief');
    const stale = await chief.post(`/api/targets/${id}/archive`, { version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(1);
    expect((await (await f.login('staff')).post(`/api/targets/${id}/archive`, { version: 1 })).status).toBe(
      403,
    );
    expect((await (await f.login('staffB')).post(`/api/targets/${id}/archive`, { version: 1 })).status).toBe(
      404,
    );
    expect((await chief.post(`/api/targets/${id}/archive`, { version: 1 })).status).toBe(200);
    const again = await chief.post(`/api/targets/${id}/archive`, { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    expect((await chief.post(`/api/targets/${id}/archive`, {})).status).toBe(400);
  });
});

describe('PUT /api/targets/:id/children', () => {
  it('updates, creates and archives children in one go, refreshes the roll-up and audits', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await f.login('chief');
    await chief.post(`/api/targets/${f.targets['MANAGEMENT:staff']}/progress`, { value: 80, note: '八成' });
    await chief.post(`/api/targets/${f.targets['MANAGEMENT:staff2']}/progress`, { value: 40, note: '四成' });
    const before = await chief.get(`/api/targets/${f.targets['MANAGEMENT:chief']}`);
    expect(before.body.progress).toBe(60);
    const res = await put(chief, `/api/targets/${f.targets['MANAGEMENT:chief']}/children`, {
      version: 1,
      children: [
        {
          ...fields({ title: '会议记录规范率', weight: 70 }),
          id: f.targets['MANAGEMENT:staff'],
          ownerPostId: f.postIds.staff,
        },
        { ...fields({ title: '卫生检查合格率', weight: 20 }), ownerPostId: f.postIds.staff2 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    expect(res.body.childWeightSum).toBe(90);
    expect(res.body.isDecompositionComplete).toBe(false);
    const titles = res.body.children.map((c: { title: string }) => c.title).sort();
    expect(titles).toEqual(['会议记录规范率', '卫生检查合格率']);
    // staff2's old child is archived; staff's renamed child (80 of goal 95 → 84.21) now weighs 70.
    const archived = await h.db.target.findUniqueOrThrow({ where: { id: f.targets['MANAGEMENT:staff2'] } });
    expect(archived.status).toBe('ARCHIVED');
    expect(res.body.progress).toBe(65.5);
    expect(await storedProgress(h.db, f.organisationId)).toEqual(
      await recomputeFromScratch(h.db, f.organisationId),
    );
    const entries = (await auditOf(f, f.targets['MANAGEMENT:chief'])).filter(
      (e) => e.action === 'target.decompose',
    );
    expect(entries).toHaveLength(1);
    expect((entries[0]!.before as { children: unknown[] }).children).toHaveLength(2);
    expect((entries[0]!.after as { archivedIds: string[] }).archivedIds).toEqual([
      f.targets['MANAGEMENT:staff2'],
    ]);
  });

  it('refuses owners of the wrong tier or superior (400 naming the post), another organisation (404) and sums over 100', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const other = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    const deputy = await f.login('deputy');
    const url = `/api/targets/${f.targets['BUSINESS:deputy']}/children`;
    const tooDeep = await put(deputy, url, {
      version: 1,
      children: [{ ...fields(), ownerPostId: f.postIds.staff }],
    });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.message).toContain('医政科科员');
    const foreign = await put(deputy, url, {
      version: 1,
      children: [{ ...fields(), ownerPostId: other.postIds.chief }],
    });
    expect(foreign.status).toBe(404);
    const over = await put(deputy, url, {
      version: 1,
      children: [
        { ...fields({ weight: 60 }), ownerPostId: f.postIds.chief },
        { ...fields({ weight: 50 }), ownerPostId: f.postIds.chiefB },
      ],
    });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe('子目标权重之和为 110，不能超过 100');
    const partyWrongLine = await put(
      await f.login('director'),
      `/api/targets/${f.targets['PARTY:director']}/children`,
      {
        version: 1,
        children: [{ ...fields(), ownerPostId: f.postIds.deputy }],
      },
    );
    expect(partyWrongLine.status).toBe(400);
    expect(partyWrongLine.body.error.message).toContain('党群线');
    // Nothing changed.
    expect((await deputy.get(`/api/targets/${f.targets['BUSINESS:deputy']}`)).body.version).toBe(1);
  });

  it('answers stale with 409 and the current target, and refuses non-owners', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await f.login('chief');
    const url = `/api/targets/${f.targets['BUSINESS:chief']}/children`;
    const body = {
      version: 1,
      children: [
        { ...fields({ weight: 100 }), id: f.targets['BUSINESS:staff'], ownerPostId: f.postIds.staff },
      ],
    };
    expect((await put(chief, url, body)).status).toBe(200);
    const stale = await put(chief, url, body);
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: f.targets['BUSINESS:chief'], version: 2 });
    expect((await put(await f.login('deputy'), url, { ...body, version: 2 })).status).toBe(403);
    expect((await put(await f.login('staff2'), url, { ...body, version: 2 })).status).toBe(404);
    const notAChild = await put(chief, url, {
      version: 2,
      children: [{ ...fields(), id: f.targets['BUSINESS:staffB'], ownerPostId: f.postIds.staff }],
    });
    expect(notAChild.status).toBe(400);
  });
});

describe('POST /api/targets/bulk-assign', () => {
  const template = fields({ title: '卫生检查合格率', weight: 0, goal: 100 });

  it('gives every tier-4 post the template under its superior’s target, idempotently', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const director = await f.login('director');
    const body = {
      year: f.year,
      category: 'MANAGEMENT',
      line: 'ADMINISTRATIVE',
      template,
      scope: { tier: 4 },
    };
    const first = await director.post('/api/targets/bulk-assign', body);
    expect(first.status).toBe(201);
    expect(first.body.skipped).toEqual([]);
    const byOwner = new Map(
      first.body.created.map((c: { ownerPostId: string; parentId: string }) => [c.ownerPostId, c.parentId]),
    );
    expect(byOwner).toEqual(
      new Map([
        [f.postIds.staff, f.targets['MANAGEMENT:chief']],
        [f.postIds.staff2, f.targets['MANAGEMENT:chief']],
        [f.postIds.staffB, f.targets['MANAGEMENT:chiefB']],
      ]),
    );
    const created = await h.db.target.findMany({
      where: { id: { in: first.body.created.map((c: { targetId: string }) => c.targetId) } },
    });
    expect(
      created.every((t) => t.title === '卫生检查合格率' && t.category === 'MANAGEMENT' && t.year === f.year),
    ).toBe(true);
    expect(
      await h.db.auditEntry.count({
        where: { organisationId: f.organisationId, action: 'target.bulk-assign' },
      }),
    ).toBe(3);

    const again = await director.post('/api/targets/bulk-assign', body);
    expect(again.status).toBe(201);
    expect(again.body.created).toEqual([]);
    expect(again.body.skipped).toHaveLength(3);
    expect(again.body.skipped[0].reason).toContain('已有本年度同类目标');
  });

  it('prefers the superior’s target with the same title and skips posts whose superior has none', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const director = await f.login('director');
    // The chief gets a matching target; 疾控科's chief has no MANAGEMENT target any more.
    const matching = await director.post('/api/targets', {
      ...fields({ title: '卫生检查合格率', weight: 0 }),
      year: f.year,
      category: 'MANAGEMENT',
      line: 'ADMINISTRATIVE',
      ownerPostId: f.postIds.chief,
      parentId: f.targets['MANAGEMENT:deputy'],
    });
    expect(matching.status).toBe(201);
    await director.post(`/api/targets/${f.targets['MANAGEMENT:chiefB']}/archive`, { version: 1 });
    const res = await director.post('/api/targets/bulk-assign', {
      year: f.year,
      category: 'MANAGEMENT',
      line: 'ADMINISTRATIVE',
      template,
      scope: { tier: 4 },
    });
    expect(res.status).toBe(201);
    expect(res.body.created.map((c: { parentId: string }) => c.parentId)).toEqual([
      matching.body.id,
      matching.body.id,
    ]);
    expect(res.body.skipped).toEqual([
      { postId: f.postIds.staffB, reason: '上级岗位在本年度没有同类目标，无法挂接' },
    ]);
  });

  it('works by unit and in the party line, and is refused below tier 1 (403) or with a bad body (400)', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const director = await f.login('director');
    const party = await director.post('/api/targets/bulk-assign', {
      year: f.year,
      category: 'IDEOLOGICAL',
      line: 'PARTY',
      template: fields({ title: '党员学习强国积分', weight: 0 }),
      scope: { unitId: f.unitIds.sectionA },
    });
    expect(party.status).toBe(201);
    // Only the staff member of 医政科 is in the party line.
    expect(party.body.created).toEqual([
      {
        targetId: expect.any(String),
        ownerPostId: f.postIds.staff,
        parentId: f.targets['PARTY:partyLeader'],
      },
    ]);
    const chief = await (
      await f.login('chief')
    ).post('/api/targets/bulk-assign', {
      year: f.year,
      category: 'MANAGEMENT',
      line: 'ADMINISTRATIVE',
      template,
      scope: { tier: 4 },
    });
    expect(chief.status).toBe(403);
    const noScope = await director.post('/api/targets/bulk-assign', {
      year: f.year,
      category: 'MANAGEMENT',
      line: 'ADMINISTRATIVE',
      template,
      scope: {},
    });
    expect(noScope.status).toBe(400);
    expect(noScope.body.error.message).toContain('请选择层级或部门');
  });
});
