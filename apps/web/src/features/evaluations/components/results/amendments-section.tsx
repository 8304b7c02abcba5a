import { useQuery } from '@tanstack/react-query';
import type { AmendmentView, CycleDetail, ResultRow } from '@zeren/contracts';
import { Button, Card, Empty, Skeleton, Table } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/error-result';
import { amendmentsQueryOptions } from '../../api/list-amendments';
import { formatDateTime } from '../../utils/format';
import { formatAmendedValue } from './amended-value';
import styles from './results.module.css';

// The correction form (antd Form, Select, InputNumber, Modal) loads when someone is about to use it
// (`on-demand`: the route budget, apps/web/tooling, does not count it in a first visit).
const loadDialog = () => import(/* on-demand */ './amendment-dialog');
const AmendmentDialog = lazy(() => loadDialog().then((module) => ({ default: module.AmendmentDialog })));
const preloadDialog = () => void loadDialog().catch(() => undefined);

/** 更正: corrections to a published cycle, each with old and new value and the reason. */
export function AmendmentsSection({ cycle, rows }: { cycle: CycleDetail; rows: readonly ResultRow[] }) {
  const { t } = useTranslation();
  const query = useQuery(amendmentsQueryOptions(cycle.id));
  const [isAdding, setIsAdding] = useState(false);
  const canAmend = cycle.permissions.canAmend && cycle.status === 'PUBLISHED';

  return (
    <Card
      title={<h2 className={styles.cardTitle}>{t('evaluations.amendments.title')}</h2>}
      extra={
        canAmend && (
          <Button
            onPointerEnter={preloadDialog}
            onFocus={preloadDialog}
            onClick={() => setIsAdding(true)}
            data-testid="amendment-open"
          >
            {t('evaluations.amendments.add')}
          </Button>
        )
      }
    >
      <p className={styles.cardLead}>{t('evaluations.amendments.lead')}</p>
      {query.isPending ? (
        <Skeleton active />
      ) : query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} />
      ) : query.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluations.amendments.empty')} />
      ) : (
        <Table<AmendmentView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={query.data.items}
          data-testid="amendments-table"
          columns={[
            {
              key: 'at',
              title: t('evaluations.amendments.at'),
              width: 172,
              render: (_, a) => formatDateTime(t, a.amendedAt),
            },
            {
              key: 'person',
              title: t('evaluations.amendments.person'),
              width: 90,
              render: (_, a) => a.person.name,
            },
            {
              key: 'field',
              title: t('evaluations.amendments.field'),
              width: 140,
              render: (_, a) => t(`evaluations.amendField.${a.field}`),
            },
            {
              key: 'change',
              title: t('evaluations.amendments.change'),
              width: 180,
              render: (_, a) => (
                <span className={styles.change}>
                  <del>{formatAmendedValue(t, a.field, a.oldValue)}</del>
                  <span aria-hidden="true"> → </span>
                  <ins>{formatAmendedValue(t, a.field, a.newValue)}</ins>
                </span>
              ),
            },
            { key: 'reason', title: t('evaluations.amendments.reason'), render: (_, a) => a.reason },
            {
              key: 'by',
              title: t('evaluations.amendments.by'),
              width: 90,
              render: (_, a) => a.amendedBy.name,
            },
          ]}
        />
      )}
      {isAdding && (
        <Suspense fallback={null}>
          <AmendmentDialog cycle={cycle} rows={rows} onClose={() => setIsAdding(false)} />
        </Suspense>
      )}
    </Card>
  );
}
