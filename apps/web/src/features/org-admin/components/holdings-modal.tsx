import type { Post } from '@zeren/contracts';
import { Alert, Button, Checkbox, DatePicker, Empty, Form, List, Modal, Popconfirm, Select, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TierTag } from '@/components/tier-tag';
import type { Dayjs } from 'dayjs';
import { serverMessage } from '@/lib/errors';
import { useCreateHolding } from '../api/create-holding';
import { useEndHolding } from '../api/end-holding';
import { usePeople } from '../api/list-people';
import { useFeedback } from './feedback';
import styles from './org-admin.module.css';

interface AssignValues {
  personId?: string;
  isPrimary: boolean;
  startedOn?: Dayjs | null;
}

/** Who holds a post: end a holding, or assign a person to the post. */
export function HoldingsModal({ post, onClose }: { post: Post; onClose: () => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [form] = Form.useForm<AssignValues>();
  // A bureau has tens of people: the active ones fit one page and are searched in the select.
  const people = usePeople({ page: 1, pageSize: 200 });
  const create = useCreateHolding();
  const end = useEndHolding();

  const holderIds = useMemo(() => new Set(post.holders.map((h) => h.personId)), [post.holders]);
  const personOptions = useMemo(
    () =>
      (people.data?.items ?? [])
        .filter((p) => !holderIds.has(p.id))
        .map((p) => ({
          value: p.id,
          label: `${p.name}（${p.employeeNo}）`,
          person: p,
        })),
    [people.data, holderIds],
  );

  const assign = (values: AssignValues) =>
    create.mutate(
      {
        personId: values.personId!,
        postId: post.id,
        isPrimary: values.isPrimary || undefined,
        startedOn: values.startedOn ? values.startedOn.format('YYYY-MM-DD') : undefined,
      },
      {
        onSuccess: () => {
          feedback.success(t('orgAdmin.holdings.assigned'));
          form.resetFields();
        },
      },
    );

  return (
    <Modal
      open
      title={t('orgAdmin.holdings.title', { post: post.title })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('orgAdmin.common.close')}</Button>}
      width={600}
      destroyOnHidden
    >
      <p className={styles.secondary}>
        <TierTag tier={post.tier} className={styles.smallTag} />
        {post.unit.name} · {post.code}
      </p>
      <h3 className={styles.subheading}>{t('orgAdmin.holdings.current')}</h3>
      {post.holders.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgAdmin.holdings.none')} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={post.holders}
          renderItem={(holder) => (
            <List.Item
              actions={[
                <Popconfirm
                  key="end"
                  title={t('orgAdmin.holdings.endTitle')}
                  description={
                    <div className={styles.confirm}>
                      {t('orgAdmin.holdings.endConfirm', { name: holder.name, post: post.title })}
                    </div>
                  }
                  okText={t('orgAdmin.holdings.end')}
                  cancelText={t('orgAdmin.common.cancel')}
                  onConfirm={() =>
                    end.mutateAsync(holder.holdingId).then(
                      () => feedback.success(t('orgAdmin.holdings.ended')),
                      (error: unknown) => feedback.failure(t('orgAdmin.holdings.endFailed'), error),
                    )
                  }
                >
                  <Button size="small" aria-label={`${t('orgAdmin.holdings.end')} ${holder.name}`}>
                    {t('orgAdmin.holdings.end')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              {holder.name}
              {holder.isPrimary ? (
                <Tag color="blue" className={styles.inlineTag}>
                  {t('orgAdmin.people.primary')}
                </Tag>
              ) : (
                <Tag className={styles.inlineTag}>{t('orgAdmin.holdings.concurrent')}</Tag>
              )}
            </List.Item>
          )}
        />
      )}

      {!post.isArchived && (
        <>
          <h3 className={styles.subheading}>{t('orgAdmin.holdings.assignTitle')}</h3>
          {create.error !== null && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={serverMessage(create.error) ?? t('errors.unexpected')}
              style={{ marginBottom: 12 }}
            />
          )}
          <Form<AssignValues>
            form={form}
            layout="vertical"
            initialValues={{ isPrimary: false }}
            onValuesChange={() => create.reset()}
            onFinish={assign}
          >
            <Form.Item
              name="personId"
              label={t('orgAdmin.holdings.person')}
              rules={[{ required: true, message: t('orgAdmin.holdings.personRequired') }]}
            >
              <Select
                placeholder={t('orgAdmin.holdings.personPlaceholder')}
                options={personOptions}
                loading={people.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                notFoundContent={people.isError ? serverMessage(people.error) : undefined}
                optionRender={(option) => (
                  <span className={styles.option}>
                    {option.data.person.name}
                    <span className={styles.secondary}>
                      {' '}
                      · {option.data.person.employeeNo}
                      {option.data.person.posts.length > 0 &&
                        ` · ${option.data.person.posts.map((p) => p.title).join('、')}`}
                    </span>
                  </span>
                )}
              />
            </Form.Item>
            <div className={styles.inlineFields}>
              <Form.Item
                name="startedOn"
                label={t('orgAdmin.holdings.startedOn')}
                extra={t('orgAdmin.holdings.startedOnHint')}
              >
                <DatePicker />
              </Form.Item>
              <Form.Item name="isPrimary" valuePropName="checked" label=" " colon={false}>
                <Checkbox>{t('orgAdmin.holdings.isPrimary')}</Checkbox>
              </Form.Item>
            </div>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('orgAdmin.holdings.assign')}
            </Button>
          </Form>
        </>
      )}
    </Modal>
  );
}
