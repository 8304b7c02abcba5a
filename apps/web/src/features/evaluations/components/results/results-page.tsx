import { useQuery } from '@tanstack/react-query';
import type { CycleDetail, Grade, ResultRow, ResultsPage as ResultsPageData } from '@zeren/contracts';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Empty,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { categoryColors } from '@/components/category-progress';
import { ErrorResult } from '@/components/error-result';
import { serverMessage } from '@/lib/errors';
import { useLabels } from '@/lib/labels';
import { useExportRegistrationForms } from '../../api/export-registration-forms';
import { useExportResults } from '../../api/export-results';
import { cycleQueryOptions } from '../../api/get-cycle';
import { resultListQueryOptions } from '../../api/list-results';
import { consequenceText, cycleTitle, formatDateTime, formatPoints, formatScore } from '../../utils/format';
import { scoreCategories } from '../../utils/workbench-store';
import { CycleStatusTag, GradeTag, grades } from '../grade-tag';
import { AmendmentsSection } from './amendments-section';
import styles from './results.module.css';

interface ResultsPageProps {
  cycleId: string;
  cyclesPath: string;
  sheetPath: (personId: string) => string;
}

/** A cycle's ranked results: grades, the 优秀 quota and who it cut, the export, and corrections. */
export function ResultsPage({ cycleId, cyclesPath, sheetPath }: ResultsPageProps) {
  const { t } = useTranslation();
  const cycleQuery = useQuery(cycleQueryOptions(cycleId));
  const resultsQuery = useQuery(resultListQueryOptions(cycleId));

  const breadcrumb = (
    <Breadcrumb
      className={styles.breadcrumb}
      items={[
        { title: <Link to={cyclesPath}>{t('nav.evaluationCycles')}</Link> },
        { title: cycleQuery.data ? cycleTitle(t, cycleQuery.data) : '…' },
        { title: t('evaluations.results.title') },
      ]}
    />
  );

  if (cycleQuery.isPending || resultsQuery.isPending) {
    return (
      <Card>
        {breadcrumb}
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  }
  const failed = cycleQuery.isError ? cycleQuery : resultsQuery.isError ? resultsQuery : null;
  if (failed) {
    return (
      <Card>
        {breadcrumb}
        <ErrorResult
          error={failed.error}
          onRetry={() => void failed.refetch()}
          isRetrying={failed.isFetching}
        />
      </Card>
    );
  }
  return (
    <ResultsView
      cycle={cycleQuery.data!}
      results={resultsQuery.data!}
      breadcrumb={breadcrumb}
      sheetPath={sheetPath}
    />
  );
}

function ResultsView({
  cycle,
  results,
  breadcrumb,
  sheetPath,
}: {
  cycle: CycleDetail;
  results: ResultsPageData;
  breadcrumb: ReactNode;
  sheetPath: (personId: string) => string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [grade, setGrade] = useState<Grade | 'ALL'>('ALL');
  const title = cycleTitle(t, cycle);
  const exportXlsx = useExportResults(cycle.id, t('evaluations.results.filename', { cycle: title }));
  const exportForms = useExportRegistrationForms(
    cycle.id,
    t('registrationForm.filenameAll', { cycle: title }),
  );
  const { summary } = results;
  const rows = grade === 'ALL' ? results.items : results.items.filter((row) => row.grade === grade);

  const columns = useMemo<TableColumnsType<ResultRow>>(
    () => [
      { key: 'rank', title: t('evaluations.results.rank'), dataIndex: 'rank', width: 48, align: 'right' },
      {
        key: 'name',
        title: t('evaluations.results.name'),
        width: 72,
        render: (_, row) => (
          <Link to={sheetPath(row.evaluee.personId)} className={styles.name}>
            {row.evaluee.name}
          </Link>
        ),
      },
      {
        key: 'where',
        title: t('evaluations.results.postUnit'),
        width: 124,
        render: (_, row) => (
          <div className={styles.where}>
            <span>{row.evaluee.unit?.name ?? row.evaluee.employeeNo}</span>
            {row.evaluee.post && (
              <span className={styles.post} title={row.evaluee.post.title}>
                {row.evaluee.post.title}
              </span>
            )}
          </div>
        ),
      },
      ...scoreCategories.map((category) => ({
        key: category,
        title: (
          <span
            className={styles.categoryHead}
            style={{ borderColor: categoryColors[category] }}
            title={labels.category(category)}
          >
            {t(`evaluations.categoryShort.${category}`)}
          </span>
        ),
        width: 78,
        align: 'right' as const,
        render: (_: unknown, row: ResultRow) => formatPoints(row.scores[category]),
      })),
      {
        key: 'bonus',
        title: t('evaluations.results.bonus'),
        width: 48,
        align: 'right',
        render: (_, row) =>
          row.bonusTotal > 0 ? <span className={styles.bonus}>+{formatScore(row.bonusTotal)}</span> : '—',
      },
      {
        key: 'deduction',
        title: t('evaluations.results.deduction'),
        width: 48,
        align: 'right',
        render: (_, row) =>
          row.deductionTotal > 0 ? (
            <span className={styles.deduction}>−{formatScore(row.deductionTotal)}</span>
          ) : (
            '—'
          ),
      },
      {
        key: 'total',
        title: t('evaluations.results.total'),
        width: 62,
        align: 'right',
        render: (_, row) => <strong className={styles.total}>{formatPoints(row.total)}</strong>,
      },
      {
        key: 'grade',
        title: t('evaluations.results.grade'),
        width: 128,
        render: (_, row) => (
          <span className={styles.gradeCell}>
            <GradeTag grade={row.grade} />
            {row.isVetoed && (
              <Tooltip title={row.vetoReason}>
                <Tag color="red" className={styles.marker}>
                  {t('evaluations.adjustmentKind.VETO')}
                </Tag>
              </Tooltip>
            )}
            {row.isQuotaCut && (
              <Tooltip title={row.quotaCutReason}>
                <Tag className={styles.marker} data-testid="quota-cut-marker">
                  {t('evaluations.results.quotaCut')}
                </Tag>
              </Tooltip>
            )}
            {row.isAmended && (
              <Tag color="purple" className={styles.marker}>
                {t('evaluations.results.amended')}
              </Tag>
            )}
          </span>
        ),
      },
      {
        key: 'coefficient',
        title: t('evaluations.results.coefficient'),
        width: 72,
        align: 'right',
        render: (_, row) => (row.bonusCoefficient === null ? '—' : row.bonusCoefficient.toFixed(2)),
      },
      {
        key: 'consequence',
        title: t('evaluations.results.consequence'),
        ellipsis: true,
        render: (_, row) => {
          const text = consequenceText(row.consequence);
          return text ? (
            <span className={styles.consequence} title={text}>
              {text}
            </span>
          ) : (
            <span className={styles.muted}>—</span>
          );
        },
      },
    ],
    [t, labels, sheetPath],
  );

  const onExport = () =>
    exportXlsx.mutate(undefined, {
      onError: (error) => void message.error(serverMessage(error) ?? t('errors.unexpected')),
    });

  return (
    <div className={styles.page}>
      <Card>
        {breadcrumb}
        <header className={styles.header}>
          <div>
            <h1 className={styles.title}>
              {t('evaluations.results.heading', { cycle: title })}
              <CycleStatusTag status={cycle.status} className={styles.titleTag} />
            </h1>
            <p className={styles.subtitle}>
              {results.computedAt
                ? t('evaluations.results.computedAt', { at: formatDateTime(t, results.computedAt) })
                : ''}
            </p>
          </div>
          <Space>
            <Button
              onClick={() =>
                exportForms.mutate(undefined, {
                  onError: (error) => void message.error(serverMessage(error) ?? t('errors.unexpected')),
                })
              }
              loading={exportForms.isPending}
              data-testid="results-export-registration-forms"
            >
              {t('registrationForm.exportAll')}
            </Button>
            <Button onClick={onExport} loading={exportXlsx.isPending} data-testid="results-export">
              {t('evaluations.results.export')}
            </Button>
          </Space>
        </header>

        {!results.isFinal && (
          <Alert
            type="warning"
            showIcon
            className={styles.notice}
            title={t('evaluations.results.provisional')}
          />
        )}

        <section
          className={styles.summary}
          aria-label={t('evaluations.results.distribution')}
          data-testid="results-summary"
        >
          {grades.map((g) => (
            <div key={g} className={styles.summaryItem} data-grade={g}>
              <span className={styles.summaryLabel}>
                <GradeTag grade={g} />
              </span>
              <span className={styles.summaryValue}>
                {summary.byGrade[g]}
                <small>{t('evaluations.results.people')}</small>
              </span>
              {g === 'EXCELLENT' && (
                <span className={styles.summaryNote} data-testid="quota-use">
                  {t('evaluations.results.quotaUse', {
                    used: summary.byGrade.EXCELLENT,
                    quota: summary.excellentQuota,
                  })}
                </span>
              )}
            </div>
          ))}
          <div className={styles.summaryFacts}>
            <span>{t('evaluations.results.evaluees', { count: summary.evaluees })}</span>
            <span>{t('evaluations.results.quotaCutCount', { count: summary.quotaCut })}</span>
            <span>{t('evaluations.results.vetoCount', { count: summary.vetoed })}</span>
          </div>
        </section>

        <div className={styles.toolbar}>
          <Segmented<Grade | 'ALL'>
            value={grade}
            onChange={setGrade}
            options={[
              { value: 'ALL', label: t('evaluations.results.allGrades', { count: results.items.length }) },
              ...grades.map((g) => ({
                value: g,
                label: `${t(`evaluations.grade.${g}`)} ${summary.byGrade[g]}`,
              })),
            ]}
          />
        </div>

        {results.items.length === 0 ? (
          <Empty description={t('evaluations.results.empty')} />
        ) : (
          <Table<ResultRow>
            size="small"
            rowKey={(row) => row.evaluee.personId}
            columns={columns}
            dataSource={rows}
            pagination={false}
            tableLayout="fixed"
            sticky
            rowClassName={(row) =>
              row.grade === 'INCOMPETENT' || row.isVetoed ? (styles.rowAlert ?? '') : ''
            }
            data-testid="results-table"
            locale={{ emptyText: t('evaluations.results.emptyGrade') }}
          />
        )}
        {results.total > results.items.length && (
          <Alert
            type="info"
            showIcon
            className={styles.notice}
            title={t('evaluations.results.truncated', { shown: results.items.length, total: results.total })}
          />
        )}
      </Card>

      {(cycle.status === 'PUBLISHED' || cycle.counts.amendments > 0) && (
        <AmendmentsSection cycle={cycle} rows={results.items} />
      )}
    </div>
  );
}
