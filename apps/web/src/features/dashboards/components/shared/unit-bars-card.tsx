import type { TargetCategory, UnitProgress } from '@zeren/contracts';
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { categories, categoryColors, formatPercent } from '@/components/category-progress';
import { useLabels } from '@/lib/labels';
import { categoriesWithData, groupedBarOption } from '../../utils/chart-options';
import { ChartCard } from '../chart/chart-card';
import { useDashboardWiring } from './dashboard-wiring';
import styles from './dashboard.module.css';

/** Units side by side, one bar per category: which of my units lags in what. A bar opens the unit's targets. */
export function UnitBarsCard({
  units,
  year,
  testId,
}: {
  units: UnitProgress[];
  year: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const { unitTargetsPath } = useDashboardWiring();
  const title = t('dashboards.unitBars.title');
  const categoryLabels = useMemo(
    () =>
      Object.fromEntries(categories.map((c) => [c, labels.category(c)])) as Record<TargetCategory, string>,
    [labels],
  );
  const option = useMemo(
    () =>
      groupedBarOption(
        units.map((unit) => ({ name: unit.unit.name, values: unit.progress })),
        categoryLabels,
      ),
    [units, categoryLabels],
  );

  const shownCategories = categoriesWithData(
    units.map((unit) => ({ name: unit.unit.name, values: unit.progress })),
  );
  if (units.length === 0) {
    return (
      <Card size="small" title={title} className={styles.fill} data-testid={testId}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.unitBars.empty')} />
      </Card>
    );
  }
  return (
    <ChartCard
      title={
        <span>
          {title}
          <span className={styles.cardSubtitle}>{t('dashboards.unitBars.hint')}</span>
        </span>
      }
      caption={title}
      testId={testId}
      legend={shownCategories.map((category) => ({
        label: categoryLabels[category],
        color: categoryColors[category],
      }))}
      chart={{
        option,
        height: 280,
        ariaLabel: t('dashboards.unitBars.aria', {
          summary: units
            .map((unit) => `${unit.unit.name} ${formatPercent(unit.progress.overall, 0)}`)
            .join('，'),
        }),
        testId: testId && `${testId}-chart`,
        onItemClick: ({ seriesIndex, dataIndex }) => {
          const unit = units[dataIndex];
          if (unit) void navigate(unitTargetsPath(unit.unit.id, year, shownCategories[seriesIndex]));
        },
      }}
      data={{
        columns: [
          { key: 'unit', title: t('dashboards.heatmap.unit') },
          ...categories.map((category) => ({
            key: category,
            title: categoryLabels[category],
            isNumeric: true,
          })),
          { key: 'overall', title: t('dashboards.common.overall'), isNumeric: true },
        ],
        rows: units.map((unit) => ({
          key: unit.unit.id,
          cells: {
            unit: unit.unit.name,
            ...Object.fromEntries(categories.map((c) => [c, formatPercent(unit.progress[c])])),
            overall: formatPercent(unit.progress.overall),
          },
          links: {
            unit: unitTargetsPath(unit.unit.id, year),
            ...Object.fromEntries(categories.map((c) => [c, unitTargetsPath(unit.unit.id, year, c)])),
          },
        })),
      }}
    />
  );
}
