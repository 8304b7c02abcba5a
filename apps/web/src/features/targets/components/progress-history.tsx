import { useQuery } from '@tanstack/react-query';
import type { ProgressUpdate, TargetDetail } from '@zeren/contracts';
import { Card, Empty, Skeleton, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '@/components/category-progress';
import { ErrorResult } from '@/components/error-result';
import { dayjs } from '@/lib/dayjs';
import { progressHistoryQueryOptions } from '../api/list-progress';
import { evidenceUrl } from '../api/upload-evidence';
import { formatMeasureValue } from '../utils/measure';
import styles from './progress-history.module.css';

/** The append-only record of progress, newest first: value, note, evidence, who and when. */
export function ProgressHistory({
  target,
  hideWhenEmpty = false,
}: {
  target: TargetDetail;
  hideWhenEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const query = useQuery(progressHistoryQueryOptions(target.id));
  if (hideWhenEmpty && query.data?.items.length === 0) return null;

  const body = query.isPending ? (
    <Skeleton active paragraph={{ rows: 3 }} />
  ) : query.isError ? (
    <ErrorResult error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} />
  ) : query.data.items.length === 0 ? (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={target.childCount > 0 ? t('targets.history.emptyDecomposed') : t('targets.history.empty')}
    />
  ) : (
    <Timeline
      className={styles.timeline}
      items={[...query.data.items]
        .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))
        .map((update, index) => ({
          key: update.id,
          color: index === 0 ? 'blue' : 'gray',
          content: <HistoryEntry target={target} update={update} />,
        }))}
    />
  );

  return (
    <Card title={t('targets.history.title')} size="small">
      {body}
    </Card>
  );
}

function HistoryEntry({ target, update }: { target: TargetDetail; update: ProgressUpdate }) {
  const { t } = useTranslation();
  return (
    <div className={styles.entry}>
      <div className={styles.meta}>
        <time dateTime={update.recordedAt}>{dayjs(update.recordedAt).format('YYYY-MM-DD HH:mm')}</time>
        <span>{t('targets.history.recordedBy', { name: update.recordedBy.name })}</span>
      </div>
      <div className={styles.line}>
        <strong>{formatMeasureValue(t, target, update.value)}</strong>
        <Tag>{t('targets.history.normalised', { value: formatPercent(update.normalised) })}</Tag>
      </div>
      <p className={styles.note}>{update.note}</p>
      {update.evidenceUrl && (
        <a href={update.evidenceUrl} target="_blank" rel="noopener noreferrer" className={styles.evidence}>
          {t('targets.history.evidenceLink')}
        </a>
      )}
      {update.evidenceFile && (
        <a
          href={evidenceUrl(update.evidenceFile.id)}
          className={styles.evidence}
          download={update.evidenceFile.filename}
        >
          {t('targets.history.evidenceFile', { name: update.evidenceFile.filename })}
        </a>
      )}
    </div>
  );
}
