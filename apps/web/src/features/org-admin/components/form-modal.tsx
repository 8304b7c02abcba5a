import { Alert, Form, Modal, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { serverMessage } from '@/lib/errors';

interface FormModalProps<Values> {
  title: string;
  form: FormInstance<Values>;
  initialValues?: Partial<Values>;
  onSubmit: (values: Values) => void;
  onValuesChange?: FormProps<Values>['onValuesChange'];
  onClose: () => void;
  isSubmitting: boolean;
  /** The last refusal from the server, shown above the fields in its own words. */
  error: unknown;
  width?: number;
  children: ReactNode;
}

/**
 * A create/edit dialog around an antd Form. The form wraps the whole dialog, so the save button
 * is the form's submit button: Enter in any field saves, Esc cancels, focus stays inside.
 */
export function FormModal<Values>({
  title,
  form,
  initialValues,
  onSubmit,
  onValuesChange,
  onClose,
  isSubmitting,
  error,
  width,
  children,
}: FormModalProps<Values>) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      width={width}
      okText={t('orgAdmin.common.save')}
      cancelText={t('orgAdmin.common.cancel')}
      okButtonProps={{ htmlType: 'submit' }}
      confirmLoading={isSubmitting}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      modalRender={(dialog) => (
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={onSubmit}
          onValuesChange={onValuesChange}
          requiredMark
          scrollToFirstError
        >
          {dialog}
        </Form>
      )}
    >
      {error !== null && error !== undefined && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={serverMessage(error) ?? t('errors.unexpected')}
          style={{ marginBottom: 16 }}
        />
      )}
      {children}
    </Modal>
  );
}
