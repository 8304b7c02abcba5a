// The workbooks' layout: sheet names, column headers (Chinese), which columns are required, the
// drop-down lists and what the 说明 sheet says of each column. The export writes exactly this, the
// template is an export without rows, and the import reads it back — so a round trip holds.
import { LINES, LINE_LABELS, MEASURE_KINDS, MEASURE_KIND_LABELS } from '../vocabulary';
import { TARGET_CATEGORIES, TARGET_CATEGORY_LABELS } from '../vocabulary';
import {
  GENDERS,
  LINE_SET_LABELS,
  NO,
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  YES,
  isBlank,
  type CellValue,
} from './cells';
import { issueAt, type ImportIssue } from './issues';

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  /** Must not be empty. */
  isRequired: boolean;
  /** Shown for the reader's convenience (e.g. a name next to a code); never read by the import. */
  isReference?: boolean;
  /** Written by the export only (progress); never read by the import. */
  isExportOnly?: boolean;
  /** Offered as a drop-down list (data validation) in the workbook. */
  list?: readonly string[];
  /** How the export writes the column: dates as real Excel dates, numbers right-aligned. */
  format?: 'text' | 'number' | 'date' | 'percent';
  width: number;
  /** One line for the 说明 sheet. */
  note: string;
}

export interface SheetSpec<K extends string = string> {
  name: string;
  /** What the sheet holds, for the 说明 sheet. */
  note: string;
  columns: readonly ColumnSpec<K>[];
}

const TIER_LIST = ['1', '2', '3', '4'] as const;
const YES_NO = [YES, NO] as const;

export const UNITS_SHEET = {
  name: '部门',
  note: '机关的部门（科室、党支部、党小组、工会、共青团、妇委会、考核督导组等）。部门名称在本单位内唯一，导入时按名称匹配已有部门。',
  columns: [
    {
      key: 'name',
      header: '部门名称',
      isRequired: true,
      width: 24,
      note: '必填；本单位内唯一，按名称匹配已有部门',
    },
    {
      key: 'kind',
      header: '部门类型',
      isRequired: true,
      list: UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]),
      width: 14,
      note: `必填；${UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]).join('、')}之一`,
    },
    {
      key: 'parentName',
      header: '上级部门',
      isRequired: false,
      width: 24,
      note: '可空；本表或系统中已有部门的名称（如党小组的上级为党支部）',
    },
    {
      key: 'sortOrder',
      header: '排序',
      isRequired: false,
      format: 'number',
      width: 8,
      note: '可空；整数，越小越靠前，空为 0',
    },
  ],
} as const satisfies SheetSpec;

export const PEOPLE_SHEET = {
  name: '人员',
  note: '在编人员。工号在本单位内唯一，导入时按工号匹配已有人员。登录账号不在此表中，请在系统中单独开通。',
  columns: [
    {
      key: 'employeeNo',
      header: '工号',
      isRequired: true,
      width: 14,
      note: '必填；本单位内唯一，最多 32 个字符；以 0 开头的工号请设为文本格式',
    },
    { key: 'name', header: '姓名', isRequired: true, width: 12, note: '必填；最多 50 个字' },
    { key: 'gender', header: '性别', isRequired: false, list: GENDERS, width: 8, note: '可空；男 或 女' },
    {
      key: 'isPartyMember',
      header: '是否党员',
      isRequired: false,
      list: YES_NO,
      width: 10,
      note: '可空；是 或 否，空为否',
    },
  ],
} as const satisfies SheetSpec;

export const POSTS_SHEET = {
  name: '岗位',
  note: '岗位及其在两条主线中的汇报关系（四级责任链）。岗位编码在本单位内唯一，导入时按编码匹配已有岗位。上级岗位的责任层级须高于本岗位（层级数字更小），一级岗位不设上级。',
  columns: [
    {
      key: 'code',
      header: '岗位编码',
      isRequired: true,
      width: 14,
      note: '必填；字母、数字、- 和 _，最多 32 个字符，如 YZK-KZ',
    },
    {
      key: 'title',
      header: '岗位名称',
      isRequired: true,
      width: 22,
      note: '必填；最多 100 个字，如 医政科科长',
    },
    {
      key: 'unitName',
      header: '所属部门',
      isRequired: true,
      width: 20,
      note: '必填；“部门”表或系统中已有部门的名称',
    },
    {
      key: 'tier',
      header: '责任层级',
      isRequired: true,
      list: TIER_LIST,
      format: 'number',
      width: 10,
      note: '必填；1–4（一级：党组书记、局长；二级：党组成员、副局长；三级：科长、支部委员、党小组长、工青妇负责人；四级：党员、一般工作人员）',
    },
    {
      key: 'lines',
      header: '所属主线',
      isRequired: true,
      list: LINE_SET_LABELS,
      width: 16,
      note: `必填；${LINE_SET_LABELS.join(' 或 ')}`,
    },
    {
      key: 'adminSuperiorCode',
      header: '行政线上级岗位编码',
      isRequired: false,
      width: 18,
      note: '二至四级必填（仅属党群线的岗位也须填写行政隶属）；一级岗位留空',
    },
    {
      key: 'partySuperiorCode',
      header: '党群线上级岗位编码',
      isRequired: false,
      width: 18,
      note: '属于党群线的二至四级岗位必填；不属于党群线的岗位留空',
    },
    {
      key: 'sortOrder',
      header: '排序',
      isRequired: false,
      format: 'number',
      width: 8,
      note: '可空；整数，越小越靠前，空为 0',
    },
  ],
} as const satisfies SheetSpec;

