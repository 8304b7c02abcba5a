import { WaiveGap, type Gap } from '@zeren/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { serverMessage } from '@/lib/errors';
import { zodRule } from '@/lib/form';
import { useWaiveGap } from '../api/waive-gap';
import styles from './gaps-page.module.css';

/** 豁免: tier 1 accepts a gap for this year, with a reason that stays on the record. */
export function WaiveGapModal({ gap, year, onClose }: { gap: Gap; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formId = useId();
  const [form] = Form.useForm<{ reason: string }>();
  const waive = useWaiveGap();

  const onFinish = ({ reason }: { reason: string }) =>
    waive.mutate(
      { year, gapKey: gap.key, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('gaps.waive.done'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('gaps.waive.title')}
      onCancel={onClose}
      okText={t('gaps.waive.ok')}
      cancelText={t('gaps.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: waive.isPending }}
      destroyOnHidden
    >
      <p className={styles.modalGap}>
        <strong>{t(`gaps.kind.${gap.kind}`)}</strong>：{gap.detail}
      </p>
      <Form id={formId} form={form} layout="vertical" onFinish={onFinish} disabled={waive.isPending}>
        <Form.Item
          name="reason"
          label={t('gaps.waive.reason')}
          rules={[zodRule(WaiveGap.shape.reason)]}
          extra={t('gaps.waive.hint')}
        >
          <Input.TextArea
            autoFocus
            rows={3}
            maxLength={500}
            showCount
            data-testid="waive-reason"
            placeholder={t('gaps.waive.placeholder')}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
            }}
          />
        </Form.Item>
      </Form>
      {waive.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={serverMessage(waive.error) ?? t('errors.unexpected')}
        />
      )}
    </Modal>
  );
}
