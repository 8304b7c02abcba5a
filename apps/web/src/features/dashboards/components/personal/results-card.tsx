import type { PersonalDashboard } from '@zeren/contracts';
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { trendOption } from '../../utils/chart-options';
import { cycleShort, formatScore } from '../../utils/format';
import { ChartCard } from '../chart/chart-card';
import { useDashboardWiring } from '../shared/dashboard-wiring';
import styles from '../shared/dashboard.module.css';

type Result = PersonalDashboard['results'][number];

/** 我的历次考评: my total per published cycle, oldest to newest; a point opens its result sheet. */
export function ResultsCard({ results, testId }: { results: Result[]; testId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { myResultPath } = useDashboardWiring();
  const title = t('dashboards.personal.results');
  const ordered = useMemo(() => [...results].reverse(), [results]);
  const option = useMemo(() => {
    const totals = ordered.map((result) => result.total);
    const floor = totals.length > 0 ? Math.max(0, Math.floor((Math.min(...totals) - 10) / 10) * 10) : 0;
    return trendOption(
      ordered.map((result) => cycleShort(t, result.cycle)),
      [{ name: t('dashboards.personal.total'), color: '#1f4e8c', values: totals }],
      floor,
    );
  }, [ordered, t]);

  if (results.length === 0) {
    return (
      <Card size="small" title={title} className={styles.fill} data-testid={testId}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.personal.noResults')} />
      </Card>
    );
  }
  return (
    <ChartCard
      title={title}
      testId={testId}
      chart={{
        option,
        height: 220,
        ariaLabel: t('dashboards.personal.resultsAria', {
          summary: ordered.map((r) => `${cycleShort(t, r.cycle)} ${formatScore(r.total)}`).join('，'),
        }),
        onItemClick: ({ dataIndex }) => {
          const result = ordered[dataIndex];
          if (result) void navigate(myResultPath(result.cycle.id));
        },
      }}
      data={{
        columns: [
          { key: 'cycle', title: t('dashboards.trend.cycle') },
          { key: 'total', title: t('dashboards.personal.total'), isNumeric: true },
          { key: 'grade', title: t('dashboards.grades.grade') },
          { key: 'rank', title: t('dashboards.personal.rank'), isNumeric: true },
        ],
        rows: results.map((result) => ({
          key: result.cycle.id,
          cells: {
            cycle: cycleShort(t, result.cycle),
            total: formatScore(result.total),
            grade: t(`evaluations.grade.${result.grade}`),
            rank: `${result.rank} / ${result.rankOf}`,
          },
          links: { cycle: myResultPath(result.cycle.id) },
        })),
      }}
    />
  );
}