export const HOLDINGS_SHEET = {
  name: '任职',
  note: '人员担任的岗位（一人可任多个岗位，一个岗位可有多人）。按“工号 + 岗位编码”匹配；导入只新增或更新，不会结束未列出的任职。',
  columns: [
    {
      key: 'employeeNo',
      header: '工号',
      isRequired: true,
      width: 14,
      note: '必填；“人员”表或系统中已有人员的工号',
    },
    {
      key: 'personName',
      header: '姓名',
      isRequired: false,
      isReference: true,
      width: 12,
      note: '仅供核对，导入时不读取',
    },
    {
      key: 'postCode',
      header: '岗位编码',
      isRequired: true,
      width: 14,
      note: '必填；“岗位”表或系统中已有岗位的编码',
    },
    {
      key: 'postTitle',
      header: '岗位名称',
      isRequired: false,
      isReference: true,
      width: 22,
      note: '仅供核对，导入时不读取',
    },
    {
      key: 'isPrimary',
      header: '是否主岗',
      isRequired: false,
      list: YES_NO,
      width: 10,
      note: '可空；是 或 否，空为否；每人至多一个主岗',
    },
    {
      key: 'startedOn',
      header: '任职日期',
      isRequired: false,
      format: 'date',
      width: 12,
      note: '可空；日期或 YYYY-MM-DD 文本，空为导入当天（已有任职保持原日期）',
    },
  ],
} as const satisfies SheetSpec;

export const ROSTER_SHEETS = [UNITS_SHEET, PEOPLE_SHEET, POSTS_SHEET, HOLDINGS_SHEET] as const;

export const TARGETS_SHEET = {
  name: '目标',
  note: '年度目标责任书：三大目标逐级分解到各岗位。上级目标须排在子目标之前或已在系统中；子目标与上级目标的年度、类别、主线相同，由上级目标责任岗位的直接下级岗位承担；同一上级目标的子目标权重之和为 100。',
  columns: [
    {
      key: 'code',
      header: '目标编号',
      isRequired: false,
      width: 38,
      note: '可空；本表内唯一，供“上级目标编号”引用。导出文件中为系统编号，保留它即可在再次导入时更新该目标（包括改名）',
    },
    {
      key: 'parentCode',
      header: '上级目标编号',
      isRequired: false,
      width: 38,
      note: '顶层目标留空；否则为本表中的目标编号或系统导出的目标编号',
    },
    { key: 'year', header: '年度', isRequired: true, format: 'number', width: 8, note: '必填；如 2026' },
    {
      key: 'category',
      header: '目标类别',
      isRequired: true,
      list: TARGET_CATEGORIES.map((c) => TARGET_CATEGORY_LABELS[c]),
      width: 14,
      note: `必填；${TARGET_CATEGORIES.map((c) => TARGET_CATEGORY_LABELS[c]).join('、')}之一（三大目标）`,
    },
    {
      key: 'line',
      header: '主线',
      isRequired: true,
      list: LINES.map((l) => LINE_LABELS[l]),
      width: 10,
      note: `必填；${LINES.map((l) => LINE_LABELS[l]).join(' 或 ')}`,
    },
    { key: 'title', header: '目标名称', isRequired: true, width: 36, note: '必填；最多 200 个字' },
    { key: 'description', header: '目标说明', isRequired: false, width: 30, note: '可空；最多 2000 个字' },
    {
      key: 'ownerPostCode',
      header: '责任岗位编码',
      isRequired: false,
      width: 14,
      note: '顶层目标必填（一级岗位）；子目标由上级目标责任岗位的直接下级承担，留空即为无人承担（责任链缺口）',
    },
    {
      key: 'ownerPostTitle',
      header: '责任岗位',
      isRequired: false,
      isReference: true,
      width: 20,
      note: '仅供核对，导入时不读取',
    },
    {
      key: 'weight',
      header: '权重',
      isRequired: true,
      format: 'number',
      width: 8,
      note: '必填；0–100，同一上级目标的子目标权重之和为 100',
    },
    {
      key: 'measureKind',
      header: '计量方式',
      isRequired: true,
      list: MEASURE_KINDS.map((m) => MEASURE_KIND_LABELS[m]),
      width: 10,
      note: `必填；${MEASURE_KINDS.map((m) => MEASURE_KIND_LABELS[m]).join('、')}之一`,
    },
    {
      key: 'measureUnit',
      header: '计量单位',
      isRequired: false,
      width: 10,
      note: '可空；数值类目标的单位，如 次、篇、万元',
    },
    {
      key: 'baseline',
      header: '基准值',
      isRequired: false,
      format: 'number',
      width: 10,
      note: '可空；空为 0',
    },
    {
      key: 'goal',
      header: '目标值',
      isRequired: true,
      format: 'number',
      width: 10,
      note: '必填；百分比填 100 即 100%，节点完成填 1',
    },
    {
      key: 'dueDate',
      header: '完成时限',
      isRequired: true,
      format: 'date',
      width: 12,
      note: '必填；日期或 YYYY-MM-DD 文本',
    },
    {
      key: 'progress',
      header: '进度（%）',
      isRequired: false,
      isExportOnly: true,
      format: 'number',
      width: 10,
      note: '仅导出：当前进度（逐级汇总），导入时不读取',
    },
    {
      key: 'lastUpdatedOn',
      header: '最近更新',
      isRequired: false,
      isExportOnly: true,
      format: 'date',
      width: 12,
      note: '仅导出：最近一次进度更新的日期，导入时不读取',
    },
    {
      key: 'state',
      header: '状态',
      isRequired: false,
      isExportOnly: true,
      width: 10,
      note: '仅导出：已完成 / 滞后 / 进行中，导入时不读取',
    },
  ],
} as const satisfies SheetSpec;

