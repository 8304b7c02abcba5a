// 考核登记表 over real HTTP and a real Postgres: the form's content (JSON and the .xlsx read back with
// exceljs), its A4 page setup, who may read it (exactly the result sheet's readers), the rules for
// unpublished cycles, the whole cycle's workbook (one worksheet per evaluee) and the annual form.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  createCycle,
  createEvaluationFixture,
  downloadAs,
  loginAs,
  openWindow,
  type EvaluationFixture,
} from './support/evaluation-fixtures';
import type { Client } from './support/harness';
import { useHarness } from './support/harness';

const h = useHarness();
const CATEGORIES = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'] as const;

const isoWindow = (w = openWindow()) => ({
  windowStart: w.windowStart.toISOString(),
  windowEnd: w.windowEnd.toISOString(),
});

async function move(c: Client, cycleId: string, to: string, extra: Record<string, unknown> = {}) {
  const current = await c.get(`/api/cycles/${cycleId}`);
  return c.post(`/api/cycles/${cycleId}/transitions`, { to, version: current.body.version, ...extra });
}

/** Every assessor scores every evaluee, then submits. */
async function scoreEveryone(fx: EvaluationFixture, cycleId: string, values: Record<string, number>) {
  const clients: Client[] = [];
  for (const m of fx.assessors) clients.push(await loginAs(h.baseUrl, m.username));
  for (const c of clients) {
    const cells = Object.entries(values).flatMap(([evalueeId, value]) =>
      CATEGORIES.map((category) => ({ evalueeId, category, value })),
    );
    const saved = await c.request('PUT', `/api/cycles/${cycleId}/scores`, { cells });
    expect(saved.status, saved.text).toBe(200);
    expect((await c.post(`/api/cycles/${cycleId}/submit`, {})).status).toBe(200);
  }
  return clients;
}

/**
 * A Q3 of five evaluees (95 / 92 / 80 / 70 / 50), the staff member vetoed, the chief with a bonus,
 * two targets on the staff member's post; closed, and published unless asked not to.
 */
async function quarter(options: { publish?: boolean } = {}) {
  const fx = await createEvaluationFixture(h.db);
  await h.db.person.update({
    where: { id: fx.personIds.staff },
    data: { gender: '男', isPartyMember: true },
  });
  const target = (title: string, category: (typeof CATEGORIES)[number], weight: number, progress: number) =>
    h.db.target.create({
      data: {
        organisationId: fx.organisationId,
        ownerPostId: fx.postIds.staff,
        year: 2026,
        category,
        line: 'ADMINISTRATIVE',
        title,
        weight,
        measureKind: 'PERCENTAGE',
        goal: 95,
        dueDate: new Date('2026-12-31'),
        progress,
      },
    });
  await target('医疗机构校验按期完成率', 'BUSINESS', 60, 80);
  await target('每周五政治学习出勤率', 'IDEOLOGICAL', 100, 100);

  const director = await loginAs(h.baseUrl, fx.usernames.director);
  const created = await director.post('/api/cycles', { year: 2026, kind: 'Q3', ...isoWindow() });
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
  const add = async (body: Record<string, unknown>) => {
    const res = await assessors[0]!.post(`/api/cycles/${cycleId}/adjustments`, body);
    expect(res.status, res.text).toBe(201);
  };
  await add({ evalueeId: staff, kind: 'VETO', reason: '发生重大责任事故' });
  await add({ evalueeId: chief, kind: 'BONUS', amount: 2, reason: '市级先进个人' });
  expect(
    (await assessors[0]!.post(`/api/cycles/${cycleId}/submit`, { evalueeIds: [staff, chief] })).status,
  ).toBe(200);
  expect((await move(director, cycleId, 'CLOSED')).status).toBe(200);
  if (options.publish !== false) expect((await move(director, cycleId, 'PUBLISHED')).status).toBe(200);
  return { fx, director, cycleId, ids: { deputy, chief, staff, extra1, extra2 } };
}

async function readWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Every non-empty cell text of a worksheet, in reading order (merged cells once). */
function texts(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const value = cell.value;
      if (value !== null && value !== undefined && value !== '') out.push(String(value));
    }),
  );
  return out;
}

/** The text of the cell right of the (first) cell whose text is `label`, past its merged span. */
function valueRightOf(sheet: ExcelJS.Worksheet, label: string, inFirstColumn = false): string | undefined {
  let found: string | undefined;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (found !== undefined || cell.value !== label || (inFirstColumn && Number(cell.col) !== 1)) return;
      let col = Number(cell.col) + 1;
      while (row.getCell(col).isMerged && row.getCell(col).master.address === cell.master.address) col++;
      const next = row.getCell(col);
      found = String(next.isMerged ? next.master.value : next.value);
    }),
  );
  return found;
}

