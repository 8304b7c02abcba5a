// 督导 end to end over real HTTP and a real Postgres: plans, inspections item by item, the
// rectification task's lifecycle and every illegal transition, who may see and do what,
// escalation of an overdue task to the superior, and a repeated finding proposed as a deduction
// in the open cycle's workbench, accepted into an adjustment.
import { addDays, chinaDate } from '@zeren/domain';
import { describe, expect, it } from 'vitest';
import {
  createCycle,
  createEvaluationFixture,
  loginAs,
  type EvaluationFixture,
} from './support/evaluation-fixtures';
import { createOrgFixture } from './support/fixtures';
import { useHarness, type Client } from './support/harness';

const h = useHarness();
const today = () => chinaDate(new Date());
const put = (c: Client, path: string, body: unknown) => c.request('PUT', path, body);
const del = (c: Client, path: string) => c.request('DELETE', path);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const planBody = (fx: EvaluationFixture, extra: Record<string, unknown> = {}) => ({
  title: '机关每周卫生检查',
  kind: 'HYGIENE',
  recurrence: 'WEEKLY',
  nextDueOn: today(),
  unitIds: [fx.unitIds.section],
  inspectorIds: [fx.assessors[0]!.personId, fx.assessors[1]!.personId],
  items: [{ text: '办公室桌面整洁、物品摆放有序' }, { text: '地面、窗台清洁无杂物' }],
  ...extra,
});

async function setUp() {
  const fx = await createEvaluationFixture(h.db, { assessors: 3, extraStaff: 1 });
  const assessor = await loginAs(h.baseUrl, fx.assessors[0]!.username);
  const created = await assessor.post('/api/supervision/plans', planBody(fx));
  expect(created.status, created.text).toBe(201);
  return { fx, assessor, plan: created.body };
}

/** Records the plan's occurrence for 医政科: first item passes, the second is a finding on `postId`. */
async function inspect(
  assessor: Client,
  plan: { id: string; items: { id: string }[] },
  unitId: string,
  postId: string,
  extra: {
    inspectedOn?: string;
    dueOn?: string;
    severity?: string;
    deadline?: string;
    evidenceFileId?: string;
  } = {},
) {
  return assessor.post('/api/supervision/inspections', {
    planId: plan.id,
    unitId,
    inspectedOn: extra.inspectedOn ?? today(),
    ...(extra.dueOn ? { dueOn: extra.dueOn } : {}),
    items: [
      { itemId: plan.items[0]!.id, outcome: 'PASS' },
      {
        itemId: plan.items[1]!.id,
        outcome: 'FINDING',
        note: '地面有纸屑，窗台积灰',
        postId,
        severity: extra.severity ?? 'MAJOR',
        ...(extra.deadline ? { deadline: extra.deadline } : {}),
        ...(extra.evidenceFileId ? { evidenceFileId: extra.evidenceFileId } : {}),
      },
    ],
  });
}

