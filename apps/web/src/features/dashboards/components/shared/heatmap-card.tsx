import type { TargetCategory, UnitProgress } from '@zeren/contracts';
import { Card, Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { categories, formatPercent } from '@/components/category-progress';
import { useLabels } from '@/lib/labels';
import { completionBands, heatmapOption } from '../../utils/chart-options';
import { ChartCard } from '../chart/chart-card';
import { useDashboardWiring } from './dashboard-wiring';
import styles from './dashboard.module.css';

type Column = TargetCategory | 'overall';

/** Units × 三大目标: where the bureau is ahead and where it lags; a cell opens that unit's targets. */
export function HeatmapCard({
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
  const title = t('dashboards.heatmap.title');

  const columns = useMemo(
    () => [
      // Short names on the axis (English ones are long); the table below has the full ones.
      ...categories.map((category) => ({
        key: category as Column,
        label: t(`dashboards.categoryShort.${category}`),
        fullLabel: labels.category(category),
      })),
      {
        key: 'overall' as Column,
        label: t('dashboards.common.overall'),
        fullLabel: t('dashboards.common.overall'),
      },
    ],
    [labels, t],
  );
  const option = useMemo(
    () =>
      heatmapOption(
        units.map((unit) => ({ name: unit.unit.name, values: unit.progress })),
        columns,
      ),
    [units, columns],
  );

  if (units.length === 0) {
    return (
      <Card size="small" title={title} className={styles.fill} data-testid={testId}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.heatmap.empty')} />
      </Card>
    );
  }

  const pathFor = (unitId: string, column: Column) =>
    unitTargetsPath(unitId, year, column === 'overall' ? undefined : column);

  return (
    <ChartCard
      title={
        <span>
          {title}
          <span className={styles.cardSubtitle}>{t('dashboards.heatmap.hint')}</span>
        </span>
      }
      caption={title}
      testId={testId}
      legend={completionBands.map((band, index) => ({
        label:
          index === completionBands.length - 1
            ? t('dashboards.heatmap.bandTop', { min: band.min })
            : t('dashboards.heatmap.band', { min: band.min, max: band.max }),
        color: band.color,
      }))}
      chart={{
        option,
        height: Math.max(200, units.length * 28 + 30),
        ariaLabel: t('dashboards.heatmap.aria', { count: units.length }),
        testId: testId && `${testId}-chart`,
        onItemClick: ({ dataIndex }) => {
          const unit = units[Math.floor(dataIndex / columns.length)];
          const column = columns[dataIndex % columns.length];
          if (unit && column) void navigate(pathFor(unit.unit.id, column.key));
        },
      }}
      data={{
        columns: [
          { key: 'unit', title: t('dashboards.heatmap.unit') },
          ...columns.map((column) => ({ key: column.key, title: column.fullLabel, isNumeric: true })),
          { key: 'targets', title: t('dashboards.heatmap.targets'), isNumeric: true },
        ],
        rows: units.map((unit) => ({
          key: unit.unit.id,
          cells: {
            unit: unit.unit.name,
            ...Object.fromEntries(
              columns.map((column) => [column.key, formatPercent(unit.progress[column.key])]),
            ),
            targets: unit.targetCount,
          },
          links: Object.fromEntries([
            ['unit', pathFor(unit.unit.id, 'overall')],
            ...columns.map((column) => [column.key, pathFor(unit.unit.id, column.key)]),
          ]),
        })),
      }}
    />
  );
}