describe('考核登记表', () => {
  it('gives the person, their targets, the scoring, grade, consequence and the blank boxes, as JSON and as an A4 sheet', async () => {
    const { fx, cycleId, ids } = await quarter();
    const staff = await loginAs(h.baseUrl, fx.usernames.staff);
    const res = await staff.get(`/api/cycles/${cycleId}/registration-forms/${ids.staff}`);
    expect(res.status, res.text).toBe(200);
    const form = res.body;
    expect(form.organisationName).toMatch(/^测试局/);
    expect(form.period).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(form.filledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(form.person).toMatchObject({
      name: '李科员',
      gender: '男',
      politicalStatus: '中共党员',
      tier: 4,
      otherPosts: [],
    });
    expect(form.person.unit.name).toBe('医政科');
    expect(form.targets.map((t: { title: string }) => t.title)).toEqual([
      '每周五政治学习出勤率',
      '医疗机构校验按期完成率',
    ]);
    expect(form.targets[1]).toMatchObject({ category: 'BUSINESS', weight: 60, progress: 80, goal: 95 });
    expect(form.rules).toMatchObject({ targetShare: 0.3, bonusCap: 5, deductionCap: 20, excellentPlaces: 1 });
    // The scoring part is the result sheet itself, minus the individual evaluators' scores.
    const sheet = (await staff.get(`/api/cycles/${cycleId}/results/${ids.staff}`)).body;
    expect(form.sheet).toEqual({ ...sheet, evaluatorScores: null });
    expect(form.sheet).toMatchObject({
      isVetoed: true,
      vetoReason: '发生重大责任事故',
      grade: 'INCOMPETENT',
    });
    const director = await loginAs(h.baseUrl, fx.usernames.director);
    const byDirector = await director.get(`/api/cycles/${cycleId}/registration-forms/${ids.staff}`);
    expect(byDirector.body.sheet.evaluatorScores).toBeNull();

    // The same form as .xlsx: one A4 portrait sheet, one page wide, title rows repeated.
    const file = await downloadAs(
      h.baseUrl,
      fx.usernames.staff,
      `/api/cycles/${cycleId}/registration-forms/${ids.staff}/form.xlsx`,
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toContain(
      encodeURIComponent('2026年第三季度考核登记表-李科员.xlsx'),
    );
    const workbook = await readWorkbook(file.bytes);
    expect(workbook.worksheets).toHaveLength(1);
    const ws = workbook.worksheets[0]!;
    expect(ws.name).toContain('李科员');
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:2',
    });
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.6, right: 0.6, top: 0.7, bottom: 0.7 });
    const all = texts(ws);
    expect(all[0]).toBe('2026年第三季度考核登记表');
    expect(all).toContain(`单位：${form.organisationName}`);
    expect(all).toContain('考核期间：2026年7月1日至2026年9月30日');
    expect(valueRightOf(ws, '姓名')).toBe('李科员');
    expect(valueRightOf(ws, '性别')).toBe('男');
    expect(valueRightOf(ws, '政治面貌')).toBe('中共党员');
    expect(valueRightOf(ws, '单位/科室')).toBe('医政科');
    expect(valueRightOf(ws, '责任层级')).toBe('四级责任人');
    expect(all).toEqual(expect.arrayContaining(['医疗机构校验按期完成率', '业务工作', '60%', '95%', '80%']));
    expect(valueRightOf(ws, '总分')).toBe(String(form.sheet.total));
    expect(valueRightOf(ws, '等次')).toBe('不称职');
    expect(valueRightOf(ws, '一票否决')).toBe('是：发生重大责任事故');
    expect(valueRightOf(ws, '奖惩')).toBe(form.sheet.consequence.text);
    for (const box of ['个人小结', '主管领导评语', '考核组意见', '本人签字确认'])
      expect(valueRightOf(ws, box), box).toContain('签字：');
    // The three categories with the domain's weights 30 / 50 / 20 (the scoring table's first column).
    expect(valueRightOf(ws, '思想政治工作', true)).toBe('30%');
    expect(valueRightOf(ws, '业务工作', true)).toBe('50%');
    expect(valueRightOf(ws, '机关管理', true)).toBe('20%');

    // The chief's form carries the bonus with its reason.
    const chiefFile = await downloadAs(
      h.baseUrl,
      fx.usernames.chief,
      `/api/cycles/${cycleId}/registration-forms/${ids.chief}/form.xlsx`,
    );
    const chiefSheet = (await readWorkbook(chiefFile.bytes)).worksheets[0]!;
    expect(texts(chiefSheet)).toEqual(expect.arrayContaining(['加分', '+2', '市级先进个人']));
    expect(valueRightOf(chiefSheet, '一票否决')).toBe('无');
  });

  it('is read by exactly the result sheet readers; a closed cycle only by them, marked unpublished', async () => {
    const { fx, director, cycleId, ids } = await quarter({ publish: false });
    const staff = await loginAs(h.baseUrl, fx.usernames.staff);
    const chief = await loginAs(h.baseUrl, fx.usernames.chief);
    const deputy = await loginAs(h.baseUrl, fx.usernames.deputy);
    const path = (personId: string) => `/api/cycles/${cycleId}/registration-forms/${personId}`;

    // Closed, not published: one's own is not there yet (as the result sheet); readers see it, marked.
    expect((await staff.get(path(ids.staff))).status).toBe(404);
    const provisional = await director.get(path(ids.staff));
    expect(provisional.status).toBe(200);
    expect(provisional.body.sheet.isFinal).toBe(false);
    const file = await downloadAs(h.baseUrl, fx.usernames.director, `${path(ids.staff)}/form.xlsx`);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('（未发布）'));
    expect(texts((await readWorkbook(file.bytes)).worksheets[0]!)[0]).toBe(
      '2026年第三季度考核登记表（未发布，仅供核对）',
    );

    expect((await move(director, cycleId, 'PUBLISHED')).status).toBe(200);
    expect((await staff.get(path(ids.staff))).status).toBe(200);
    // Nobody else's, not even a superior's subordinate (the result sheet's rule: tier 1, assessors, admin).
    expect((await staff.get(path(ids.chief))).status).toBe(404);
    expect((await chief.get(path(ids.staff))).status).toBe(404);
    expect((await deputy.get(path(ids.chief))).status).toBe(404);
    expect((await downloadAs(h.baseUrl, fx.usernames.chief, `${path(ids.staff)}/form.xlsx`)).status).toBe(
      404,
    );
    const admin = await loginAs(h.baseUrl, fx.usernames.admin);
    expect((await admin.get(path(ids.staff))).status).toBe(200);
    // A person without a result in the cycle (tier 1 is not evaluated), and an unknown id: 404.
    expect((await director.get(path(fx.personIds.director))).status).toBe(404);
    expect((await director.get(path('00000000-0000-4000-8000-000000000000'))).status).toBe(404);

    // Draft and open cycles have no results: 404 for a form, 409 for the whole cycle's workbook.
    const open = await createCycle(h.db, fx.organisationId, { kind: 'Q4' });
    expect((await director.get(`/api/cycles/${open.id}/registration-forms/${ids.staff}`)).status).toBe(404);
    const whole = await director.get(`/api/cycles/${open.id}/registration-forms.xlsx`);
    expect(whole.status).toBe(409);
    expect(whole.body.error.message).toContain('尚未截止');
    expect((await staff.get(`/api/cycles/${cycleId}/registration-forms.xlsx`)).status).toBe(403);
  });

  it('exports a whole cycle as one A4 worksheet per evaluee, in rank order', async () => {
    const { fx, cycleId } = await quarter();
    const file = await downloadAs(
      h.baseUrl,
      fx.usernames.admin,
      `/api/cycles/${cycleId}/registration-forms.xlsx`,
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(
      encodeURIComponent('2026年第三季度考核登记表.xlsx'),
    );
    const workbook = await readWorkbook(file.bytes);
    const names = workbook.worksheets.map((ws) => valueRightOf(ws, '姓名'));
    expect(names).toEqual(['钱副局长', '孙科长', '医政科员1', '医政科员2', '李科员']);
    expect(new Set(workbook.worksheets.map((ws) => ws.name)).size).toBe(5);
    for (const ws of workbook.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
      expect(ws.pageSetup.printTitlesRow).toBe('1:2');
    }
    expect(valueRightOf(workbook.worksheets[0]!, '等次')).toBe('优秀');
    expect(valueRightOf(workbook.worksheets[1]!, '名额说明')).toContain('超出优秀比例限额');
  });

  it('shows the counted quarters on an annual form', async () => {
    const { fx, director, ids } = await quarter();
    const created = await director.post('/api/cycles', { year: 2026, kind: 'ANNUAL', ...isoWindow() });
    expect(created.status, created.text).toBe(201);
    const annualId: string = created.body.id;
    for (const to of ['OPEN', 'CLOSED', 'PUBLISHED'])
      expect((await move(director, annualId, to)).status, to).toBe(200);
    const staff = await loginAs(h.baseUrl, fx.usernames.staff);
    const res = await staff.get(`/api/cycles/${annualId}/registration-forms/${ids.staff}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.period).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(res.body.sheet.quarters).toEqual([expect.objectContaining({ kind: 'Q3', isVetoed: true })]);
    const file = await downloadAs(
      h.baseUrl,
      fx.usernames.staff,
      `/api/cycles/${annualId}/registration-forms/${ids.staff}/form.xlsx`,
    );
    const ws = (await readWorkbook(file.bytes)).worksheets[0]!;
    expect(texts(ws)[0]).toBe('2026年年度考核登记表');
    expect(valueRightOf(ws, '第三季度')).toBe(String(res.body.sheet.quarters[0].total));
  });
});
