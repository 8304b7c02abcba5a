// Reading one cell of an imported workbook: the words the sheets use (Chinese, as the templates show
// them in their drop-down lists), numbers, dates and yes/no. Each reader answers a value or the
// Chinese reason it is not one; the sheet validators turn reasons into located issues.
import { LINES, LINE_LABELS, MEASURE_KINDS, MEASURE_KIND_LABELS, TARGET_CATEGORIES } from '../vocabulary';
import { TARGET_CATEGORY_LABELS, TIER_LABELS } from '../vocabulary';
import type { Line, MeasureKind, TargetCategory, Tier } from '../vocabulary';
import type { ImportIssueCode } from './issues';

/** What the API hands over per cell: text, number, boolean, a date (exceljs gives UTC midnight) or empty. */
export type CellValue = string | number | boolean | Date | null;

export type CellResult<T> = { ok: true; value: T } | { ok: false; code: ImportIssueCode; message: string };
const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(code: ImportIssueCode, message: string): CellResult<T> => ({ ok: false, code, message });

/** 组织单元类型, as the roster's 部门类型 column shows them. */
export type UnitKind =
  | 'LEADERSHIP'
  | 'SECTION'
  | 'PARTY_BRANCH'
  | 'PARTY_GROUP'
  | 'UNION'
  | 'YOUTH_LEAGUE'
  | 'WOMENS_FEDERATION'
  | 'ASSESSMENT_GROUP';
export const UNIT_KINDS = [
  'LEADERSHIP',
  'SECTION',
  'PARTY_BRANCH',
  'PARTY_GROUP',
  'UNION',
  'YOUTH_LEAGUE',
  'WOMENS_FEDERATION',
  'ASSESSMENT_GROUP',
] as const satisfies readonly UnitKind[];
/** The same words as the web's labels (locales unitKind). */
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  LEADERSHIP: '局领导',
  SECTION: '科室',
  PARTY_BRANCH: '党支部',
  PARTY_GROUP: '党小组',
  UNION: '工会',
  YOUTH_LEAGUE: '共青团',
  WOMENS_FEDERATION: '妇委会',
  ASSESSMENT_GROUP: '考核督导组',
};

/** 所属主线 as one cell: one line, or both joined by 、. */
export const LINE_SET_LABELS = [
  LINE_LABELS.ADMINISTRATIVE,
  LINE_LABELS.PARTY,
  `${LINE_LABELS.ADMINISTRATIVE}、${LINE_LABELS.PARTY}`,
] as const;
export const YES = '是';
export const NO = '否';
export const GENDERS = ['男', '女'] as const;

export const isBlank = (value: CellValue): boolean =>
  value === null || (typeof value === 'string' && value.trim() === '');

/** Text as a person typed it: trimmed; numbers as written (工号 0123 typed as text stays text). */
export function readText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return toDateOnly(value);
  if (typeof value === 'boolean') return value ? YES : NO;
  return String(value).trim();
}

function byLabel<T extends string>(
  labels: Readonly<Record<T, string>>,
  values: readonly T[],
  what: string,
): (value: CellValue) => CellResult<T> {
  return (value) => {
    const text = readText(value);
    const found = values.find((v) => labels[v] === text || v === text.toUpperCase());
    if (found !== undefined) return ok(found);
    return fail('INVALID_VALUE', `${what}“${text}”无效，应为：${values.map((v) => labels[v]).join('、')}`);
  };
}

export const readCategory: (value: CellValue) => CellResult<TargetCategory> = byLabel(
  TARGET_CATEGORY_LABELS,
  TARGET_CATEGORIES,
  '目标类别',
);
export const readLine: (value: CellValue) => CellResult<Line> = byLabel(LINE_LABELS, LINES, '主线');
export const readMeasureKind: (value: CellValue) => CellResult<MeasureKind> = byLabel(
  MEASURE_KIND_LABELS,
  MEASURE_KINDS,
  '计量方式',
);
export const readUnitKind: (value: CellValue) => CellResult<UnitKind> = byLabel(
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  '部门类型',
);

/** 行政线 / 党群线 / 行政线、党群线 (also separated by , ， / or spaces). */
export function readLines(value: CellValue): CellResult<Line[]> {
  const text = readText(value);
  const parts = text.split(/[、,，/\s]+/).filter(Boolean);
  const lines: Line[] = [];
  for (const part of parts) {
    const line = readLine(part);
    if (!line.ok || lines.includes(line.value)) {
      return fail('INVALID_VALUE', `所属主线“${text}”无效，应为：${LINE_SET_LABELS.join(' 或 ')}`);
    }
    lines.push(line.value);
  }
  if (lines.length === 0) return fail('REQUIRED', '所属主线不能为空');
  return ok(LINES.filter((l) => lines.includes(l)));
}

