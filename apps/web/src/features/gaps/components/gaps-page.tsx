import { useQuery } from '@tanstack/react-query';
import type { Gap, GapKind, GapReport, Line, TargetCategory } from '@zeren/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Popconfirm,
  Select,
  Skeleton,
  Table,
  Tag,
  Tooltip,
  type TableColumnsType,
} from 'antd';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { categories, CategoryTag } from '@/components/category-progress';
import { ErrorResult } from '@/components/error-result';
import { TierTag } from '@/components/tier-tag';
import { YearSelect } from '@/components/year-select';
import { dayjs } from '@/lib/dayjs';
import { serverMessage } from '@/lib/errors';
import { useLabels } from '@/lib/labels';
import { gapReportQueryOptions } from '../api/get-gaps';
import { usePublishTargetYear } from '../api/publish-target-year';
import { useRevokeGapWaiver } from '../api/revoke-gap-waiver';
import styles from './gaps-page.module.css';

// The waiver form (antd Form, TextArea, Modal) loads when someone is about to waive a gap, not with
// the page (`on-demand`: the route budget, apps/web/tooling, does not count it in a first visit).
const loadWaiveModal = () => import(/* on-demand */ './waive-gap-modal');
const WaiveGapModal = lazy(() => loadWaiveModal().then((module) => ({ default: module.WaiveGapModal })));
const preloadWaiveModal = () => void loadWaiveModal().catch(() => undefined);

export const gapKinds: readonly GapKind[] = [
  'WEIGHTS_NOT_100',
  'POST_MISSING_CATEGORY',
  'POST_WITHOUT_HOLDER',
  'TARGET_WITHOUT_OWNER',
  'PARENT_NOT_OWNED_BY_SUPERIOR',
  'POST_WITHOUT_SUPERIOR',
];

type Status = 'open' | 'waived';

interface Filters {
  kind?: GapKind;
  unitId?: string;
  tier?: number;
  category?: TargetCategory;
  line?: Line;
  status?: Status;
}

interface GapsPageProps {
  /** Tier 1: may waive gaps, withdraw waivers and publish the year (the server checks too). */
  isTierOne: boolean;
  targetPath: (id: string) => string;
}

/** 链条缺口: the closed-chain check for a year, with waivers, and the way to publish the year. */
export function GapsPage({ isTierOne, targetPath }: GapsPageProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const yearParam = Number(searchParams.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : new Date().getFullYear();
  const query = useQuery(gapReportQueryOptions(year));
  const [filters, setFilters] = useState<Filters>({});

  return (
    <Card>
      <header className={styles.header}>
        <div>
          <h1 id={headingId} className={styles.title}>
            {t('gaps.title')}
          </h1>
          <p className={styles.subtitle}>{t('gaps.subtitle')}</p>
        </div>
        <div className={styles.headerActions}>
          <YearSelect
            value={year}
            onChange={(value) => {
              setSearchParams({ year: String(value) }, { replace: true });
              setFilters({});
            }}
          />
          {isTierOne && query.data && <PublishButton report={query.data} />}
        </div>
      </header>

      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} />
      ) : (
        <GapReportView
          report={query.data}
          filters={filters}
          onFiltersChange={setFilters}
          isTierOne={isTierOne}
          targetPath={targetPath}
          headingId={headingId}
        />
      )}
    </Card>
  );
}

function PublishButton({ report }: { report: GapReport }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const publish = usePublishTargetYear();
  if (report.isYearPublished) {
    return (
      <Tag color="success" className={styles.published}>
        {t('gaps.publish.published', { year: report.year })}
      </Tag>
    );
  }
  const isBlocked = !report.canPublish || report.openTotal > 0;
  const button = (
    <Button
      type="primary"
      disabled={isBlocked}
      loading={publish.isPending}
      data-testid="publish-year"
      onClick={() =>
        void modal.confirm({
          title: t('gaps.publish.confirmTitle', { year: report.year }),
          content: t('gaps.publish.confirm', { waived: report.waivedTotal }),
          okText: t('gaps.publish.ok'),
          cancelText: t('gaps.cancel'),
          onOk: () =>
            publish.mutateAsync(report.year).then(
              () => void message.success(t('gaps.publish.done', { year: report.year })),
              (error: unknown) => void message.error(serverMessage(error) ?? t('errors.unexpected')),
            ),
        })
      }
    >
      {t('gaps.publish.button', { year: report.year })}
    </Button>
  );
  if (!isBlocked) return button;
  return (
    <Tooltip title={t('gaps.publish.blocked', { count: report.openTotal })}>
      {/* A disabled button gets no pointer events; the wrapper shows the reason on hover and focus. */}
      <span tabIndex={0} className={styles.disabledWrap}>
        {button}
      </span>
    </Tooltip>
  );
}

