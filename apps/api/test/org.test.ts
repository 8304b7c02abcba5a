import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isChainTriggerError } from '../src/modules/org/org.service';
import { createOrgFixture, FIXTURE_PASSWORD, type OrgFixture } from './support/fixtures';
import { Client, useHarness } from './support/harness';

const h = useHarness();

type Who = keyof OrgFixture['usernames'];

async function as(org: OrgFixture, who: Who = 'admin') {
  const client = new Client(h.baseUrl);
  const res = await client.login(org.usernames[who], FIXTURE_PASSWORD);
  expect(res.status).toBe(200);
  return client;
}

const patch = (c: Client, path: string, body: unknown) => c.request('PATCH', path, body);
const del = (c: Client, path: string) => c.request('DELETE', path);

const auditOf = (organisationId: string, action: string, entityId?: string) =>
  h.db.auditEntry.findMany({
    where: { organisationId, action, ...(entityId ? { entityId } : {}) },
    orderBy: { id: 'asc' },
  });

async function unitIdOf(org: OrgFixture, name: string) {
  const unit = await h.db.orgUnit.findFirstOrThrow({ where: { organisationId: org.organisationId, name } });
  return unit.id;
}

async function addTarget(org: OrgFixture, ownerPostId: string) {
  return h.db.target.create({
    data: {
      organisationId: org.organisationId,
      ownerPostId,
      year: 2026,
      category: 'BUSINESS',
      line: 'ADMINISTRATIVE',
      title: '会议制度执行率',
      weight: 100,
      measureKind: 'PERCENTAGE',
      goal: 100,
      dueDate: new Date('2026-12-31'),
    },
  });
}

/** A valid tier-4 post under the fixture's section chief, with overrides. */
function staffPost(org: OrgFixture, unitId: string, overrides: Record<string, unknown> = {}) {
  return {
    code: `YZ-${randomUUID().slice(0, 6)}`,
    title: '医政科副科长',
    tier: 4,
    unitId,
    lines: ['ADMINISTRATIVE'],
    adminSuperiorId: org.postIds.chief,
    ...overrides,
  };
}

