import { useQuery } from '@tanstack/react-query';
import type { DueInspection, InspectionSummary, SupervisionBoard } from '@zeren/contracts';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Select,
  Skeleton,
  Table,
  Tabs,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorResult } from '@/components/error-result';
import { serverMessage } from '@/lib/errors';
import { boardQueryOptions } from '../api/get-board';
import type { FindingListFilter } from '../api/keys';
import { dueQueryOptions } from '../api/list-due';
import { findingsQueryOptions } from '../api/list-findings';
import { inspectionsQueryOptions } from '../api/list-inspections';
import { useRunEscalations } from '../api/run-escalations';
import { FindingTable } from './finding-table';
import { PlansTab } from './plans-tab';
import styles from './supervision.module.css';

export interface SupervisionPaths {
  finding: (id: string) => string;
  inspect: (due?: Pick<DueInspection, 'planId' | 'unit' | 'dueOn'>) => string;
  report: (inspectionId: string) => string;
}

interface SupervisionPageProps {
  /** Assessment-group members: record inspections and re-inspect. */
  canInspect: boolean;
  /** Assessment group and admin: create and change plans. */
  canManagePlans: boolean;
  paths: SupervisionPaths;
}

const tabs = ['board', 'due', 'plans', 'inspections'] as const;
type TabKey = (typeof tabs)[number];

/** 督导检查: the assessment group's board — open findings by unit and age, what is due, the plans. */
export function SupervisionPage({ canInspect, canManagePlans, paths }: SupervisionPageProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const tabParam = searchParams.get('tab');
  const tab: TabKey = tabs.includes(tabParam as TabKey) ? (tabParam as TabKey) : 'board';
  const { message } = App.useApp();
  const escalate = useRunEscalations();

  return (
    <Card>
      <header className={styles.header}>
        <div>
          <h1 id={headingId} className={styles.title}>
            {t('supervision.title')}
          </h1>
          <p className={styles.subtitle}>{t('supervision.subtitle')}</p>
        </div>
        <div className={styles.headerActions}>
          <Button
            loading={escalate.isPending}
            onClick={() =>
              escalate.mutate(undefined, {
                onSuccess: (result) =>
                  void message.success(
                    result.escalated > 0
                      ? t('supervision.escalate.done', { count: result.escalated })
                      : t('supervision.escalate.none'),
                  ),
                onError: (error) =>
                  void message.error(serverMessage(error) ?? t('supervision.escalate.failed')),
              })
            }
          >
            {t('supervision.escalate.run')}
          </Button>
          {canInspect && (
            <Link to={paths.inspect()}>
              <Button type="primary">{t('supervision.inspect.new')}</Button>
            </Link>
          )}
        </div>
      </header>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
        items={[
          { key: 'board', label: t('supervision.tabs.board'), children: <BoardTab paths={paths} /> },
          {
            key: 'due',
            label: t('supervision.tabs.due'),
            children: <DueTab canInspect={canInspect} paths={paths} />,
          },
          {
            key: 'plans',
            label: t('supervision.tabs.plans'),
            children: <PlansTab canManage={canManagePlans} />,
          },
          {
            key: 'inspections',
            label: t('supervision.tabs.inspections'),
            children: <InspectionsTab paths={paths} />,
          },
        ]}
      />
    </Card>
  );
}

