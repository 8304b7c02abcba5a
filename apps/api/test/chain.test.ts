// The responsibility chain and person profiles, in both lines and within each reader's scope.
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness';
import { createTargetFixture, type TargetFixture } from './support/target-fixtures';

const h = useHarness();

interface Node {
  post: { id: string; tier: number };
  superiorId: string | null;
  holders: { name: string }[];
  progress: Record<string, number | null>;
  targetCount: number;
  subordinateCount: number;
  openGapCount: number;
}

const nodeOf = (body: { nodes: Node[] }, postId: string) => body.nodes.find((n) => n.post.id === postId);
const postsOf = (body: { nodes: Node[] }) => body.nodes.map((n) => n.post.id).sort();
const ids = (f: TargetFixture, ...keys: (keyof TargetFixture['postIds'])[]) =>
  keys.map((k) => f.postIds[k]).sort();

describe('GET /api/chain', () => {
  it('gives tier 1 the whole administrative chain with holders, progress per category and gaps', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    await (
      await f.login('chief')
    ).post(`/api/targets/${f.targets['BUSINESS:staff']}/progress`, { value: 90, note: '完成检查' });
    // 疾控科科员 loses its management target: a gap (missing category) on that post.
    const director = await f.login('director');
    await director.post(`/api/targets/${f.targets['MANAGEMENT:staffB']}/archive`, { version: 1 });

    const res = await director.get(`/api/chain?year=${f.year}`);
    expect(res.status).toBe(200);
    expect(res.body.line).toBe('ADMINISTRATIVE');
    expect(res.body.year).toBe(f.year);
    expect(res.body.rootIds).toEqual([f.postIds.director]);
    expect(postsOf(res.body)).toEqual(Object.values(f.postIds).sort());

    expect(nodeOf(res.body, f.postIds.deputy)).toMatchObject({
      post: { tier: 2, code: 'LD-2', unit: { name: '局领导班子', kind: 'LEADERSHIP' } },
      superiorId: f.postIds.director,
      holders: [{ name: '钱副局长' }],
      subordinateCount: 3,
      targetCount: 3,
      progress: { BUSINESS: 15, IDEOLOGICAL: 0, MANAGEMENT: 0, overall: 5 },
    });
    expect(nodeOf(res.body, f.postIds.chief)).toMatchObject({
      progress: { BUSINESS: 45, IDEOLOGICAL: 0, MANAGEMENT: 0, overall: 15 },
      subordinateCount: 2,
    });
    // The party group leader post is held by the chief as a second post.
    expect(nodeOf(res.body, f.postIds.partyLeader)?.holders).toEqual([
      { personId: f.personIds.chief, name: '孙科长' },
    ]);
    // The staff member carries an administrative and a party-line ideological target.
    expect(nodeOf(res.body, f.postIds.staff)).toMatchObject({
      targetCount: 4,
      progress: { BUSINESS: 90, overall: 30 },
    });
    expect(nodeOf(res.body, f.postIds.staffB)).toMatchObject({
      targetCount: 2,
      openGapCount: 1,
      progress: { MANAGEMENT: null, BUSINESS: 0, IDEOLOGICAL: 0, overall: 0 },
    });
    expect(nodeOf(res.body, f.postIds.chiefB)?.openGapCount).toBe(0);
  });

  it('limits the levels with depth but still counts every direct report', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const res = await (await f.login('director')).get(`/api/chain?year=${f.year}&depth=1`);
    expect(postsOf(res.body)).toEqual(ids(f, 'director', 'deputy', 'partySecretary'));
    expect(nodeOf(res.body, f.postIds.deputy)?.subordinateCount).toBe(3);
    const below = await (
      await f.login('director')
    ).get(`/api/chain?year=${f.year}&rootPostId=${f.postIds.deputy}&depth=1`);
    expect(below.body.rootIds).toEqual([f.postIds.deputy]);
    expect(postsOf(below.body)).toEqual(ids(f, 'deputy', 'chief', 'chiefB', 'partyLeader'));
  });

  it('follows the party line: secretary → party group leader → party member', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const res = await (await f.login('director')).get(`/api/chain?year=${f.year}&line=PARTY`);
    expect(res.body.line).toBe('PARTY');
    expect(postsOf(res.body)).toEqual(ids(f, 'director', 'partySecretary', 'partyLeader', 'staff'));
    expect(nodeOf(res.body, f.postIds.staff)?.superiorId).toBe(f.postIds.partyLeader);
    expect(nodeOf(res.body, f.postIds.partyLeader)?.superiorId).toBe(f.postIds.partySecretary);
    const chief = await (await f.login('chief')).get(`/api/chain?year=${f.year}&line=PARTY`);
    expect(chief.body.rootIds).toEqual([f.postIds.partyLeader]);
    expect(postsOf(chief.body)).toEqual(ids(f, 'partyLeader', 'staff'));
  });

  it("starts below tier 1 at the actor's own posts and shows only their scope", async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const chief = await (await f.login('chief')).get(`/api/chain?year=${f.year}`);
    expect(chief.body.rootIds.sort()).toEqual(ids(f, 'chief', 'partyLeader'));
    expect(postsOf(chief.body)).toEqual(ids(f, 'chief', 'partyLeader', 'staff', 'staff2'));
    const staff = await (await f.login('staff')).get(`/api/chain?year=${f.year}`);
    expect(postsOf(staff.body)).toEqual(ids(f, 'staff'));
    const deputy = await (await f.login('deputy')).get(`/api/chain?year=${f.year}`);
    expect(postsOf(deputy.body)).toEqual(
      ids(f, 'deputy', 'chief', 'chiefB', 'partyLeader', 'staff', 'staff2', 'staffB'),
    );
    // An assessor holds no post: the chain starts at the top of the evaluees.
    const assessor = await (await f.login('assessor')).get(`/api/chain?year=${f.year}`);
    expect(assessor.body.rootIds.sort()).toEqual(ids(f, 'deputy', 'partySecretary'));
    expect(postsOf(assessor.body)).not.toContain(f.postIds.director);
  });

  it('answers 404 for a root outside the scope or in another organisation, 403 to someone without any post', async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const other = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    const chief = await f.login('chief');
    expect((await chief.get(`/api/chain?rootPostId=${f.postIds.chiefB}`)).status).toBe(404);
    expect((await chief.get(`/api/chain?rootPostId=${f.postIds.deputy}`)).status).toBe(404);
    expect(
      (await (await other.login('director')).get(`/api/chain?rootPostId=${f.postIds.director}`)).status,
    ).toBe(404);
    expect((await chief.get('/api/chain?line=BOTH')).status).toBe(400);
    // staff2 leaves their post.
    await h.db.holding.updateMany({ where: { personId: f.personIds.staff2 }, data: { endedOn: new Date() } });
    const nobody = await (await f.login('staff2')).get('/api/chain');
    expect(nobody.status).toBe(403);
  });

  it("never shows another organisation's posts", async () => {
    const a = await createTargetFixture(h.db, h.baseUrl);
    const b = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    const res = await (await b.login('director')).get(`/api/chain?year=${b.year}`);
    expect(postsOf(res.body)).toEqual(Object.values(b.postIds).sort());
    expect(postsOf(res.body)).not.toContain(a.postIds.director);
  });
});

