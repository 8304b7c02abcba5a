import type { DashboardTarget } from '@zeren/contracts';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { categoryColors, formatPercent } from '@/components/category-progress';
import { useLabels } from '@/lib/labels';
import styles from './dashboard.module.css';

interface AtRiskListProps {
  items: DashboardTarget[];
  targetPath: (id: string) => string;
  emptyText: string;
  testId?: string;
}

/**
 * Targets behind the calendar, worst first: how far along (the bar) against how far they should
 * be by now (the tick). The gap between the two is what a leader looks at.
 */
export function AtRiskList({ items, targetPath, emptyText, testId }: AtRiskListProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <ol className={styles.riskList} data-testid={testId}>
      {items.map((target) => {
        const owner = target.owner;
        const holders = owner?.holders.map((holder) => holder.name).join('、');
        return (
          <li key={target.id} className={styles.riskItem}>
            <div className={styles.riskHead}>
              <span
                className={styles.categoryDot}
                style={{ background: categoryColors[target.category] }}
                title={labels.category(target.category)}
                aria-hidden="true"
              />
              <Link to={targetPath(target.id)} className={styles.riskTitle}>
                {target.title}
              </Link>
              <span className={styles.riskFigures}>
                <strong>{formatPercent(target.progress, 0)}</strong>
                <span className={styles.muted}>
                  {' / '}
                  {t('dashboards.atRisk.expected', { value: formatPercent(target.expectedProgress, 0) })}
                </span>
              </span>
            </div>
            <div className={styles.riskMeta}>
              {owner
                ? `${owner.unit.name} · ${owner.title}${holders ? `（${holders}）` : ''}`
                : t('dashboards.atRisk.noOwner')}
            </div>
            <div
              className={styles.lagTrack}
              role="img"
              aria-label={t('dashboards.atRisk.barLabel', {
                progress: formatPercent(target.progress, 0),
                expected: formatPercent(target.expectedProgress, 0),
              })}
            >
              <span className={styles.lagFill} style={{ width: `${Math.min(100, target.progress)}%` }} />
              <span
                className={styles.lagExpected}
                style={{ left: `${Math.min(100, target.expectedProgress)}%` }}
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
