import { SetAssessors } from '@zeren/contracts';
import { Alert, App, Form, Modal } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { serverMessage } from '@/lib/errors';
import { useSetAssessors } from '../../api/set-assessors';
import { PersonSelect } from './person-select';

/** The administrator changes the assessment group's membership. */
export function EditAssessorsDialog({
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
