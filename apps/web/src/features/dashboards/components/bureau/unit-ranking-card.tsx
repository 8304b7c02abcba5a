import type { UnitRank } from '@zeren/contracts';
import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProgressBar } from '@/components/category-progress';
import { useDashboardWiring } from '../shared/dashboard-wiring';
import styles from '../shared/dashboard.module.css';

interface UnitRankingCardProps {
  strongest: UnitRank[];
  weakest: UnitRank[];
  year: number;
  testId?: string;
}

/** 先进与后进: the three units furthest ahead and the three furthest behind. */
export function UnitRankingCard({ strongest, weakest, year, testId }: UnitRankingCardProps) {
  const { t } = useTranslation();
  const { unitTargetsPath } = useDashboardWiring();
  const list = (items: UnitRank[], tone: 'good' | 'weak', heading: string) => (
    <section className={styles.rankColumn} aria-label={heading}>
      <h3
        className={`${styles.rankHeading} ${tone === 'good' ? styles['tone-good'] : styles['tone-warning']}`}
      >
        {heading}
      </h3>
      <ol className={styles.rankList}>
        {items.map((item, index) => (
          <li key={item.unit.id} className={styles.rankItem}>
            <span className={styles.rankNo}>{index + 1}</span>
            <Link to={unitTargetsPath(item.unit.id, year)} className={styles.rankName}>
              {item.unit.name}
            </Link>
            <ProgressBar value={item.progress} color={tone === 'good' ? '#389e0d' : '#d4690b'} />
          </li>
        ))}
      </ol>
    </section>
  );
  return (
    <Card size="small" title={t('dashboards.ranking.title')} className={styles.fill} data-testid={testId}>
      {strongest.length + weakest.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.ranking.empty')} />
      ) : (
        <div className={styles.rankColumns}>
          {list(strongest, 'good', t('dashboards.ranking.strongest'))}
          {list(weakest, 'weak', t('dashboards.ranking.weakest'))}
        </div>
      )}
    </Card>
  );
}
