import type { FindingSummary } from '@zeren/contracts';
import { Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DeadlineCell, FindingStatusTag, SeverityTag } from './labels';
import styles from './supervision.module.css';

interface FindingTableProps {
  findings: readonly FindingSummary[];
  findingPath: (id: string) => string;
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  /** Leave out the responsible post (a person's own list). */
  hidePost?: boolean;
  emptyText?: string;
  testId?: string;
}

/** Findings as rows: what, whose, how serious, where it stands, by when. */
export function FindingTable({
  findings,
  findingPath,
  loading,
  pagination = false,
  hidePost,
  emptyText,
  testId,
}: FindingTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<FindingSummary> = [
    {
      title: t('supervision.finding.description'),
      dataIndex: 'description',
      render: (_, f) => (
        <div>
          <Link to={findingPath(f.id)}>{f.description}</Link>
          <div className={styles.muted}>
            {f.inspection.inspectedOn} · {f.inspection.planTitle} · {t('supervision.finding.inspector')}：
            {f.inspection.inspector.name}
          </div>
        </div>
      ),
    },
    ...(hidePost
      ? []
      : [
          {
            title: t('supervision.finding.post'),
            key: 'post',
            width: 200,
            render: (_: unknown, f: FindingSummary) => (
              <div>
                <div>{f.post.title}</div>
                <div className={styles.muted}>
                  {[f.post.unitName, f.owners.map((o) => o.name).join('、')].filter(Boolean).join(' · ')}
                </div>
              </div>
            ),
          },
        ]),
    {
      title: t('supervision.finding.severity'),
      dataIndex: 'severity',
      width: 90,
      render: (_, f) => <SeverityTag severity={f.severity} />,
    },
    {
      title: t('supervision.finding.status'),
      dataIndex: 'status',
      width: 90,
      render: (_, f) => <FindingStatusTag status={f.status} />,
    },
    {
      title: t('supervision.finding.deadline'),
      dataIndex: 'deadline',
      width: 170,
      render: (_, f) => <DeadlineCell finding={f} />,
    },
    {
      title: t('supervision.finding.escalatedTo'),
      key: 'escalatedTo',
      width: 150,
      render: (_, f) =>
        f.escalatedTo ? (
          <span>
            {f.escalatedTo.title}
            <div className={styles.muted}>
              {f.escalatedAt
                ? t('supervision.finding.escalatedRecorded')
                : t('supervision.finding.escalatedPending')}
            </div>
          </span>
        ) : (
          <span className={styles.muted}>—</span>
        ),
    },
  ];
  return (
    <Table<FindingSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={findings as FindingSummary[]}
      loading={loading}
      pagination={pagination}
      locale={{ emptyText: emptyText ?? t('supervision.finding.empty') }}
      data-testid={testId}
    />
  );
}