describe('inspection plans', () => {
  it('are managed by the assessment group and admin, read by tier 1, refused to others', async () => {
    const { fx, assessor, plan } = await setUp();
    expect(plan).toMatchObject({ kind: 'HYGIENE', recurrence: 'WEEKLY', nextDueOn: today(), version: 1 });
    expect(plan.items.map((i: { text: string }) => i.text)).toEqual([
      '办公室桌面整洁、物品摆放有序',
      '地面、窗台清洁无杂物',
    ]);
    const audit = await h.db.auditEntry.findMany({ where: { entityId: plan.id } });
    expect(audit.map((a) => a.action)).toEqual(['inspectionPlan.create']);

    const chief = await loginAs(h.baseUrl, fx.usernames.chief);
    expect((await chief.post('/api/supervision/plans', planBody(fx))).status).toBe(403);
    expect((await chief.get('/api/supervision/plans')).status).toBe(403);
    const director = await loginAs(h.baseUrl, fx.usernames.director);
    expect((await director.get('/api/supervision/plans')).body.items).toHaveLength(1);
    expect((await director.post('/api/supervision/plans', planBody(fx))).status).toBe(403);
    const admin = await loginAs(h.baseUrl, fx.usernames.admin);
    expect((await admin.post('/api/supervision/plans', planBody(fx, { title: '值班抽查' }))).status).toBe(
      201,
    );

    const notMember = await assessor.post(
      '/api/supervision/plans',
      planBody(fx, { inspectorIds: [fx.personIds.chief] }),
    );
    expect(notMember.status).toBe(400);
    expect(notMember.body.error.message).toContain('考核督导组成员');

    const update = { ...planBody(fx), items: [{ id: plan.items[0].id, text: '桌面整洁' }], version: 1 };
    const updated = await put(assessor, `/api/supervision/plans/${plan.id}`, update);
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, items: [{ id: plan.items[0].id, text: '桌面整洁' }] });
    expect((await put(assessor, `/api/supervision/plans/${plan.id}`, update)).status).toBe(409);
    expect((await del(chief, `/api/supervision/plans/${plan.id}`)).status).toBe(403);
    expect((await del(assessor, `/api/supervision/plans/${plan.id}`)).status).toBe(204);
    expect((await assessor.get('/api/supervision/plans')).body.items).toHaveLength(1);
  });
});

