// 考核登记表 as an Excel workbook: one A4 portrait worksheet per person, laid out like the paper
// form a bureau files (bordered grid, merged cells, blank boxes to sign), printed one page wide.
// Written with exceljs' streaming writer, so a whole cycle streams worksheet by worksheet.
import type { RegistrationForm, RegistrationTarget } from '@zeren/contracts';
import { REGISTRATION_FORM_TITLE } from '@zeren/contracts';
import {
  CYCLE_KIND_LABELS,
  GRADE_LABELS,
  MEASURE_KIND_LABELS,
  TARGET_CATEGORY_LABELS,
  TIER_LABELS,
  type Tier,
} from '@zeren/domain';
import type ExcelJS from 'exceljs';
import type { Response } from 'express';
import { streamWorkbook } from '../../lib/exceljs';

/** Column widths (characters) of the form's 8-column grid: about 92, one A4 page wide. */
const COLUMN_WIDTHS = [11, 13, 11, 11, 11, 11, 11, 13] as const;
const COLUMNS = COLUMN_WIDTHS.length;
const FONT = 'SimSun';
const LINE_HEIGHT = 15;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const LABEL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } };

type Kind = 'title' | 'meta' | 'label' | 'value' | 'section' | 'head' | 'note' | 'box';
interface Cell {
  value: string | number | null;
  span?: number;
  kind?: Kind;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
}

const AMENDED_FIELD_LABELS: Record<string, string> = {
  scoreIdeological: '思想政治工作得分',
  scoreBusiness: '业务工作得分',
  scoreManagement: '机关管理得分',
  bonusTotal: '加分',
  deductionTotal: '扣分',
  total: '总分',
  veto: '一票否决',
  grade: '等次',
};

/** Width of a text in column units: CJK characters count double. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return width;
}

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const points = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : Number(value.toFixed(2));
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${Number(value.toFixed(2))}%`;
const share = (value: number) => `${Number((value * 100).toFixed(2))}%`;

/** 目标值 in words: 95%, 12 篇, 完成, 定性评价. */
export function goalText(target: Pick<RegistrationTarget, 'measureKind' | 'measureUnit' | 'goal'>): string {
  switch (target.measureKind) {
    case 'PERCENTAGE':
      return `${Number(target.goal.toFixed(2))}%`;
    case 'NUMBER':
      return `${Number(target.goal.toFixed(4))}${target.measureUnit ?? ''}`;
    case 'MILESTONE':
      return '按期完成';
    case 'QUALITATIVE':
      return MEASURE_KIND_LABELS.QUALITATIVE;
  }
}

export const formTitle = (form: RegistrationForm) =>
  `${form.sheet.cycle.year}年${CYCLE_KIND_LABELS[form.sheet.cycle.kind]}${REGISTRATION_FORM_TITLE}${
    form.sheet.isFinal ? '' : '（未发布，仅供核对）'
  }`;

/** The commendation or talk without the bonus coefficient, which has its own cell. */
function rewardText(text: string | null): string | null {
  const rest = (text ?? '')
    .split('；')
    .filter((part) => part.trim() && !/^绩效奖金系数/.test(part.trim()))
    .join('；');
  return rest || null;
}

