import type { SectionDashboard } from '@zeren/contracts';
import { Card, Empty, Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { categoryColors } from '@/components/category-progress';
import { useLabels } from '@/lib/labels';
import { useDashboardWiring } from '../shared/dashboard-wiring';
import styles from '../shared/dashboard.module.css';

/** 分解情况: how far each of the chief's targets is split among the staff (weights to 100), and the gaps. */
export function DecompositionCard({
  decomposition,
  testId,
}: {
  decomposition: SectionDashboard['decomposition'];
  testId?: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { targetPath } = useDashboardWiring();
  const { items, gaps } = decomposition;
  // A target the chief keeps (no children) is not a gap; only a split whose weights miss 100 is.
  const split = items.filter((item) => item.childCount > 0);

  return (
    <Card
      size="small"
      className={styles.fill}
      data-testid={testId}
      title={
        <span>
          {t('dashboards.section.decomposition')}
          <span className={styles.cardSubtitle}>
            {t('dashboards.section.decompositionCount', {
              complete: split.filter((item) => item.isComplete).length,
              total: split.length,
            })}
          </span>
        </span>
      }
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.section.noOwnTargets')} />
      ) : (
        <ul className={styles.plainList}>
          {items.map((item) => (
            <li key={item.target.id} className={styles.decompItem}>
              <span
                className={styles.categoryDot}
                style={{ background: categoryColors[item.target.category] }}
                title={labels.category(item.target.category)}
                aria-hidden="true"
              />
              <Link to={targetPath(item.target.id)} className={styles.decompTitle}>
                {item.target.title}
              </Link>
              {item.childCount === 0 ? (
                <>
                  <span className={styles.decompBar} />
                  <span className={styles.muted}>{t('dashboards.section.notSplit')}</span>
                </>
              ) : (
                <>
                  <Progress
                    className={styles.decompBar}
                    percent={Math.min(100, item.childWeightSum)}
                    showInfo={false}
                    size={{ height: 6 }}
                    strokeColor={item.isComplete ? '#389e0d' : '#d4690b'}
                    status="normal"
                    aria-label={t('dashboards.section.weightSum', { sum: item.childWeightSum })}
                  />
                  <span className={item.isComplete ? styles['tone-good'] : styles['tone-warning']}>
                    {t('dashboards.section.weightSum', { sum: item.childWeightSum })}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className={styles.subheading}>
        {t('dashboards.section.gaps', { count: gaps.open })}
        {gaps.waived > 0 && (
          <span className={styles.muted}>{t('dashboards.section.waived', { count: gaps.waived })}</span>
        )}
      </h3>
      {gaps.items.filter((gap) => !gap.isWaived).length === 0 ? (
        <p className={styles.muted}>{t('dashboards.section.noGaps')}</p>
      ) : (
        <ul className={styles.plainList}>
          {gaps.items
            .filter((gap) => !gap.isWaived)
            .map((gap) => (
              <li key={gap.key} className={styles.gapItem}>
                <Tag color="red" className={styles.inlineTag}>
                  {t(`gaps.kind.${gap.kind}`)}
                </Tag>
                {gap.target ? (
                  <Link to={targetPath(gap.target.id)}>{gap.target.title}</Link>
                ) : (
                  <span>{gap.post?.title}</span>
                )}
                {gap.category && <span className={styles.muted}> · {labels.category(gap.category)}</span>}
              </li>
            ))}
        </ul>
      )}
    </Card>
  );
}
