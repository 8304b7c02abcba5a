import { CreateAmendment, type AmendableField, type CycleDetail, type ResultRow } from '@zeren/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { serverMessage } from '@/lib/errors';
import { fieldErrors } from '@/lib/form';
import { useCreateAmendment } from '../../api/create-amendment';
import { formatScore } from '../../utils/format';
import { formatAmendedValue } from './amended-value';
import styles from './results.module.css';

const quarterlyFields: readonly AmendableField[] = [
  'scoreIdeological',
  'scoreBusiness',
  'scoreManagement',
  'bonusTotal',
  'deductionTotal',
  'veto',
];
const annualFields: readonly AmendableField[] = ['total', 'veto'];

/** The value a field has now, for the form's hint. */
function currentValue(row: ResultRow, field: AmendableField): number | string | null {
  switch (field) {
    case 'scoreIdeological':
      return row.scores.IDEOLOGICAL;
    case 'scoreBusiness':
      return row.scores.BUSINESS;
    case 'scoreManagement':
      return row.scores.MANAGEMENT;
    case 'bonusTotal':
      return row.bonusTotal;
    case 'deductionTotal':
      return row.deductionTotal;
    case 'total':
      return row.total;
    case 'veto':
      return row.isVetoed ? (row.vetoReason ?? '') : null;
  }
}

interface AmendmentValues {
  personId?: string;
  field: AmendableField;
  newNumber?: number | null;
  vetoAction: 'set' | 'lift';
  vetoReason?: string;
  reason: string;
}

export function AmendmentDialog({
  cycle,
  rows,
  onClose,
}: {
  cycle: CycleDetail;
  rows: readonly ResultRow[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formId = useId();
  const [form] = Form.useForm<AmendmentValues>();
  const create = useCreateAmendment(cycle.id);
  const fields = cycle.kind === 'ANNUAL' ? annualFields : quarterlyFields;
  const personId = Form.useWatch('personId', form);
  const field = Form.useWatch('field', form) ?? fields[0]!;
  const vetoAction = Form.useWatch('vetoAction', form);
  const row = rows.find((r) => r.evaluee.personId === personId);
  const now = row ? currentValue(row, field) : undefined;

  const onFinish = (values: AmendmentValues) => {
    const newValue =
      values.field === 'veto'
        ? values.vetoAction === 'lift'
          ? null
          : (values.vetoReason ?? '').trim() || ''
        : (values.newNumber ?? null);
    const parsed = CreateAmendment.safeParse({
      personId: values.personId ?? '',
      field: values.field,
      newValue,
      reason: values.reason ?? '',
    });
    if (!parsed.success) {
      const errors = fieldErrors<'personId' | 'field' | 'newValue' | 'reason'>(parsed.error);
      form.setFields([
        ...(errors.personId
          ? [{ name: 'personId' as const, errors: [t('evaluations.amendments.personRequired')] }]
          : []),
        ...(errors.newValue
          ? [
              {
                name: values.field === 'veto' ? ('vetoReason' as const) : ('newNumber' as const),
                errors: [
                  values.field === 'veto' ? t('evaluations.amendments.vetoReasonRequired') : errors.newValue,
                ],
              },
            ]
          : []),
        ...(errors.reason ? [{ name: 'reason' as const, errors: [errors.reason] }] : []),
      ]);
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: () => {
        void message.success(t('evaluations.amendments.done'));
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={t('evaluations.amendments.dialogTitle')}
      onCancel={onClose}
      okText={t('evaluations.amendments.ok')}
      cancelText={t('evaluations.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: create.isPending }}
      width={560}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        className={styles.dialogAlert}
        title={t('evaluations.amendments.explain')}
      />
      <Form<AmendmentValues>
        id={formId}
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ field: fields[0], vetoAction: 'set', newNumber: null }}
        requiredMark={false}
      >
        <Form.Item name="personId" label={t('evaluations.amendments.person')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('evaluations.amendments.pickPerson')}
            options={rows.map((r) => ({
              value: r.evaluee.personId,
              label: `${r.rank}. ${r.evaluee.name}（${formatScore(r.total)} · ${t(`evaluations.grade.${r.grade}`)}）`,
            }))}
            data-testid="amendment-person"
          />
        </Form.Item>
        <Form.Item
          name="field"
          label={t('evaluations.amendments.field')}
          extra={
            row && now !== undefined
              ? t('evaluations.amendments.currentValue', { value: formatAmendedValue(t, field, now) })
              : undefined
          }
        >
          <Select options={fields.map((f) => ({ value: f, label: t(`evaluations.amendField.${f}`) }))} />
        </Form.Item>
        {field === 'veto' ? (
          <>
            <Form.Item name="vetoAction" label={t('evaluations.amendments.vetoAction')}>
              <Radio.Group
                options={[
                  { value: 'set', label: t('evaluations.amendments.vetoSet') },
                  { value: 'lift', label: t('evaluations.amendments.vetoLift') },
                ]}
              />
            </Form.Item>
            {vetoAction !== 'lift' && (
              <Form.Item name="vetoReason" label={t('evaluations.amendments.vetoReason')}>
                <Input.TextArea rows={2} maxLength={500} showCount />
              </Form.Item>
            )}
          </>
        ) : (
          <Form.Item name="newNumber" label={t('evaluations.amendments.newValue')}>
            <InputNumber
              min={0}
              max={100}
              precision={2}
              step={0.5}
              style={{ width: 180 }}
              suffix={t('evaluations.points')}
            />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('evaluations.amendments.reason')}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('evaluations.amendments.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
      {create.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={serverMessage(create.error) ?? t('errors.unexpected')}
        />
      )}
    </Modal>
  );
}
