import type { AuditEntry } from '@zeren/contracts';
import { Switch, Typography } from 'antd';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canonicalRecord,
  entityTypeLabel,
  fieldChanges,
  fieldLabel,
  formatValue,
  GENESIS_HASH,
  type FieldChange,
} from '../utils/format';
import styles from './audit.module.css';

interface AuditEntryDetailProps {
  entry: AuditEntry;
  organisationId: string;
}

/** An expanded row: the fields before → after, and the entry's link in the hash chain. */
export function AuditEntryDetail({ entry, organisationId }: AuditEntryDetailProps) {
  const { t } = useTranslation();
  const switchId = useId();
  const changes = useMemo(() => fieldChanges(entry), [entry]);
  const isUpdate = entry.before !== null && entry.after !== null;
  const changedCount = changes.filter((c) => c.isChanged).length;
  // An edit is read by what changed; a creation or deletion by everything it held.
  const [isOnlyChanged, setOnlyChanged] = useState(isUpdate && changedCount > 0);
  const shown = isOnlyChanged ? changes.filter((c) => c.isChanged) : changes;
  const canonical = useMemo(() => canonicalRecord(entry, organisationId), [entry, organisationId]);

  return (
    <div className={styles.detail} data-testid="audit-entry-detail">
      <section aria-label={t('audit.detail.changes')}>
        <h3 className={styles.detailTitle}>
          {t('audit.detail.changes')}
          {isUpdate && changedCount > 0 && (
            <label className={styles.switch} htmlFor={switchId}>
              <Switch id={switchId} size="small" checked={isOnlyChanged} onChange={setOnlyChanged} />
              {t('audit.detail.onlyChanged')}
            </label>
          )}
        </h3>
        {shown.length === 0 ? (
          <p className={styles.secondary}>{t('audit.detail.noFields')}</p>
        ) : (
          <table className={styles.changes}>
            <thead>
              <tr>
                <th scope="col">{t('audit.detail.field')}</th>
                <th scope="col">{t('audit.detail.before')}</th>
                <th scope="col">{t('audit.detail.after')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((change) => (
                <ChangeRow key={change.field} change={change} isUpdate={isUpdate} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label={t('audit.detail.chain')}>
        <h3 className={styles.detailTitle}>{t('audit.detail.chain')}</h3>
        <dl className={styles.chainInfo}>
          <dt>{t('audit.detail.entryNo')}</dt>
          <dd className={styles.mono}>#{entry.id}</dd>
          <dt>{t('audit.table.entity')}</dt>
          <dd>
            {entityTypeLabel(t, entry.entityType)}
            {entry.entityLabel && t('audit.detail.entityName', { name: entry.entityLabel })}
          </dd>
          <dt>{t('audit.detail.entityId')}</dt>
          <dd className={styles.mono}>{entry.entityId}</dd>
          <dt>{t('audit.detail.hash')}</dt>
          <dd>
            <Typography.Text className={styles.mono} copyable={{ text: entry.hash }} data-testid="audit-hash">
              {entry.hash}
            </Typography.Text>
          </dd>
          <dt>{t('audit.detail.prevHash')}</dt>
          <dd>
            <Typography.Text
              className={styles.mono}
              copyable={{ text: entry.prevHash }}
              data-testid="audit-prev-hash"
            >
              {entry.prevHash}
            </Typography.Text>
            {entry.prevHash === GENESIS_HASH && (
              <span className={styles.secondary}> {t('audit.detail.genesis')}</span>
            )}
          </dd>
        </dl>
        <details className={styles.canonical}>
          <summary>{t('audit.detail.canonical')}</summary>
          <p>{t('audit.detail.canonicalHint')}</p>
          <Typography.Paragraph copyable={{ text: canonical }} style={{ margin: 0 }}>
            <pre className={styles.mono} data-testid="audit-canonical">
              {canonical}
            </pre>
          </Typography.Paragraph>
        </details>
      </section>
    </div>
  );
}

function ChangeRow({ change, isUpdate }: { change: FieldChange; isUpdate: boolean }) {
  const { t } = useTranslation();
  const isMarked = isUpdate && change.isChanged;
  return (
    <tr className={isMarked ? styles.changed : undefined}>
      <td>{fieldLabel(t, change.field)}</td>
      <td className={`${styles.value} ${isMarked && change.before !== undefined ? styles.removed : ''}`}>
        {change.before === undefined ? '—' : formatValue(t, change.before)}
      </td>
      <td className={`${styles.value} ${isMarked && change.after !== undefined ? styles.added : ''}`}>
        {change.after === undefined ? '—' : formatValue(t, change.after)}
      </td>
    </tr>
  );
}
