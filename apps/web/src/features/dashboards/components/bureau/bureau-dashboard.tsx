import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BureauDashboard as BureauData } from '@zeren/contracts';
import { Button, Card, Col, Result, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatPercent } from '@/components/category-progress';
import { ApiError } from '@/lib/api-client';
import { bureauDashboardQueryOptions } from '../../api/get-bureau-dashboard';
import { bureauLevelSearch, bureauUnitParam } from '../../utils/bureau-level';
import { cycleLong, share } from '../../utils/format';
import { AtRiskList } from '../shared/at-risk-list';
import { useDashboardWiring } from '../shared/dashboard-wiring';
import { GradeCard } from '../shared/grade-card';
import { HeatmapCard } from '../shared/heatmap-card';
import { QueryState } from '../shared/query-state';
import { GapAndRiskTiles, TargetsCard } from '../shared/overview-header';
import { StatTile } from '../shared/stat-tile';
import { TrendCard } from '../shared/trend-card';
import { ScoringCard } from './scoring-card';
import { UnitRankingCard } from './unit-ranking-card';
import styles from '../shared/dashboard.module.css';

/**
 * Tier 1 (局领导): the whole bureau on one page, in one request. The heatmap's level is in the URL
 * (`?unit=`); while another level loads, the page keeps showing the one before.
 */
export function BureauDashboard() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const unitId = bureauUnitParam(searchParams);
  const query = useQuery({
    ...bureauDashboardQueryOptions(undefined, unitId),
    placeholderData: keepPreviousData,
  });
  // A shared link to a unit since removed (or of another organisation): say so, and offer the default.
  if (unitId && query.isError && query.error instanceof ApiError && query.error.status === 404) {
    return (
      <Card data-testid="bureau-unit-not-found">
        <Result
          status="404"
          title={t('bureauHeatmap.unitGone')}
          subTitle={query.error.message}
          extra={
            <Button
              type="primary"
              onClick={() => setSearchParams(new URLSearchParams(bureauLevelSearch(searchParams, null)))}
            >
              {t('bureauHeatmap.backToAll')}
            </Button>
          }
        />
      </Card>
    );
  }
  return (
    <QueryState query={query}>
      {(data) => (
        <BureauOverview
          data={data}
          // The previous level shown while the requested one loads: which one is on its way.
          loadingUnitId={query.isPlaceholderData ? (unitId ?? null) : undefined}
        />
      )}
    </QueryState>
  );
}

function BureauOverview({ data, loadingUnitId }: { data: BureauData; loadingUnitId?: string | null }) {
  const { t } = useTranslation();
  const { targetPath } = useDashboardWiring();
  const scoringShare = data.scoring ? share(data.scoring.filledCells, data.scoring.expectedCells) : null;

  return (
    <div className={`${styles.grid} ${styles.printable}`} data-testid="bureau-dashboard">
      {/* @page cannot be scoped by a selector: it is on the page only while the overview is. */}
      <style>{'@page { size: A4 landscape; margin: 10mm; }'}</style>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <TargetsCard
            title={t('dashboards.bureau.majorTargets')}
            year={data.year}
            asOf={data.asOf}
            targets={data.majorTargets}
            testId="major-targets"
          />
        </Col>
        <Col xs={24} lg={9}>
          <div className={styles.tileStack}>
            <GapAndRiskTiles year={data.year} gaps={data.gaps} atRisk={data.atRisk} />
            <StatTile
              label={t('dashboards.kpi.scoring')}
              value={data.scoring ? formatPercent(scoringShare, 0) : '—'}
              note={
                data.scoring
                  ? t('dashboards.kpi.scoringNote', {
                      cycle: cycleLong(t, data.scoring.cycle),
                      filled: data.scoring.filledCells,
                      expected: data.scoring.expectedCells,
                    })
                  : t('dashboards.scoring.noOpenCycle')
              }
              testId="kpi-scoring"
            />
          </div>
        </Col>

        <Col xs={24} lg={15}>
          <HeatmapCard
            units={data.heatmap}
            level={data.heatmapLevel}
            year={data.year}
            loadingUnitId={loadingUnitId}
            testId="bureau-heatmap"
          />
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
              emptyText={t('dashboards.atRisk.empty')}
              testId="at-risk-list"
            />
          </Card>
        </Col>

        <Col xs={24} lg={12}>
          <TrendCard trend={data.trend} testId="bureau-trend" />
        </Col>
        <Col xs={24} lg={12}>
          <GradeCard
            grades={
              data.grades && {
                cycle: data.grades.cycle,
                evaluees: data.grades.evaluees,
                byGrade: data.grades.byGrade,
                excellentQuota: data.grades.excellentQuota,
                quotaCut: data.grades.quotaCut,
                vetoed: data.grades.vetoed,
              }
            }
            testId="bureau-grades"
          />
        </Col>

        <Col xs={24} lg={12}>
          <ScoringCard scoring={data.scoring} testId="bureau-scoring" />
        </Col>
        <Col xs={24} lg={12}>
          <UnitRankingCard
            strongest={data.units.strongest}
            weakest={data.units.weakest}
            year={data.year}
            testId="unit-ranking"
          />
        </Col>
      </Row>
    </div>
  );
}
