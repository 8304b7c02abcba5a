import type { AuditVerification } from '@zeren/contracts';
import { Alert, Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuditVerification, useRecheckAudit } from '../api/verify-audit';
import { actionLabel, formatChinaTime } from '../utils/format';
import styles from './audit.module.css';

interface ChainStateCardProps {
  /** Narrows the table to the broken entry (its day and action) so it can be read. */
  onShowEntry: (broken: NonNullable<AuditVerification['firstBroken']>) => void;
}

/** The state of the organisation's hash chain: intact, or where it first breaks. */
export function ChainStateCard({ onShowEntry }: ChainStateCardProps) {
  const { t } = useTranslation();
  const query = useAuditVerification();
  const recheck = useRecheckAudit();
  const reverify = (
    <Button onClick={() => void recheck()} loading={query.isFetching} data-testid="audit-reverify">
      {t('audit.chain.reverify')}
    </Button>
  );

  if (query.isPending)
    return (
      <section className={styles.chain} aria-busy="true" aria-label={t('audit.chain.verifying')}>
        <Skeleton active avatar={{ shape: 'circle' }} title paragraph={{ rows: 1 }} />
      </section>
    );
  if (query.isError && !query.data)
    return (
      <Alert
        className={styles.chain}
        type="error"
        showIcon
        title={t('audit.chain.failed')}
        description={query.error.message}
        action={reverify}
      />
    );

  const v = query.data;
  const broken = v.firstBroken;
  const position = v.checked + 1;
  return (
    <section
      className={`${styles.chain} ${v.isIntact ? styles.chainIntact : styles.chainBroken}`}
      aria-labelledby="audit-chain-headline"
      data-testid="audit-chain-state"
    >
      <div className={styles.chainStatus}>
        <span aria-hidden className={`${styles.mark} ${v.isIntact ? styles.markIntact : styles.markBroken}`}>
          {v.isIntact ? '✓' : '!'}
        </span>
        {/* Announced when a re-check changes the verdict. */}
        <div aria-live="polite">
          <p className={styles.chainLabel}>{t('audit.chain.title')}</p>
          <h2
            id="audit-chain-headline"
            className={`${styles.chainHeadline} ${v.isIntact ? styles.headlineIntact : styles.headlineBroken}`}
          >
            {v.isIntact ? t('audit.chain.intact') : t('audit.chain.broken', { position })}
          </h2>
          {v.isIntact ? (
            <p className={styles.chainDetail}>
              {v.checked === 0 ? t('audit.chain.empty') : t('audit.chain.intactDetail', { count: v.checked })}
            </p>
          ) : (
            broken && (
              <>
                <p className={styles.chainDetail}>
                  {t('audit.chain.brokenDetail', { checked: v.checked, position })}
                </p>
                <p className={styles.chainDetail}>{t(`audit.chain.reason.${broken.reason}`)}</p>
                <p className={styles.brokenEntry}>
                  <strong>{t('audit.chain.brokenEntryLabel')}</strong>
                  {t('audit.chain.brokenEntryValue', {
                    id: broken.id,
                    action: actionLabel(t, broken.action),
                    at: formatChinaTime(broken.at),
                  })}{' '}
                  <Button type="link" size="small" onClick={() => onShowEntry(broken)}>
                    {t('audit.chain.showEntry')}
                  </Button>
                </p>
              </>
            )
          )}
        </div>
      </div>
      <div className={styles.chainFacts}>
        <dl className={styles.facts}>
          <div className={styles.fact}>
            <dt>{t('audit.chain.checked')}</dt>
            <dd data-testid="audit-chain-checked">{t('audit.chain.checkedValue', { count: v.checked })}</dd>
          </div>
          <div className={styles.fact}>
            <dt>{t('audit.chain.verifiedAt')}</dt>
            <dd>{formatChinaTime(new Date(query.dataUpdatedAt).toISOString())}</dd>
          </div>
        </dl>
        {reverify}
      </div>
    </section>
  );
}
