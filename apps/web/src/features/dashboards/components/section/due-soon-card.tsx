import type { DashboardTarget } from '@zeren/contracts';
import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { categoryColors, formatPercent } from '@/components/category-progress';
import { useLabels } from '@/lib/labels';
import { daysUntil, formatDay } from '../../utils/format';
import { useDashboardWiring } from '../shared/dashboard-wiring';
import styles from '../shared/dashboard.module.css';

interface DueSoonCardProps {
  days: number;
  items: DashboardTarget[];
  /** Past their due date and not complete: first, in red. */
  overdue: DashboardTarget[];
  testId?: string;
}

/** 到期提醒: unfinished targets past their due date, then those due in the next days, soonest first. */
export function DueSoonCard({ days, items, overdue, testId }: DueSoonCardProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { targetPath } = useDashboardWiring();
  return (
    <Card
      size="small"
      className={styles.fill}
      data-testid={testId}
      title={
        <span>
          {t('dashboards.section.dueSoon')}
          <span className={styles.cardSubtitle}>
            {t('dashboards.section.dueSummary', { overdue: overdue.length, soon: items.length, days })}
          </span>
        </span>
      }
    >
      {items.length + overdue.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.section.noneDue', { days })} />
      ) : (
        <ul className={styles.plainList}>
          {[...overdue, ...items].map((target) => {
            const left = daysUntil(target.dueDate);
            return (
              <li key={target.id} className={styles.dueItem}>
                <span
                  className={
                    left < 0 ? styles.dueBadgeOverdue : left <= 7 ? styles.dueBadgeUrgent : styles.dueBadge
                  }
                >
                  {left < 0
                    ? t('dashboards.section.overdueBy', { count: -left })
                    : left === 0
                      ? t('dashboards.section.today')
                      : t('dashboards.section.inDays', { count: left })}
                </span>
                <span className={styles.dueText}>
                  <span className={styles.dueTitleLine}>
                    <span
                      className={styles.categoryDot}
                      style={{ background: categoryColors[target.category] }}
                      title={labels.category(target.category)}
                      aria-hidden="true"
                    />
                    <Link to={targetPath(target.id)}>{target.title}</Link>
                  </span>
                  <span className={styles.muted}>
                    {formatDay(t, target.dueDate)} ·{' '}
                    {target.owner?.holders.map((h) => h.name).join('、') ?? '—'} ·{' '}
                    {formatPercent(target.progress, 0)}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