describe('GET /api/people/:id/profile', () => {
  it("shows a person's posts in both lines with superiors, progress and targets", async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    await (
      await f.login('chief')
    ).post(`/api/targets/${f.targets['PARTY:staff']}/progress`, { value: 80, note: '学习积分' });
    const res = await (
      await f.login('director')
    ).get(`/api/people/${f.personIds.chief}/profile?year=${f.year}`);
    expect(res.status).toBe(200);
    expect(res.body.person).toEqual({
      id: f.personIds.chief,
      name: '孙科长',
      employeeNo: expect.stringMatching(/^chief-/),
      isPartyMember: false,
    });
    expect(res.body.posts).toHaveLength(2);
    const [primary, second] = res.body.posts;
    expect(primary).toMatchObject({
      post: { id: f.postIds.chief, title: '医政科科长' },
      isPrimary: true,
      lines: ['ADMINISTRATIVE'],
      adminSuperior: { id: f.postIds.deputy, title: '副局长', holderNames: ['钱副局长'] },
      partySuperior: null,
    });
    expect(second).toMatchObject({
      post: { id: f.postIds.partyLeader },
      isPrimary: false,
      adminSuperior: { id: f.postIds.deputy },
      partySuperior: { id: f.postIds.partySecretary },
    });
    // staff's party target at 80 → the party group leader's party target (weight 100) at 80; its
    // administrative ideological target (weight 33.34) at 0: 8000 / 133.34 = 60.
    expect(second.progress).toEqual({ IDEOLOGICAL: 60, BUSINESS: 0, MANAGEMENT: 0, overall: 20 });
    expect(res.body.targets).toHaveLength(7);
  });

  it("lets staff read their own profile but not a colleague's (404); a leader reads those in scope", async () => {
    const f = await createTargetFixture(h.db, h.baseUrl);
    const other = await createTargetFixture(h.db, h.baseUrl, { name: '另一局' });
    const staff = await f.login('staff');
    const own = await staff.get(`/api/people/${f.personIds.staff}/profile?year=${f.year}`);
    expect(own.status).toBe(200);
    expect(own.body.targets).toHaveLength(4);
    expect((await staff.get(`/api/people/${f.personIds.staff2}/profile`)).status).toBe(404);
    expect((await staff.get(`/api/people/${f.personIds.chief}/profile`)).status).toBe(404);
    expect((await (await f.login('chiefB')).get(`/api/people/${f.personIds.staff}/profile`)).status).toBe(
      404,
    );
    expect((await (await f.login('deputy')).get(`/api/people/${f.personIds.staff}/profile`)).status).toBe(
      200,
    );
    expect(
      (await (await other.login('director')).get(`/api/people/${f.personIds.staff}/profile`)).status,
    ).toBe(404);
    expect((await staff.get('/api/people/nope/profile')).status).toBe(400);
  });
});
