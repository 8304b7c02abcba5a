import { useQuery } from '@tanstack/react-query';
import { Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorResult } from '@/components/error-result';
import { useMe } from '@/features/auth/api/get-me';
import { inspectionQueryOptions } from '../api/get-inspection';
import styles from './inspection-report.module.css';

/** 督导检查记录: one inspection on one A4 page — items, findings with deadlines, signatures. */
export function InspectionReport({
  id,
  backPath,
  findingPath,
}: {
  id: string;
  backPath: string;
  findingPath: (id: string) => string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(inspectionQueryOptions(id));
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  return (
    <div className={styles.page}>
      <div className={`${styles.toolbar} ${styles.noPrint}`}>
        <Link to={backPath}>{t('supervision.back')}</Link>
        <Button type="primary" onClick={() => window.print()} data-testid="report-print">
          {t('supervision.report.print')}
        </Button>
      </div>
      <article className={styles.sheet} data-testid="inspection-report">
        <header className={styles.sheetHeader}>
          <div className={styles.organisation}>{me.organisation.name}</div>
          <h1 className={styles.sheetTitle}>
            {t('supervision.report.title', { kind: t(`supervision.kind.${r.plan.kind}`) })}
          </h1>
        </header>
        <table className={styles.infoTable}>
          <tbody>
            <tr>
              <th>{t('supervision.due.plan')}</th>
              <td>{r.plan.title}</td>
              <th>{t('supervision.report.unit')}</th>
              <td>{r.unit.name}</td>
            </tr>
            <tr>
              <th>{t('supervision.inspection.inspectedOn')}</th>
              <td>{r.inspectedOn}</td>
              <th>{t('supervision.finding.inspector')}</th>
              <td>{r.inspector.name}</td>
            </tr>
            <tr>
              <th>{t('supervision.inspection.result')}</th>
              <td colSpan={3}>
                {r.status === 'PASSED'
                  ? t('supervision.inspection.passed')
                  : t('supervision.inspection.findings', { count: r.findings.length })}
              </td>
            </tr>
          </tbody>
        </table>
        <h2 className={styles.sectionTitle}>{t('supervision.report.items')}</h2>
        <table className={styles.table}>
          <thead>
            <tr>
              <th style={{ width: '6%' }}>{t('supervision.report.no')}</th>
              <th>{t('supervision.report.item')}</th>
              <th style={{ width: '14%' }}>{t('supervision.report.outcome')}</th>
              <th style={{ width: '36%' }}>{t('supervision.report.note')}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((item, i) => (
              <tr key={item.itemId}>
                <td className={styles.center}>{i + 1}</td>
                <td>{item.text}</td>
                <td className={item.outcome === 'FINDING' ? styles.finding : styles.center}>
                  {t(`supervision.outcome.${item.outcome}`)}
                </td>
                <td>{item.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.findings.length > 0 && (
          <>
            <h2 className={styles.sectionTitle}>{t('supervision.report.findings')}</h2>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th>{t('supervision.finding.description')}</th>
                  <th style={{ width: '22%' }}>{t('supervision.finding.post')}</th>
                  <th style={{ width: '10%' }}>{t('supervision.finding.severity')}</th>
                  <th style={{ width: '15%' }}>{t('supervision.finding.deadline')}</th>
                  <th style={{ width: '11%' }}>{t('supervision.finding.status')}</th>
                </tr>
              </thead>
              <tbody>
                {r.findings.map((f) => (
                  <tr key={f.id}>
                    <td>
                      <Link to={findingPath(f.id)} className={styles.plainLink}>
                        {f.description}
                      </Link>
                    </td>
                    <td>
                      {f.post.title}
                      {f.owners.length > 0 && `（${f.owners.map((o) => o.name).join('、')}）`}
                    </td>
                    <td className={styles.center}>{t(`supervision.severity.${f.severity}`)}</td>
                    <td className={styles.center}>{f.deadline}</td>
                    <td className={styles.center}>{t(`supervision.status.${f.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className={styles.notice}>{t('supervision.report.notice')}</p>
          </>
        )}
        {r.note && (
          <p>
            {t('supervision.inspect.overallNote')}：{r.note}
          </p>
        )}
        <footer className={styles.signatures}>
          <span>{t('supervision.report.inspectorSign')}</span>
          <span>{t('supervision.report.unitSign')}</span>
          <span>{t('supervision.report.date')}</span>
        </footer>
      </article>
    </div>
  );
}