describe('the rectification task', () => {
  it('runs inspect → finding → rectify → send back → rectify → close, with its history and audit', async () => {
    const { fx, assessor, plan } = await setUp();
    const due = await assessor.get('/api/supervision/due');
    expect(due.body.items).toEqual([
      expect.objectContaining({
        planId: plan.id,
        dueOn: today(),
        unit: expect.objectContaining({ name: '医政科' }),
        isMine: true,
      }),
    ]);

    const photo = await assessor.request('POST', '/api/evidence?filename=现场照片.png', PNG, {
      'content-type': 'image/png',
    });
    expect(photo.status).toBe(201);
    const recorded = await inspect(assessor, plan, fx.unitIds.section, fx.postIds.chief, {
      evidenceFileId: photo.body.id,
    });
    expect(recorded.status, recorded.text).toBe(201);
    expect(recorded.body).toMatchObject({ status: 'FINDINGS', dueOn: today(), inspectedOn: today() });
    expect(recorded.body.items.map((i: { outcome: string }) => i.outcome)).toEqual(['PASS', 'FINDING']);
    const [finding] = recorded.body.findings;
    expect(finding).toMatchObject({
      status: 'OPEN',
      severity: 'MAJOR',
      deadline: addDays(today(), 7),
      isOverdue: false,
      post: { id: fx.postIds.chief },
      owners: [{ id: fx.personIds.chief, name: '孙科长' }],
    });

    // The occurrence is done: the weekly plan moves on and nothing is due now.
    expect((await assessor.get(`/api/supervision/plans/${plan.id}`)).body.nextDueOn).toBe(
      addDays(today(), 7),
    );
    expect((await assessor.get('/api/supervision/due?horizonDays=0')).body.items).toEqual([]);
    const again = await inspect(assessor, plan, fx.unitIds.section, fx.postIds.chief, { dueOn: today() });
    expect(again.status).toBe(409);

    const chief = await loginAs(h.baseUrl, fx.usernames.chief);
    const deputy = await loginAs(h.baseUrl, fx.usernames.deputy);
    const url = `/api/supervision/findings/${finding.id}`;
    const seen = await chief.get(url);
    expect(seen.status).toBe(200);
    expect(seen.body.can).toEqual({ rectify: true, reinspect: false });
    expect(seen.body.evidenceFile).toMatchObject({ id: photo.body.id, filename: '现场照片.png' });
    expect((await chief.get(`${url}/evidence/${photo.body.id}`)).status).toBe(200);
    expect(
      (await (await chief.get('/api/supervision/tasks/mine')).body.toRectify).map(
        (f: { id: string }) => f.id,
      ),
    ).toEqual([finding.id]);

    // Illegal moves while OPEN.
    const closeEarly = await assessor.post(`${url}/reinspect`, {
      decision: 'CLOSE',
      note: '已整改',
      version: 1,
    });
    expect(closeEarly.status).toBe(409);
    expect(closeEarly.body.error.message).toContain('尚未报送整改');
    expect((await deputy.post(`${url}/rectify`, { note: '已督促', version: 1 })).status).toBe(403);

    const rectified = await chief.post(`${url}/rectify`, { note: '已组织全科室清扫', version: 1 });
    expect(rectified.status, rectified.text).toBe(200);
    expect(rectified.body).toMatchObject({ status: 'RECTIFIED', version: 2, can: { rectify: false } });
    expect((await chief.post(`${url}/rectify`, { note: '再次报送', version: 2 })).status).toBe(409);
    expect(
      (await chief.post(`${url}/reinspect`, { decision: 'CLOSE', note: '自查通过', version: 2 })).status,
    ).toBe(403);
    expect(
      (await assessor.get('/api/supervision/tasks/mine')).body.toReinspect.map((f: { id: string }) => f.id),
    ).toContain(finding.id);

    const sentBack = await assessor.post(`${url}/reinspect`, {
      decision: 'SEND_BACK',
      note: '窗台仍有积灰',
      newDeadline: addDays(today(), 3),
      version: 2,
    });
    expect(sentBack.status, sentBack.text).toBe(200);
    expect(sentBack.body).toMatchObject({ status: 'OPEN', deadline: addDays(today(), 3), version: 3 });

    expect((await chief.post(`${url}/rectify`, { note: '已重新清扫', version: 2 })).status).toBe(409);
    const stale = await chief.post(`${url}/rectify`, { note: '已重新清扫', version: 2 });
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect((await chief.post(`${url}/rectify`, { note: '已重新清扫窗台', version: 3 })).status).toBe(200);
    const closed = await assessor.post(`${url}/reinspect`, {
      decision: 'CLOSE',
      note: '复查合格，销号',
      version: 4,
    });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', isOverdue: false });
    expect(closed.body.closedAt).not.toBeNull();
    expect(closed.body.events.map((e: { action: string }) => e.action)).toEqual([
      'CREATED',
      'RECTIFIED',
      'SENT_BACK',
      'RECTIFIED',
      'CLOSED',
    ]);
    expect(closed.body.events[2]).toMatchObject({
      actor: { name: '考核员1' },
      note: expect.stringContaining('窗台仍有积灰'),
    });

    // Nothing leaves CLOSED.
    expect((await chief.post(`${url}/rectify`, { note: '再报', version: 5 })).status).toBe(409);
    for (const decision of ['CLOSE', 'SEND_BACK'])
      expect((await assessor.post(`${url}/reinspect`, { decision, note: '再查', version: 5 })).status).toBe(
        409,
      );

    const audit = await h.db.auditEntry.findMany({ where: { entityId: finding.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([
      'finding.rectify',
      'finding.sendBack',
      'finding.rectify',
      'finding.close',
    ]);
    expect(
      await h.db.auditEntry.count({ where: { entityId: recorded.body.id, action: 'inspection.record' } }),
    ).toBe(1);
    // The history is append-only in the database itself.
    await expect(h.db.findingEvent.deleteMany({ where: { findingId: finding.id } })).rejects.toThrow();
  });

  it('refuses an inspection by a non-member, a wrong checklist, a finding on one’s own post, a bad deadline', async () => {
    const { fx, assessor, plan } = await setUp();
    const chief = await loginAs(h.baseUrl, fx.usernames.chief);
    expect((await inspect(chief, plan, fx.unitIds.section, fx.postIds.staff)).status).toBe(403);
    // An assessment-group member who is not among the plan's inspectors.
    const other = await loginAs(h.baseUrl, fx.assessors[2]!.username);
    expect((await inspect(other, plan, fx.unitIds.section, fx.postIds.chief)).status).toBe(403);

    const incomplete = await assessor.post('/api/supervision/inspections', {
      planId: plan.id,
      unitId: fx.unitIds.section,
      inspectedOn: today(),
      items: [{ itemId: plan.items[0].id, outcome: 'PASS' }],
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.message).toContain('尚未填写');
    const noPost = await assessor.post('/api/supervision/inspections', {
      planId: plan.id,
      unitId: fx.unitIds.section,
      inspectedOn: today(),
      items: [
        { itemId: plan.items[0].id, outcome: 'PASS' },
        { itemId: plan.items[1].id, outcome: 'FINDING', note: '地面脏' },
      ],
    });
    expect(noPost.status).toBe(400);
    expect((await inspect(assessor, plan, fx.unitIds.personnel, fx.postIds.chief)).status).toBe(400);
    const early = await inspect(assessor, plan, fx.unitIds.section, fx.postIds.chief, {
      inspectedOn: today(),
      deadline: addDays(today(), -1),
    });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('不能早于检查日期');
    expect(
      (
        await inspect(assessor, plan, fx.unitIds.section, fx.postIds.chief, {
          inspectedOn: addDays(today(), 1),
        })
      ).status,
    ).toBe(400);

    // An assessor holding a post cannot record a finding on it.
    const withPost = await h.db.assessmentGroupMember.create({
      data: { organisationId: fx.organisationId, personId: fx.extraStaff[0]!.personId },
    });
    const ownPlan = await assessor.post(
      '/api/supervision/plans',
      planBody(fx, { inspectorIds: [withPost.personId] }),
    );
    const staffAssessor = await loginAs(h.baseUrl, fx.extraStaff[0]!.username);
    const self = await inspect(staffAssessor, ownPlan.body, fx.unitIds.section, fx.extraStaff[0]!.postId!);
    expect(self.status).toBe(400);
    expect(self.body.error.message).toContain('本人的岗位');
    expect(await h.db.inspection.count({ where: { organisationId: fx.organisationId } })).toBe(0);
  });

  it('shows a finding to the owner and their chain, and hides it (404) from others and other organisations', async () => {
    const { fx, assessor, plan } = await setUp();
    const recorded = await inspect(assessor, plan, fx.unitIds.section, fx.postIds.chief);
    const url = `/api/supervision/findings/${recorded.body.findings[0].id}`;
    for (const who of ['chief', 'deputy', 'director', 'admin'] as const)
      expect((await (await loginAs(h.baseUrl, fx.usernames[who])).get(url)).status, who).toBe(200);
    const staff = await loginAs(h.baseUrl, fx.usernames.staff);
    expect((await staff.get(url)).status).toBe(404);
    expect((await staff.get('/api/supervision/findings')).body.items).toEqual([]);
    expect((await staff.get(`/api/supervision/inspections/${recorded.body.id}`)).status).toBe(404);
    expect((await staff.get('/api/supervision/board')).status).toBe(403);

    const stranger = await createOrgFixture(h.db, '他局');
    const strangerDirector = await loginAs(h.baseUrl, stranger.usernames.director);
    expect((await strangerDirector.get(url)).status).toBe(404);
    expect((await strangerDirector.get('/api/supervision/findings')).body.items).toEqual([]);

    const board = await assessor.get('/api/supervision/board');
    expect(board.body.units).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ name: '医政科' }), open: 1, overdue: 0 }),
    ]);
    const filtered = await assessor.get(`/api/supervision/findings?unitId=${fx.unitIds.section}&status=OPEN`);
    expect(filtered.body.total).toBe(1);
    expect((await assessor.get('/api/supervision/findings?overdue=true')).body.total).toBe(0);
  });
});

