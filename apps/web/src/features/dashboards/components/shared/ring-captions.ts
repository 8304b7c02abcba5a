import type { DashboardTarget, LineProgress } from '@zeren/contracts';
import type { TFunction } from 'i18next';
import { categories, formatPercent } from '@/components/category-progress';
import type { RingKey } from './category-rings';

type LineLabel = (line: LineProgress['line']) => string;

/** Under each category's ring, the line(s) carrying it: 党群线 84% (两条主线; the overall per line is in LineBars). */
export function lineCaptions(
  lines: LineProgress[],
  lineLabel: LineLabel,
): Partial<Record<RingKey, string[]>> {
  const captionsFor = (key: RingKey) =>
    lines
      .filter((line) => line.progress[key] !== null)
      .map((line) => `${lineLabel(line.line)} ${formatPercent(line.progress[key], 0)}`);
  return Object.fromEntries(categories.map((key) => [key, captionsFor(key)]));
}

/** Under each ring, how many targets it sums up and how many lag: 4 项 · 1 项滞后. */
export function targetCaptions(t: TFunction, targets: DashboardTarget[]): Partial<Record<RingKey, string[]>> {
  const captionFor = (items: DashboardTarget[]) => {
    const atRisk = items.filter((target) => target.isAtRisk).length;
    return [
      atRisk > 0
        ? t('dashboards.rings.targetsAtRisk', { count: items.length, atRisk })
        : t('dashboards.rings.targets', { count: items.length }),
    ];
  };
  return {
    overall: captionFor(targets),
    ...Object.fromEntries(
      categories.map((category) => [
        category,
        captionFor(targets.filter((target) => target.category === category)),
      ]),
    ),
  };
}
