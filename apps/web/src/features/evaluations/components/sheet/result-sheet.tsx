import { useQuery } from '@tanstack/react-query';
import type { ResultSheet as ResultSheetData } from '@zeren/contracts';
import { Breadcrumb, Button, Card, Skeleton, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorResult } from '@/components/error-result';
import { useLabels } from '@/lib/labels';
import { resultSheetQueryOptions } from '../../api/get-result-sheet';
import { consequenceText, cycleTitle, formatDateTime, formatPoints, formatScore } from '../../utils/format';
import { GradeTag } from '../grade-tag';
import { formatAmendedValue } from '../results/amended-value';
import styles from './result-sheet.module.css';

interface ResultSheetPageProps {
  cycleId: string;
  personId: string;
  organisationName: string;
  /** Where the breadcrumb leads back to (我的考评结果, or the cycle's results). */
  trail: { path: string; label: string }[];
}

/** 综合考评结果单: one person's result for one cycle, laid out to print on one A4 page. */
export function ResultSheetPage({ cycleId, personId, organisationName, trail }: ResultSheetPageProps) {
  const { t } = useTranslation();
  const query = useQuery(resultSheetQueryOptions(cycleId, personId));
  const location = useLocation();

  const breadcrumb = (
    <Breadcrumb
      className={styles.noPrint}
      items={[
        ...trail.map((item) => ({ title: <Link to={item.path}>{item.label}</Link> })),
        { title: t('evaluations.sheet.title') },
      ]}
    />
  );

  if (query.isPending) {
    return (
      <Card>
        {breadcrumb}
        <Skeleton active paragraph={{ rows: 14 }} />
      </Card>
    );
  }
  if (query.isError) {
    return (
      <Card>
        {breadcrumb}
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} />
      </Card>
    );
  }
  return (
    <div className={styles.page}>
      <div className={`${styles.toolbar} ${styles.noPrint}`}>
        {breadcrumb}
        <Space>
          <Link
            to={`${location.pathname.replace(/\/+$/, '')}/registration-form`}
            data-testid="result-sheet-registration-form"
          >
            <Button>{t('registrationForm.open')}</Button>
          </Link>
          <Button type="primary" onClick={() => window.print()} data-testid="result-sheet-print">
            {t('evaluations.sheet.print')}
          </Button>
        </Space>
      </div>
      <ResultSheet sheet={query.data} organisationName={organisationName} />
    </div>
  );
}

type SectionKey =
  'categories' | 'quarters' | 'adjustments' | 'result' | 'consequence' | 'amendments' | 'evaluators';
type Ordinal = 1 | 2 | 3 | 4 | 5 | 6 | 7;

