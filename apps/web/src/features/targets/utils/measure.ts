import type { MeasureKind, TargetSummary } from '@zeren/contracts';
import type { TFunction } from 'i18next';

type Measured = Pick<TargetSummary, 'measureKind' | 'measureUnit' | 'goal' | 'baseline'>;

const trim = (value: number) => String(Number(value.toFixed(2)));

/** A recorded value in the target's own terms: 85%, 120 家, 已完成, 90 分. */
export function formatMeasureValue(t: TFunction, target: Measured, value: number | null): string {
  if (value === null) return t('targets.measure.noValue');
  switch (target.measureKind) {
    case 'PERCENTAGE':
      return `${trim(value)}%`;
    case 'NUMBER':
      return target.measureUnit ? `${trim(value)} ${target.measureUnit}` : trim(value);
    case 'MILESTONE':
      return value >= 1 ? t('targets.measure.done') : t('targets.measure.notDone');
    case 'QUALITATIVE':
      return t('targets.measure.points', { value: trim(value) });
  }
}

/** The goal, read as a sentence fragment: 达到 95% / 完成 240 家 / 按期完成 / 评价 100 分. */
export function formatGoal(t: TFunction, target: Measured): string {
  switch (target.measureKind) {
    case 'MILESTONE':
      return t('targets.measure.goalMilestone');
    case 'NUMBER':
      if (target.baseline !== 0 && target.baseline !== target.goal)
        return t('targets.measure.goalFromBaseline', {
          baseline: formatMeasureValue(t, target, target.baseline),
          goal: formatMeasureValue(t, target, target.goal),
        });
      return formatMeasureValue(t, target, target.goal);
    default:
      return formatMeasureValue(t, target, target.goal);
  }
}

export const measureKinds: readonly MeasureKind[] = ['PERCENTAGE', 'NUMBER', 'MILESTONE', 'QUALITATIVE'];

/** Goals that the measure kind fixes: a milestone is done (1), a judgement is out of 100. */
export function fixedGoal(kind: MeasureKind): number | undefined {
  if (kind === 'MILESTONE') return 1;
  if (kind === 'QUALITATIVE') return 100;
  return undefined;
}
