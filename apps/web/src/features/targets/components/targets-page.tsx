import { useQueries, useQuery } from '@tanstack/react-query';
import type { Line, TargetCategory, TargetSummary } from '@zeren/contracts';
import { Button, Card, Empty, Input, Select, Skeleton, Table, Tag, type TableColumnsType } from 'antd';
import { useId, useMemo, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { categories, CategoryTag, ProgressBar } from '@/components/category-progress';
import { ErrorResult } from '@/components/error-result';
import { TierTag } from '@/components/tier-tag';
import { YearSelect } from '@/components/year-select';
import { useLabels } from '@/lib/labels';
import type { TargetListFilter } from '../api/keys';
import { targetChildrenQueryOptions, targetListQueryOptions } from '../api/list-targets';
import { unitsQueryOptions } from '../api/list-units';
import styles from './targets-page.module.css';

const pageSize = 20;

interface TargetsPageProps {
  /** `mine`: the targets of the posts `personId` holds (我的目标); `all`: everything visible (目标管理). */
  mode: 'all' | 'mine';
  personId?: string;
  /** The tier shown first in `all` mode: the top of what this person is responsible for. */
  defaultTier?: number;
  targetPath: (id: string) => string;
}

/** A row of the table: a target, or the stand-in shown while a decomposition loads. */
interface Row {
  key: string;
  target?: TargetSummary;
  state?: 'loading' | 'error' | 'empty';
  children?: Row[];
}

const isCategory = (value: string | null): value is TargetCategory =>
  value === 'IDEOLOGICAL' || value === 'BUSINESS' || value === 'MANAGEMENT';
const isLine = (value: string | null): value is Line => value === 'ADMINISTRATIVE' || value === 'PARTY';

/** 目标管理 and 我的目标: targets with filters, each expandable into its decomposition. */
export function TargetsPage({ mode, personId, defaultTier, targetPath }: TargetsPageProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const headingId = useId();
  const [searchParams, setSearchParams] = useSearchParams();

  const currentYear = new Date().getFullYear();
  const yearParam = Number(searchParams.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : currentYear;
  const category = isCategory(searchParams.get('category'))
    ? (searchParams.get('category') as TargetCategory)
    : undefined;
  const line = isLine(searchParams.get('line')) ? (searchParams.get('line') as Line) : undefined;
  const unitId = searchParams.get('unit') ?? undefined;
  const tierParam = searchParams.get('tier');
  const tier =
    tierParam === 'all'
      ? undefined
      : tierParam
        ? Number(tierParam)
        : mode === 'all'
          ? defaultTier
          : undefined;
  const q = searchParams.get('q') ?? '';
  const page = Math.max(1, Number(searchParams.get('page')) || 1);

  const filter: TargetListFilter = {
    year,
    category,
    line,
    unitId,
    tier,
    q: q || undefined,
    personId: mode === 'mine' ? personId : undefined,
    page,
    pageSize,
  };
  const listQuery = useQuery(targetListQueryOptions(filter));
  const unitsQuery = useQuery({ ...unitsQueryOptions(), enabled: mode === 'all' });

  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const childQueries = useQueries({ queries: expandedKeys.map((id) => targetChildrenQueryOptions(id)) });
  const childrenOf = new Map(expandedKeys.map((id, index) => [id, childQueries[index]]));

  const [searchText, setSearchText] = useState(q);

  const setParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    if (!('page' in changes)) next.delete('page');
    setSearchParams(next, { replace: true });
    setExpandedKeys([]);
  };

  const toRows = (targets: TargetSummary[], depth: number): Row[] =>
    targets.map((target) => {
      if (target.childCount === 0) return { key: target.id, target };
      const query = childrenOf.get(target.id);
      const children: Row[] =
        !query || query.isPending
          ? [{ key: `${target.id}:loading`, state: 'loading' }]
          : query.isError
            ? [{ key: `${target.id}:error`, state: 'error' }]
            : query.data.items.length === 0
              ? [{ key: `${target.id}:empty`, state: 'empty' }]
              : toRows(query.data.items, depth + 1);
      return { key: target.id, target, children };
    });
  const rows = toRows(listQuery.data?.items ?? [], 0);

  const columns = useMemo<TableColumnsType<Row>>(
    () => [
      {
        key: 'title',
        title: t('targets.columns.title'),
        render: (_, row) => {
          if (!row.target) {
            return (
              <span className={styles.muted}>
                {row.state === 'loading'
                  ? t('targets.loadingChildren')
                  : row.state === 'error'
                    ? t('targets.childrenFailed')
                    : t('targets.noChildren')}
              </span>
            );
          }
          const target = row.target;
          return (
            <div className={styles.titleCell}>
              <Link to={targetPath(target.id)} className={styles.targetTitle}>
                {target.title}
              </Link>
              <div className={styles.subline}>
                <CategoryTag category={target.category} />
                <span>{labels.line(target.line)}</span>
                {target.childCount > 0 && (
                  <span>{t('targets.childCount', { count: target.childCount })}</span>
                )}
                {target.status === 'ARCHIVED' && <Tag>{t('targets.archived')}</Tag>}
              </div>
            </div>
          );
        },
      },
      {
        key: 'owner',
        title: t('targets.columns.owner'),
        width: 230,
        render: (_, row) => {
          const owner = row.target?.owner;
          if (!row.target) return null;
          if (!owner) return <Tag color="error">{t('targets.noOwner')}</Tag>;
          return (
            <div className={styles.ownerCell}>
              <div>
                <TierTag tier={owner.tier} className={styles.tierTag} />
                <span>{owner.title}</span>
              </div>
              <div className={styles.muted}>
                {owner.unitName} · {owner.holderNames.join('、') || t('targets.vacant')}
              </div>
            </div>
          );
        },
      },
      {
        key: 'weight',
        title: t('targets.columns.weight'),
        width: 64,
        align: 'right',
        render: (_, row) => row.target?.weight,
      },
      {
        key: 'progress',
        title: t('targets.columns.progress'),
        width: 190,
        render: (_, row) =>
          row.target && (
            <div>
              <ProgressBar value={row.target.progress} isAtRisk={row.target.isAtRisk} />
              {row.target.isAtRisk && (
                <Tag color="orange" className={styles.riskTag}>
                  {t('targets.atRisk')}
                </Tag>
              )}
            </div>
          ),
      },
      {
        key: 'dueDate',
        title: t('targets.columns.dueDate'),
        width: 108,
        render: (_, row) => row.target?.dueDate,
      },
    ],
    [t, labels, targetPath],
  );

  const hasFilters = Boolean(category || line || unitId || q || tierParam);
  const emptyText =
    mode === 'mine' && !hasFilters ? t('targets.emptyMine', { year }) : t('targets.emptyFiltered', { year });

  return (
    <Card>
      <header className={styles.header}>
        <h1 id={headingId} className={styles.title}>
          {mode === 'mine' ? t('targets.mineTitle') : t('targets.title')}
        </h1>
        <p className={styles.subtitle}>
          {mode === 'mine' ? t('targets.mineSubtitle') : t('targets.subtitle')}
        </p>
      </header>

      <div className={styles.filters} role="search" aria-label={t('targets.filters.label')}>
        <Input.Search
          className={styles.search}
          allowClear
          placeholder={t('targets.filters.search')}
          aria-label={t('targets.filters.search')}
          value={searchText}
          onChange={(event) => {
            setSearchText(event.target.value);
            if (event.target.value === '') setParams({ q: undefined });
          }}
          onSearch={(value) => setParams({ q: value.trim() || undefined })}
        />
        <YearSelect value={year} onChange={(value) => setParams({ year: String(value) })} />
        <Select<TargetCategory | ''>
          className={styles.select}
          aria-label={t('targets.filters.category')}
          value={category ?? ''}
          onChange={(value) => setParams({ category: value || undefined })}
          options={[
            { value: '', label: t('targets.filters.allCategories') },
            ...categories.map((value) => ({ value, label: labels.category(value) })),
          ]}
        />
        <Select<Line | ''>
          className={styles.selectNarrow}
          aria-label={t('targets.filters.line')}
          value={line ?? ''}
          onChange={(value) => setParams({ line: value || undefined })}
          options={[
            { value: '', label: t('targets.filters.allLines') },
            { value: 'ADMINISTRATIVE', label: labels.line('ADMINISTRATIVE') },
            { value: 'PARTY', label: labels.line('PARTY') },
          ]}
        />
        {mode === 'all' && (
          <>
            <Select<string>
              className={styles.select}
              aria-label={t('targets.filters.tier')}
              value={tier === undefined ? 'all' : String(tier)}
              onChange={(value) => setParams({ tier: value })}
              options={[
                { value: 'all', label: t('targets.filters.allTiers') },
                ...[1, 2, 3, 4].map((value) => ({ value: String(value), label: labels.tier(value) })),
              ]}
            />
            {!unitsQuery.isError && (
              <Select<string>
                className={styles.select}
                aria-label={t('targets.filters.unit')}
                value={unitId ?? ''}
                loading={unitsQuery.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(value) => setParams({ unit: value || undefined })}
                options={[
                  { value: '', label: t('targets.filters.allUnits') },
                  ...(unitsQuery.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
                ]}
              />
            )}
          </>
        )}
        {hasFilters && (
          <Button
            type="link"
            onClick={() => {
              setSearchText('');
              setSearchParams(year === currentYear ? {} : { year: String(year) }, { replace: true });
              setExpandedKeys([]);
            }}
          >
            {t('targets.filters.reset')}
          </Button>
        )}
      </div>

      {listQuery.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : listQuery.isError ? (
        <ErrorResult
          error={listQuery.error}
          onRetry={() => void listQuery.refetch()}
          isRetrying={listQuery.isFetching}
        />
      ) : (
        <Table<Row>
          aria-labelledby={headingId}
          data-testid="targets-table"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          loading={listQuery.isPlaceholderData}
          rowClassName={(row) => (row.target ? '' : (styles.placeholderRow ?? ''))}
          expandable={{
            expandedRowKeys: expandedKeys,
            onExpandedRowsChange: (keys: readonly Key[]) => setExpandedKeys(keys.map(String)),
            indentSize: 24,
          }}
          pagination={{
            current: listQuery.data.page,
            pageSize: listQuery.data.pageSize,
            total: listQuery.data.total,
            showSizeChanger: false,
            showTotal: (total) => t('targets.total', { total }),
            onChange: (next) => setParams({ page: String(next) }),
          }}
          locale={{ emptyText: <Empty description={emptyText} /> }}
        />
      )}
    </Card>
  );
}
