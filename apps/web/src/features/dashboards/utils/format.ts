import type { CycleKind, DashboardTarget } from '@zeren/contracts';
import type { TFunction } from 'i18next';
import { dayjs } from '@/lib/dayjs';

type Measured = Pick<DashboardTarget, 'measureKind' | 'measureUnit'>;

const trim = (value: number) => String(Number(value.toFixed(2)));

/** A value in the target's own terms: 85%, 120 家, 已完成, 90 分. */
export function formatMeasure(t: TFunction, target: Measured, value: number | null): string {
  if (value === null) return t('dashboards.measure.none');
  switch (target.measureKind) {
    case 'PERCENTAGE':
      return `${trim(value)}%`;
    case 'NUMBER':
      return target.measureUnit ? `${trim(value)} ${target.measureUnit}` : trim(value);
    case 'MILESTONE':
      return value >= 1 ? t('dashboards.measure.done') : t('dashboards.measure.notDone');
    case 'QUALITATIVE':
      return t('dashboards.measure.points', { value: trim(value) });
  }
}

/** 2026年第三季度 → "2026 三季度" on an axis, where space is short. */
export const cycleShort = (t: TFunction, cycle: { year: number; kind: CycleKind }) =>
  t('dashboards.format.cycleShort', { year: cycle.year, kind: t(`dashboards.cycleKind.${cycle.kind}`) });

/** 2026年第三季度. */
export const cycleLong = (t: TFunction, cycle: { year: number; kind: CycleKind }) =>
  t('dashboards.format.cycleLong', { year: cycle.year, kind: t(`dashboards.cycleKindLong.${cycle.kind}`) });

export const formatDay = (t: TFunction, date: string) => dayjs(date).format(t('dashboards.format.day'));

export const formatDateTime = (t: TFunction, iso: string) =>
  dayjs(iso).format(t('dashboards.format.dateTime'));

/** Whole days from today to a due date (negative: overdue). */
export const daysUntil = (date: string) => dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');

/** 3 of 5 → 60; nothing expected → null. */
export const share = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

/** 92.456 → "92.46", 90 → "90"; null → "—". */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return String(Number(value.toFixed(2)));
}

/** 今天 / 昨天 / 3 天前: how long ago, in days, for a figure that should read at a glance. */
export function formatDaysAgo(t: TFunction, iso: string): string {
  const days = dayjs().startOf('day').diff(dayjs(iso).startOf('day'), 'day');
  if (days <= 0) return t('dashboards.format.today');
  if (days === 1) return t('dashboards.format.yesterday');
  return t('dashboards.format.daysAgo', { count: days });
}

/** The note under the chain-gaps figure. */
export function gapsNote(t: TFunction, gaps: { open: number; waived: number }): string {
  if (gaps.open === 0) return t('dashboards.kpi.gapsNone');
  return gaps.waived > 0
    ? t('dashboards.kpi.gapsNote', { waived: gaps.waived })
    : t('dashboards.kpi.gapsOpen');
}

/** A window's end as an office writes it: the last second of a day reads "12月31日 24:00". */
export function formatDeadline(t: TFunction, iso: string): string {
  const at = dayjs(iso);
  if (at.format('HH:mm:ss') === '23:59:59') return `${at.format(t('dashboards.format.monthDay'))} 24:00`;
  return formatDateTime(t, iso);
}
