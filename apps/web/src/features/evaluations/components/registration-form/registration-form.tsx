import { useQuery } from '@tanstack/react-query';
import type { RegistrationForm as RegistrationFormData, RegistrationTarget } from '@zeren/contracts';
import { App, Breadcrumb, Button, Card, Skeleton, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorResult } from '@/components/error-result';
import { serverMessage } from '@/lib/errors';
import { useLabels } from '@/lib/labels';
import { useExportRegistrationForm } from '../../api/export-registration-forms';
import { registrationFormQueryOptions } from '../../api/get-registration-form';
import { consequenceText, cycleTitle, formatPoints, formatScore } from '../../utils/format';
import styles from './registration-form.module.css';

interface RegistrationFormPageProps {
  cycleId: string;
  personId: string;
  /** Where the breadcrumb leads back to (我的考评结果 or the cycle's results, then the result sheet). */
  trail: { path: string; label: string }[];
}

/** 考核登记表: one person's form for one cycle, one A4 portrait page on paper, to be signed. */
export function RegistrationFormPage({ cycleId, personId, trail }: RegistrationFormPageProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useQuery(registrationFormQueryOptions(cycleId, personId));
  const exportXlsx = useExportRegistrationForm(cycleId, personId, t('registrationForm.filename'));

  const breadcrumb = (
    <Breadcrumb
      className={styles.noPrint}
      items={[
        ...trail.map((item) => ({ title: <Link to={item.path}>{item.label}</Link> })),
        { title: t('registrationForm.title') },
      ]}
    />
  );

  if (query.isPending) {
    return (
      <Card>
        {breadcrumb}
        <Skeleton active paragraph={{ rows: 16 }} />
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
  const onExport = () =>
    exportXlsx.mutate(undefined, {
      onError: (error) => void message.error(serverMessage(error) ?? t('errors.unexpected')),
    });
  return (
    <div className={styles.page}>
      <div className={`${styles.toolbar} ${styles.noPrint}`}>
        {breadcrumb}
        <Space>
          <Button onClick={onExport} loading={exportXlsx.isPending} data-testid="registration-form-xlsx">
            {t('registrationForm.exportXlsx')}
          </Button>
          <Button type="primary" onClick={() => window.print()} data-testid="registration-form-print">
            {t('registrationForm.print')}
          </Button>
        </Space>
      </div>
      <RegistrationForm form={query.data} />
    </div>
  );
}

const dateText = (t: TFunction, iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return t('registrationForm.date', { year, month, day });
};

function goalText(t: TFunction, target: RegistrationTarget): string {
  switch (target.measureKind) {
    case 'PERCENTAGE':
      return `${formatScore(target.goal)}%`;
    case 'NUMBER':
      return `${formatScore(target.goal)}${target.measureUnit ? ` ${target.measureUnit}` : ''}`;
    case 'MILESTONE':
      return t('registrationForm.milestone');
    case 'QUALITATIVE':
      return t('registrationForm.qualitative');
  }
}

/** The form's 8-column grid (percent of the width): labels, names and categories fit one line. */
const COLUMN_WIDTHS = [13, 13, 10, 13, 14, 12, 12, 13] as const;

const pct = (value: number | null) => (value === null ? '—' : `${formatScore(value)}%`);

function RegistrationForm({ form }: { form: RegistrationFormData }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { person, sheet, rules } = form;
  const isAnnual = sheet.cycle.kind === 'ANNUAL';
  const adjustments = sheet.adjustments.filter((a) => a.kind !== 'VETO');
  const reward = consequenceText(sheet.consequence.text);
  const section = (
    n: 1 | 2 | 3 | 4 | 5,
    key: 'basic' | 'targets' | 'scoring' | 'consequence' | 'opinions',
  ) => (
    <tr className={styles.section}>
      <th colSpan={8} scope="colgroup">
        {t(`evaluations.sheet.ordinal.${n}`)}、{t(`registrationForm.sections.${key}`)}
      </th>
    </tr>
  );
  const signLine = (
    <span className={styles.signLine}>
      {t('registrationForm.sign')}
      <span className={styles.blank} />
      {t('registrationForm.signDate')}
    </span>
  );

  return (
    <article
      className={styles.sheet}
      data-testid="registration-form"
      aria-labelledby="registration-form-title"
    >
      <header className={styles.header}>
        <h1 id="registration-form-title" className={styles.title}>
          {t('registrationForm.heading', { cycle: cycleTitle(t, sheet.cycle) })}
        </h1>
        {!sheet.isFinal && (
          <p className={styles.provisional} data-testid="registration-form-provisional">
            {t('registrationForm.provisional')}
          </p>
        )}
        <div className={styles.meta}>
          <span>
            {t('registrationForm.organisation')}
            {form.organisationName}
          </span>
          <span>
            {t('registrationForm.period')}
            {t('registrationForm.periodRange', {
              start: dateText(t, form.period.start),
              end: dateText(t, form.period.end),
            })}
          </span>
          <span>
            {t('registrationForm.filledOn')}
            {dateText(t, form.filledOn)}
          </span>
        </div>
      </header>

      <table className={styles.grid}>
        <colgroup>
          {COLUMN_WIDTHS.map((width, i) => (
            <col key={i} style={{ width: `${width}%` }} />
          ))}
        </colgroup>
        <tbody>
          {section(1, 'basic')}
          <tr>
            <th scope="row">{t('registrationForm.name')}</th>
            <td data-testid="registration-form-name">{person.name}</td>
            <th scope="row">{t('registrationForm.gender')}</th>
            <td>{person.gender ?? ''}</td>
            <th scope="row">{t('registrationForm.employeeNo')}</th>
            <td>{person.employeeNo}</td>
            <th scope="row">{t('registrationForm.politicalStatus')}</th>
            <td>{person.politicalStatus ?? ''}</td>
          </tr>
          <tr>
            <th scope="row">{t('registrationForm.unit')}</th>
            <td colSpan={3}>{person.unit?.name ?? '—'}</td>
            <th scope="row">{t('registrationForm.post')}</th>
            <td colSpan={3}>{person.post?.title ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">{t('registrationForm.tier')}</th>
            <td colSpan={3}>{person.tier !== null ? labels.tier(person.tier) : '—'}</td>
            <th scope="row">{t('registrationForm.otherPosts')}</th>
            <td colSpan={3}>
              {person.otherPosts.length ? person.otherPosts.join('、') : t('registrationForm.none')}
            </td>
          </tr>

          {section(2, 'targets')}
          <tr className={styles.head}>
            <th scope="col">{t('registrationForm.index')}</th>
            <th scope="col" colSpan={3}>
              {t('registrationForm.targetTitle')}
            </th>
            <th scope="col">{t('registrationForm.category')}</th>
            <th scope="col">{t('registrationForm.weight')}</th>
            <th scope="col">{t('registrationForm.goal')}</th>
            <th scope="col">{t('registrationForm.progress')}</th>
          </tr>
          {form.targets.length === 0 ? (
            <tr>
              <td colSpan={8} className={styles.center}>
                {t('registrationForm.noTargets')}
              </td>
            </tr>
          ) : (
            form.targets.map((target, i) => (
              <tr key={target.id} data-testid="registration-form-target">
                <td className={styles.center}>{i + 1}</td>
                <td colSpan={3}>{target.title}</td>
                <td className={styles.center}>{labels.category(target.category)}</td>
                <td className={styles.num}>{formatScore(target.weight)}%</td>
                <td className={styles.num}>{goalText(t, target)}</td>
                <td className={styles.num}>{pct(target.progress)}</td>
              </tr>
            ))
          )}
          <tr className={styles.noteRow}>
            <td colSpan={8}>{t('registrationForm.targetsNote')}</td>
          </tr>

          {section(3, 'scoring')}
          <tr className={styles.head}>
            <th scope="col" colSpan={2}>
              {t('registrationForm.scoringCategory')}
            </th>
            <th scope="col">{t('registrationForm.weight')}</th>
            <th scope="col">{t('registrationForm.evaluatorCount')}</th>
            <th scope="col">{t('registrationForm.evaluatorScore')}</th>
            <th scope="col">{t('registrationForm.completion')}</th>
            <th scope="col">{t('registrationForm.categoryScore')}</th>
            <th scope="col">{t('registrationForm.weightedPart')}</th>
          </tr>
          {sheet.categories.map((c) => (
            <tr key={c.category}>
              <th scope="row" colSpan={2}>
                {labels.category(c.category)}
              </th>
              <td className={styles.num}>{c.weight}%</td>
              <td className={styles.num}>{c.evaluatorCount ?? '—'}</td>
              <td className={styles.num}>{formatPoints(c.evaluatorScore)}</td>
              <td className={styles.num}>{pct(c.completion)}</td>
              <td className={`${styles.num} ${styles.strong}`}>{formatPoints(c.score)}</td>
              <td className={styles.num}>{formatPoints((c.weight * c.score) / 100)}</td>
            </tr>
          ))}
          {sheet.weightedScore !== null && (
            <tr>
              <th scope="row" colSpan={7} className={styles.right}>
                {t('registrationForm.weighted')}
              </th>
              <td className={`${styles.num} ${styles.strong}`}>{formatPoints(sheet.weightedScore)}</td>
            </tr>
          )}
          {!isAnnual && (
            <tr className={styles.noteRow}>
              <td colSpan={8}>
                {t('registrationForm.scoringNote', {
                  evaluators: formatScore((1 - rules.targetShare) * 100),
                  targets: formatScore(rules.targetShare * 100),
                })}
              </td>
            </tr>
          )}
          {sheet.quarters && (
            <tr>
              <th scope="row" colSpan={2}>
                {t('registrationForm.quarters')}
              </th>
              <td colSpan={6}>
                {sheet.quarters.length === 0
                  ? '—'
                  : sheet.quarters
                      .map(
                        (q) =>
                          `${t(`evaluations.cycleKind.${q.kind}`)} ${formatPoints(q.total)}（${
                            q.grade ? t(`evaluations.grade.${q.grade}`) : '—'
                          }${q.isVetoed ? `，${t('evaluations.adjustmentKind.VETO')}` : ''}）`,
                      )
                      .join('；')}
              </td>
            </tr>
          )}
          <tr className={styles.head}>
            <th scope="col">{t('registrationForm.adjustmentKind')}</th>
            <th scope="col">{t('registrationForm.amount')}</th>
            <th scope="col" colSpan={6}>
              {t('registrationForm.reason')}
            </th>
          </tr>
          {adjustments.length === 0 ? (
            <tr>
              <td colSpan={8} className={styles.center}>
                {t('registrationForm.noAdjustments')}
              </td>
            </tr>
          ) : (
            adjustments.map((a) => (
              <tr key={a.id}>
                <th scope="row">{t(`evaluations.adjustmentKind.${a.kind}`)}</th>
                <td className={styles.num}>
                  {a.amount === null ? '—' : `${a.kind === 'BONUS' ? '+' : '−'}${formatScore(a.amount)}`}
                </td>
                <td colSpan={6}>{a.reason}</td>
              </tr>
            ))
          )}
          <tr>
            <th scope="row">{t('registrationForm.bonusTotal')}</th>
            <td className={styles.num}>{formatScore(sheet.bonusTotal)}</td>
            <td colSpan={2} className={styles.muted}>
              {t('registrationForm.cap', { cap: rules.bonusCap })}
            </td>
            <th scope="row">{t('registrationForm.deductionTotal')}</th>
            <td className={styles.num}>{formatScore(sheet.deductionTotal)}</td>
            <td colSpan={2} className={styles.muted}>
              {t('registrationForm.cap', { cap: rules.deductionCap })}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('registrationForm.veto')}</th>
            <td
              colSpan={7}
              className={sheet.isVetoed ? styles.veto : undefined}
              data-testid="registration-form-veto"
            >
              {sheet.isVetoed
                ? t('registrationForm.vetoed', { reason: sheet.vetoReason ?? '' })
                : t('registrationForm.none')}
            </td>
          </tr>
          <tr className={styles.outcome}>
            <th scope="row">{t('registrationForm.total')}</th>
            <td className={styles.center} data-testid="registration-form-total">
              {formatPoints(sheet.total)}
            </td>
            <th scope="row">{t('registrationForm.grade')}</th>
            <td className={styles.center} data-testid="registration-form-grade">
              {t(`evaluations.grade.${sheet.grade}`)}
            </td>
            <th scope="row">{t('registrationForm.rank')}</th>
            <td colSpan={3} className={styles.center}>
              {t('registrationForm.rankOf', { rank: sheet.rank, of: sheet.rankOf })}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('registrationForm.quotaNote')}</th>
            <td colSpan={7}>
              {t('registrationForm.quota', {
                share: formatScore(rules.excellentShare * 100),
                places: rules.excellentPlaces,
              })}
              {sheet.isQuotaCut && sheet.quotaCutReason && (
                <span className={styles.quotaCut}>
                  {t('registrationForm.quotaCut', { reason: sheet.quotaCutReason })}
                </span>
              )}
            </td>
          </tr>

          {section(4, 'consequence')}
          <tr>
            <th scope="row">{t('registrationForm.bonusCoefficient')}</th>
            <td className={styles.center}>
              {sheet.consequence.bonusCoefficient === null
                ? '—'
                : sheet.consequence.bonusCoefficient.toFixed(2)}
            </td>
            <th scope="row">{t('registrationForm.rewardPenalty')}</th>
            <td colSpan={5} data-testid="registration-form-consequence">
              {reward ?? t('registrationForm.none')}
            </td>
          </tr>

          {section(5, 'opinions')}
          <tr className={styles.boxSummary}>
            <th scope="row">{t('registrationForm.summary')}</th>
            <td colSpan={7} className={styles.box}>
              {signLine}
            </td>
          </tr>
          <tr className={styles.boxOpinion}>
            <th scope="row">{t('registrationForm.leaderComment')}</th>
            <td colSpan={7} className={styles.box}>
              {signLine}
            </td>
          </tr>
          <tr className={styles.boxOpinion}>
            <th scope="row">{t('registrationForm.groupOpinion')}</th>
            <td colSpan={7} className={styles.box}>
              {signLine}
            </td>
          </tr>
          <tr className={styles.boxConfirm}>
            <th scope="row">{t('registrationForm.confirm')}</th>
            <td colSpan={7} className={styles.box}>
              <span className={styles.confirmText}>{t('registrationForm.confirmText')}</span>
              {signLine}
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