describe('who may use the org routes', () => {
  it('needs a session', async () => {
    const res = await new Client(h.baseUrl).get('/api/org/units');
    expect(res.status).toBe(401);
  });

  it('lets every member of the organisation read units, people and posts', async () => {
    const org = await createOrgFixture(h.db);
    const staff = await as(org, 'staff');
    expect((await staff.get('/api/org/units')).status).toBe(200);
    expect((await staff.get('/api/org/people')).status).toBe(200);
    expect((await staff.get('/api/org/posts')).status).toBe(200);
  });

  it('refuses every write to a non-admin with 403, even a director', async () => {
    const org = await createOrgFixture(h.db);
    const unitId = await unitIdOf(org, '医政科');
    for (const who of ['staff', 'director'] as const) {
      const c = await as(org, who);
      const attempts = [
        await c.post('/api/org/units', { name: '新科室', kind: 'SECTION' }),
        await patch(c, `/api/org/units/${unitId}`, { name: '改名' }),
        await c.post(`/api/org/units/${unitId}/archive`),
        await del(c, `/api/org/units/${unitId}`),
        await c.post('/api/org/people', { employeeNo: 'X1', name: '某人' }),
        await patch(c, `/api/org/people/${org.personIds.staff}`, { name: '改名' }),
        await c.post(`/api/org/people/${org.personIds.staff}/archive`),
        await del(c, `/api/org/people/${org.personIds.staff}`),
        await c.post('/api/org/posts', staffPost(org, unitId)),
        await patch(c, `/api/org/posts/${org.postIds.staff}`, { title: '改名' }),
        await c.post(`/api/org/posts/${org.postIds.staff}/archive`),
        await del(c, `/api/org/posts/${org.postIds.staff}`),
        await c.post('/api/org/holdings', { personId: org.personIds.admin, postId: org.postIds.staff }),
      ];
      for (const res of attempts) {
        expect(res.status).toBe(403);
        expect(res.body.error).toEqual({
          code: 'FORBIDDEN',
          message: '只有系统管理员可以维护部门、人员和岗位',
        });
      }
    }
    expect(await auditOf(org.organisationId, 'unit.create')).toEqual([]);
  });

  it("answers 404 for another organisation's records, as if they did not exist", async () => {
    const mine = await createOrgFixture(h.db);
    const theirs = await createOrgFixture(h.db);
    const admin = await as(mine);
    const theirUnit = await unitIdOf(theirs, '医政科');
    const attempts = [
      await patch(admin, `/api/org/units/${theirUnit}`, { name: '改名' }),
      await admin.post(`/api/org/units/${theirUnit}/archive`),
      await del(admin, `/api/org/units/${theirUnit}`),
      await patch(admin, `/api/org/people/${theirs.personIds.staff}`, { name: '改名' }),
      await admin.post(`/api/org/people/${theirs.personIds.staff}/archive`),
      await del(admin, `/api/org/people/${theirs.personIds.staff}`),
      await patch(admin, `/api/org/posts/${theirs.postIds.staff}`, { title: '改名' }),
      await admin.post(`/api/org/posts/${theirs.postIds.staff}/archive`),
      await del(admin, `/api/org/posts/${theirs.postIds.staff}`),
      await admin.post('/api/org/holdings', { personId: theirs.personIds.admin, postId: mine.postIds.staff }),
      await admin.post('/api/org/holdings', { personId: mine.personIds.admin, postId: theirs.postIds.staff }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
      expect(res.body.error.message).toMatch(/不存在/);
    }
    // Nothing leaks through the lists either.
    const units = (await admin.get('/api/org/units')).body.items;
    expect(units.map((u: { id: string }) => u.id)).not.toContain(theirUnit);
    const posts = (await admin.get('/api/org/posts')).body.items;
    expect(posts.map((p: { id: string }) => p.id)).not.toContain(theirs.postIds.staff);
    const people = (await admin.get('/api/org/people?pageSize=200')).body.items;
    expect(people.map((p: { id: string }) => p.id)).not.toContain(theirs.personIds.staff);
    // Their data is untouched.
    expect((await h.db.post.findUniqueOrThrow({ where: { id: theirs.postIds.staff } })).title).toBe(
      '医政科科员',
    );
  });
});

describe('org units', () => {
  it('lists units with their active post counts', async () => {
    const org = await createOrgFixture(h.db);
    const res = await (await as(org, 'chief')).get('/api/org/units');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '局领导班子', kind: 'LEADERSHIP', postCount: 2, isArchived: false }),
        expect.objectContaining({ name: '医政科', kind: 'SECTION', postCount: 2, parentId: null }),
      ]),
    );
  });

  it('creates and edits a unit, with audit entries', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const created = await admin.post('/api/org/units', { name: '疾控科', kind: 'SECTION', sortOrder: 3 });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: '疾控科',
      kind: 'SECTION',
      parentId: null,
      sortOrder: 3,
      isArchived: false,
      postCount: 0,
    });
    const id = created.body.id as string;
    const child = await admin.post('/api/org/units', {
      name: '第一党小组',
      kind: 'PARTY_GROUP',
      parentId: id,
    });
    expect(child.status).toBe(201);
    expect(child.body.parentId).toBe(id);

    const edited = await patch(admin, `/api/org/units/${id}`, { name: '疾病预防控制科' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id, name: '疾病预防控制科', kind: 'SECTION', sortOrder: 3 });

    const [create] = await auditOf(org.organisationId, 'unit.create', id);
    expect(create).toMatchObject({ entityType: 'OrgUnit', before: null, after: { name: '疾控科' } });
    const [update] = await auditOf(org.organisationId, 'unit.update', id);
    expect(update).toMatchObject({
      actorUserId: expect.any(String),
      before: { name: '疾控科' },
      after: { name: '疾病预防控制科' },
    });
  });

  it('refuses invalid input with Chinese messages', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const blank = await admin.post('/api/org/units', { name: '  ', kind: 'SECTION' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.code).toBe('VALIDATION_FAILED');
    expect(blank.body.error.message).toMatch(/名称不能为空/);
    const badKind = await admin.post('/api/org/units', { name: '某科', kind: 'DEPARTMENT' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.details).toEqual([expect.objectContaining({ path: 'body.kind' })]);
    const extra = await patch(admin, `/api/org/units/${await unitIdOf(org, '医政科')}`, { colour: 'red' });
    expect(extra.status).toBe(400);
    const badId = await patch(admin, '/api/org/units/not-a-uuid', { name: '某科' });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toMatch(/无效的编号/);
  });

  it('refuses a duplicate name with 409 naming it', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const dup = await admin.post('/api/org/units', { name: '医政科', kind: 'SECTION' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toEqual({ code: 'CONFLICT', message: '部门名称“医政科”已存在，请换一个名称' });
    const leadership = await unitIdOf(org, '局领导班子');
    const rename = await patch(admin, `/api/org/units/${leadership}`, { name: '医政科' });
    expect(rename.status).toBe(409);
    expect(rename.body.error.message).toMatch(/医政科/);
  });

  it('refuses a parent that would make the unit tree loop, and an unknown parent', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const parent = (await admin.post('/api/org/units', { name: '机关党支部', kind: 'PARTY_BRANCH' })).body;
    const child = (
      await admin.post('/api/org/units', { name: '第二党小组', kind: 'PARTY_GROUP', parentId: parent.id })
    ).body;
    const loop = await patch(admin, `/api/org/units/${parent.id}`, { parentId: child.id });
    expect(loop.status).toBe(400);
    expect(loop.body.error.message).toMatch(/循环/);
    const self = await patch(admin, `/api/org/units/${parent.id}`, { parentId: parent.id });
    expect(self.status).toBe(400);
    const other = await createOrgFixture(h.db);
    const foreign = await admin.post('/api/org/units', {
      name: '某科',
      kind: 'SECTION',
      parentId: await unitIdOf(other, '医政科'),
    });
    expect(foreign.status).toBe(404);
  });

  it('archives an unused unit, and refuses one that still has active posts', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const section = await unitIdOf(org, '医政科');
    const busy = await admin.post(`/api/org/units/${section}/archive`);
    expect(busy.status).toBe(409);
    expect(busy.body.error.message).toBe(
      '部门“医政科”仍有 2 个在用岗位，无法归档，请先归档或调整这些岗位和部门',
    );
    expect(busy.body.error.details).toEqual({ activePosts: 2, activeChildUnits: 0 });

    const spare = (await admin.post('/api/org/units', { name: '财务科', kind: 'SECTION' })).body;
    const archived = await admin.post(`/api/org/units/${spare.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body).toEqual({ id: spare.id, isArchived: true });
    const listed = (await admin.get('/api/org/units')).body.items.find(
      (u: { id: string }) => u.id === spare.id,
    );
    expect(listed.isArchived).toBe(true);
    expect(await auditOf(org.organisationId, 'unit.archive', spare.id)).toHaveLength(1);
    // Again: nothing changes, nothing more is recorded.
    expect((await admin.post(`/api/org/units/${spare.id}/archive`)).status).toBe(200);
    expect(await auditOf(org.organisationId, 'unit.archive', spare.id)).toHaveLength(1);
    // An archived unit takes no new posts.
    const post = await admin.post('/api/org/posts', staffPost(org, spare.id));
    expect(post.status).toBe(400);
    expect(post.body.error.message).toMatch(/已归档/);
  });

  it('deletes an unreferenced unit and explains what holds a referenced one', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const section = await unitIdOf(org, '医政科');
    const held = await del(admin, `/api/org/units/${section}`);
    expect(held.status).toBe(409);
    expect(held.body.error.message).toBe('部门“医政科”仍有 2 个岗位（含已归档），无法删除，请改为归档');
    expect(held.body.error.details).toEqual({ posts: 2, childUnits: 0 });

    const spare = (await admin.post('/api/org/units', { name: '财务科', kind: 'SECTION' })).body;
    const gone = await del(admin, `/api/org/units/${spare.id}`);
    expect(gone.status).toBe(204);
    expect(await h.db.orgUnit.findUnique({ where: { id: spare.id } })).toBeNull();
    const [entry] = await auditOf(org.organisationId, 'unit.delete', spare.id);
    expect(entry).toMatchObject({ before: { name: '财务科' }, after: null });
    expect((await del(admin, `/api/org/units/${spare.id}`)).status).toBe(404);
  });
});

describe('people', () => {
  it('lists people, paged and searchable, with their posts and usernames', async () => {
    const org = await createOrgFixture(h.db);
    const chief = await as(org, 'chief');
    const all = await chief.get('/api/org/people');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    const staff = all.body.items.find((p: { id: string }) => p.id === org.personIds.staff);
    expect(staff).toEqual({
      id: org.personIds.staff,
      employeeNo: expect.stringMatching(/^staff-/),
      name: '李科员',
      gender: null,
      isPartyMember: false,
      isArchived: false,
      username: org.usernames.staff,
      posts: [
        { postId: org.postIds.staff, title: '医政科科员', tier: 4, unitName: '医政科', isPrimary: true },
      ],
    });

    const found = await chief.get(`/api/org/people?q=${encodeURIComponent('科')}`);
    expect(found.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['孙科长', '李科员']);
    const byNo = await chief.get('/api/org/people?q=DIRECTOR');
    expect(byNo.body.items.map((p: { name: string }) => p.name)).toEqual(['赵局长']);

    const page = await chief.get('/api/org/people?page=2&pageSize=2');
    expect(page.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);

    const inSection = await chief.get(`/api/org/people?unitId=${await unitIdOf(org, '医政科')}`);
    expect(inSection.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['孙科长', '李科员']);

    const tooBig = await chief.get('/api/org/people?pageSize=500');
    expect(tooBig.status).toBe(400);
  });

  it('creates and edits a person, with audit entries', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const created = await admin.post('/api/org/people', {
      employeeNo: 'WJ100',
      name: '吴新人',
      gender: '女',
      isPartyMember: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      employeeNo: 'WJ100',
      name: '吴新人',
      gender: '女',
      isPartyMember: true,
      isArchived: false,
      username: null,
      posts: [],
    });
    const id = created.body.id as string;
    const edited = await patch(admin, `/api/org/people/${id}`, { name: '吴欣然', gender: null });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: '吴欣然', gender: null, employeeNo: 'WJ100' });
    expect(await auditOf(org.organisationId, 'person.create', id)).toHaveLength(1);
    const [update] = await auditOf(org.organisationId, 'person.update', id);
    expect(update).toMatchObject({
      before: { name: '吴新人', gender: '女' },
      after: { name: '吴欣然', gender: null },
    });
  });

  it('refuses invalid input and a duplicate employee number', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const invalid = await admin.post('/api/org/people', { employeeNo: '', name: '某人', gender: '未知' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'body.employeeNo', message: '工号不能为空' },
        expect.objectContaining({ path: 'body.gender' }),
      ]),
    );
    const employeeNo = `staff-${org.usernames.staff.split('-')[1]}`;
    const dup = await admin.post('/api/org/people', { employeeNo, name: '另一人' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe(`工号“${employeeNo}”已被其他人员使用，请检查后再试`);
    const dupEdit = await patch(admin, `/api/org/people/${org.personIds.chief}`, { employeeNo });
    expect(dupEdit.status).toBe(409);
  });

  it('archives a person: their holdings end, their login is disabled, all recorded', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const res = await admin.post(`/api/org/people/${org.personIds.staff}/archive`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: org.personIds.staff, isArchived: true });

    const holdings = await h.db.holding.findMany({ where: { personId: org.personIds.staff } });
    expect(holdings).toHaveLength(1);
    expect(holdings[0]!.endedOn).not.toBeNull();
    const login = await new Client(h.baseUrl).login(org.usernames.staff, FIXTURE_PASSWORD);
    expect(login.status).toBe(401);

    const posts = (await admin.get('/api/org/posts')).body.items;
    expect(posts.find((p: { id: string }) => p.id === org.postIds.staff).holders).toEqual([]);
    const active = (await admin.get('/api/org/people')).body.items.map((p: { id: string }) => p.id);
    expect(active).not.toContain(org.personIds.staff);
    const withArchived = await admin.get('/api/org/people?includeArchived=true');
    expect(withArchived.body.items.find((p: { id: string }) => p.id === org.personIds.staff)).toMatchObject({
      isArchived: true,
      posts: [],
    });

    const [archive] = await auditOf(org.organisationId, 'person.archive', org.personIds.staff);
    expect(archive).toMatchObject({ after: { endedHoldings: 1, accountDisabled: true } });
    expect(await auditOf(org.organisationId, 'holding.end', holdings[0]!.id)).toHaveLength(1);
  });

  it('does not let an administrator archive themselves', async () => {
    const org = await createOrgFixture(h.db);
    const res = await (await as(org)).post(`/api/org/people/${org.personIds.admin}/archive`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/不能归档您本人/);
  });

  it('deletes an unreferenced person and explains what holds a referenced one', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const held = await del(admin, `/api/org/people/${org.personIds.staff}`);
    expect(held.status).toBe(409);
    expect(held.body.error.message).toBe('人员“李科员”仍有 1 条任职记录、登录账号，无法删除，请改为归档');
    expect(held.body.error.details).toMatchObject({ holdings: 1, userAccounts: 1, scores: 0 });

    const person = (await admin.post('/api/org/people', { employeeNo: 'TMP1', name: '临时人员' })).body;
    expect((await del(admin, `/api/org/people/${person.id}`)).status).toBe(204);
    expect(await h.db.person.findUnique({ where: { id: person.id } })).toBeNull();
    expect(await auditOf(org.organisationId, 'person.delete', person.id)).toHaveLength(1);
  });
});

describe('posts', () => {
  it('lists posts with unit, lines, superiors and holders; filters by tier and unit', async () => {
    const org = await createOrgFixture(h.db);
    const staff = await as(org, 'staff');
    const res = await staff.get('/api/org/posts');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { tier: number }) => p.tier)).toEqual([1, 2, 3, 4]);
    const chief = res.body.items.find((p: { id: string }) => p.id === org.postIds.chief);
    expect(chief).toEqual({
      id: org.postIds.chief,
      code: 'YZ-1',
      title: '医政科科长',
      tier: 3,
      unit: { id: await unitIdOf(org, '医政科'), name: '医政科', kind: 'SECTION' },
      lines: ['ADMINISTRATIVE'],
      adminSuperiorId: org.postIds.deputy,
      partySuperiorId: null,
      holders: [
        { holdingId: expect.any(String), personId: org.personIds.chief, name: '孙科长', isPrimary: true },
      ],
      isArchived: false,
    });
    const tier3 = await staff.get('/api/org/posts?tier=3');
    expect(tier3.body.items.map((p: { id: string }) => p.id)).toEqual([org.postIds.chief]);
    const leadership = await staff.get(`/api/org/posts?unitId=${await unitIdOf(org, '局领导班子')}`);
    expect(leadership.body.items).toHaveLength(2);
  });

  it('creates a post under a superior of a smaller tier, with an audit entry', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const unitId = await unitIdOf(org, '医政科');
    const res = await admin.post('/api/org/posts', staffPost(org, unitId, { code: 'YZ-3' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'YZ-3',
      tier: 4,
      lines: ['ADMINISTRATIVE'],
      adminSuperiorId: org.postIds.chief,
      partySuperiorId: null,
      holders: [],
    });
    const [entry] = await auditOf(org.organisationId, 'post.create', res.body.id);
    expect(entry).toMatchObject({ entityType: 'Post', after: { code: 'YZ-3', tier: 4 } });

    // On both lines, with a party superior on the party line.
    const party = await admin.post(
      '/api/org/posts',
      staffPost(org, unitId, {
        lines: ['ADMINISTRATIVE', 'PARTY'],
        partySuperiorId: org.postIds.director,
      }),
    );
    expect(party.status).toBe(201);
    expect(party.body.partySuperiorId).toBe(org.postIds.director);
  });

  it('refuses invalid input and a duplicate code', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const unitId = await unitIdOf(org, '医政科');
    const invalid = await admin.post(
      '/api/org/posts',
      staffPost(org, unitId, { code: 'a b', tier: 5, lines: [] }),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'body.code', message: '岗位编码只能包含字母、数字、- 和 _' },
        { path: 'body.tier', message: '责任层级应为 1–4' },
        { path: 'body.lines', message: '至少属于一条主线' },
      ]),
    );
    const dup = await admin.post('/api/org/posts', staffPost(org, unitId, { code: 'YZ-2' }));
    expect(dup.status).toBe(409);
    expect(dup.body.error).toEqual({ code: 'CONFLICT', message: '岗位编码“YZ-2”已存在，请换一个编码' });
    const unknownUnit = await admin.post('/api/org/posts', staffPost(org, randomUUID()));
    expect(unknownUnit.status).toBe(404);
  });

  describe('the chain rules', () => {
    it('refuses a superior of the same tier', async () => {
      const org = await createOrgFixture(h.db);
      const admin = await as(org);
      const res = await admin.post(
        '/api/org/posts',
        staffPost(org, await unitIdOf(org, '医政科'), { tier: 3, title: '医政科副科长' }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toBe(
        '岗位汇报关系不符合规则：上级岗位的层级必须高于本岗位：本岗位为三级，所选上级为三级',
      );
      expect(res.body.error.details).toEqual([
        expect.objectContaining({ kind: 'SUPERIOR_TIER_NOT_SMALLER', line: 'ADMINISTRATIVE' }),
      ]);
    });

    it('refuses a superior of a larger tier', async () => {
      const org = await createOrgFixture(h.db);
      const admin = await as(org);
      const res = await admin.post(
        '/api/org/posts',
        staffPost(org, await unitIdOf(org, '医政科'), { tier: 3, adminSuperiorId: org.postIds.staff }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/本岗位为三级，所选上级为四级/);
    });

    it('refuses a cycle: a post reporting to itself or to its own subordinate', async () => {
      const org = await createOrgFixture(h.db);
      const admin = await as(org);
      const self = await patch(admin, `/api/org/posts/${org.postIds.chief}`, {
        adminSuperiorId: org.postIds.chief,
      });
      expect(self.status).toBe(400);
      expect(self.body.error.message).toMatch(/岗位不能以自己为上级/);
      const below = await patch(admin, `/api/org/posts/${org.postIds.deputy}`, {
        adminSuperiorId: org.postIds.staff,
      });
      expect(below.status).toBe(400);
      expect(below.body.error.message).toMatch(/形成循环/);
      expect(below.body.error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'CYCLE' }),
          expect.objectContaining({ kind: 'SUPERIOR_TIER_NOT_SMALLER' }),
        ]),
      );
      expect((await h.db.post.findUniqueOrThrow({ where: { id: org.postIds.deputy } })).adminSuperiorId).toBe(
        org.postIds.director,
      );
    });

    it('refuses a superior for a tier-1 post', async () => {
      const org = await createOrgFixture(h.db);
      const admin = await as(org);
      const res = await admin.post(
        '/api/org/posts',
        staffPost(org, await unitIdOf(org, '局领导班子'), {
          tier: 1,
          title: '党组书记',
          adminSuperiorId: org.postIds.director,
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/一级岗位是责任链的起点/);
      const promote = await patch(admin, `/api/org/posts/${org.postIds.deputy}`, { tier: 1 });
      expect(promote.status).toBe(400);
      expect(promote.body.error.message).toMatch(/一级岗位是责任链的起点/);
    });

    it('requires an administrative superior for tiers 2–4', async () => {
      const org = await createOrgFixture(h.db);
      const admin = await as(org);
      const res = await admin.post(
        '/api/org/posts',
        staffPost(org, await unitIdOf(org, '医政科'), { adminSuperiorId: null }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/四级岗位在行政线中必须有且只有一个上级岗位/);
      const cleared = await patch(admin, `/api/org/posts/${org.postIds.staff}`, { adminSuperiorId: null });
      expect(cleared.status).toBe(400);
    });

    it('refuses a superior from another organisation with 404', async () => {
      const org = await createOrgFixture(h.db);
      const other = await createOrgFixture(h.db);
      const admin = await as(org);
      const res = await admin.post(
        '/api/org/posts',
        staffPost(org, await unitIdOf(org, '医政科'), { adminSuperiorId: other.postIds.chief }),
      );
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('所选上级岗位不存在或您无权查看');
      const edit = await patch(admin, `/api/org/posts/${org.postIds.staff}`, {
        adminSuperiorId: other.postIds.chief,
      });
      expect(edit.status).toBe(404);
    });

    it('allows a party superior only on the party line, and requires one there', async () => {
      const org = await createOrgFixture(h.db);
      const admin = await as(org);
      const unitId = await unitIdOf(org, '医政科');
      const notParty = await admin.post(
        '/api/org/posts',
        staffPost(org, unitId, { partySuperiorId: org.postIds.director }),
      );
      expect(notParty.status).toBe(400);
      expect(notParty.body.error.message).toMatch(/该岗位不属于党群线，不能在党群线中设置上级/);
      const missing = await admin.post(
        '/api/org/posts',
        staffPost(org, unitId, { lines: ['ADMINISTRATIVE', 'PARTY'] }),
      );
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(/四级岗位在党群线中必须有且只有一个上级岗位/);
      const notInLine = await admin.post(
        '/api/org/posts',
        staffPost(org, unitId, { lines: ['ADMINISTRATIVE', 'PARTY'], partySuperiorId: org.postIds.chief }),
      );
      expect(notInLine.status).toBe(400);
      expect(notInLine.body.error.message).toMatch(/所选上级岗位不属于党群线/);
      // A party-only post still has its administrative 隶属, the database requires it.
      const partyOnly = await admin.post(
        '/api/org/posts',
        staffPost(org, unitId, {
          tier: 3,
          lines: ['PARTY'],
          adminSuperiorId: org.postIds.deputy,
          partySuperiorId: org.postIds.director,
        }),
      );
      expect(partyOnly.status).toBe(201);
    });

    it('keeps subordinates below a post whose tier changes, naming them', async () => {
      const org = await createOrgFixture(h.db);
      const admin = await as(org);
      const res = await patch(admin, `/api/org/posts/${org.postIds.chief}`, { tier: 4 });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        '不能将岗位层级改为四级：下级岗位“医政科科员”（四级）的层级必须低于本岗位，请先调整这些下级岗位',
      );
      expect((await h.db.post.findUniqueOrThrow({ where: { id: org.postIds.chief } })).tier).toBe(3);
    });

    it('names at most three subordinates in the refusal and counts the rest', async () => {
      const org = await createOrgFixture(h.db);
      const admin = await as(org);
      const unitId = await unitIdOf(org, '医政科');
      for (let i = 0; i < 3; i++)
        expect((await admin.post('/api/org/posts', staffPost(org, unitId))).status).toBe(201);
      const res = await patch(admin, `/api/org/posts/${org.postIds.chief}`, { tier: 4 });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/（四级）等 4 个岗位的层级必须低于本岗位/);
      expect(res.body.error.details).toHaveLength(4);
    });

    it('drops the party superior when a post leaves the party line, unless posts report to it there', async () => {
      const org = await createOrgFixture(h.db);
      const admin = await as(org);
      const unitId = await unitIdOf(org, '医政科');
      const leader = (
        await admin.post(
          '/api/org/posts',
          staffPost(org, unitId, {
            tier: 3,
            title: '党小组组长',
            lines: ['ADMINISTRATIVE', 'PARTY'],
            adminSuperiorId: org.postIds.deputy,
            partySuperiorId: org.postIds.director,
          }),
        )
      ).body;
      const member = (
        await admin.post(
          '/api/org/posts',
          staffPost(org, unitId, { lines: ['ADMINISTRATIVE', 'PARTY'], partySuperiorId: leader.id }),
        )
      ).body;
      const blocked = await patch(admin, `/api/org/posts/${leader.id}`, { lines: ['ADMINISTRATIVE'] });
      expect(blocked.status).toBe(400);
      expect(blocked.body.error.message).toMatch(/不能将岗位移出党群线：仍有 1 个岗位在党群线中向本岗位汇报/);
      const left = await patch(admin, `/api/org/posts/${member.id}`, { lines: ['ADMINISTRATIVE'] });
      expect(left.status).toBe(200);
      expect(left.body).toMatchObject({ lines: ['ADMINISTRATIVE'], partySuperiorId: null });
    });

    it("turns the database's chain trigger into a clear message", async () => {
      const org = await createOrgFixture(h.db);
      const error = await h.db.post
        .update({ where: { id: org.postIds.chief }, data: { tier: 4 } })
        .catch((e: unknown) => e);
      expect(isChainTriggerError(error)).toBe(true);
      expect(isChainTriggerError(new Error('something else'))).toBe(false);
    });
  });

  it('edits a post and records before and after', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const leadership = await unitIdOf(org, '局领导班子');
    const res = await patch(admin, `/api/org/posts/${org.postIds.staff}`, {
      title: '医政科一级科员',
      code: 'YZ-02',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '医政科一级科员', code: 'YZ-02', tier: 4 });
    const moved = await patch(admin, `/api/org/posts/${org.postIds.staff}`, {
      unitId: leadership,
      adminSuperiorId: org.postIds.deputy,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.unit.name).toBe('局领导班子');
    const entries = await auditOf(org.organisationId, 'post.update', org.postIds.staff);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      before: { title: '医政科科员', code: 'YZ-2' },
      after: { title: '医政科一级科员', code: 'YZ-02' },
    });
    expect(entries[1]).toMatchObject({
      before: { adminSuperiorId: org.postIds.chief },
      after: { adminSuperiorId: org.postIds.deputy },
    });
    const dup = await patch(admin, `/api/org/posts/${org.postIds.staff}`, { code: 'YZ-1' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toMatch(/YZ-1/);
  });

  it('archives a post: refused while posts report to it or it owns active targets; holders leave it', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const withSubordinate = await admin.post(`/api/org/posts/${org.postIds.chief}/archive`);
    expect(withSubordinate.status).toBe(409);
    expect(withSubordinate.body.error.message).toBe(
      '岗位“医政科科长”仍有 1 个下级岗位，无法归档，请先为下级岗位调整上级、将目标移交或归档',
    );
    expect(withSubordinate.body.error.details).toEqual({ activeSubordinatePosts: 1, activeTargets: 0 });

    const target = await addTarget(org, org.postIds.staff);
    const withTarget = await admin.post(`/api/org/posts/${org.postIds.staff}/archive`);
    expect(withTarget.status).toBe(409);
    expect(withTarget.body.error.message).toMatch(/1 个在用目标/);
    await h.db.target.update({ where: { id: target.id }, data: { status: 'ARCHIVED' } });

    const archived = await admin.post(`/api/org/posts/${org.postIds.staff}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body).toEqual({ id: org.postIds.staff, isArchived: true });
    const holding = await h.db.holding.findFirstOrThrow({ where: { postId: org.postIds.staff } });
    expect(holding.endedOn).not.toBeNull();
    const listed = (await admin.get('/api/org/posts')).body.items.map((p: { id: string }) => p.id);
    expect(listed).not.toContain(org.postIds.staff);
    const all = (await admin.get('/api/org/posts?includeArchived=true')).body.items;
    expect(all.find((p: { id: string }) => p.id === org.postIds.staff)).toMatchObject({
      isArchived: true,
      holders: [],
    });
    expect(await auditOf(org.organisationId, 'post.archive', org.postIds.staff)).toHaveLength(1);

    // Now the chief has no active subordinate: it may be archived, but nothing may report to an archived post.
    const toArchived = await admin.post('/api/org/posts', {
      ...staffPost(org, await unitIdOf(org, '医政科')),
      adminSuperiorId: org.postIds.staff,
      tier: 4,
    });
    expect(toArchived.status).toBe(400);
  });

  it('deletes an unreferenced post and explains what holds a referenced one', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    await addTarget(org, org.postIds.chief);
    await addTarget(org, org.postIds.chief);
    const held = await del(admin, `/api/org/posts/${org.postIds.chief}`);
    expect(held.status).toBe(409);
    expect(held.body.error.message).toBe(
      '该岗位仍有 1 个下级岗位、2 个目标、1 条任职记录，无法删除，请改为归档',
    );
    expect(held.body.error.details).toEqual({ subordinatePosts: 1, targets: 2, holdings: 1 });

    const spare = (await admin.post('/api/org/posts', staffPost(org, await unitIdOf(org, '医政科')))).body;
    expect((await del(admin, `/api/org/posts/${spare.id}`)).status).toBe(204);
    expect(await h.db.post.findUnique({ where: { id: spare.id } })).toBeNull();
    const [entry] = await auditOf(org.organisationId, 'post.delete', spare.id);
    expect(entry).toMatchObject({ entityType: 'Post', before: { code: spare.code }, after: null });
  });
});

