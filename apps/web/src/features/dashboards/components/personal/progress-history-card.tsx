import type { PersonalDashboard } from '@zeren/contracts';
import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPercent } from '@/components/category-progress';
import { formatDateTime } from '../../utils/format';
import { useDashboardWiring } from '../shared/dashboard-wiring';
import styles from '../shared/dashboard.module.css';

type Update = PersonalDashboard['recentProgress'][number];

/** 最近填报: the latest progress updates on my targets, newest first. */
export function ProgressHistoryCard({ updates, testId }: { updates: Update[]; testId?: string }) {
  const { t } = useTranslation();
  const { myTargetPath } = useDashboardWiring();
  return (
    <Card size="small" title={t('dashboards.personal.history')} className={styles.fill} data-testid={testId}>
      {updates.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.personal.noHistory')} />
      ) : (
        <ol className={styles.timeline}>
          {updates.map((update) => (
            <li key={update.id} className={styles.timelineItem}>
              <span className={styles.timelineDot} aria-hidden="true" />
              <div className={styles.timelineHead}>
                <Link to={myTargetPath(update.target.id)} className={styles.timelineTitle}>
                  {update.target.title}
                </Link>
                <strong className={styles.timelineValue}>{formatPercent(update.normalised, 0)}</strong>
              </div>
              <p className={styles.timelineNote}>{update.note}</p>
              <span className={styles.muted}>
                {formatDateTime(t, update.recordedAt)} · {update.recordedBy.name}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