function ResultSheet({ sheet, organisationName }: { sheet: ResultSheetData; organisationName: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { evaluee } = sheet;
  const isTrimmed = sheet.categories.some((c) => c.isTrimmed);
  const hasCompletion = sheet.categories.some((c) => c.completion !== null);
  const hasEvaluatorDetail = sheet.categories.some(
    (c) => c.evaluatorCount !== null || c.evaluatorScore !== null,
  );
  const hasEvaluatorScores = sheet.evaluatorScores !== null && sheet.evaluatorScores.length > 0;
  // Sections are numbered 一、二、三… in the order shown; optional ones take no number when absent.
  const sections = [
    'categories',
    sheet.quarters ? 'quarters' : null,
    'adjustments',
    'result',
    'consequence',
    sheet.amendments.length > 0 ? 'amendments' : null,
    hasEvaluatorScores ? 'evaluators' : null,
  ].filter((key): key is SectionKey => key !== null);
  const heading = (key: SectionKey) => (
    <h2 className={styles.sectionTitle}>
      {t(`evaluations.sheet.ordinal.${(sections.indexOf(key) + 1) as Ordinal}`)}、
      {t(`evaluations.sheet.${key}`)}
    </h2>
  );

  return (
    <article className={styles.sheet} data-testid="result-sheet" aria-labelledby="result-sheet-title">
      <header className={styles.sheetHeader}>
        <div className={styles.organisation}>{organisationName}</div>
        <h1 id="result-sheet-title" className={styles.sheetTitle}>
          {t('evaluations.sheet.heading', { cycle: cycleTitle(t, sheet.cycle) })}
        </h1>
        <div className={styles.sheetMeta}>
          <span>
            {sheet.cycle.kind === 'ANNUAL'
              ? t('evaluations.sheet.annualKind')
              : t('evaluations.sheet.quarterKind')}
          </span>
          {sheet.isFinal ? (
            <Tag color="blue">{t('evaluations.sheet.final')}</Tag>
          ) : (
            <Tag color="orange">{t('evaluations.sheet.provisional')}</Tag>
          )}
        </div>
      </header>

      <table className={styles.infoTable}>
        <tbody>
          <tr>
            <th scope="row">{t('evaluations.sheet.name')}</th>
            <td data-testid="result-sheet-name">{evaluee.name}</td>
            <th scope="row">{t('evaluations.sheet.employeeNo')}</th>
            <td>{evaluee.employeeNo}</td>
          </tr>
          <tr>
            <th scope="row">{t('evaluations.sheet.post')}</th>
            <td>{evaluee.post?.title ?? '—'}</td>
            <th scope="row">{t('evaluations.sheet.unit')}</th>
            <td>{evaluee.unit?.name ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">{t('evaluations.sheet.tier')}</th>
            <td>{evaluee.tier !== null ? labels.tier(evaluee.tier) : '—'}</td>
            <th scope="row">{t('evaluations.sheet.computedAt')}</th>
            <td>{formatDateTime(t, sheet.cycle.publishedAt ?? sheet.computedAt)}</td>
          </tr>
        </tbody>
      </table>

      <section>
        {heading('categories')}
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t('evaluations.sheet.category')}</th>
              <th scope="col" className={styles.num}>
                {t('evaluations.sheet.weight')}
              </th>
              {hasEvaluatorDetail && (
                <>
                  <th scope="col" className={styles.num}>
                    {t('evaluations.sheet.evaluatorCount')}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t('evaluations.sheet.evaluatorScore')}
                  </th>
                </>
              )}
              {hasCompletion && (
                <th scope="col" className={styles.num}>
                  {t('evaluations.sheet.completion')}
                </th>
              )}
              <th scope="col" className={styles.num}>
                {t('evaluations.sheet.score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sheet.categories.map((c) => (
              <tr key={c.category}>
                <th scope="row">{labels.category(c.category)}</th>
                <td className={styles.num}>{c.weight}%</td>
                {hasEvaluatorDetail && (
                  <>
                    <td className={styles.num}>{c.evaluatorCount ?? '—'}</td>
                    <td className={styles.num}>{formatPoints(c.evaluatorScore)}</td>
                  </>
                )}
                {hasCompletion && (
                  <td className={styles.num}>
                    {c.completion === null ? '—' : `${formatScore(c.completion)}%`}
                  </td>
                )}
                <td className={`${styles.num} ${styles.strong}`}>{formatPoints(c.score)}</td>
              </tr>
            ))}
          </tbody>
          {sheet.weightedScore !== null && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={1 + 1 + (hasEvaluatorDetail ? 2 : 0) + (hasCompletion ? 1 : 0)}>
                  {t('evaluations.sheet.weighted')}
                </th>
                <td className={`${styles.num} ${styles.strong}`}>{formatPoints(sheet.weightedScore)}</td>
              </tr>
            </tfoot>
          )}
        </table>
        {isTrimmed && <p className={styles.note}>{t('evaluations.sheet.trimmed')}</p>}
      </section>

      {sheet.quarters && (
        <section>
          {heading('quarters')}
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('evaluations.sheet.quarter')}</th>
                <th scope="col" className={styles.num}>
                  {t('evaluations.sheet.total')}
                </th>
                <th scope="col">{t('evaluations.sheet.grade')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.quarters.map((q) => (
                <tr key={q.kind}>
                  <th scope="row">{t(`evaluations.cycleKind.${q.kind}`)}</th>
                  <td className={styles.num}>{formatPoints(q.total)}</td>
                  <td>
                    {q.grade ? t(`evaluations.grade.${q.grade}`) : '—'}
                    {q.isVetoed && `（${t('evaluations.adjustmentKind.VETO')}）`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section>
        {heading('adjustments')}
        {sheet.adjustments.length === 0 ? (
          <p className={styles.plain}>{t('evaluations.sheet.noAdjustments')}</p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col" className={styles.kindCol}>
                  {t('evaluations.sheet.kind')}
                </th>
                <th scope="col" className={`${styles.num} ${styles.amountCol}`}>
                  {t('evaluations.sheet.amount')}
                </th>
                <th scope="col">{t('evaluations.sheet.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.adjustments.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{t(`evaluations.adjustmentKind.${a.kind}`)}</th>
                  <td className={styles.num}>
                    {a.amount === null ? '—' : `${a.kind === 'BONUS' ? '+' : '−'}${formatScore(a.amount)}`}
                  </td>
                  <td>{a.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className={styles.plain}>
          <AdjustmentTotal
            label={t('evaluations.sheet.bonusTotal')}
            counted={sheet.bonusTotal}
            requested={sheet.bonusRequested}
            sign="+"
          />
          <AdjustmentTotal
            label={t('evaluations.sheet.deductionTotal')}
            counted={sheet.deductionTotal}
            requested={sheet.deductionRequested}
            sign="−"
          />
        </p>
      </section>

      <section>
        {heading('result')}
        <div className={styles.outcome}>
          <Figure label={t('evaluations.sheet.total')}>
            <span data-testid="result-total">{formatPoints(sheet.total)}</span>
          </Figure>
          <Figure label={t('evaluations.sheet.rank')}>
            {t('evaluations.sheet.rankOf', { rank: sheet.rank, of: sheet.rankOf })}
          </Figure>
          <Figure label={t('evaluations.sheet.grade')}>
            <GradeTag grade={sheet.grade} className={styles.gradeTag} data-testid="result-grade" />
          </Figure>
        </div>
        {sheet.gradeReason && (
          <p className={styles.plain}>
            <strong>{t('evaluations.sheet.gradeReason')}</strong>
            {sheet.gradeReason}
          </p>
        )}
        {sheet.isQuotaCut && (
          <p className={`${styles.callout} ${styles.calloutQuota}`} data-testid="result-quota-cut">
            <strong>{t('evaluations.sheet.quotaCut')}</strong>
            {sheet.quotaCutReason ?? ''}
          </p>
        )}
        {sheet.isVetoed && (
          <p className={`${styles.callout} ${styles.calloutVeto}`} data-testid="result-veto">
            <strong>{t('evaluations.sheet.veto')}</strong>
            {sheet.vetoReason ?? ''}
          </p>
        )}
      </section>

      <section>
        {heading('consequence')}
        <table className={styles.infoTable}>
          <tbody>
            <tr>
              <th scope="row">{t('evaluations.sheet.bonusCoefficient')}</th>
              <td className={styles.strong}>
                {sheet.consequence.bonusCoefficient === null
                  ? '—'
                  : sheet.consequence.bonusCoefficient.toFixed(2)}
              </td>
              <th scope="row">{t('evaluations.sheet.rewardPenalty')}</th>
              <td data-testid="result-consequence">
                {consequenceText(sheet.consequence.text) ?? t('evaluations.sheet.none')}
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      {sheet.amendments.length > 0 && (
        <section>
          {heading('amendments')}
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('evaluations.amendments.field')}</th>
                <th scope="col">{t('evaluations.amendments.change')}</th>
                <th scope="col">{t('evaluations.amendments.reason')}</th>
                <th scope="col">{t('evaluations.amendments.at')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.amendments.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{t(`evaluations.amendField.${a.field}`)}</th>
                  <td>
                    {formatAmendedValue(t, a.field, a.oldValue)} →{' '}
                    {formatAmendedValue(t, a.field, a.newValue)}
                  </td>
                  <td>{a.reason}</td>
                  <td>{formatDateTime(t, a.amendedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {hasEvaluatorScores && sheet.evaluatorScores && (
        <section className={styles.noPrint}>
          {heading('evaluators')}
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('evaluations.sheet.evaluator')}</th>
                {sheet.categories.map((c) => (
                  <th scope="col" key={c.category} className={styles.num}>
                    {labels.category(c.category)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sheet.evaluatorScores.map((e) => (
                <tr key={e.evaluator.personId}>
                  <th scope="row">{e.evaluator.name}</th>
                  {sheet.categories.map((c) => (
                    <td key={c.category} className={styles.num}>
                      {formatScore(e.scores[c.category])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <footer className={styles.signatures}>
        <span>{t('evaluations.sheet.signEvaluee')}</span>
        <span>{t('evaluations.sheet.signGroup')}</span>
        <span>{t('evaluations.sheet.signDate')}</span>
      </footer>
    </article>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.figure}>
      <span className={styles.figureLabel}>{label}</span>
      <span className={styles.figureValue}>{children}</span>
    </div>
  );
}

function AdjustmentTotal({
  label,
  counted,
  requested,
  sign,
}: {
  label: string;
  counted: number;
  requested: number | null;
  sign: '+' | '−';
}) {
  const { t } = useTranslation();
  return (
    <span className={styles.adjustTotal}>
      {label}：{counted > 0 ? `${sign}${formatScore(counted)}` : '0'}
      {requested !== null && requested !== counted && (
        <span className={styles.muted}>
          {t('evaluations.sheet.requested', {
            requested: formatScore(requested),
            counted: formatScore(counted),
          })}
        </span>
      )}
    </span>
  );
}