/** 责任层级: 1–4, also written 一级…四级 or 1级. */
export function readTier(value: CellValue): CellResult<Tier> {
  const text = readText(value);
  const fromLabel = (Object.entries(TIER_LABELS) as [string, string][]).find(([, label]) => label === text);
  const n = fromLabel ? Number(fromLabel[0]) : Number(text.replace(/级$/, ''));
  if (text === '' || !Number.isFinite(n)) return fail('TIER_OUT_OF_RANGE', `责任层级“${text}”无效，应为 1–4`);
  if (!Number.isInteger(n) || n < 1 || n > 4) {
    return fail('TIER_OUT_OF_RANGE', `责任层级 ${text} 超出范围，应为 1–4（一级至四级）`);
  }
  return ok(n as Tier);
}

/** A number typed as a number or as text ("30", "30.5"); never NaN or ±Infinity. */
export function readNumber(
  value: CellValue,
  what: string,
  range?: { min: number; max: number },
): CellResult<number> {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value.trim())
        : NaN;
  if (!Number.isFinite(n)) return fail('BAD_NUMBER', `${what}“${readText(value)}”不是有效的数字`);
  if (range && (n < range.min || n > range.max)) {
    return fail('BAD_NUMBER', `${what} ${n} 超出范围，应在 ${range.min}–${range.max} 之间`);
  }
  return ok(n);
}

export function readInteger(
  value: CellValue,
  what: string,
  range: { min: number; max: number },
): CellResult<number> {
  const n = readNumber(value, what, range);
  if (n.ok && !Number.isInteger(n.value)) return fail('BAD_NUMBER', `${what}应为整数`);
  return n;
}

/** 是 / 否 (also TRUE / FALSE); empty is 否. */
export function readYesNo(value: CellValue, what: string): CellResult<boolean> {
  if (typeof value === 'boolean') return ok(value);
  const text = readText(value);
  if (text === '' || text === NO || /^false$/i.test(text)) return ok(false);
  if (text === YES || /^true$/i.test(text)) return ok(true);
  return fail('INVALID_VALUE', `${what}“${text}”无效，应为“是”或“否”`);
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as YYYY-MM-DD of its UTC calendar day, rounded to the nearest day (Excel's float error). */
function toDateOnly(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / DAY_MS) * DAY_MS);
  return `${rounded.getUTCFullYear()}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
}

/** Excel's serial day 1 = 1900-01-01 (with the 1900 leap-year bug): 25569 = 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;
/** Serials of 1950-01-01 and 2100-12-31: a bare number outside is not taken for a date. */
const SERIAL_RANGE = { min: 18_264, max: 73_415 };

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date: a real Excel date, or text YYYY-MM-DD (also YYYY/MM/DD, YYYY.MM.DD, 2026年12月31日),
 * or an Excel serial number of a date-less cell. Answers YYYY-MM-DD within `years` (default 2000–2100).
 */
export function readDate(
  value: CellValue,
  what: string,
  years: { min: number; max: number } = { min: 2000, max: 2100 },
): CellResult<string> {
  let text: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail('BAD_DATE', `${what}不是有效的日期`);
    text = toDateOnly(value);
  } else if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < SERIAL_RANGE.min || value > SERIAL_RANGE.max) {
      return fail('BAD_DATE', `${what}“${value}”不是有效的日期，请填写 YYYY-MM-DD 格式（如 2026-12-31）`);
    }
    text = toDateOnly(new Date((value - EXCEL_EPOCH_OFFSET) * DAY_MS));
  } else {
    text = readText(value);
  }
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match)
    return fail('BAD_DATE', `${what}“${text}”不是有效的日期，请填写 YYYY-MM-DD 格式（如 2026-12-31）`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(y, m, d)) return fail('BAD_DATE', `${what}“${text}”不是日历上存在的日期`);
  if (y < years.min || y > years.max) {
    return fail('BAD_DATE', `${what}“${text}”的年份应在 ${years.min}–${years.max} 之间`);
  }
  return ok(`${y}-${pad(m)}-${pad(d)}`);
}
