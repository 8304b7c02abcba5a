import type { CycleKind, CycleSummary, MeasureKind } from '@zeren/contracts';
import type { TFunction } from 'i18next';
import { dayjs } from '@/lib/dayjs';

export const cycleKinds: readonly CycleKind[] = ['Q1', 'Q2', 'Q3', 'Q4', 'ANNUAL'];

/** 2026年第三季度 / 2026年度考核. */
export const cycleTitle = (t: TFunction, cycle: Pick<CycleSummary, 'year' | 'kind'>) =>
  t('evaluations.cycleTitle', { year: cycle.year, kind: t(`evaluations.cycleKind.${cycle.kind}`) });

/** 92.5 → "92.5", 90 → "90", 92.456 → "92.46"; null → "—". */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return String(Number(value.toFixed(2)));
}

/** A computed result as an office prints it, always two decimals so columns line up: 90.2 → "90.20". */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toFixed(2);
}

/** A signed amount for adjustments: +3 / −2. */
export const formatSigned = (value: number, sign: '+' | '−') => `${sign}${formatScore(value)}`;

/**
 * A deadline as an office writes it: the last second of a day reads "12月31日 24:00" (the
 * window closes at the end of that day), anything else with its time.
 */
export function formatDeadline(t: TFunction, iso: string): string {
  const at = dayjs(iso);
  if (at.format('HH:mm:ss') === '23:59:59') return `${at.format(t('evaluations.format.monthDay'))} 24:00`;
  return at.format(`${t('evaluations.format.monthDay')} HH:mm`);
}

export const formatDateTime = (t: TFunction, iso: string | null | undefined) =>
  iso ? dayjs(iso).format(t('evaluations.format.dateTime')) : '—';

export const formatDate = (t: TFunction, iso: string | null | undefined) =>
  iso ? dayjs(iso).format(t('evaluations.format.date')) : '—';

/** A window "2026年11月1日 – 12月31日 24:00". */
export function formatWindow(t: TFunction, start: string | null, end: string | null): string {
  if (!start || !end) return t('evaluations.cycles.noWindow');
  return `${formatDate(t, start)} – ${formatDeadline(t, end)}`;
}

/** A target's latest value against its goal, in its own terms: 92% / 95%, 4 / 4 篇, 已完成, 90 / 100 分. */
export function formatTargetValue(
  t: TFunction,
  target: { measureKind: MeasureKind; measureUnit: string | null; goal: number; latestValue: number | null },
): string {
  const { latestValue: value, goal } = target;
  if (value === null) return t('evaluations.panel.noProgress');
  switch (target.measureKind) {
    case 'PERCENTAGE':
      return `${formatScore(value)}% / ${formatScore(goal)}%`;
    case 'NUMBER':
      return `${formatScore(value)} / ${formatScore(goal)}${target.measureUnit ? ` ${target.measureUnit}` : ''}`;
    case 'MILESTONE':
      return value >= 1 ? t('evaluations.panel.done') : t('evaluations.panel.notDone');
    case 'QUALITATIVE':
      return t('evaluations.panel.points', { value: formatScore(value), goal: formatScore(goal) });
  }
}

/**
 * The consequence without the bonus coefficient, which screens show in its own column. The API
 * writes both into the text ("绩效奖金系数 1.20；年度嘉奖") although the contract describes only the
 * commendation or talk; this keeps the coefficient from showing twice either way.
 */
export function consequenceText(text: string | null): string | null {
  if (!text) return null;
  const rest = text
    .split('；')
    .filter((part) => !/^绩效奖金系数/.test(part.trim()))
    .join('；');
  return rest || null;
}
