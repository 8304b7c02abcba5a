import type { AtRiskTargets, GapCounts, TargetGroupProgress } from '@zeren/contracts';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '@/lib/labels';
import { formatDateTime, gapsNote } from '../../utils/format';
import { CategoryRings } from './category-rings';
import { useDashboardWiring } from './dashboard-wiring';
import { lineCaptions } from './ring-captions';
import { LineBars } from './rings-footer';
import { StatTile } from './stat-tile';
import styles from './dashboard.module.css';

interface TargetsCardProps {
  title: string;
  year: number;
  asOf: string;
  targets: TargetGroupProgress;
  testId: string;
}

/** The three categories' rings and the two lines' bars: the head of the tier 1 and tier 2 dashboards. */
export function TargetsCard({ title, year, asOf, targets, testId }: TargetsCardProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Card
      size="small"
      className={styles.fill}
      title={
        <span>
          {title}
          <span className={styles.cardSubtitle}>
            {t('dashboards.common.yearAsOf', { year, at: formatDateTime(t, asOf) })}
          </span>
        </span>
      }
    >
      <CategoryRings
        progress={targets.progress}
        captions={lineCaptions(targets.lines, labels.line)}
        testId={testId}
      />
      <LineBars lines={targets.lines} testId={`${testId}-lines`} />
    </Card>
  );
}

/** The open-gaps and at-risk tiles both the tier 1 and tier 2 dashboards start their KPI stack with. */
export function GapAndRiskTiles({
  year,
  gaps,
  atRisk,
}: {
  year: number;
  gaps: GapCounts;
  atRisk: AtRiskTargets;
}) {
  const { t } = useTranslation();
  const { gapsPath } = useDashboardWiring();
  return (
    <>
      <StatTile
        label={t('dashboards.kpi.gaps')}
        value={gaps.open}
        unit={t('dashboards.kpi.gapsUnit')}
        tone={gaps.open > 0 ? 'danger' : 'good'}
        note={gapsNote(t, gaps)}
        to={gapsPath(year)}
        testId="kpi-gaps"
      />
      <StatTile
        label={t('dashboards.kpi.atRisk')}
        value={atRisk.total}
        unit={t('dashboards.kpi.targetsUnit')}
        tone={atRisk.total > 0 ? 'warning' : 'good'}
        note={t('dashboards.kpi.atRiskNote')}
        testId="kpi-at-risk"
      />
    </>
  );
}
