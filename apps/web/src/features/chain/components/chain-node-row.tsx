import type { ChainNode } from '@zeren/contracts';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CategoryProgressBars, formatPercent } from '@/components/category-progress';
import { TierTag } from '@/components/tier-tag';
import styles from './chain-page.module.css';

interface ChainNodeRowProps {
  node: ChainNode;
  year: number | undefined;
  isFocused: boolean;
  isMatch: boolean;
}

/** One post in the tree: who holds it, where it sits, how far its targets are, and its gaps. */
export function ChainNodeRow({ node, year, isFocused, isMatch }: ChainNodeRowProps) {
  const { t } = useTranslation();
  const { post, holders, progress, openGapCount } = node;
  const yearQuery = year ? `?year=${year}` : '';
  const classes = [styles.node, isFocused && styles.focused, isMatch && styles.match]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={classes}
      // The focused post (arriving from the gaps page) scrolls into view once.
      ref={isFocused ? (element) => element?.scrollIntoView({ block: 'center' }) : undefined}
    >
      <div className={styles.identity}>
        <TierTag tier={post.tier} className={styles.tierTag} />
        <span className={styles.postTitle} title={post.title}>
          {post.title}
        </span>
        <span className={styles.unit}>{post.unit.name}</span>
        <span className={styles.holders}>
          {holders.length === 0 ? (
            <Tag color="orange">{t('chain.vacant')}</Tag>
          ) : (
            holders.map((holder) => (
              <Link
                key={holder.personId}
                to={`/people/${holder.personId}${yearQuery}`}
                className={styles.holder}
                onClick={(event) => event.stopPropagation()}
              >
                {holder.name}
              </Link>
            ))
          )}
        </span>
        {node.openFindingCount > 0 && (
          <Tooltip
            title={t('chain.findingTooltip', {
              count: node.openFindingCount,
              overdue: node.overdueFindingCount,
            })}
          >
            <Tag color={node.overdueFindingCount > 0 ? 'red' : 'gold'} data-testid="chain-finding-badge">
              {node.overdueFindingCount > 0
                ? t('chain.overdueFindingBadge', { count: node.overdueFindingCount })
                : t('chain.findingBadge', { count: node.openFindingCount })}
            </Tag>
          </Tooltip>
        )}
      </div>
      <div className={styles.metrics}>
        <div className={styles.categoryBars}>
          <CategoryProgressBars progress={progress} compact />
        </div>
        <span className={styles.overall}>{formatPercent(progress.overall, 0)}</span>
        <span className={styles.gapCell}>
          {openGapCount > 0 ? (
            <Tooltip title={t('chain.gapTooltip', { count: openGapCount })}>
              <Tag color="error" className={styles.gapTag}>
                {t('chain.gapBadge', { count: openGapCount })}
              </Tag>
            </Tooltip>
          ) : node.targetCount === 0 ? (
            <span className={styles.muted}>{t('chain.noTargets')}</span>
          ) : null}
        </span>
      </div>
    </div>
  );
}
