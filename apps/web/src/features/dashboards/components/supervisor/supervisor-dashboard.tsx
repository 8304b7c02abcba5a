import { useQuery } from '@tanstack/react-query';
import type { SupervisedUnit, SupervisorDashboard as SupervisorData } from '@zeren/contracts';
import { Card, Col, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProgressBar } from '@/components/category-progress';
import { supervisorDashboardQueryOptions } from '../../api/get-supervisor-dashboard';
import { cycleLong, formatScore } from '../../utils/format';
import { AtRiskList } from '../shared/at-risk-list';
import { useDashboardWiring } from '../shared/dashboard-wiring';
import { GradeCard } from '../shared/grade-card';
import { QueryState } from '../shared/query-state';
import { GapAndRiskTiles, TargetsCard } from '../shared/overview-header';
import { StatTile } from '../shared/stat-tile';
import { TrendCard } from '../shared/trend-card';
import { UnitBarsCard } from '../shared/unit-bars-card';
import styles from '../shared/dashboard.module.css';

/** Tier 2 (分管领导): the units in one's charge, side by side. */
export function SupervisorDashboard({ postId }: { postId: string }) {
  const query = useQuery(supervisorDashboardQueryOptions(postId));
  return <QueryState query={query}>{(data) => <SupervisorOverview data={data} />}</QueryState>;
}

function SupervisorOverview({ data }: { data: SupervisorData }) {
  const { t } = useTranslation();
  const { targetPath, unitTargetsPath } = useDashboardWiring();
  const lastTotals = data.units.filter((unit) => unit.lastQuarterMeanTotal !== null);
  const meanTotal =
    lastTotals.length > 0
      ? lastTotals.reduce(
          (sum, unit) => sum + (unit.lastQuarterMeanTotal ?? 0) * unit.lastQuarterEvaluees,
          0,
        ) /
        Math.max(
          1,
          lastTotals.reduce((sum, unit) => sum + unit.lastQuarterEvaluees, 0),
        )
      : null;

  return (
    <div className={styles.grid} data-testid="supervisor-dashboard">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <TargetsCard
            title={t('dashboards.supervisor.ownTargets')}
            year={data.year}
            asOf={data.asOf}
            targets={data.ownTargets}
            testId="own-targets"
          />
        </Col>
        <Col xs={24} lg={9}>
          <div className={styles.tileStack}>
            <GapAndRiskTiles year={data.year} gaps={data.gaps} atRisk={data.atRisk} />
            <StatTile
              label={t('dashboards.kpi.lastQuarter')}
              value={formatScore(meanTotal)}
              unit={meanTotal === null ? undefined : t('dashboards.kpi.pointsUnit')}
              note={
                data.lastQuarter
                  ? t('dashboards.kpi.lastQuarterNote', { cycle: cycleLong(t, data.lastQuarter) })
                  : t('dashboards.kpi.noResults')
              }
              testId="kpi-last-quarter"
            />
          </div>
        </Col>

        <Col xs={24} lg={15}>
          <UnitBarsCard units={data.units} year={data.year} testId="supervisor-units" />
        </Col>
        <Col xs={24} lg={9}>
          <Card
            size="small"
            className={styles.fill}
            title={
              <span>
                {t('dashboards.atRisk.title')}
                <span className={styles.cardSubtitle}>
                  {t('dashboards.atRisk.count', {
                    shown: data.atRisk.items.length,
                    total: data.atRisk.total,
                  })}
                </span>
              </span>
            }
          >
            <AtRiskList
              items={data.atRisk.items}
              targetPath={targetPath}
              emptyText={t('dashboards.atRisk.emptyMine')}
              testId="at-risk-list"
            />
          </Card>
        </Col>

        <Col xs={24}>
          <Card size="small" title={t('dashboards.supervisor.unitsTable')}>
            <Table<SupervisedUnit>
              size="small"
              rowKey={(unit) => unit.unit.id}
              pagination={false}
              dataSource={data.units}
              scroll={{ x: 640 }}
              data-testid="supervised-units"
              columns={[
                {
                  key: 'unit',
                  title: t('dashboards.heatmap.unit'),
                  render: (_, unit) => (
                    <Link to={unitTargetsPath(unit.unit.id, data.year)}>{unit.unit.name}</Link>
                  ),
                },
                {
                  key: 'progress',
                  title: t('dashboards.common.overall'),
                  width: 200,
                  render: (_, unit) => <ProgressBar value={unit.progress.overall} />,
                },
                {
                  key: 'posts',
                  title: t('dashboards.supervisor.posts'),
                  width: 90,
                  align: 'right',
                  dataIndex: 'postCount',
                },
                {
                  key: 'atRisk',
                  title: t('dashboards.kpi.atRisk'),
                  width: 100,
                  align: 'right',
                  render: (_, unit) => (
                    <span className={unit.atRiskCount > 0 ? styles['tone-warning'] : undefined}>
                      {unit.atRiskCount}
                    </span>
                  ),
                },
                {
                  key: 'gaps',
                  title: t('dashboards.kpi.gaps'),
                  width: 100,
                  align: 'right',
                  render: (_, unit) => (
                    <span className={unit.gaps.open > 0 ? styles['tone-danger'] : undefined}>
                      {unit.gaps.open}
                    </span>
                  ),
                },
                {
                  key: 'lastQuarter',
                  title: t('dashboards.supervisor.lastQuarterTotal'),
                  width: 130,
                  align: 'right',
                  render: (_, unit) => formatScore(unit.lastQuarterMeanTotal),
                },
              ]}
            />
          </Card>
        </Col>

        <Col xs={24} lg={12}>
          <TrendCard trend={data.trend} testId="supervisor-trend" />
        </Col>
        <Col xs={24} lg={12}>
          <GradeCard grades={data.grades} testId="supervisor-grades" />
        </Col>
      </Row>
    </div>
  );
}
