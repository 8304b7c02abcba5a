import { useQuery } from '@tanstack/react-query';
import { SetAssessors } from '@zeren/contracts';
import { Alert, App, Button, Card, Empty, Form, Modal, Skeleton, Table, Tag } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/error-result';
import { serverMessage } from '@/lib/errors';
import { assessorsQueryOptions } from '../../api/list-assessors';
import { useSetAssessors } from '../../api/set-assessors';
import { formatDate } from '../../utils/format';
import { personLabel, PersonSelect } from './person-select';
import styles from './cycles.module.css';

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
          <Button onClick={() => setIsEditing(true)} data-testid="assessors-edit">
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
        <EditAssessorsDialog
          current={query.data.items.map((a) => ({
            value: a.personId,
            label: personLabel(a.name, a.employeeNo, a.posts[0]?.unit.name),
          }))}
          onClose={() => setIsEditing(false)}
        />
      )}
    </Card>
  );
}

function EditAssessorsDialog({
  current,
  onClose,
}: {
  current: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formId = useId();
  const [form] = Form.useForm<{ personIds: string[] }>();
  const save = useSetAssessors();

  const onFinish = ({ personIds }: { personIds: string[] }) => {
    const parsed = SetAssessors.safeParse({ personIds });
    if (!parsed.success) {
      form.setFields([{ name: 'personIds', errors: [parsed.error.issues[0]?.message ?? ''] }]);
      return;
    }
    save.mutate(parsed.data, {
      onSuccess: () => {
        void message.success(t('evaluations.assessors.saved'));
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={t('evaluations.assessors.editTitle')}
      onCancel={onClose}
      okText={t('evaluations.save')}
      cancelText={t('evaluations.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: save.isPending }}
      width={600}
      destroyOnHidden
    >
      <Form
        id={formId}
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ personIds: current.map((c) => c.value) }}
      >
        <Form.Item
          name="personIds"
          label={t('evaluations.assessors.members')}
          extra={t('evaluations.assessors.hint')}
        >
          <PersonSelect mode="multiple" known={current} />
        </Form.Item>
      </Form>
      {save.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={serverMessage(save.error) ?? t('errors.unexpected')}
        />
      )}
    </Modal>
  );
}
