import { useQuery } from '@tanstack/react-query';
import { type InspectionPlanView } from '@zeren/contracts';
import { App, Button, Popconfirm, Skeleton, Space, Table, Tag, type TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/error-result';
import { serverMessage } from '@/lib/errors';
import { plansQueryOptions } from '../api/list-plans';
import { useArchivePlan } from '../api/save-plan';
import styles from './supervision.module.css';

// The plan form (antd Form, DatePicker, Modal) loads when a manager opens it (`on-demand`: the
// route budget, apps/web/tooling, does not count it in a first visit).
const loadPlanModal = () => import(/* on-demand */ './plan-modal');
const PlanModal = lazy(() => loadPlanModal().then((m) => ({ default: m.PlanModal })));
const preloadPlanModal = () => void loadPlanModal().catch(() => undefined);

/** The plans: what is checked, how often, where and by whom; managers create and change them. */
export function PlansTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useQuery(plansQueryOptions());
  const archive = useArchivePlan();
  const [editing, setEditing] = useState<InspectionPlanView | 'new' | null>(null);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const columns: TableColumnsType<InspectionPlanView> = [
    {
      title: t('supervision.plan.title'),
      dataIndex: 'title',
      width: 190,
      render: (_, p) => (
        <div>
          <div>{p.title}</div>
          <div className={styles.muted}>{t('supervision.plan.itemCount', { count: p.items.length })}</div>
        </div>
      ),
    },
    {
      title: t('supervision.plan.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (_, p) => <Tag>{t(`supervision.kind.${p.kind}`)}</Tag>,
    },
    {
      title: t('supervision.plan.recurrence'),
      dataIndex: 'recurrence',
      width: 70,
      render: (_, p) => t(`supervision.recurrence.${p.recurrence}`),
    },
    {
      title: t('supervision.plan.nextDueOn'),
      dataIndex: 'nextDueOn',
      width: 110,
      render: (v: string | null) => v ?? t('supervision.plan.done'),
    },
    {
      title: t('supervision.plan.units'),
      key: 'units',
      render: (_, p) => p.units.map((u) => u.name).join('、'),
    },
    {
      title: t('supervision.plan.inspectors'),
      key: 'inspectors',
      width: 170,
      render: (_, p) =>
        p.inspectors.length ? p.inspectors.map((i) => i.name).join('、') : t('supervision.plan.anyMember'),
    },
    ...(canManage
      ? [
          {
            title: '',
            key: 'actions',
            width: 130,
            render: (_: unknown, p: InspectionPlanView) => (
              <Space size={4}>
                <Button
                  size="small"
                  type="link"
                  onPointerEnter={preloadPlanModal}
                  onFocus={preloadPlanModal}
                  onClick={() => setEditing(p)}
                >
                  {t('supervision.plan.edit')}
                </Button>
                <Popconfirm
                  title={t('supervision.plan.archiveConfirm')}
                  okText={t('supervision.plan.archive')}
                  onConfirm={() =>
                    archive
                      .mutateAsync(p.id)
                      .catch(
                        (error: unknown) =>
                          void message.error(serverMessage(error) ?? t('supervision.saveFailed')),
                      )
                  }
                >
                  <Button size="small" type="link" danger>
                    {t('supervision.plan.archive')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <div>
      {canManage && (
        <div className={styles.filters}>
          <Button
            type="primary"
            onPointerEnter={preloadPlanModal}
            onFocus={preloadPlanModal}
            onClick={() => setEditing('new')}
          >
            {t('supervision.plan.new')}
          </Button>
        </div>
      )}
      <Table<InspectionPlanView>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        columns={columns}
        dataSource={query.data}
        pagination={false}
        locale={{ emptyText: t('supervision.plan.empty') }}
        data-testid="inspection-plans"
      />
      {editing && (
        <Suspense fallback={null}>
          <PlanModal plan={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
        </Suspense>
      )}
    </div>
  );
}
