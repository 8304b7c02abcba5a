import { AddAdjustment, type AdjustmentKind, type WorkbenchEvaluee } from '@zeren/contracts';
import { Alert, App, Button, Drawer, Empty, Form, Input, InputNumber, Popconfirm, Radio, Tag } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { serverMessage } from '@/lib/errors';
import { fieldErrors } from '@/lib/form';
import { useAddAdjustment } from '../../api/add-adjustment';
import { useDeleteAdjustment } from '../../api/delete-adjustment';
import { formatScore } from '../../utils/format';
import styles from './workbench.module.css';

interface AdjustmentsDrawerProps {
  cycleId: string;
  evaluee: WorkbenchEvaluee | null;
  /** Quarterly cycles take all three kinds; the annual one only a veto. */
  kinds: readonly AdjustmentKind[];
  canEdit: boolean;
  onClose: () => void;
  /** Where focus goes back to once the drawer has closed. */
  onAfterClose: () => void;
}

interface FormValues {
  kind: AdjustmentKind;
  amount: number | null;
  reason: string;
}

export const kindColors: Record<AdjustmentKind, string> = {
  BONUS: 'green',
  DEDUCTION: 'orange',
  VETO: 'red',
};

/** 加分 / 扣分 / 一票否决 of one evaluee: the list (drafts can be removed) and the form to add one. */
export function AdjustmentsDrawer({
  cycleId,
  evaluee,
  kinds,
  canEdit,
  onClose,
  onAfterClose,
}: AdjustmentsDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formId = useId();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const add = useAddAdjustment(cycleId);
  const remove = useDeleteAdjustment(cycleId);

  const onFinish = (values: FormValues) => {
    if (!evaluee) return;
    const body = {
      evalueeId: evaluee.personId,
      kind: values.kind,
      amount: values.kind === 'VETO' ? null : (values.amount ?? null),
      reason: values.reason ?? '',
    };
    // The contract's cross-field rules (a veto has no points, the others need them), as the API checks them.
    const parsed = AddAdjustment.safeParse(body);
    if (!parsed.success) {
      const errors = fieldErrors<keyof FormValues>(parsed.error);
      form.setFields(
        (Object.keys(errors) as (keyof FormValues)[]).map((name) => ({ name, errors: [errors[name] ?? ''] })),
      );
      return;
    }
    add.mutate(parsed.data, {
      onSuccess: () => {
        void message.success(t('evaluations.adjustments.added'));
        form.resetFields(['amount', 'reason']);
      },
    });
  };

  const adjustments = evaluee?.adjustments ?? [];

  return (
    <Drawer
      open={evaluee !== null}
      onClose={onClose}
      afterOpenChange={(open) => {
        if (!open) onAfterClose();
      }}
      size={420}
      title={evaluee ? t('evaluations.adjustments.title', { name: evaluee.name }) : ''}
      destroyOnHidden
      data-testid="adjustments-drawer"
    >
      <section aria-label={t('evaluations.adjustments.listLabel')}>
        {adjustments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluations.adjustments.empty')} />
        ) : (
          <ul className={styles.adjustmentList}>
            {adjustments.map((adjustment) => (
              <li key={adjustment.id} className={styles.adjustmentItem}>
                <div className={styles.adjustmentHead}>
                  <Tag color={kindColors[adjustment.kind]}>
                    {t(`evaluations.adjustmentKind.${adjustment.kind}`)}
                    {adjustment.amount !== null &&
                      ` ${adjustment.kind === 'BONUS' ? '+' : '−'}${formatScore(adjustment.amount)}`}
                  </Tag>
                  <Tag>{t(`evaluations.scoreStatus.${adjustment.status}`)}</Tag>
                  {canEdit && adjustment.status === 'DRAFT' && (
                    <Popconfirm
                      title={t('evaluations.adjustments.removeConfirm')}
                      okText={t('evaluations.adjustments.remove')}
                      cancelText={t('evaluations.cancel')}
                      okButtonProps={{ danger: true, loading: remove.isPending }}
                      onConfirm={() =>
                        remove.mutateAsync(adjustment.id).then(
                          () => void message.success(t('evaluations.adjustments.removed')),
                          (error: unknown) =>
                            void message.error(serverMessage(error) ?? t('errors.unexpected')),
                        )
                      }
                    >
                      <Button type="link" size="small" danger className={styles.pushRight}>
                        {t('evaluations.adjustments.remove')}
                      </Button>
                    </Popconfirm>
                  )}
                </div>
                <p className={styles.adjustmentReason}>{adjustment.reason}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {canEdit && (
        <section className={styles.adjustmentForm} aria-label={t('evaluations.adjustments.addTitle')}>
          <h3 className={styles.sectionTitle}>{t('evaluations.adjustments.addTitle')}</h3>
          <Form<FormValues>
            id={formId}
            form={form}
            layout="vertical"
            initialValues={{ kind: kinds[0], amount: null, reason: '' }}
            onFinish={onFinish}
            disabled={add.isPending}
            requiredMark={false}
          >
            <Form.Item name="kind" label={t('evaluations.adjustments.kind')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={kinds.map((k) => ({ value: k, label: t(`evaluations.adjustmentKind.${k}`) }))}
                onChange={() => form.setFields([{ name: 'amount', errors: [] }])}
              />
            </Form.Item>
            {kind === 'VETO' ? (
              <Alert
                type="error"
                showIcon
                className={styles.vetoNote}
                title={t('evaluations.adjustments.vetoNote')}
              />
            ) : (
              <Form.Item name="amount" label={t('evaluations.adjustments.amount')}>
                <InputNumber
                  min={0}
                  max={100}
                  step={0.5}
                  precision={2}
                  style={{ width: 160 }}
                  suffix={t('evaluations.points')}
                  data-testid="adjustment-amount"
                />
              </Form.Item>
            )}
            <Form.Item
              name="reason"
              label={
                kind === 'VETO'
                  ? t('evaluations.adjustments.vetoReason')
                  : t('evaluations.adjustments.reason')
              }
            >
              <Input.TextArea
                rows={3}
                maxLength={500}
                showCount
                placeholder={t('evaluations.adjustments.reasonPlaceholder')}
                data-testid="adjustment-reason"
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
                }}
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
            <Button
              type="primary"
              htmlType="submit"
              danger={kind === 'VETO'}
              loading={add.isPending}
              data-testid="adjustment-submit"
            >
              {kind === 'VETO' ? t('evaluations.adjustments.addVeto') : t('evaluations.adjustments.add')}
            </Button>
          </Form>
        </section>
      )}
    </Drawer>
  );
}
