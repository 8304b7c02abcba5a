import { useQuery } from '@tanstack/react-query';
import type { Line } from '@zeren/contracts';
import { Button, Card, Empty, Input, Segmented, Skeleton, Spin, Tree } from 'antd';
import { useId, useMemo, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { categories, categoryColors } from '@/components/category-progress';
import { ErrorResult } from '@/components/error-result';
import { YearSelect } from '@/components/year-select';
import { useLabels } from '@/lib/labels';
import { chainQueryOptions } from '../api/get-chain';
import {
  allParentIds,
  ancestorsOf,
  buildChainTree,
  filterTree,
  idsAboveTier,
  type ChainTreeNode,
} from '../utils/chain-tree';
import { ChainNodeRow } from './chain-node-row';
import styles from './chain-page.module.css';

interface ChainDataNode {
  key: string;
  item: ChainTreeNode;
  children?: ChainDataNode[];
}

const toDataNodes = (items: ChainTreeNode[]): ChainDataNode[] =>
  items.map((item) => ({
    key: item.node.post.id,
    item,
    children: item.children.length > 0 ? toDataNodes(item.children) : undefined,
  }));

const isLine = (value: string | null): value is Line => value === 'ADMINISTRATIVE' || value === 'PARTY';

/**
 * 责任链: the posts of one line as a tree, from the bureau's leadership down to each person,
 * with roll-up progress per target category and the open gaps of each post.
 */
export function ChainPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const headingId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const line: Line = isLine(searchParams.get('line')) ? (searchParams.get('line') as Line) : 'ADMINISTRATIVE';
  const yearParam = Number(searchParams.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const focusId = searchParams.get('focus') ?? undefined;

  const chainQuery = useQuery(chainQueryOptions({ line, year }));
  const chain = chainQuery.data;
  const tree = useMemo(() => (chain ? buildChainTree(chain) : undefined), [chain]);

  const [search, setSearch] = useState('');
  // null: the default view for this tree (down to the section chiefs, or the focused post).
  const [expandedKeys, setExpandedKeys] = useState<string[] | null>(null);

  const filtered = useMemo(
    () => (tree && search.trim() ? filterTree(tree, search) : undefined),
    [tree, search],
  );
  const defaultExpanded = useMemo(() => {
    if (!tree) return [];
    const ids = new Set(idsAboveTier(tree, 3));
    if (focusId) for (const id of ancestorsOf(tree, focusId)) ids.add(id);
    return [...ids];
  }, [tree, focusId]);
  const treeData = useMemo(() => toDataNodes(filtered?.roots ?? tree?.roots ?? []), [filtered, tree]);

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(searchParams);
    if (value === undefined) next.delete(name);
    else next.set(name, value);
    next.delete('focus');
    setSearchParams(next, { replace: true });
    setExpandedKeys(null);
  };

  const onSearch = (value: string) => {
    setSearch(value);
    setExpandedKeys(tree && value.trim() ? filterTree(tree, value).expandIds : null);
  };

  const postsWithGaps = chain?.nodes.filter((node) => node.openGapCount > 0).length ?? 0;
  const effectiveYear = chain?.year ?? year ?? new Date().getFullYear();

  return (
    <Card className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1 id={headingId} className={styles.title}>
            {t('chain.title')}
          </h1>
          <p className={styles.subtitle}>
            {chain
              ? t('chain.summary', {
                  year: chain.year,
                  line: labels.line(chain.line),
                  posts: chain.nodes.length,
                })
              : t('chain.subtitle')}
            {postsWithGaps > 0 && (
              <Link to={`/gaps?year=${effectiveYear}`} className={styles.gapLink}>
                {t('chain.openGaps', { count: postsWithGaps })}
              </Link>
            )}
          </p>
        </div>
      </header>

      <div className={styles.toolbar} role="group" aria-label={t('chain.toolbar')}>
        <Segmented<Line>
          data-testid="chain-line-switch"
          aria-label={t('chain.lineSwitch')}
          value={line}
          onChange={(value) => setParam('line', value === 'ADMINISTRATIVE' ? undefined : value)}
          options={[
            { value: 'ADMINISTRATIVE', label: labels.line('ADMINISTRATIVE') },
            { value: 'PARTY', label: labels.line('PARTY') },
          ]}
        />
        <YearSelect value={effectiveYear} onChange={(value) => setParam('year', String(value))} />
        <Input.Search
          className={styles.search}
          allowClear
          placeholder={t('chain.searchPlaceholder')}
          aria-label={t('chain.searchPlaceholder')}
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          onSearch={onSearch}
        />
        <span className={styles.spacer} />
        <Button onClick={() => tree && setExpandedKeys(allParentIds(tree))} disabled={!tree}>
          {t('chain.expandAll')}
        </Button>
        <Button onClick={() => setExpandedKeys([])} disabled={!tree}>
          {t('chain.collapseAll')}
        </Button>
      </div>

      {chainQuery.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : chainQuery.isError ? (
        <ErrorResult
          error={chainQuery.error}
          onRetry={() => void chainQuery.refetch()}
          isRetrying={chainQuery.isFetching}
        />
      ) : treeData.length === 0 ? (
        <Empty
          description={search.trim() ? t('chain.noMatch', { query: search.trim() }) : t('chain.empty')}
        />
      ) : (
        <Spin spinning={chainQuery.isPlaceholderData} delay={150}>
          <div className={styles.columns} aria-hidden="true">
            <span>{t('chain.columns.post')}</span>
            <span className={styles.metricsHeader}>
              <span className={styles.categoryHeaders}>
                {categories.map((category) => (
                  <span key={category}>
                    <span className={styles.swatch} style={{ background: categoryColors[category] }} />
                    {labels.category(category)}
                  </span>
                ))}
              </span>
              <span className={styles.overallHeader}>{t('chain.columns.overall')}</span>
              <span className={styles.gapHeader}>{t('chain.columns.gaps')}</span>
            </span>
          </div>
          <div data-testid="chain-tree">
            <Tree<ChainDataNode>
              aria-labelledby={headingId}
              className={styles.tree}
              blockNode
              showLine={{ showLeafIcon: false }}
              selectable={false}
              treeData={treeData}
              expandedKeys={expandedKeys ?? defaultExpanded}
              onExpand={(keys: Key[]) => setExpandedKeys(keys.map(String))}
              titleRender={(data) => (
                <ChainNodeRow
                  node={data.item.node}
                  year={chain?.year}
                  isFocused={data.key === focusId}
                  isMatch={filtered?.matchIds.has(data.key) ?? false}
                />
              )}
            />
          </div>
          <p className={styles.footnote}>{t('chain.footnote')}</p>
        </Spin>
      )}
    </Card>
  );
}