/** A worksheet name: at most 31 characters, none of []:*?/\' and unique in the workbook. */
function sheetName(form: RegistrationForm, used: Set<string>): string {
  const base = `${form.person.employeeNo} ${form.person.name}`.replace(/[[\]:*?/\\']/g, '_').slice(0, 28);
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 26)}(${i})`;
  used.add(name.toLowerCase());
  return name;
}

/** The rows of one form, top to bottom. A row is its cells (spans add up to 8) and a height. */
export function formRows(form: RegistrationForm): { cells: Cell[]; height?: number }[] {
  const { person, sheet, rules } = form;
  const rows: { cells: Cell[]; height?: number }[] = [];
  const add = (cells: Cell[], height?: number) => rows.push(height ? { cells, height } : { cells });
  const section = (title: string) => add([{ value: title, span: COLUMNS, kind: 'section' }], 20);
  const note = (text: string) => add([{ value: text, span: COLUMNS, kind: 'note' }]);

  add([{ value: formTitle(form), span: COLUMNS, kind: 'title' }], 32);
  add(
    [
      { value: `单位：${form.organisationName}`, span: 2, kind: 'meta' },
      {
        value: `考核期间：${chineseDate(form.period.start)}至${chineseDate(form.period.end)}`,
        span: 4,
        kind: 'meta',
        align: 'center',
      },
      { value: `填表日期：${chineseDate(form.filledOn)}`, span: 2, kind: 'meta', align: 'right' },
    ],
    20,
  );

  // 基本情况
  section('一、基本情况');
  add([
    { value: '姓名', kind: 'label' },
    { value: person.name, kind: 'value' },
    { value: '性别', kind: 'label' },
    { value: person.gender ?? '', kind: 'value' },
    { value: '工号', kind: 'label' },
    { value: person.employeeNo, kind: 'value' },
    { value: '政治面貌', kind: 'label' },
    { value: person.politicalStatus ?? '', kind: 'value' },
  ]);
  add([
    { value: '单位/科室', kind: 'label' },
    { value: person.unit?.name ?? '—', span: 3, kind: 'value' },
    { value: '岗位', kind: 'label' },
    { value: person.post?.title ?? '—', span: 3, kind: 'value' },
  ]);
  add([
    { value: '责任层级', kind: 'label' },
    {
      value: person.tier ? `${TIER_LABELS[person.tier as Tier]}责任人` : '—',
      span: 3,
      kind: 'value',
    },
    { value: '兼任岗位', kind: 'label' },
    { value: person.otherPosts.length ? person.otherPosts.join('、') : '无', span: 3, kind: 'value' },
  ]);

  // 岗位目标完成情况
  section('二、岗位目标完成情况');
  add([
    { value: '序号', kind: 'head' },
    { value: '目标名称', span: 3, kind: 'head' },
    { value: '类别', kind: 'head' },
    { value: '权重', kind: 'head' },
    { value: '目标值', kind: 'head' },
    { value: '完成进度', kind: 'head' },
  ]);
  if (form.targets.length === 0)
    add([{ value: '本考核年度本人岗位没有目标', span: COLUMNS, kind: 'value', align: 'center' }]);
  form.targets.forEach((t, i) =>
    add([
      { value: i + 1, kind: 'value', align: 'center' },
      { value: t.title, span: 3, kind: 'value' },
      { value: TARGET_CATEGORY_LABELS[t.category], kind: 'value', align: 'center' },
      { value: `${Number(t.weight.toFixed(2))}%`, kind: 'value', align: 'right' },
      { value: goalText(t), kind: 'value', align: 'right' },
      { value: percent(t.progress), kind: 'value', align: 'right' },
    ]),
  );
  note(`注：完成进度为填表日期的数据；考评计分采用考核结果计算时的目标完成率（见第三部分）。`);

  // 考核评分
  section('三、考核评分');
  const isAnnual = sheet.cycle.kind === 'ANNUAL';
  add([
    { value: '考核类目', span: 2, kind: 'head' },
    { value: '权重', kind: 'head' },
    { value: '评分人数', kind: 'head' },
    { value: '考评组评分', kind: 'head' },
    { value: '目标完成率', kind: 'head' },
    { value: '类目得分', kind: 'head' },
    { value: '折合得分', kind: 'head' },
  ]);
  for (const c of sheet.categories)
    add([
      { value: TARGET_CATEGORY_LABELS[c.category], span: 2, kind: 'label' },
      { value: `${c.weight}%`, kind: 'value', align: 'right' },
      { value: c.evaluatorCount ?? '—', kind: 'value', align: 'right' },
      { value: points(c.evaluatorScore), kind: 'value', align: 'right' },
      { value: percent(c.completion), kind: 'value', align: 'right' },
      { value: points(c.score), kind: 'value', align: 'right', bold: true },
      { value: points((c.weight * c.score) / 100), kind: 'value', align: 'right' },
    ]);
  if (sheet.weightedScore !== null)
    add([
      { value: '加权得分（三类目折合得分之和）', span: 7, kind: 'label', align: 'right' },
      { value: points(sheet.weightedScore), kind: 'value', align: 'right', bold: true },
    ]);
  if (!isAnnual)
    note(
      `注：类目得分 = 考评组评分 × ${share(1 - rules.targetShare)} + 目标完成率 × ${share(rules.targetShare)}；` +
        `某类目没有目标时按考评组评分计。${sheet.categories.some((c) => c.isTrimmed) ? '评分人数在 5 人以上的，去掉一个最高分和一个最低分后取平均。' : ''}`,
    );
  if (sheet.quarters) {
    add([
      { value: '季度', span: 2, kind: 'head' },
      { value: '季度总分', span: 3, kind: 'head' },
      { value: '季度等次', span: 3, kind: 'head' },
    ]);
    for (const q of sheet.quarters)
      add([
        { value: CYCLE_KIND_LABELS[q.kind], span: 2, kind: 'label' },
        { value: points(q.total), span: 3, kind: 'value', align: 'right' },
        {
          value: `${q.grade ? GRADE_LABELS[q.grade] : '—'}${q.isVetoed ? '（一票否决）' : ''}`,
          span: 3,
          kind: 'value',
          align: 'center',
        },
      ]);
    note(
      '注：年度总分为已发布各季度总分的平均（或按本单位设定的季度权重）；任一季度一票否决的，年度同样否决。',
    );
  }

  // 加减分与一票否决
  add([
    { value: '加减分类型', kind: 'head' },
    { value: '分值', kind: 'head' },
    { value: '事由', span: 6, kind: 'head' },
  ]);
  const adjustments = sheet.adjustments.filter((a) => a.kind !== 'VETO');
  if (adjustments.length === 0)
    add([{ value: '无加分、扣分事项', span: COLUMNS, kind: 'value', align: 'center' }]);
  for (const a of adjustments)
    add([
      { value: a.kind === 'BONUS' ? '加分' : '扣分', kind: 'label' },
      {
        value: a.amount === null ? '—' : `${a.kind === 'BONUS' ? '+' : '−'}${Number(a.amount.toFixed(2))}`,
        kind: 'value',
        align: 'right',
      },
      { value: a.reason, span: 6, kind: 'value' },
    ]);
  add([
    { value: '加分合计', kind: 'label' },
    { value: points(sheet.bonusTotal), kind: 'value', align: 'right' },
    { value: `（上限 ${rules.bonusCap} 分）`, span: 2, kind: 'value' },
    { value: '扣分合计', kind: 'label' },
    { value: points(sheet.deductionTotal), kind: 'value', align: 'right' },
    { value: `（上限 ${rules.deductionCap} 分）`, span: 2, kind: 'value' },
  ]);
  add([
    { value: '一票否决', kind: 'label' },
    { value: sheet.isVetoed ? `是：${sheet.vetoReason ?? ''}` : '无', span: 7, kind: 'value' },
  ]);

  // 总分、等次、排名
  add(
    [
      { value: '总分', kind: 'label' },
      { value: points(sheet.total), kind: 'value', align: 'center', bold: true },
      { value: '等次', kind: 'label' },
      { value: GRADE_LABELS[sheet.grade], kind: 'value', align: 'center', bold: true },
      { value: '排名', kind: 'label' },
      { value: `第 ${sheet.rank} 名（共 ${sheet.rankOf} 人）`, span: 3, kind: 'value', align: 'center' },
    ],
    22,
  );
  const quotaNote = [
    `优秀比例限额 ${share(rules.excellentShare)}，本期共 ${rules.excellentPlaces} 个名额。`,
    sheet.isQuotaCut && sheet.quotaCutReason ? `本人${sheet.quotaCutReason}，评定为称职。` : '',
    sheet.gradeReason && !sheet.isQuotaCut ? `等次说明：${sheet.gradeReason}` : '',
  ].join('');
  add([
    { value: '名额说明', kind: 'label' },
    { value: quotaNote, span: 7, kind: 'value' },
  ]);
  if (sheet.amendments.length > 0)
    add([
      { value: '更正记录', kind: 'label' },
      {
        value: sheet.amendments
          .map(
            (a) =>
              `${a.amendedAt.slice(0, 10)} ${AMENDED_FIELD_LABELS[a.field] ?? a.field}：${a.oldValue ?? '—'} → ${a.newValue ?? '—'}（${a.reason}）`,
          )
          .join('；'),
        span: 7,
        kind: 'value',
      },
    ]);

  // 奖惩兑现
  section('四、奖惩兑现');
  add([
    { value: '奖金系数', kind: 'label' },
    {
      value:
        sheet.consequence.bonusCoefficient === null ? '—' : sheet.consequence.bonusCoefficient.toFixed(2),
      kind: 'value',
      align: 'center',
    },
    { value: '奖惩', kind: 'label' },
    { value: rewardText(sheet.consequence.text) ?? '无', span: 5, kind: 'value' },
  ]);

  // 意见与签字: blank boxes to fill in by hand.
  section('五、意见与签字');
  const signLine = '签字：　　　　　　　　日期：　　　年　　月　　日';
  add(
    [
      { value: '个人小结', kind: 'label', align: 'center' },
      { value: `\n\n\n\n\n${signLine}`, span: 7, kind: 'box' },
    ],
    110,
  );
  add(
    [
      { value: '主管领导评语', kind: 'label', align: 'center' },
      { value: `\n\n\n${signLine}`, span: 7, kind: 'box' },
    ],
    75,
  );
  add(
    [
      { value: '考核组意见', kind: 'label', align: 'center' },
      { value: `\n\n\n${signLine}`, span: 7, kind: 'box' },
    ],
    75,
  );
  add(
    [
      { value: '本人签字确认', kind: 'label', align: 'center' },
      { value: `本人已阅知以上考核结果。\n${signLine}`, span: 7, kind: 'box' },
    ],
    40,
  );
  return rows;
}

function styleOf(cell: Cell): Partial<ExcelJS.Style> {
  const kind = cell.kind ?? 'value';
  const font: Partial<ExcelJS.Font> = { name: FONT, size: 10.5, bold: cell.bold ?? false };
  switch (kind) {
    case 'title':
      return {
        font: { name: FONT, size: 18, bold: true },
        alignment: { horizontal: 'center', vertical: 'middle' },
      };
    case 'meta':
      return {
        font: { name: FONT, size: 10 },
        alignment: { horizontal: cell.align ?? 'left', vertical: 'middle', wrapText: true },
      };
    case 'section':
      return {
        font: { name: FONT, size: 11, bold: true },
        alignment: { horizontal: 'left', vertical: 'middle' },
        border: BORDER,
        fill: LABEL_FILL,
      };
    case 'head':
      return {
        font: { ...font, bold: true },
        alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
        border: BORDER,
        fill: LABEL_FILL,
      };
    case 'label':
      return {
        font,
        alignment: { horizontal: cell.align ?? 'center', vertical: 'middle', wrapText: true },
        border: BORDER,
      };
    case 'note':
      return {
        font: { name: FONT, size: 9, color: { argb: 'FF595959' } },
        alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
      };
    case 'box':
      return {
        font,
        alignment: { horizontal: 'right', vertical: 'bottom', wrapText: true },
        border: BORDER,
      };
    default:
      return {
        font,
        alignment: { horizontal: cell.align ?? 'left', vertical: 'middle', wrapText: true },
        border: BORDER,
      };
  }
}

/** Font size relative to the 11-point default a column width is measured in. */
const FONT_SCALE: Record<Kind, number> = {
  title: 18 / 11,
  meta: 10 / 11,
  label: 10.5 / 11,
  value: 10.5 / 11,
  section: 1,
  head: 10.5 / 11,
  note: 9 / 11,
  box: 10.5 / 11,
};

/** Excel does not grow a wrapped row on open: the height is estimated from the longest cell. */
function estimatedHeight(cells: Cell[]): number {
  let column = 0;
  let lines = 1;
  for (const cell of cells) {
    const span = cell.span ?? 1;
    const width =
      (COLUMN_WIDTHS.slice(column, column + span).reduce((a, b) => a + b, 0) - 1) /
      FONT_SCALE[cell.kind ?? 'value'];
    column += span;
    const text = cell.value === null ? '' : String(cell.value);
    const needed = text
      .split('\n')
      .reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / width)), 0);
    lines = Math.max(lines, needed);
  }
  return Math.max(18, lines * LINE_HEIGHT + 3);
}

function addFormSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, form: RegistrationForm, name: string) {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages as it takes (the title rows repeat on each)
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:2',
    },
    headerFooter: { oddFooter: `&C${form.person.name} 第 &P 页，共 &N 页` },
    views: [{ showGridLines: false }],
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  formRows(form).forEach(({ cells, height }, index) => {
    const rowNumber = index + 1;
    const row = sheet.getRow(rowNumber);
    let column = 1;
    for (const cell of cells) {
      const span = cell.span ?? 1;
      const target = row.getCell(column);
      target.value = cell.value;
      target.style = styleOf(cell);
      if (span > 1) sheet.mergeCells(rowNumber, column, rowNumber, column + span - 1);
      column += span;
    }
    row.height = Math.max(height ?? 0, estimatedHeight(cells));
    row.commit();
  });
  sheet.commit();
}

/** Streams the forms into the response, one worksheet each (the forms may arrive one batch at a time). */
export async function writeRegistrationWorkbook(
  res: Response,
  input: { filename: string; forms: Iterable<RegistrationForm> | AsyncIterable<RegistrationForm> },
): Promise<void> {
  const iterator = (
    Symbol.asyncIterator in input.forms
      ? input.forms[Symbol.asyncIterator]()
      : (input.forms as Iterable<RegistrationForm>)[Symbol.iterator]()
  ) as AsyncIterator<RegistrationForm> | Iterator<RegistrationForm>;
  // The first form is built before anything is sent, so a refusal still answers with an error body.
  let next = await iterator.next();
  const workbook = await streamWorkbook(res, 'registration-forms.xlsx', input.filename);
  const used = new Set<string>();
  while (!next.done) {
    addFormSheet(workbook, next.value, sheetName(next.value, used));
    next = await iterator.next();
  }
  await workbook.commit();
}
