// The domain's words, as string literals that mirror the API contracts, with the Chinese labels
// the UI and the error messages use. Constant arrays keep a fixed, meaningful order.

/** 四级责任: 1 = party secretary / director … 4 = party members and staff. */
export type Tier = 1 | 2 | 3 | 4;
export const TIERS = [1, 2, 3, 4] as const satisfies readonly Tier[];

/** 两条主线. */
export type Line = 'ADMINISTRATIVE' | 'PARTY';
export const LINES = ['ADMINISTRATIVE', 'PARTY'] as const satisfies readonly Line[];

/** 三大目标. */
export type TargetCategory = 'IDEOLOGICAL' | 'BUSINESS' | 'MANAGEMENT';
export const TARGET_CATEGORIES = [
  'IDEOLOGICAL',
  'BUSINESS',
  'MANAGEMENT',
] as const satisfies readonly TargetCategory[];

export type MeasureKind = 'PERCENTAGE' | 'NUMBER' | 'MILESTONE' | 'QUALITATIVE';
export const MEASURE_KINDS = [
  'PERCENTAGE',
  'NUMBER',
  'MILESTONE',
  'QUALITATIVE',
] as const satisfies readonly MeasureKind[];

/** Ordered best → worst. */
export type Grade = 'EXCELLENT' | 'COMPETENT' | 'BASICALLY_COMPETENT' | 'INCOMPETENT';
export const GRADES = [
  'EXCELLENT',
  'COMPETENT',
  'BASICALLY_COMPETENT',
  'INCOMPETENT',
] as const satisfies readonly Grade[];

/** In lifecycle order. */
export type CycleStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'PUBLISHED';
export const CYCLE_STATUSES = [
  'DRAFT',
  'OPEN',
  'CLOSED',
  'PUBLISHED',
] as const satisfies readonly CycleStatus[];

/** 平时考核 Q1–Q4 and 年度考核. */
export type CycleKind = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'ANNUAL';
export const CYCLE_KINDS = ['Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL'] as const satisfies readonly CycleKind[];

export type QuarterKind = Exclude<CycleKind, 'ANNUAL'>;
export const QUARTER_KINDS = ['Q1', 'Q2', 'Q3', 'Q4'] as const satisfies readonly QuarterKind[];

export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  1: '一级',
  2: '二级',
  3: '三级',
  4: '四级',
};

export const LINE_LABELS: Readonly<Record<Line, string>> = {
  ADMINISTRATIVE: '行政线',
  PARTY: '党群线',
};

export const TARGET_CATEGORY_LABELS: Readonly<Record<TargetCategory, string>> = {
  IDEOLOGICAL: '思想政治工作',
  BUSINESS: '业务工作',
  MANAGEMENT: '机关管理',
};

export const MEASURE_KIND_LABELS: Readonly<Record<MeasureKind, string>> = {
  PERCENTAGE: '百分比',
  NUMBER: '数值',
  MILESTONE: '节点完成',
  QUALITATIVE: '定性评价',
};

export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  EXCELLENT: '优秀',
  COMPETENT: '称职',
  BASICALLY_COMPETENT: '基本称职',
  INCOMPETENT: '不称职',
};

export const CYCLE_STATUS_LABELS: Readonly<Record<CycleStatus, string>> = {
  DRAFT: '草稿',
  OPEN: '评分中',
  CLOSED: '已截止',
  PUBLISHED: '已发布',
};

export const CYCLE_KIND_LABELS: Readonly<Record<CycleKind, string>> = {
  Q1: '第一季度',
  Q2: '第二季度',
  Q3: '第三季度',
  Q4: '第四季度',
  ANNUAL: '年度',
};

/** True for the quarterly kinds (平时考核). */
export function isQuarterKind(kind: CycleKind): kind is QuarterKind {
  return kind !== 'ANNUAL';
}
