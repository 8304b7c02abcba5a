import type { TargetDetail } from '@zeren/contracts';
import { Alert, Card, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '@/components/category-progress';
import { formatGoal, formatMeasureValue } from '../utils/measure';
import { ProgressForm } from './progress-form';
import styles from './progress-panel.module.css';

/** How far the target is, and — for whoever may — the form to record more. */
export function ProgressPanel({ target }: { target: TargetDetail }) {
  const { t } = useTranslation();
  const isDecomposed = target.childCount > 0;
  const isArchived = target.status === 'ARCHIVED';
  const canRecord = target.permissions.canRecordProgress && !isDecomposed && !isArchived;

  return (
    <>
      <Card title={t('targets.progress.current')} size="small">
        <div className={styles.figure}>
          <span className={styles.value} data-testid="target-progress-value">
            {formatPercent(target.progress, 2)}
          </span>
          <span className={styles.caption}>
            {isDecomposed
              ? t('targets.progress.rolledUpFrom', { count: target.childCount })
              : t('targets.progress.latestOfGoal', {
                  value: formatMeasureValue(t, target, target.latestValue),
                  goal: formatGoal(t, target),
                })}
          </span>
        </div>
        <Progress
          percent={target.progress}
          showInfo={false}
          strokeColor={target.isAtRisk ? '#d4690b' : target.progress >= 100 ? '#389e0d' : undefined}
          aria-label={formatPercent(target.progress, 2)}
        />
        {target.isAtRisk && !isArchived && (
          <Alert className={styles.alert} type="warning" showIcon title={t('targets.progress.atRiskHint')} />
        )}
      </Card>
      {canRecord ? (
        <ProgressForm target={target} />
      ) : isDecomposed && !isArchived && target.permissions.canRecordProgress ? (
        <Alert type="info" showIcon title={t('targets.progress.decomposedHint')} />
      ) : null}
    </>
  );
}
