import { useQuery } from '@tanstack/react-query';
import { AddExclusion, type CycleDetail } from '@zeren/contracts';
import { Alert, App, Button, Drawer, Empty, Form, Input, Popconfirm, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/error-result';
import { serverMessage } from '@/lib/errors';
import { zodRule } from '@/lib/form';
import { useAddExclusion } from '../../api/add-exclusion';
import { exclusionsQueryOptions } from '../../api/list-exclusions';
import { useRemoveExclusion } from '../../api/remove-exclusion';
import { cycleTitle, formatDateTime } from '../../utils/format';
import { PersonSelect } from './person-select';
import styles from './cycles.module.css';

/** 不参加考核的人员 of one cycle (长期病假, 借调…), each with the reason; editable until publication. */
export function ExclusionsDrawer({ cycle, onClose }: { cycle: CycleDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useQuery(exclusionsQueryOptions(cycle.id));
  const add = useAddExclusion(cycle.id);
  const remove = useRemoveExclusion(cycle.id);
  const [form] = Form.useForm<{ personId: string; reason: string }>();
  const canEdit = cycle.permissions.canManage && cycle.status !== 'PUBLISHED';
  const excluded = new Set((query.data?.items ?? []).map((item) => item.personId));

  const onFinish = (values: { personId: string; reason: string }) =>
    add.mutate(
      { personId: values.personId, reason: values.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('evaluations.exclusions.added'));
          form.resetFields();
        },
      },
    );

  return (
    <Drawer
      open
      onClose={onClose}
      size={480}
      title={t('evaluations.exclusions.title', { cycle: cycleTitle(t, cycle) })}
    >
      <p className={styles.dialogText}>{t('evaluations.exclusions.lead')}</p>
      {query.isPending ? (
        <Skeleton active />
      ) : query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} />
      ) : query.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluations.exclusions.empty')} />
      ) : (
        <ul className={styles.list}>
          {query.data.items.map((item) => (
            <li key={item.personId} className={styles.listItem}>
              <div className={styles.listHead}>
                <strong>{item.name}</strong>
                <span className={styles.muted}>{item.employeeNo}</span>
                <span className={styles.muted}>{formatDateTime(t, item.createdAt)}</span>
                {canEdit && (
                  <Popconfirm
                    title={t('evaluations.exclusions.removeConfirm', { name: item.name })}
                    okText={t('evaluations.exclusions.remove')}
                    cancelText={t('evaluations.cancel')}
                    onConfirm={() =>
                      remove.mutateAsync(item.personId).then(
                        () => void message.success(t('evaluations.exclusions.removed')),
                        (error: unknown) =>
                          void message.error(serverMessage(error) ?? t('errors.unexpected')),
                      )
                    }
                  >
                    <Button type="link" size="small" className={styles.pushRight}>
                      {t('evaluations.exclusions.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </div>
              <p className={styles.reason}>{item.reason}</p>
            </li>
          ))}
        </ul>
      )}

      {canEdit && (
        <section className={styles.drawerForm}>
          <h3 className={styles.sectionTitle}>{t('evaluations.exclusions.addTitle')}</h3>
          <Form
            form={form}
            layout="vertical"
            onFinish={onFinish}
            disabled={add.isPending}
            requiredMark={false}
          >
            <Form.Item
              name="personId"
              label={t('evaluations.exclusions.person')}
              rules={[{ required: true, message: t('evaluations.exclusions.personRequired') }]}
            >
              <PersonSelect excludeIds={excluded} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('evaluations.exclusions.reason')}
              rules={[zodRule(AddExclusion.shape.reason)]}
            >
              <Input.TextArea
                rows={2}
                maxLength={500}
                showCount
                placeholder={t('evaluations.exclusions.reasonPlaceholder')}
              />
            </Form.Item>
            {add.isError && (
              <Alert
                type="error"
                showIcon
                role="alert"
                className={styles.formAlert}
                title={serverMessage(add.error) ?? t('errors.unexpected')}
              />
            )}
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('evaluations.exclusions.add')}
            </Button>
          </Form>
        </section>
      )}
      {!canEdit && cycle.status === 'PUBLISHED' && (
        <Alert type="info" showIcon title={t('evaluations.exclusions.locked')} />
      )}
    </Drawer>
  );
}