describe('escalation', () => {
  it('sends an overdue task to the owner’s superior: computed on read, recorded once by the run', async () => {
    const { fx, assessor, plan } = await setUp();
    // Inspected 20 days ago, minor: 14 days to rectify, so 6 days overdue now.
    const inspectedOn = addDays(today(), -20);
    const recorded = await inspect(assessor, plan, fx.unitIds.section, fx.postIds.chief, {
      inspectedOn,
      severity: 'MINOR',
    });
    expect(recorded.status, recorded.text).toBe(201);
    const finding = recorded.body.findings[0];
    expect(finding).toMatchObject({
      deadline: addDays(inspectedOn, 14),
      isOverdue: true,
      daysOverdue: 6,
      escalatedAt: null,
      escalatedTo: { id: fx.postIds.deputy },
    });

    const deputy = await loginAs(h.baseUrl, fx.usernames.deputy);
    expect(
      (await deputy.get('/api/supervision/tasks/mine')).body.escalatedToMe.map((f: { id: string }) => f.id),
    ).toEqual([finding.id]);
    const director = await loginAs(h.baseUrl, fx.usernames.director);
    expect((await director.get('/api/supervision/tasks/mine')).body.escalatedToMe).toEqual([]);
    // The chain shows the finding on the responsible post (the overlay on the chain page).
    const chain = await director.get('/api/chain?line=ADMINISTRATIVE');
    const chiefNode = chain.body.nodes.find((n: { post: { id: string } }) => n.post.id === fx.postIds.chief);
    expect(chiefNode).toMatchObject({ openFindingCount: 1, overdueFindingCount: 1 });
    const deputyNode = chain.body.nodes.find(
      (n: { post: { id: string } }) => n.post.id === fx.postIds.deputy,
    );
    expect(deputyNode).toMatchObject({ openFindingCount: 0, overdueFindingCount: 0 });
    expect((await assessor.get('/api/supervision/findings?overdue=true')).body.total).toBe(1);
    expect((await assessor.get('/api/supervision/board')).body.totals).toMatchObject({ open: 1, overdue: 1 });

    const chief = await loginAs(h.baseUrl, fx.usernames.chief);
    expect((await chief.post('/api/supervision/escalations/run')).status).toBe(403);
    const run = await assessor.post('/api/supervision/escalations/run');
    expect(run.status, run.text).toBe(200);
    expect(run.body.escalated).toBe(1);
    expect(run.body.findings[0]).toMatchObject({ id: finding.id, escalatedTo: { id: fx.postIds.deputy } });
    expect(run.body.findings[0].escalatedAt).not.toBeNull();
    expect((await assessor.post('/api/supervision/escalations/run')).body.escalated).toBe(0);

    const detail = await deputy.get(`/api/supervision/findings/${finding.id}`);
    expect(detail.body.events.map((e: { action: string }) => e.action)).toEqual(['CREATED', 'ESCALATED']);
    expect(detail.body.events[1].note).toContain('逾期 6 天');
    expect(await h.db.auditEntry.count({ where: { entityId: finding.id, action: 'finding.escalate' } })).toBe(
      1,
    );

    // A staff member's overdue task goes to the section chief.
    const other = await assessor.post(
      '/api/supervision/plans',
      planBody(fx, { title: '会议制度检查', kind: 'MEETING_RULES' }),
    );
    const staffFinding = await inspect(assessor, other.body, fx.unitIds.section, fx.postIds.staff, {
      inspectedOn,
      severity: 'MINOR',
    });
    expect(staffFinding.body.findings[0].escalatedTo).toMatchObject({ id: fx.postIds.chief });
    expect(
      (await chief.get('/api/supervision/tasks/mine')).body.escalatedToMe.map((f: { id: string }) => f.id),
    ).toEqual([staffFinding.body.findings[0].id]);
  });
});

