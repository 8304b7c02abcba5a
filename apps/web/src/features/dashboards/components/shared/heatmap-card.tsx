import type { HeatmapLevel, HeatmapUnit, TargetCategory } from '@zeren/contracts';
import { Card, Empty, Spin } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { categories, formatPercent } from '@/components/category-progress';
import { useLabels } from '@/lib/labels';
import { bureauLevelSearch } from '../../utils/bureau-level';
import { bandOf, completionBands } from '../../utils/chart-options';
import { ChartCard } from '../chart/chart-card';
import { useDashboardWiring } from './dashboard-wiring';
import styles from './dashboard.module.css';
import heat from './heatmap-card.module.css';

type Column = TargetCategory | 'overall';

/** Rows shown before the list scrolls (under headings that stay), and the height of one. */
const VISIBLE_ROWS = 18;
const ROW_HEIGHT = 28;

const oneDecimal = (value: number) => `${Math.round(value * 10) / 10}`;

/**
 * Units × 三大目标, one level of the unit tree at a time: each row is a unit with every unit below
 * it. A row with units below opens their level (click, or Enter on its heading); any other row opens
 * the unit's targets. The level is in the URL (`?unit=`), with a breadcrumb back up.
 *
 * Drawn in HTML, not on a canvas: a city level has ~200 rows, and a canvas that tall (×2 for sharp
 * print) took seconds to paint; HTML cells paint only where they are seen, print as they are, and
 * the row headings are links the keyboard reaches. Screen readers get the data table (ChartCard).
 */
