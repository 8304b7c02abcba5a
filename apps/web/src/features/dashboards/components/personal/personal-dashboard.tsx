import { useQuery } from '@tanstack/react-query';
import type { PersonalDashboard as PersonalData } from '@zeren/contracts';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { personalDashboardQueryOptions } from '../../api/get-personal-dashboard';
import { cycleLong, formatDateTime, formatDaysAgo, formatScore } from '../../utils/format';
import { CategoryRings } from '../shared/category-rings';
import { useDashboardWiring } from '../shared/dashboard-wiring';
import { QueryState } from '../shared/query-state';
import { targetCaptions } from '../shared/ring-captions';
import { TargetStatusStrip } from '../shared/rings-footer';
import { StatTile } from '../shared/stat-tile';
import { TargetTable } from '../shared/target-table';
import { ProgressHistoryCard } from './progress-history-card';
import { ResultsCard } from './results-card';
import styles from '../shared/dashboard.module.css';

/** Tier 4 (党员、一般工作人员): my targets, what I reported, my results. */
export function PersonalDashboard() {
  const query = useQuery(personalDashboardQueryOptions());
  return <QueryState query={query}>{(data) => <PersonalOverview data={data} />}</QueryState>;
}

function PersonalOverview({ data }: { data: PersonalData }) {
  const { t } = useTranslation();
  const { myTargetPath, myResultPath } = useDashboardWiring();
  const atRisk = data.targets.filter((target) => target.isAtRisk).length;
  const latest = data.results[0];
  const lastUpdate = data.recentProgress[0];

  return (
    <div className={styles.grid} data-testid="personal-dashboard">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card
            size="small"
            className={styles.fill}
            title={
              <span>
                {t('dashboards.personal.progress')}
                <span className={styles.cardSubtitle}>
                  {t('dashboards.common.yearAsOf', { year: data.year, at: formatDateTime(t, data.asOf) })}
                </span>
              </span>
            }
          >
            <CategoryRings
              progress={data.progress}
              captions={targetCaptions(t, data.targets)}
              testId="personal-progress"
            />
            <TargetStatusStrip targets={data.targets} testId="personal-status" />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <div className={styles.tileStack}>
            <StatTile
              label={t('dashboards.kpi.myTargets')}
              value={data.targets.length}
              unit={t('dashboards.kpi.targetsUnit')}
              note={
                atRisk > 0
                  ? t('dashboards.kpi.targetsAtRisk', { count: atRisk })
                  : t('dashboards.kpi.targetsOnTrack')
              }
              tone={atRisk > 0 ? 'warning' : 'default'}
              testId="kpi-my-targets"
            />
            <StatTile
              label={t('dashboards.kpi.latestResult')}
              value={latest ? formatScore(latest.total) : '—'}
              unit={latest ? t('dashboards.kpi.pointsUnit') : undefined}
              note={
                latest
                  ? t('dashboards.kpi.latestResultNote', {
                      cycle: cycleLong(t, latest.cycle),
                      grade: t(`evaluations.grade.${latest.grade}`),
                      rank: latest.rank,
                      of: latest.rankOf,
                    })
                  : t('dashboards.personal.noResults')
              }
              to={latest ? myResultPath(latest.cycle.id) : undefined}
              testId="kpi-latest-result"
            />
            <StatTile
              label={t('dashboards.kpi.lastUpdate')}
              value={lastUpdate ? formatDaysAgo(t, lastUpdate.recordedAt) : '—'}
              note={
                lastUpdate
                  ? `${formatDateTime(t, lastUpdate.recordedAt)} · ${lastUpdate.target.title}`
                  : t('dashboards.personal.noHistory')
              }
              testId="kpi-last-update"
            />
          </div>
        </Col>

        <Col xs={24}>
          <Card size="small" title={t('dashboards.personal.targets')}>
            <TargetTable
              targets={data.targets}
              targetPath={myTargetPath}
              emptyText={t('dashboards.personal.noTargets')}
              testId="personal-targets"
            />
          </Card>
        </Col>

        <Col xs={24} lg={12}>
          <ResultsCard results={data.results} testId="personal-results" />
        </Col>
        <Col xs={24} lg={12}>
          <ProgressHistoryCard updates={data.recentProgress.slice(0, 6)} testId="personal-history" />
        </Col>
      </Row>
    </div>
  );
}
