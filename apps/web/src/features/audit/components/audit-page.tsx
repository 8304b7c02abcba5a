import type { AuditEntry, AuditVerification } from '@zeren/contracts';
import { Button, Card, DatePicker, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorResult } from '@/components/error-result';
import { dayjs } from '@/lib/dayjs';
import type { AuditListQuery } from '../api/keys';
import { useAuditEntries } from '../api/list-audit';
import {
  actionLabel,
  actionOptions,
  entityTypeLabel,
  entityTypeOptions,
  formatChinaTime,
  summarise,
} from '../utils/format';
import { AuditEntryDetail } from './audit-entry-detail';
import { ChainStateCard } from './chain-state-card';
import styles from './audit.module.css';

const pageSizes = [20, 50, 100] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const filterKeys = ['actor', 'action', 'entityType', 'from', 'to'] as const;

/** The table's filters and page live in the URL, so a filtered view survives a reload and can be shared. */
function readQuery(params: URLSearchParams): AuditListQuery {
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const day = (key: string) => {
    const value = params.get(key);
    return value && DAY.test(value) ? value : undefined;
  };
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    actor: text('actor')?.slice(0, 50),
    action: text('action')?.slice(0, 50),
    entityType: text('entityType')?.slice(0, 50),
    from: day('from'),
    to: day('to'),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (pageSizes as readonly number[]).includes(pageSize) ? pageSize : pageSizes[0],
  };
}

function writeQuery(query: AuditListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== pageSizes[0]) params.set('pageSize', String(query.pageSize));
  return params;
}

interface AuditPageProps {
  /** The hashed record names the organisation; the canonical text shown is rebuilt with it. */
  organisationId: string;
}

/** 审计日志: the hash chain's state, then the log itself, newest first, paged by the server. */
export function AuditPage({ organisationId }: AuditPageProps) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => readQuery(searchParams), [searchParams]);
  const entries = useAuditEntries(query);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);

  const update = (patch: Partial<AuditListQuery>) => {
    // A new filter starts again at page 1; paging keeps the filters.
    const next = { ...query, page: 1, ...patch };
    setSearchParams(writeQuery(next), { replace: true });
    setExpanded([]);
  };
  const hasFilters = filterKeys.some((key) => query[key]);

  const showBroken = (broken: NonNullable<AuditVerification['firstBroken']>) => {
    const day = formatChinaTime(broken.at).slice(0, 10);
    setHighlightId(broken.id);
    setExpanded([broken.id]);
    setSearchParams(
      writeQuery({ page: 1, pageSize: query.pageSize, action: broken.action, from: day, to: day }),
      {
        replace: true,
      },
    );
  };

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.table.at'),
      dataIndex: 'at',
      width: 156,
      render: (at: string) => <span className={styles.time}>{formatChinaTime(at)}</span>,
    },
    {
      title: t('audit.table.actor'),
      dataIndex: 'actor',
      width: 88,
      render: (actor: AuditEntry['actor']) =>
        actor === null ? (
          <span className={styles.secondary}>{t('audit.table.system')}</span>
        ) : (
          actor.name || <span className={styles.secondary}>{t('audit.table.unknownActor')}</span>
        ),
    },
    {
      title: t('audit.table.action'),
      dataIndex: 'action',
      width: 128,
      render: (action: string) => <Tag className={styles.actionTag}>{actionLabel(t, action)}</Tag>,
    },
    {
      title: t('audit.table.entity'),
      key: 'entity',
      width: 250,
      // One line per entry keeps the log scannable; the full name is in the tooltip and the details.
      ellipsis: { showTitle: false },
      render: (_, entry) => {
        const name = entry.entityLabel ?? `${entry.entityId.slice(0, 8)}…`;
        return (
          <span title={name}>
            <span className={styles.entityKind}>{entityTypeLabel(t, entry.entityType)}</span>
            {name}
          </span>
        );
      },
    },
    {
      title: t('audit.table.summary'),
      key: 'summary',
      ellipsis: { showTitle: true },
      render: (_, entry) => <span className={styles.summary}>{summarise(t, entry)}</span>,
    },
  ];

  return (
    <Card>
      <header className={styles.header}>
        <h1 className={styles.title}>{t('audit.title')}</h1>
        <p className={styles.intro}>{t('audit.intro')}</p>
      </header>
      <ChainStateCard onShowEntry={showBroken} />
      <search className={styles.toolbar} aria-label={t('audit.filters.search')}>
        <Input.Search
          // Typing is the person's own until they search; a reset or a link puts the URL's value back.
          key={query.actor ?? ''}
          defaultValue={query.actor}
          className={styles.actor}
          allowClear
          onSearch={(value) => update({ actor: value.trim() || undefined })}
          placeholder={t('audit.filters.actorPlaceholder')}
          aria-label={t('audit.filters.actor')}
          maxLength={50}
          enterButton={t('audit.filters.search')}
        />
        <Select
          className={styles.action}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={query.action ?? null}
          onChange={(action?: string | null) => update({ action: action ?? undefined })}
          options={actionOptions(t)}
          placeholder={t('audit.filters.allActions')}
          aria-label={t('audit.filters.action')}
        />
        <Select
          className={styles.entityType}
          allowClear
          value={query.entityType ?? null}
          onChange={(entityType?: string | null) => update({ entityType: entityType ?? undefined })}
          options={entityTypeOptions(t)}
          placeholder={t('audit.filters.allEntityTypes')}
          aria-label={t('audit.filters.entityType')}
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
          onChange={(range) =>
            update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
          }
          placeholder={[t('audit.filters.from'), t('audit.filters.to')]}
          aria-label={t('audit.filters.dateRange')}
        />
        {hasFilters && (
          <Button
            onClick={() => {
              setHighlightId(null);
              update({
                actor: undefined,
                action: undefined,
                entityType: undefined,
                from: undefined,
                to: undefined,
              });
            }}
          >
            {t('audit.filters.reset')}
          </Button>
        )}
      </search>
      {entries.isError && !entries.data ? (
        <ErrorResult
          error={entries.error}
          onRetry={() => void entries.refetch()}
          isRetrying={entries.isFetching}
        />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={entries.data?.items}
          loading={entries.isFetching}
          rowClassName={(entry) => (entry.id === highlightId ? (styles.highlight ?? '') : '')}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: setExpanded,
            expandedRowRender: (entry) => <AuditEntryDetail entry={entry} organisationId={organisationId} />,
            expandRowByClick: true,
          }}
          locale={{ emptyText: hasFilters ? t('audit.table.noMatch') : t('audit.table.empty') }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: entries.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [...pageSizes],
            showTotal: (total) => t('audit.table.total', { count: total }),
            onChange: (page, pageSize) => {
              setSearchParams(
                writeQuery({ ...query, page: pageSize === query.pageSize ? page : 1, pageSize }),
                { replace: true },
              );
              setExpanded([]);
            },
          }}
          data-testid="audit-table"
        />
      )}
    </Card>
  );
}