export function HeatmapCard({
  units,
  level,
  year,
  loadingUnitId,
  testId,
}: {
  units: HeatmapUnit[];
  level: HeatmapLevel;
  year: number;
  /** The level being loaded (the rows shown are still the previous level's), if any. */
  loadingUnitId?: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const { unitTargetsPath } = useDashboardWiring();
  const title = t('dashboards.heatmap.title');
  // A new level starts at its first row, wherever the one before was scrolled to.
  const scrollerRef = useRef<HTMLDivElement>(null);
  const levelId = level.unit?.id ?? null;
  useEffect(() => {
    scrollerRef.current?.scrollTo({ top: 0 });
  }, [levelId]);

  const columns = useMemo(
    () => [
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

  /** Where a row leads: the level below it, or (no units below) its targets. */
  const levelPath = (unitId: string | null) =>
    `${location.pathname}${bureauLevelSearch(searchParams, unitId)}`;
  const pathFor = (unit: HeatmapUnit, column: Column) =>
    unit.childCount > 0
      ? levelPath(unit.unit.id)
      : unitTargetsPath(unit.unit.id, year, column === 'overall' ? undefined : column);

  const isLoading = loadingUnitId !== undefined;
  const loadingName =
    loadingUnitId === null
      ? t('bureauHeatmap.allUnits')
      : ([...units.map((u) => u.unit), ...level.path, level.unit].find((u) => u?.id === loadingUnitId)
          ?.name ?? '');
  const currentName = level.unit?.name ?? t('bureauHeatmap.allUnits');

  const breadcrumb = (
    <div className={heat.levelBar}>
      <nav aria-label={t('bureauHeatmap.levels')} data-testid={testId && `${testId}-breadcrumb`}>
        <ol className={heat.breadcrumb}>
          {level.path.map((step, index) => (
            <li key={step?.id ?? 'top'}>
              <Link to={levelPath(index === 0 ? null : (step?.id ?? null))}>
                {step?.name ?? t('bureauHeatmap.allUnits')}
              </Link>
            </li>
          ))}
          <li aria-current="page">
            <span className={heat.current}>{currentName}</span>
          </li>
        </ol>
      </nav>
      <span className={heat.levelNote}>
        {isLoading ? (
          <span role="status" className={heat.loading}>
            <Spin size="small" />
            {t('bureauHeatmap.loading', { unit: loadingName })}
          </span>
        ) : level.unit ? (
          t('bureauHeatmap.below', { unit: level.unit.name, count: units.length })
        ) : (
          t('bureauHeatmap.top', { count: units.length })
        )}
      </span>
    </div>
  );

  if (units.length === 0) {
    return (
      <Card size="small" title={title} className={styles.fill} data-testid={testId}>
        {(level.unit || level.path.length > 0) && breadcrumb}
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            level.unit ? (
              <>
                {t('bureauHeatmap.noUnitsBelow', { unit: level.unit.name })}{' '}
                <Link to={unitTargetsPath(level.unit.id, year)}>{t('bureauHeatmap.openTargets')}</Link>
              </>
            ) : (
              t('dashboards.heatmap.empty')
            )
          }
        />
      </Card>
    );
  }

  const visibleHeight = (VISIBLE_ROWS + 1) * ROW_HEIGHT;
  const figure = (
    <div
      ref={scrollerRef}
      className={heat.scroller}
      style={{ maxHeight: visibleHeight + 2 }}
      aria-busy={isLoading}
      data-loading={isLoading || undefined}
      data-testid={testId && `${testId}-chart`}
    >
      {/* Headings that stay while the rows scroll. */}
      <div className={heat.row} aria-hidden="true" style={{ height: ROW_HEIGHT }}>
        <span className={heat.corner}>{t('dashboards.heatmap.unit')}</span>
        {columns.map((column) => (
          <span key={column.key} className={heat.columnHead} title={column.fullLabel}>
            {column.label}
          </span>
        ))}
      </div>
      <ul className={heat.rows} aria-label={t('dashboards.heatmap.aria', { count: units.length })}>
        {units.map((unit) => {
          const hasUnitsBelow = unit.childCount > 0;
          return (
            <li key={unit.unit.id} className={heat.row} style={{ height: ROW_HEIGHT }}>
              {/* Its name is what it shows, then where it leads (for screen readers). */}
              <Link to={pathFor(unit, 'overall')} className={heat.rowLink} title={unit.unit.name}>
                <span className={heat.rowName}>{unit.unit.name}</span>
                {hasUnitsBelow ? (
                  <span className={heat.below}>
                    {unit.childCount}
                    <span className={heat.srOnly}> {t('bureauHeatmap.unitsBelowSuffix')}</span>
                  </span>
                ) : (
                  <span className={heat.srOnly}>{t('bureauHeatmap.targetsSuffix')}</span>
                )}
              </Link>
              {/* The figures (the data table says them to screen readers); a click goes where the heading does. */}
              {columns.map((column) => {
                const value = unit.progress[column.key];
                const band = value === null ? undefined : bandOf(value);
                return (
                  <span
                    key={column.key}
                    aria-hidden="true"
                    className={column.key === 'overall' ? `${heat.cell} ${heat.overall}` : heat.cell}
                    style={band && { background: band.color, color: band.text }}
                    title={`${unit.unit.name} · ${column.fullLabel}：${value === null ? '—' : `${oneDecimal(value)}%`}`}
                    onClick={() => void navigate(pathFor(unit, column.key))}
                  >
                    {value === null ? '' : oneDecimal(value)}
                  </span>
                );
              })}
            </li>
          );
        })}
      </ul>
    </div>
  );

  return (
    <ChartCard
      title={
        <span>
          {title}
          <span className={styles.cardSubtitle}>{t('bureauHeatmap.hint')}</span>
        </span>
      }
      caption={title}
      testId={testId}
      header={breadcrumb}
      legend={completionBands.map((band, index) => ({
        label:
          index === completionBands.length - 1
            ? t('dashboards.heatmap.bandTop', { min: band.min })
            : t('dashboards.heatmap.band', { min: band.min, max: band.max }),
        color: band.color,
      }))}
      chart={{
        figure,
        height: visibleHeight,
        ariaLabel: t('dashboards.heatmap.aria', { count: units.length }),
      }}
      data={{
        columns: [
          { key: 'unit', title: t('dashboards.heatmap.unit') },
          ...columns.map((column) => ({ key: column.key, title: column.fullLabel, isNumeric: true })),
          { key: 'targets', title: t('dashboards.heatmap.targets'), isNumeric: true },
          { key: 'below', title: t('bureauHeatmap.unitsBelow'), isNumeric: true },
        ],
        rows: units.map((unit) => ({
          key: unit.unit.id,
          cells: {
            unit: unit.unit.name,
            ...Object.fromEntries(
              columns.map((column) => [column.key, formatPercent(unit.progress[column.key])]),
            ),
            targets: unit.targetCount,
            below: unit.childCount,
          },
          links: Object.fromEntries([
            ['unit', pathFor(unit, 'overall')],
            ...columns.map((column) => [column.key, pathFor(unit, column.key)]),
          ]),
        })),
      }}
    />
  );
}