function GapReportView({
  report,
  filters,
  onFiltersChange,
  isTierOne,
  targetPath,
  headingId,
}: {
  report: GapReport;
  filters: Filters;
  onFiltersChange: (filters: Filters) => void;
  isTierOne: boolean;
  targetPath: (id: string) => string;
  headingId: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const revoke = useRevokeGapWaiver();
  const [waiving, setWaiving] = useState<Gap | null>(null);

  const units = useMemo(() => {
    const byId = new Map<string, string>();
    for (const gap of report.gaps) if (gap.unit) byId.set(gap.unit.id, gap.unit.name);
    return [...byId]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [report.gaps]);

  const rows = report.gaps.filter(
    (gap) =>
      (!filters.kind || gap.kind === filters.kind) &&
      (!filters.unitId || gap.unit?.id === filters.unitId) &&
      (!filters.tier || gap.post?.tier === filters.tier) &&
      (!filters.category || gap.category === filters.category) &&
      (!filters.line || gap.line === filters.line) &&
      (!filters.status || (filters.status === 'waived') === (gap.waiver !== null)),
  );
  // Open gaps first, then by kind as the cards are ordered.
  const sorted = [...rows].sort(
    (a, b) =>
      Number(a.waiver !== null) - Number(b.waiver !== null) ||
      gapKinds.indexOf(a.kind) - gapKinds.indexOf(b.kind),
  );
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K] | '' | undefined) =>
    onFiltersChange({ ...filters, [key]: value === '' ? undefined : value });

  const columns: TableColumnsType<Gap> = [
    {
      key: 'kind',
      title: t('gaps.columns.kind'),
      width: 128,
      render: (_, gap) => <Tag color={gap.waiver ? 'default' : 'error'}>{t(`gaps.kind.${gap.kind}`)}</Tag>,
    },
    {
      key: 'detail',
      title: t('gaps.columns.detail'),
      render: (_, gap) => (
        <div className={styles.detail}>
          <span>{gap.detail}</span>
          <span className={styles.links}>
            {gap.target && (
              <Link to={targetPath(gap.target.id)}>{t('gaps.openTarget', { title: gap.target.title })}</Link>
            )}
            {gap.post && (
              <Link
                to={`/chain?${new URLSearchParams({ line: gap.line ?? 'ADMINISTRATIVE', year: String(report.year), focus: gap.post.id })}`}
              >
                {t('gaps.openInChain')}
              </Link>
            )}
          </span>
        </div>
      ),
    },
    {
      key: 'where',
      title: t('gaps.columns.where'),
      width: 190,
      render: (_, gap) => (
        <div className={styles.where}>
          {gap.post ? (
            <>
              <div>
                <TierTag tier={gap.post.tier} className={styles.tierTag} />
                {gap.post.title}
              </div>
              <div className={styles.muted}>
                {gap.post.unitName} · {gap.post.holderNames.join('、') || t('gaps.vacant')}
              </div>
            </>
          ) : (
            (gap.unit?.name ?? '—')
          )}
        </div>
      ),
    },
    {
      key: 'category',
      title: t('gaps.columns.category'),
      width: 116,
      render: (_, gap) => (
        <div className={styles.stack}>
          {gap.category && <CategoryTag category={gap.category} />}
          {gap.line && <span className={styles.muted}>{labels.line(gap.line)}</span>}
          {!gap.category && !gap.line && '—'}
        </div>
      ),
    },
    {
      key: 'status',
      title: t('gaps.columns.status'),
      width: 168,
      render: (_, gap) =>
        gap.waiver ? (
          <div className={styles.waiver} data-testid="gap-waiver">
            <Tag color="default">{t('gaps.waived')}</Tag>
            <div>{t('gaps.waiverReason', { reason: gap.waiver.reason })}</div>
            <div className={styles.muted}>
              {t('gaps.waiverBy', {
                name: gap.waiver.waivedBy,
                at: dayjs(gap.waiver.waivedAt).format('YYYY-MM-DD HH:mm'),
              })}
            </div>
          </div>
        ) : (
          <Tag color="error">{t('gaps.open')}</Tag>
        ),
    },
    ...(isTierOne
      ? [
          {
            key: 'actions',
            title: t('gaps.columns.actions'),
            width: 84,
            render: (_: unknown, gap: Gap) =>
              gap.waiver ? (
                <Popconfirm
                  title={t('gaps.revoke.confirm')}
                  okText={t('gaps.revoke.ok')}
                  cancelText={t('gaps.cancel')}
                  onConfirm={() =>
                    revoke.mutateAsync(gap.waiver!.id).then(
                      () => void message.success(t('gaps.revoke.done')),
                      (error: unknown) => void message.error(serverMessage(error) ?? t('errors.unexpected')),
                    )
                  }
                >
                  <Button size="small" type="link">
                    {t('gaps.revoke.button')}
                  </Button>
                </Popconfirm>
              ) : (
                <Button
                  size="small"
                  type="link"
                  onPointerEnter={preloadWaiveModal}
                  onFocus={preloadWaiveModal}
                  onClick={() => setWaiving(gap)}
                  data-testid="gap-waive"
                >
                  {t('gaps.waive.button')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className={styles.cards} role="list" aria-label={t('gaps.countsLabel')}>
        <button
          type="button"
          role="listitem"
          className={`${styles.countCard} ${styles.totalCard} ${!filters.kind ? styles.active : ''} ${report.openTotal > 0 ? styles.hasOpen : styles.allClosed}`}
          onClick={() => setFilter('kind', undefined)}
          aria-pressed={!filters.kind}
        >
          <span className={styles.countLabel}>{t('gaps.openTotal')}</span>
          <span className={styles.countValue} data-testid="gaps-open-total">
            {report.openTotal}
          </span>
          <span className={styles.countNote}>{t('gaps.waivedTotal', { count: report.waivedTotal })}</span>
        </button>
        {gapKinds.map((kind) => {
          const count = report.openCounts[kind] ?? 0;
          return (
            <button
              key={kind}
              type="button"
              role="listitem"
              data-testid={`gap-count-${kind}`}
              className={`${styles.countCard} ${filters.kind === kind ? styles.active : ''} ${count > 0 ? styles.hasOpen : ''}`}
              onClick={() => setFilter('kind', filters.kind === kind ? undefined : kind)}
              aria-pressed={filters.kind === kind}
            >
              <span className={styles.countLabel}>{t(`gaps.kind.${kind}`)}</span>
              <span className={styles.countValue}>{count}</span>
              <span className={styles.countNote}>{t(`gaps.kindHint.${kind}`)}</span>
            </button>
          );
        })}
      </div>

      {report.openTotal > 0 ? (
        <Alert
          className={styles.alert}
          type="warning"
          showIcon
          title={t('gaps.openAlert', { count: report.openTotal, year: report.year })}
        />
      ) : (
        <Alert
          className={styles.alert}
          type="success"
          showIcon
          title={t('gaps.closedAlert', { year: report.year })}
        />
      )}

      <div className={styles.filters} role="search" aria-label={t('gaps.filters.label')}>
        <Select<GapKind | ''>
          className={styles.selectWide}
          aria-label={t('gaps.filters.kind')}
          value={filters.kind ?? ''}
          onChange={(value) => setFilter('kind', value)}
          options={[
            { value: '', label: t('gaps.filters.allKinds') },
            ...gapKinds.map((kind) => ({ value: kind, label: t(`gaps.kind.${kind}`) })),
          ]}
        />
        <Select<string>
          className={styles.select}
          aria-label={t('gaps.filters.unit')}
          value={filters.unitId ?? ''}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(value) => setFilter('unitId', value)}
          options={[{ value: '', label: t('gaps.filters.allUnits') }, ...units]}
        />
        <Select<number | ''>
          className={styles.select}
          aria-label={t('gaps.filters.tier')}
          value={filters.tier ?? ''}
          onChange={(value) => setFilter('tier', value)}
          options={[
            { value: '', label: t('gaps.filters.allTiers') },
            ...[1, 2, 3, 4].map((tier) => ({ value: tier, label: labels.tier(tier) })),
          ]}
        />
        <Select<TargetCategory | ''>
          className={styles.select}
          aria-label={t('gaps.filters.category')}
          value={filters.category ?? ''}
          onChange={(value) => setFilter('category', value)}
          options={[
            { value: '', label: t('gaps.filters.allCategories') },
            ...categories.map((category) => ({ value: category, label: labels.category(category) })),
          ]}
        />
        <Select<Line | ''>
          className={styles.selectNarrow}
          aria-label={t('gaps.filters.line')}
          value={filters.line ?? ''}
          onChange={(value) => setFilter('line', value)}
          options={[
            { value: '', label: t('gaps.filters.allLines') },
            { value: 'ADMINISTRATIVE', label: labels.line('ADMINISTRATIVE') },
            { value: 'PARTY', label: labels.line('PARTY') },
          ]}
        />
        <Select<Status | ''>
          className={styles.selectNarrow}
          aria-label={t('gaps.filters.status')}
          value={filters.status ?? ''}
          onChange={(value) => setFilter('status', value)}
          options={[
            { value: '', label: t('gaps.filters.allStatuses') },
            { value: 'open', label: t('gaps.open') },
            { value: 'waived', label: t('gaps.waived') },
          ]}
        />
        {Object.values(filters).some((value) => value !== undefined) && (
          <Button type="link" onClick={() => onFiltersChange({})}>
            {t('gaps.filters.reset')}
          </Button>
        )}
      </div>

      <Table<Gap>
        aria-labelledby={headingId}
        data-testid="gaps-table"
        rowKey="key"
        columns={columns}
        dataSource={sorted}
        rowClassName={(gap) => (gap.waiver ? (styles.waivedRow ?? '') : '')}
        pagination={sorted.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{
          emptyText: (
            <Empty
              description={
                report.gaps.length === 0 ? t('gaps.empty', { year: report.year }) : t('gaps.emptyFiltered')
              }
            />
          ),
        }}
      />

      {waiving && (
        <Suspense fallback={null}>
          <WaiveGapModal gap={waiving} year={report.year} onClose={() => setWaiving(null)} />
        </Suspense>
      )}
    </>
  );
}
