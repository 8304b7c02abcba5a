import type { CycleSummary, Grade } from '@zeren/contracts';
import { Card, Empty, Progress } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '@/components/category-progress';
import { gradeChartColors, gradeDonutOption, grades } from '../../utils/chart-options';
import { cycleLong } from '../../utils/format';
import { ChartCard } from '../chart/chart-card';
import styles from './dashboard.module.css';

interface GradeCardProps {
  grades: {
    cycle: CycleSummary;
    evaluees: number;
    byGrade: Record<Grade, number>;
    /** Bureau-wide 优秀 places, their use, and who was cut by the quota (tier 1 only). */
    excellentQuota?: number;
    quotaCut?: number;
    vetoed?: number;
  } | null;
  testId?: string;
}

/** 等次分布 of the latest published cycle, and how much of the 优秀 quota it used. */
export function GradeCard({ grades: data, testId }: GradeCardProps) {
  const { t } = useTranslation();
  const gradeLabels = useMemo(
    () =>
      Object.fromEntries(grades.map((grade) => [grade, t(`evaluations.grade.${grade}`)])) as Record<
        Grade,
        string
      >,
    [t],
  );
  const option = useMemo(
    () =>
      data &&
      gradeDonutOption(data.byGrade, gradeLabels, {
        value: String(data.evaluees),
        label: t('dashboards.grades.people'),
      }),
    [data, gradeLabels, t],
  );
  const title = t('dashboards.grades.title');

  if (!data || !option) {
    return (
      <Card size="small" title={title} className={styles.fill} data-testid={testId}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.grades.empty')} />
      </Card>
    );
  }

  const cycle = cycleLong(t, data.cycle);
  const quota = data.excellentQuota;
  const used = data.byGrade.EXCELLENT;
  return (
    <ChartCard
      title={
        <span>
          {title}
          <span className={styles.cardSubtitle}>{cycle}</span>
        </span>
      }
      caption={`${title}（${cycle}）`}
      testId={testId}
      legend={grades.map((grade) => ({
        label: gradeLabels[grade],
        color: gradeChartColors[grade],
        value: data.byGrade[grade],
      }))}
      chart={{
        option,
        height: 190,
        ariaLabel: t('dashboards.grades.aria', {
          cycle,
          summary: grades.map((grade) => `${gradeLabels[grade]} ${data.byGrade[grade]}`).join('，'),
        }),
      }}
      data={{
        columns: [
          { key: 'grade', title: t('dashboards.grades.grade') },
          { key: 'count', title: t('dashboards.grades.count'), isNumeric: true },
          { key: 'share', title: t('dashboards.grades.share'), isNumeric: true },
        ],
        rows: grades.map((grade) => ({
          key: grade,
          cells: {
            grade: gradeLabels[grade],
            count: data.byGrade[grade],
            share: formatPercent(data.evaluees > 0 ? (data.byGrade[grade] / data.evaluees) * 100 : null),
          },
        })),
      }}
      footer={
        quota !== undefined && (
          <div className={styles.quota}>
            <span className={styles.quotaLabel}>{t('dashboards.grades.quota')}</span>
            <Progress
              percent={quota > 0 ? (used / quota) * 100 : 0}
              showInfo={false}
              size={{ height: 8 }}
              strokeColor="#d48806"
              status="normal"
              aria-label={t('dashboards.grades.quotaUse', { used, quota })}
            />
            <span className={styles.quotaValue}>{t('dashboards.grades.quotaUse', { used, quota })}</span>
            {(data.quotaCut ?? 0) + (data.vetoed ?? 0) > 0 && (
              <span className={styles.quotaNote}>
                {t('dashboards.grades.quotaNote', { cut: data.quotaCut ?? 0, vetoed: data.vetoed ?? 0 })}
              </span>
            )}
          </div>
        )
      }
    />
  );
}
