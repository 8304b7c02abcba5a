import type { CategoryProgress, TargetCategory } from '@zeren/contracts';
import { Progress, Tag, Tooltip } from 'antd';
import { useLabels } from '@/lib/labels';
import styles from './category-progress.module.css';

/**
 * One colour per target category on every screen: party red for ideological work (as in any
 * Chinese office's 党建 materials), the theme's blue for business, teal for organ management.
 */
export const categoryColors: Record<TargetCategory, string> = {
  IDEOLOGICAL: '#c0392b',
  BUSINESS: '#1f4e8c',
  MANAGEMENT: '#117a70',
};

export const categories: readonly TargetCategory[] = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'];

/** 62.456 → "62.5%"; null (nothing to measure) → "—". */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${Number(value.toFixed(digits))}%`;
}

export function CategoryTag({ category }: { category: TargetCategory }) {
  const labels = useLabels();
  return (
    <Tag color={categoryColors[category]} className={styles.tag}>
      {labels.category(category)}
    </Tag>
  );
}

interface ProgressBarProps {
  value: number | null;
  color?: string;
  /** Behind the elapsed share of the year: the bar turns orange. */
  isAtRisk?: boolean;
  width?: number;
}

/** A thin bar with the percentage beside it. */
export function ProgressBar({ value, color, isAtRisk = false, width }: ProgressBarProps) {
  const strokeColor = isAtRisk ? '#d4690b' : color;
  return (
    <Progress
      className={styles.bar}
      percent={value ?? 0}
      size={width ? { width, height: 6 } : 'small'}
      strokeColor={value !== null && value >= 100 ? '#389e0d' : strokeColor}
      status="normal"
      format={() => formatPercent(value)}
      aria-label={formatPercent(value)}
    />
  );
}

/**
 * Progress per category, each in its colour. `compact` for tree rows under a header that names
 * the categories: thin bars, no labels, the full name in a tooltip.
 */
export function CategoryProgressBars({
  progress,
  compact = false,
}: {
  progress: CategoryProgress;
  compact?: boolean;
}) {
  const labels = useLabels();
  return (
    <div className={compact ? `${styles.bars} ${styles.compact}` : styles.bars}>
      {categories.map((category) => {
        const value = progress[category];
        return (
          <Tooltip key={category} title={`${labels.category(category)}：${formatPercent(value)}`}>
            <div className={styles.item}>
              {!compact && <span className={styles.label}>{labels.category(category)}</span>}
              <Progress
                percent={value ?? 0}
                showInfo={false}
                size={{ height: compact ? 5 : 8 }}
                strokeColor={categoryColors[category]}
                status="normal"
                aria-label={`${labels.category(category)} ${formatPercent(value)}`}
              />
              <span className={styles.value}>{formatPercent(value, 0)}</span>
            </div>
          </Tooltip>
        );
      })}
    </div>
  );
}