export const TARGET_BOOK_SHEETS = [TARGETS_SHEET] as const;
export const EXPLANATION_SHEET_NAME = '说明';

type KeysOf<S extends SheetSpec> = S['columns'][number]['key'];
export type UnitColumn = KeysOf<typeof UNITS_SHEET>;
export type PersonColumn = KeysOf<typeof PEOPLE_SHEET>;
export type PostColumn = KeysOf<typeof POSTS_SHEET>;
export type HoldingColumn = KeysOf<typeof HOLDINGS_SHEET>;
export type TargetColumn = KeysOf<typeof TARGETS_SHEET>;

/** A sheet's cells as the API read them: the header row and the data rows (1-based Excel numbers). */
export interface RawSheet {
  /** Header cells by 1-based column index. */
  header: readonly CellValue[];
  rows: readonly { row: number; cells: readonly CellValue[] }[];
}

/** One data row, by column key, with where each column is (for issues). */
export interface SheetRow<K extends string> {
  row: number;
  values: Readonly<Record<K, CellValue>>;
}

export interface ReadSheet<K extends string> {
  spec: SheetSpec<K>;
  /** 1-based column index of each read column. */
  columnIndex: ReadonlyMap<K, number>;
  rows: SheetRow<K>[];
}

/** A header as typed: trimmed, without a required mark (*, ＊, （必填）). */
function normaliseHeader(value: CellValue): string {
  return String(value ?? '')
    .replace(/\s+/g, '')
    .replace(/[*＊]|[（(]必填[)）]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

/**
 * Finds the spec's columns by their headers (any order; unknown columns ignored) and turns the rows
 * into values by key, skipping rows that are entirely empty. Every column the import reads must be
 * present (a missing one would silently blank a field): MISSING_COLUMN otherwise.
 */
export function readSheet<K extends string>(
  spec: SheetSpec<K>,
  raw: RawSheet | undefined,
  issues: ImportIssue[],
): ReadSheet<K> {
  const columnIndex = new Map<K, number>();
  if (raw === undefined) {
    issues.push(
      issueAt(
        { sheet: spec.name, row: null, column: null },
        'MISSING_SHEET',
        `缺少工作表“${spec.name}”，请使用导入模板`,
      ),
    );
    return { spec, columnIndex, rows: [] };
  }
  const headers = raw.header.map(normaliseHeader);
  for (const column of spec.columns) {
    const index = headers.indexOf(normaliseHeader(column.header));
    if (index >= 0) columnIndex.set(column.key, index + 1);
    else if (!column.isReference && !column.isExportOnly) {
      issues.push(
        issueAt(
          { sheet: spec.name, row: 1, column: null },
          'MISSING_COLUMN',
          `工作表“${spec.name}”缺少列“${column.header}”，请使用导入模板的表头`,
        ),
      );
    }
  }
  const rows: SheetRow<K>[] = [];
  for (const { row, cells } of raw.rows) {
    const values = {} as Record<K, CellValue>;
    let isEmpty = true;
    for (const column of spec.columns) {
      const index = columnIndex.get(column.key);
      const value = index === undefined ? null : (cells[index - 1] ?? null);
      values[column.key] = value;
      if (!column.isReference && !column.isExportOnly && !isBlank(value)) isEmpty = false;
    }
    if (!isEmpty) rows.push({ row, values });
  }
  return { spec, columnIndex, rows };
}

/** Where a column of a row is, for an issue. */
export function locate<K extends string>(sheet: ReadSheet<K>, row: number | null, key: K | null) {
  const column = key === null ? undefined : sheet.spec.columns.find((c) => c.key === key);
  const index = key === null ? undefined : sheet.columnIndex.get(key);
  return {
    sheet: sheet.spec.name,
    row,
    column: column && index !== undefined ? { header: column.header, index } : null,
  };
}