function BoardTab({ paths }: { paths: SupervisionPaths }) {
  const { t } = useTranslation();
  const board = useQuery(boardQueryOptions());
  const [filter, setFilter] = useState<FindingListFilter>({ status: 'OPEN' });
  const [page, setPage] = useState(1);
  const findings = useQuery(findingsQueryOptions({ ...filter, page, pageSize: 20 }));

  if (board.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (board.isError)
    return (
      <ErrorResult error={board.error} onRetry={() => void board.refetch()} isRetrying={board.isFetching} />
    );
  const { totals } = board.data;
  const columns: TableColumnsType<SupervisionBoard['units'][number]> = [
    { title: t('supervision.board.unit'), key: 'unit', render: (_, r) => r.unit.name },
    { title: t('supervision.board.open'), dataIndex: 'open', width: 90, align: 'right' },
    { title: t('supervision.board.awaiting'), dataIndex: 'awaitingReinspection', width: 90, align: 'right' },
    {
      title: t('supervision.board.overdue'),
      dataIndex: 'overdue',
      width: 90,
      align: 'right',
      render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : v),
    },
    {
      title: t('supervision.board.upTo7'),
      key: 'upTo7',
      width: 90,
      align: 'right',
      render: (_, r) => r.byAge.upTo7,
    },
    {
      title: t('supervision.board.upTo30'),
      key: 'upTo30',
      width: 100,
      align: 'right',
      render: (_, r) => r.byAge.upTo30,
    },
    {
      title: t('supervision.board.over30'),
      key: 'over30',
      width: 100,
      align: 'right',
      render: (_, r) => r.byAge.over30,
    },
    {
      title: t('supervision.board.oldest'),
      dataIndex: 'oldestAgeDays',
      width: 110,
      align: 'right',
      render: (v: number) => t('supervision.days', { count: v }),
    },
    {
      title: '',
      key: 'show',
      width: 90,
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          onClick={() => {
            setFilter({ unitId: r.unit.id });
            setPage(1);
          }}
        >
          {t('supervision.board.show')}
        </Button>
      ),
    },
  ];
  return (
    <div>
      <div className={styles.stats}>
        <Stat label={t('supervision.board.open')} value={totals.open} />
        <Stat label={t('supervision.board.awaiting')} value={totals.awaitingReinspection} />
        <Stat label={t('supervision.board.overdue')} value={totals.overdue} danger={totals.overdue > 0} />
        <Stat label={t('supervision.board.closedThisMonth')} value={totals.closedThisMonth} />
      </div>
      <h2 className={styles.sectionTitle}>{t('supervision.board.byUnit')}</h2>
      <Table
        rowKey={(r) => r.unit.id}
        size="middle"
        columns={columns}
        dataSource={board.data.units}
        pagination={false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.board.empty')} />
          ),
        }}
        data-testid="supervision-board"
      />
      <h2 className={styles.sectionTitle}>{t('supervision.board.findings')}</h2>
      <div className={styles.filters}>
        <Select
          allowClear
          aria-label={t('supervision.board.unit')}
          placeholder={t('supervision.board.allUnits')}
          style={{ width: 180 }}
          value={filter.unitId}
          options={board.data.units.map((u) => ({ value: u.unit.id, label: u.unit.name }))}
          onChange={(unitId?: string) => {
            setFilter((f) => ({ ...f, unitId }));
            setPage(1);
          }}
        />
        <Select
          allowClear
          aria-label={t('supervision.finding.status')}
          placeholder={t('supervision.board.allStatuses')}
          style={{ width: 140 }}
          value={filter.status}
          options={(['OPEN', 'RECTIFIED', 'CLOSED'] as const).map((s) => ({
            value: s,
            label: t(`supervision.status.${s}`),
          }))}
          onChange={(status?: FindingListFilter['status']) => {
            setFilter((f) => ({ ...f, status }));
            setPage(1);
          }}
        />
        <Checkbox
          checked={filter.overdue === 'true'}
          onChange={(e) => {
            setFilter((f) => ({ ...f, overdue: e.target.checked ? 'true' : undefined }));
            setPage(1);
          }}
        >
          {t('supervision.board.onlyOverdue')}
        </Checkbox>
      </div>
      {findings.isError ? (
        <ErrorResult error={findings.error} onRetry={() => void findings.refetch()} />
      ) : (
        <FindingTable
          findings={findings.data?.items ?? []}
          findingPath={paths.finding}
          loading={findings.isPending || findings.isPlaceholderData}
          testId="supervision-findings"
          pagination={{
            current: page,
            pageSize: 20,
            total: findings.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
          }}
        />
      )}
    </div>
  );
}

