import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Skeleton, Table, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/error-result';
import { assessorsQueryOptions } from '../../api/list-assessors';
import { formatDate } from '../../utils/format';
import { personLabel } from './person-select';
import styles from './cycles.module.css';

// The membership form loads when the administrator opens it (`on-demand`: the route budget,
// apps/web/tooling, does not count it in a first visit).
const loadDialog = () => import(/* on-demand */ './edit-assessors-dialog');
const EditAssessorsDialog = lazy(() => loadDialog().then((m) => ({ default: m.EditAssessorsDialog })));
const preloadDialog = () => void loadDialog().catch(() => undefined);

/** 考核督导组: who scores. Everyone here may read it; the administrator changes it. */
export function AssessorsCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const query = useQuery(assessorsQueryOptions());
  const [isEditing, setIsEditing] = useState(false);

  return (
    <Card
      title={<h2 className={styles.cardTitle}>{t('evaluations.assessors.title')}</h2>}
      extra={
        canEdit &&
        query.isSuccess && (
          <Button
            onPointerEnter={preloadDialog}
            onFocus={preloadDialog}
            onClick={() => setIsEditing(true)}
            data-testid="assessors-edit"
          >
            {t('evaluations.assessors.edit')}
          </Button>
        )
      }
    >
      <p className={styles.cardLead}>{t('evaluations.assessors.lead')}</p>
      {query.isPending ? (
        <Skeleton active />
      ) : query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} />
      ) : query.data.items.length === 0 ? (
        <Empty description={t('evaluations.assessors.empty')} />
      ) : (
        <Table
          size="small"
          rowKey="personId"
          pagination={false}
          dataSource={query.data.items}
          columns={[
            {
              key: 'name',
              title: t('evaluations.assessors.name'),
              render: (_, a) => <strong>{a.name}</strong>,
              width: 110,
            },
            { key: 'no', title: t('evaluations.assessors.employeeNo'), dataIndex: 'employeeNo', width: 90 },
            {
              key: 'posts',
              title: t('evaluations.assessors.posts'),
              render: (_, a) => a.posts.map((p) => `${p.unit.name} ${p.title}`).join('；'),
            },
            {
              key: 'account',
              title: t('evaluations.assessors.account'),
              width: 110,
              render: (_, a) =>
                a.hasAccount ? (
                  <Tag color="green">{t('evaluations.assessors.hasAccount')}</Tag>
                ) : (
                  <Tag color="orange">{t('evaluations.assessors.noAccount')}</Tag>
                ),
            },
            {
              key: 'added',
              title: t('evaluations.assessors.addedAt'),
              width: 130,
              render: (_, a) => formatDate(t, a.addedAt),
            },
          ]}
        />
      )}
      {isEditing && query.data && (
        <Suspense fallback={null}>
          <EditAssessorsDialog
            current={query.data.items.map((a) => ({
              value: a.personId,
              label: personLabel(a.name, a.employeeNo, a.posts[0]?.unit.name),
            }))}
            onClose={() => setIsEditing(false)}
          />
        </Suspense>
      )}
    </Card>
  );
}
