import { useQuery } from '@tanstack/react-query';
import type { SectionDashboard as SectionData } from '@zeren/contracts';
import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '@/components/category-progress';
import { sectionDashboardQueryOptions } from '../../api/get-section-dashboard';
import { daysUntil, formatDateTime } from '../../utils/format';
import { CategoryRings } from '../shared/category-rings';
import { useDashboardWiring } from '../shared/dashboard-wiring';
import { QueryState } from '../shared/query-state';
import { targetCaptions } from '../shared/ring-captions';
import { TargetStatusStrip } from '../shared/rings-footer';
import { StatTile } from '../shared/stat-tile';
import { TargetTable } from '../shared/target-table';
import { DecompositionCard } from './decomposition-card';
import { DueSoonCard } from './due-soon-card';
import { StaffCard } from './staff-card';
import styles from '../shared/dashboard.module.css';

/** Tier 3 (科室负责人 and other tier-3 posts): the section's targets, staff, decomposition and deadlines. */
export function SectionDashboard({ postId }: { postId: string }) {
  const query = useQuery(sectionDashboardQueryOptions(postId));
  return <QueryState query={query}>{(data) => <SectionOverview data={data} />}</QueryState>;
}

function SectionOverview({ data }: { data: SectionData }) {
  const { t } = useTranslation();
  const { targetPath } = useDashboardWiring();
  const lowest = [...data.staff]
    .filter((member) => member.progress.overall !== null)
    .sort((a, b) => (a.progress.overall ?? 0) - (b.progress.overall ?? 0))[0];
  const overdue = data.targets
    .filter((target) => target.progress < 100 && daysUntil(target.dueDate) < 0)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const { decomposition } = data;
  const split = decomposition.items.filter((item) => item.childCount > 0);
  const splitComplete = split.filter((item) => item.isComplete).length;
  const kept = decomposition.items.length - split.length;

  return (
    <div className={styles.grid} data-testid="section-dashboard">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card
            size="small"
            className={styles.fill}
            title={
              <span>
                {t('dashboards.section.progress', { unit: data.post.unit.name })}
                <span className={styles.cardSubtitle}>
                  {t('dashboards.common.yearAsOf', { year: data.year, at: formatDateTime(t, data.asOf) })}
                </span>
              </span>
            }
          >
            <CategoryRings
              progress={data.progress}
              captions={targetCaptions(t, data.targets)}
              testId="section-progress"
            />
            <TargetStatusStrip targets={data.targets} testId="section-status" />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <div className={styles.tileStack}>
            <StatTile
              label={t('dashboards.kpi.staff', { unit: data.post.unit.name })}
              value={data.staff.length}
              unit={t('dashboards.assessor.peopleUnit')}
              note={
                lowest
                  ? t('dashboards.kpi.staffLowest', {
                      name: lowest.person.name,
                      value: formatPercent(lowest.progress.overall, 0),
                    })
                  : t('dashboards.section.noStaff')
              }
              tone={
                lowest?.progress.overall !== null && (lowest?.progress.overall ?? 100) < 60
                  ? 'warning'
                  : 'default'
              }
              testId="kpi-staff"
            />
            <StatTile
              label={t('dashboards.kpi.dueSoon')}
              value={data.dueSoon.items.length + overdue.length}
              unit={t('dashboards.kpi.targetsUnit')}
              note={t('dashboards.section.dueSummary', {
                overdue: overdue.length,
                soon: data.dueSoon.items.length,
                days: data.dueSoon.days,
              })}
              tone={overdue.length > 0 ? 'danger' : data.dueSoon.items.length > 0 ? 'warning' : 'good'}
              testId="kpi-due-soon"
            />
            <StatTile
              label={t('dashboards.kpi.decomposition')}
              value={`${splitComplete}/${split.length}`}
              note={
                decomposition.gaps.open > 0
                  ? t('dashboards.kpi.sectionGaps', { count: decomposition.gaps.open })
                  : kept > 0
                    ? t('dashboards.kpi.decompositionKept', { count: kept })
                    : t('dashboards.kpi.gapsNone')
              }
              tone={
                decomposition.gaps.open > 0 ? 'danger' : splitComplete < split.length ? 'warning' : 'good'
              }
              testId="kpi-decomposition"
            />
          </div>
        </Col>

        <Col xs={24}>
          <Card
            size="small"
            title={
              <span>
                {t('dashboards.section.targets', { unit: data.post.unit.name })}
                <span className={styles.cardSubtitle}>{t('dashboards.section.targetsHint')}</span>
              </span>
            }
          >
            <TargetTable
              targets={data.targets}
              targetPath={targetPath}
              isSection
              emptyText={t('dashboards.section.noTargets')}
              testId="section-targets"
            />
          </Card>
        </Col>

        <Col xs={24} lg={10}>
          <StaffCard staff={data.staff} testId="section-staff" />
        </Col>
        <Col xs={24} md={12} lg={7}>
          <DecompositionCard decomposition={decomposition} testId="section-decomposition" />
        </Col>
        <Col xs={24} md={12} lg={7}>
          <DueSoonCard
            days={data.dueSoon.days}
            items={data.dueSoon.items}
            overdue={overdue}
            testId="section-due-soon"
          />
        </Col>
      </Row>
    </div>
  );
}