describe('proposed deductions', () => {
  it('turns a repeated finding into a proposed deduction in the open cycle, which an evaluator accepts', async () => {
    const { fx, assessor, plan } = await setUp();
    const date = today();
    const quarter = `Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}` as 'Q1' | 'Q2' | 'Q3' | 'Q4';
    const cycle = await createCycle(h.db, fx.organisationId, {
      year: Number(date.slice(0, 4)),
      kind: quarter,
    });
    const second = await assessor.post(
      '/api/supervision/plans',
      planBody(fx, { title: '卫生突击检查', recurrence: 'ONE_OFF' }),
    );
    const first = await inspect(assessor, plan, fx.unitIds.section, fx.postIds.chief);
    const repeated = await inspect(assessor, second.body, fx.unitIds.section, fx.postIds.chief);
    expect(repeated.status, repeated.text).toBe(201);
    const repeatedId = repeated.body.findings[0].id;

    const evaluator = await loginAs(h.baseUrl, fx.assessors[1]!.username);
    const workbench = await evaluator.get(`/api/cycles/${cycle.id}/workbench`);
    expect(workbench.status, workbench.text).toBe(200);
    const proposals = workbench.body.proposedDeductions;
    expect(proposals).toHaveLength(2);
    const proposal = proposals.find((p: { findingId: string }) => p.findingId === repeatedId);
    expect(proposal).toMatchObject({ evalueeId: fx.personIds.chief, amount: 2 });
    expect(proposal.reason).toContain('同类问题第 2 次发现');
    expect(proposal.reason).toContain('地面有纸屑');
    expect(proposal.reason).toContain('考核员1');
    const open = proposals.find((p: { findingId: string }) => p.findingId === first.body.findings[0].id);
    expect(open).toMatchObject({ amount: 1 });
    expect(open.reason).toContain('至今未整改销号');

    const chief = await loginAs(h.baseUrl, fx.usernames.chief);
    const acceptUrl = `/api/supervision/cycles/${cycle.id}/proposed-deductions/accept`;
    expect((await chief.post(acceptUrl, { proposalId: proposal.id })).status).toBe(403);
    const accepted = await evaluator.post(acceptUrl, { proposalId: proposal.id });
    expect(accepted.status, accepted.text).toBe(201);
    expect(accepted.body).toMatchObject({
      evalueeId: fx.personIds.chief,
      kind: 'DEDUCTION',
      amount: 2,
      reason: proposal.reason,
      status: 'DRAFT',
    });
    expect((await evaluator.post(acceptUrl, { proposalId: proposal.id })).status).toBe(404);

    const after = await evaluator.get(`/api/cycles/${cycle.id}/workbench`);
    expect(after.body.proposedDeductions.map((p: { findingId: string }) => p.findingId)).toEqual([
      first.body.findings[0].id,
    ]);
    const chiefRow = after.body.items.find((e: { personId: string }) => e.personId === fx.personIds.chief);
    expect(chiefRow.adjustments).toEqual([
      expect.objectContaining({ id: accepted.body.id, kind: 'DEDUCTION', amount: 2 }),
    ]);
    // Another evaluator no longer sees it either: one finding, one deduction per cycle.
    const third = await loginAs(h.baseUrl, fx.assessors[2]!.username);
    expect((await third.get(`/api/cycles/${cycle.id}/workbench`)).body.proposedDeductions).toHaveLength(1);
    const history = await chief.get(`/api/supervision/findings/${repeatedId}`);
    expect(history.body.events.at(-1)).toMatchObject({
      action: 'DEDUCTION_ACCEPTED',
      actor: { name: '考核员2' },
    });
    expect(
      await h.db.auditEntry.count({ where: { entityId: accepted.body.id, action: 'adjustment.add' } }),
    ).toBe(1);

    // Deleting the draft deduction puts the proposal back.
    expect((await del(evaluator, `/api/cycles/${cycle.id}/adjustments/${accepted.body.id}`)).status).toBe(
      204,
    );
    expect((await evaluator.get(`/api/cycles/${cycle.id}/workbench`)).body.proposedDeductions).toHaveLength(
      2,
    );
  });
});
