import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import styles from './weight-sum.module.css';

/** Weights are compared at 2 decimals, like the gap check (33.33 + 33.33 + 33.34 is complete). */
export const roundWeight = (value: number) => Math.round(value * 100) / 100;

/** 权重合计: exactly 100 is a complete decomposition; anything else is a gap in the chain. */
export function WeightSum({ sum, childCount }: { sum: number; childCount: number }) {
  const { t } = useTranslation();
  const total = roundWeight(sum);
  const state = total === 100 ? 'complete' : total < 100 ? 'under' : 'over';
  return (
    <div className={styles.sum} data-testid="weight-sum" data-state={state} role="status" aria-live="polite">
      <span>
        {t('targets.decompose.weightSum')}
        <strong className={styles[state]}>{total}</strong>
        <span className={styles.of}>/ 100</span>
      </span>
      {childCount > 0 &&
        (state === 'complete' ? (
          <Tag color="success">{t('targets.decompose.complete')}</Tag>
        ) : state === 'under' ? (
          <Tag color="warning">{t('targets.decompose.under', { missing: roundWeight(100 - total) })}</Tag>
        ) : (
          <Tag color="warning">{t('targets.decompose.over', { extra: roundWeight(total - 100) })}</Tag>
        ))}
    </div>
  );
}