describe('holdings', () => {
  it('assigns a person to a post; the first post becomes primary, a later primary one takes over', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const person = (await admin.post('/api/org/people', { employeeNo: 'WJ200', name: '郑新任' })).body;
    const first = await admin.post('/api/org/holdings', {
      personId: person.id,
      postId: org.postIds.staff,
      startedOn: '2026-03-01',
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      personId: person.id,
      postId: org.postIds.staff,
      isPrimary: true,
      startedOn: '2026-03-01',
      endedOn: null,
    });
    const second = await admin.post('/api/org/holdings', { personId: person.id, postId: org.postIds.chief });
    expect(second.status).toBe(201);
    expect(second.body.isPrimary).toBe(false);
    expect(second.body.startedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const primary = await admin.post('/api/org/holdings', {
      personId: person.id,
      postId: org.postIds.deputy,
      isPrimary: true,
    });
    expect(primary.status).toBe(201);
    const rows = await h.db.holding.findMany({ where: { personId: person.id, endedOn: null } });
    expect(rows.filter((r) => r.isPrimary).map((r) => r.id)).toEqual([primary.body.id]);

    const people = (await admin.get(`/api/org/people?q=WJ200`)).body.items;
    expect(people[0].posts.map((p: { title: string; isPrimary: boolean }) => [p.title, p.isPrimary])).toEqual(
      [
        ['副局长', true],
        ['医政科科长', false],
        ['医政科科员', false],
      ],
    );
    const posts = (await admin.get('/api/org/posts')).body.items;
    expect(posts.find((p: { id: string }) => p.id === org.postIds.staff).holders).toHaveLength(2);

    expect(await auditOf(org.organisationId, 'holding.create')).toHaveLength(3);
    expect(await auditOf(org.organisationId, 'holding.update', first.body.id)).toHaveLength(1);
  });

  it('refuses a second active holding of the same post, and archived people or posts', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const dup = await admin.post('/api/org/holdings', {
      personId: org.personIds.staff,
      postId: org.postIds.staff,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe('“李科员”已在岗位“医政科科员”任职，无需重复安排');

    const spare = (await admin.post('/api/org/posts', staffPost(org, await unitIdOf(org, '医政科')))).body;
    await admin.post(`/api/org/posts/${spare.id}/archive`);
    const toArchivedPost = await admin.post('/api/org/holdings', {
      personId: org.personIds.admin,
      postId: spare.id,
    });
    expect(toArchivedPost.status).toBe(409);
    expect(toArchivedPost.body.error.message).toMatch(/已归档/);

    await admin.post(`/api/org/people/${org.personIds.staff}/archive`);
    const archivedPerson = await admin.post('/api/org/holdings', {
      personId: org.personIds.staff,
      postId: org.postIds.chief,
    });
    expect(archivedPerson.status).toBe(409);
    expect(archivedPerson.body.error.message).toMatch(/李科员.*已归档/);

    const invalid = await admin.post('/api/org/holdings', {
      personId: 'x',
      postId: org.postIds.staff,
      startedOn: '2026-13-01',
    });
    expect(invalid.status).toBe(400);
  });

  it('ends a holding, keeps it as history, moves the primary post and lets the person take the post again', async () => {
    const org = await createOrgFixture(h.db);
    const admin = await as(org);
    const second = (
      await admin.post('/api/org/holdings', { personId: org.personIds.chief, postId: org.postIds.deputy })
    ).body;
    const primary = await h.db.holding.findFirstOrThrow({
      where: { personId: org.personIds.chief, postId: org.postIds.chief },
    });
    const ended = await admin.post(`/api/org/holdings/${primary.id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      id: primary.id,
      endedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect((await h.db.holding.findUniqueOrThrow({ where: { id: second.id } })).isPrimary).toBe(true);
    expect(await auditOf(org.organisationId, 'holding.end', primary.id)).toHaveLength(1);

    // Ending it again changes nothing.
    const again = await admin.post(`/api/org/holdings/${primary.id}/end`, {});
    expect(again.status).toBe(200);
    expect(await auditOf(org.organisationId, 'holding.end', primary.id)).toHaveLength(1);

    const back = await admin.post('/api/org/holdings', {
      personId: org.personIds.chief,
      postId: org.postIds.chief,
      isPrimary: true,
    });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ id: primary.id, endedOn: null, isPrimary: true });
    // The fixture created the holding without the API: the only create entry is the re-take.
    const [reopened] = await auditOf(org.organisationId, 'holding.create', primary.id);
    expect(reopened).toMatchObject({ before: { endedOn: expect.any(String) }, after: { endedOn: null } });
  });

  it('answers 404 for unknown or foreign holdings and 403 for non-admins', async () => {
    const org = await createOrgFixture(h.db);
    const other = await createOrgFixture(h.db);
    const foreign = await h.db.holding.findFirstOrThrow({ where: { postId: other.postIds.staff } });
    const admin = await as(org);
    expect((await admin.post(`/api/org/holdings/${foreign.id}/end`)).status).toBe(404);
    expect((await admin.post(`/api/org/holdings/${randomUUID()}/end`)).status).toBe(404);
    const own = await h.db.holding.findFirstOrThrow({ where: { postId: org.postIds.staff } });
    const chief = await as(org, 'chief');
    expect((await chief.post(`/api/org/holdings/${own.id}/end`)).status).toBe(403);
    expect((await h.db.holding.findUniqueOrThrow({ where: { id: foreign.id } })).endedOn).toBeNull();
  });
});