function Stat({ label, value, danger }: { label: string; value: number; danger?: boolean }) {
  return (
    <div className={danger ? styles.statDanger : styles.stat}>
      <div className={styles.muted}>{label}</div>
      <div style={{ fontSize: 24, fontWeight: 600, color: danger ? '#cf1322' : undefined }}>{value}</div>
    </div>
  );
}

export function DueTable({
  items,
  canInspect,
  paths,
}: {
  items: readonly DueInspection[];
  canInspect: boolean;
  paths: SupervisionPaths;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<DueInspection> = [
    {
      title: t('supervision.due.dueOn'),
      dataIndex: 'dueOn',
      width: 130,
      render: (v: string, r) => (
        <span>
          {v}
          {r.isLate && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {t('supervision.due.late')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('supervision.due.plan'),
      key: 'plan',
      render: (_, r) => (
        <span>
          {r.planTitle} <Tag>{t(`supervision.kind.${r.kind}`)}</Tag>
        </span>
      ),
    },
    { title: t('supervision.board.unit'), key: 'unit', width: 160, render: (_, r) => r.unit.name },
    {
      title: '',
      key: 'action',
      width: 120,
      render: (_, r) =>
        canInspect && r.isMine ? (
          <Link to={paths.inspect(r)}>
            <Button size="small" type="primary">
              {t('supervision.due.record')}
            </Button>
          </Link>
        ) : (
          <span className={styles.muted}>{t('supervision.due.notMine')}</span>
        ),
    },
  ];
  return (
    <Table<DueInspection>
      rowKey={(r) => `${r.planId}:${r.unit.id}:${r.dueOn}`}
      size="middle"
      columns={columns}
      dataSource={items as DueInspection[]}
      pagination={false}
      locale={{ emptyText: t('supervision.due.empty') }}
      data-testid="due-inspections"
    />
  );
}

function DueTab({ canInspect, paths }: { canInspect: boolean; paths: SupervisionPaths }) {
  const query = useQuery(dueQueryOptions());
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return <DueTable items={query.data} canInspect={canInspect} paths={paths} />;
}

function InspectionsTab({ paths }: { paths: SupervisionPaths }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useQuery(inspectionsQueryOptions({ page, pageSize: 20 }));
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const columns: TableColumnsType<InspectionSummary> = [
    { title: t('supervision.inspection.inspectedOn'), dataIndex: 'inspectedOn', width: 120 },
    { title: t('supervision.due.plan'), key: 'plan', render: (_, r) => r.plan.title },
    { title: t('supervision.board.unit'), key: 'unit', width: 140, render: (_, r) => r.unit.name },
    {
      title: t('supervision.finding.inspector'),
      key: 'inspector',
      width: 110,
      render: (_, r) => r.inspector.name,
    },
    {
      title: t('supervision.inspection.result'),
      key: 'status',
      width: 140,
      render: (_, r) =>
        r.status === 'PASSED' ? (
          <Tag color="green">{t('supervision.inspection.passed')}</Tag>
        ) : (
          <Tag color="orange">{t('supervision.inspection.findings', { count: r.findingCount })}</Tag>
        ),
    },
    {
      title: '',
      key: 'report',
      width: 110,
      render: (_, r) => <Link to={paths.report(r.id)}>{t('supervision.inspection.report')}</Link>,
    },
  ];
  return (
    <Table<InspectionSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={query.data?.items ?? []}
      loading={query.isPending || query.isPlaceholderData}
      locale={{ emptyText: t('supervision.inspection.empty') }}
      pagination={{
        current: page,
        pageSize: 20,
        total: query.data?.total ?? 0,
        onChange: setPage,
        hideOnSinglePage: true,
      }}
    />
  );
}
