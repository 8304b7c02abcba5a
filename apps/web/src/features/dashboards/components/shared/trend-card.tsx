import type { TrendPoint } from '@zeren/contracts';
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { trendOption } from '../../utils/chart-options';
import { cycleShort, formatScore } from '../../utils/format';
import { ChartCard } from '../chart/chart-card';
import styles from './dashboard.module.css';

const colors = { total: '#1f4e8c', completion: '#13897f' };

/** 季度趋势: the mean total of the evaluees and the mean target completion, per published quarter. */
export function TrendCard({ trend, testId }: { trend: TrendPoint[]; testId?: string }) {
  const { t } = useTranslation();
  const title = t('dashboards.trend.title');
  const option = useMemo(() => {
    const periods = trend.map((point) => cycleShort(t, point.cycle));
    const values = trend
      .flatMap((point) => [point.meanTotal, point.meanCompletion])
      .filter((v) => v !== null);
    // Totals cluster at 80–95: a floor under them shows the movement instead of a flat line.
    const floor = values.length > 0 ? Math.max(0, Math.floor((Math.min(...values) - 10) / 10) * 10) : 0;
    return trendOption(
      periods,
      [
        { name: t('dashboards.trend.meanTotal'), color: colors.total, values: trend.map((p) => p.meanTotal) },
        {
          name: t('dashboards.trend.meanCompletion'),
          color: colors.completion,
          values: trend.map((p) => p.meanCompletion),
        },
      ],
      floor,
    );
  }, [trend, t]);

  const hasTotals = trend.some((point) => point.meanTotal !== null);
  const hasCompletion = trend.some((point) => point.meanCompletion !== null);
  if (trend.length === 0) {
    return (
      <Card size="small" title={title} className={styles.fill} data-testid={testId}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.trend.empty')} />
      </Card>
    );
  }
  return (
    <ChartCard
      title={title}
      testId={testId}
      legend={[
        { label: t('dashboards.trend.meanTotal'), color: colors.total, isLine: true, hasData: hasTotals },
        {
          label: t('dashboards.trend.meanCompletion'),
          color: colors.completion,
          isLine: true,
          hasData: hasCompletion,
        },
      ]
        .filter((item) => item.hasData)
        .map(({ hasData: _, ...item }) => item)}
      chart={{
        option,
        height: 220,
        ariaLabel: t('dashboards.trend.aria', {
          summary: trend
            .map((point) => `${cycleShort(t, point.cycle)} ${formatScore(point.meanTotal)}`)
            .join('，'),
        }),
      }}
      data={{
        columns: [
          { key: 'cycle', title: t('dashboards.trend.cycle') },
          { key: 'evaluees', title: t('dashboards.trend.evaluees'), isNumeric: true },
          { key: 'meanTotal', title: t('dashboards.trend.meanTotal'), isNumeric: true },
          { key: 'meanCompletion', title: t('dashboards.trend.meanCompletion'), isNumeric: true },
        ],
        rows: trend.map((point) => ({
          key: point.cycle.id,
          cells: {
            cycle: cycleShort(t, point.cycle),
            evaluees: point.evaluees,
            meanTotal: formatScore(point.meanTotal),
            meanCompletion: point.meanCompletion === null ? '—' : `${formatScore(point.meanCompletion)}%`,
          },
        })),
      }}
    />
  );
}
