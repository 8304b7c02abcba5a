import type {
  ImportCounts,
  ImportIssue,
  ImportPreview,
  ImportResult,
  SpreadsheetKind,
} from '@zeren/contracts';
import {
  Alert,
  Button,
  Progress,
  Result,
  Segmented,
  Space,
  Spin,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import styles from './spreadsheets.module.css';

/** Where one import stands: sending the file, the server checking it, the preview, writing, done. */
export type ImportSession =
  | { phase: 'uploading'; kind: SpreadsheetKind; file: File; percent: number }
  | { phase: 'validating'; kind: SpreadsheetKind; file: File; percent: number }
  | { phase: 'preview'; kind: SpreadsheetKind; file: File; preview: ImportPreview; isFromCommit?: boolean }
  | { phase: 'committing'; kind: SpreadsheetKind; file: File; preview: ImportPreview; percent: number }
  | { phase: 'done'; kind: SpreadsheetKind; file: File; result: ImportResult }
  | { phase: 'failed'; kind: SpreadsheetKind; file: File; message: string };

interface ImportSessionViewProps {
  session: ImportSession;
  onCommit: () => void;
  onReset: () => void;
}

const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The panel under the two cards: progress, the preview with every problem, the outcome. */
export function ImportSessionView({ session, onCommit, onReset }: ImportSessionViewProps) {
  const { t } = useTranslation();
  const kindLabel = t(`spreadsheets.kinds.${session.kind}.title`);
  const fileLine = (
    <p className={styles.fileLine}>
      {t('spreadsheets.session.file', {
        kind: kindLabel,
        name: session.file.name,
        size: formatSize(session.file.size),
      })}
    </p>
  );

  if (session.phase === 'uploading' || session.phase === 'validating') {
    return (
      <section className={styles.session} aria-live="polite" data-testid="import-progress">
        {fileLine}
        {session.phase === 'uploading' ? (
          <>
            <p>{t('spreadsheets.session.uploading')}</p>
            <Progress percent={session.percent} status="active" />
          </>
        ) : (
          <div className={styles.validating}>
            <Spin />
            <span>{t('spreadsheets.session.validating')}</span>
          </div>
        )}
      </section>
    );
  }

  if (session.phase === 'failed') {
    return (
      <section className={styles.session} aria-live="polite" data-testid="import-failed">
        {fileLine}
        <Alert
          type="error"
          showIcon
          title={t('spreadsheets.session.failed')}
          description={session.message}
          action={<Button onClick={onReset}>{t('spreadsheets.session.chooseAgain')}</Button>}
        />
      </section>
    );
  }

  if (session.phase === 'done') {
    const { result } = session;
    return (
      <section className={styles.session} aria-live="polite" data-testid="import-done">
        <Result
          status="success"
          title={t('spreadsheets.done.title', { kind: kindLabel })}
          subTitle={t('spreadsheets.done.subtitle', {
            rows: result.rowCount,
            seconds: (result.durationMs / 1000).toFixed(1),
          })}
          extra={
            <Space wrap>
              {session.kind === 'roster' ? (
                <>
                  <Link to="/admin/org?tab=people">
                    <Button type="primary">{t('spreadsheets.done.viewPeople')}</Button>
                  </Link>
                  <Link to="/admin/org?tab=posts">
                    <Button>{t('spreadsheets.done.viewPosts')}</Button>
                  </Link>
                </>
              ) : null}
              <Button onClick={onReset}>{t('spreadsheets.done.again')}</Button>
            </Space>
          }
        >
          <CountsTable counts={result.summary} />
          {result.warningCount > 0 && (
            <p className={styles.note}>{t('spreadsheets.done.warnings', { count: result.warningCount })}</p>
          )}
        </Result>
      </section>
    );
  }

  const { preview } = session;
  const isCommitting = session.phase === 'committing';
  return (
    <section className={styles.session} aria-live="polite" data-testid="import-preview">
      {fileLine}
      {preview.isValid ? (
        <Alert
          type="success"
          showIcon
          data-testid="import-valid"
          title={t('spreadsheets.preview.valid', { rows: preview.rowCount })}
          description={
            preview.warningCount > 0
              ? t('spreadsheets.preview.warnings', { count: preview.warningCount })
              : undefined
          }
        />
      ) : (
        <Alert
          type="error"
          showIcon
          data-testid="import-errors-banner"
          title={t('spreadsheets.preview.hasErrors', { count: preview.errorCount })}
          description={
            <>
              {session.phase === 'preview' && session.isFromCommit && (
                <div>{t('spreadsheets.preview.fromCommit')}</div>
              )}
              <div>{t('spreadsheets.preview.fix')}</div>
              {preview.isTruncated && (
                <div>{t('spreadsheets.preview.truncated', { shown: preview.issues.length })}</div>
              )}
            </>
          }
        />
      )}

      <h3 className={styles.subheading}>
        {t(preview.isValid ? 'spreadsheets.preview.summary' : 'spreadsheets.preview.summaryInvalid')}
      </h3>
      <CountsTable counts={preview.summary} />

      {preview.issues.length > 0 && (
        <>
          <h3 className={styles.subheading}>
            {t('spreadsheets.preview.issues', { errors: preview.errorCount, warnings: preview.warningCount })}
          </h3>
          <IssuesTable issues={preview.issues} />
        </>
      )}

      <div className={styles.actions}>
        {isCommitting ? (
          <div className={styles.committing} data-testid="import-committing">
            {session.percent < 100 ? (
              <Progress percent={session.percent} status="active" className={styles.commitProgress} />
            ) : (
              <>
                <Spin />
                <span>{t('spreadsheets.session.committing')}</span>
              </>
            )}
          </div>
        ) : (
          <Space>
            {preview.isValid && (
              <Button type="primary" onClick={onCommit} data-testid="import-commit">
                {t('spreadsheets.preview.commit')}
              </Button>
            )}
            <Button onClick={onReset}>{t('spreadsheets.session.chooseAgain')}</Button>
          </Space>
        )}
      </div>
    </section>
  );
}

function CountsTable({ counts }: { counts: ImportCounts[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportCounts>
      className={styles.counts}
      size="small"
      rowKey="kind"
      pagination={false}
      dataSource={counts}
      data-testid="import-counts"
      columns={[
        { key: 'label', title: t('spreadsheets.counts.kind'), dataIndex: 'label' },
        { key: 'create', title: t('spreadsheets.counts.create'), dataIndex: 'create', align: 'right' },
        { key: 'update', title: t('spreadsheets.counts.update'), dataIndex: 'update', align: 'right' },
        {
          key: 'unchanged',
          title: t('spreadsheets.counts.unchanged'),
          dataIndex: 'unchanged',
          align: 'right',
        },
      ]}
    />
  );
}

type SeverityFilter = 'all' | 'error' | 'warning';

function IssuesTable({ issues }: { issues: ImportIssue[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<SeverityFilter>('all');
  const hasBoth = issues.some((i) => i.severity === 'error') && issues.some((i) => i.severity === 'warning');
  const shown = filter === 'all' ? issues : issues.filter((i) => i.severity === filter);
  const columns = useMemo<TableColumnsType<ImportIssue>>(
    () => [
      { key: 'sheet', title: t('spreadsheets.issues.sheet'), dataIndex: 'sheet', width: 110 },
      {
        key: 'row',
        title: t('spreadsheets.issues.row'),
        width: 80,
        align: 'right',
        render: (_, issue) => issue.row ?? '—',
      },
      {
        key: 'column',
        title: t('spreadsheets.issues.column'),
        width: 190,
        render: (_, issue) =>
          issue.column ? (
            <>
              {issue.column}
              {issue.cell && <span className={styles.cellRef}>{issue.cell}</span>}
            </>
          ) : (
            '—'
          ),
      },
      {
        key: 'message',
        title: t('spreadsheets.issues.message'),
        render: (_, issue) => (
          <>
            <Tag color={issue.severity === 'error' ? 'red' : 'gold'}>
              {t(`spreadsheets.issues.severity.${issue.severity}`)}
            </Tag>
            {issue.message}
          </>
        ),
      },
    ],
    [t],
  );
  return (
    <>
      {hasBoth && (
        <Segmented<SeverityFilter>
          className={styles.filter}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('spreadsheets.issues.all') },
            { value: 'error', label: t('spreadsheets.issues.severity.error') },
            { value: 'warning', label: t('spreadsheets.issues.severity.warning') },
          ]}
        />
      )}
      <Table<ImportIssue>
        size="small"
        rowKey={(issue) => `${issue.sheet}:${issue.row}:${issue.column}:${issue.code}:${issue.message}`}
        dataSource={shown}
        columns={columns}
        pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        data-testid="import-issues"
      />
    </>
  );
}
