import type { CategoryProgress, TargetCategory } from '@zeren/contracts';
import { Progress, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { categories, categoryColors, formatPercent } from '@/components/category-progress';
import { useLabels } from '@/lib/labels';
import styles from './dashboard.module.css';

export type RingKey = TargetCategory | 'overall';

interface CategoryRingsProps {
  progress: CategoryProgress;
  /** One or two short lines under a ring: per line (党群线 84%), or how many targets it covers. */
  captions?: Partial<Record<RingKey, string[]>>;
  size?: number;
  testId?: string;
}

/** 三大目标 at a glance: the overall figure and one ring per category, each in its colour. */
export function CategoryRings({ progress, captions, size = 104, testId }: CategoryRingsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { token } = theme.useToken();
  const rings: { key: RingKey; label: string; color: string; value: number | null }[] = [
    {
      key: 'overall',
      label: t('dashboards.common.overall'),
      color: token.colorPrimary,
      value: progress.overall,
    },
    ...categories.map((category) => ({
      key: category,
      label: labels.category(category),
      color: categoryColors[category],
      value: progress[category],
    })),
  ];

  return (
    <ul className={styles.rings} data-testid={testId}>
      {rings.map((ring) => {
        const isOverall = ring.key === 'overall';
        return (
          <li key={ring.key} className={isOverall ? `${styles.ring} ${styles.ringOverall}` : styles.ring}>
            <Progress
              type={isOverall ? 'dashboard' : 'circle'}
              percent={ring.value ?? 0}
              size={isOverall ? size + 20 : size}
              strokeColor={ring.color}
              strokeWidth={isOverall ? 9 : 8}
              status="normal"
              format={() => (
                <span className={styles.ringValue} data-testid={testId && `${testId}-${ring.key}`}>
                  {formatPercent(ring.value, 1)}
                </span>
              )}
              aria-label={`${ring.label} ${formatPercent(ring.value)}`}
            />
            <span className={styles.ringLabel}>{ring.label}</span>
            {captions?.[ring.key] && (
              <span className={styles.ringLines}>
                {captions[ring.key]?.map((caption) => (
                  <span key={caption}>{caption}</span>
                ))}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
