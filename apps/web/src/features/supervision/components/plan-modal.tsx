import { useQuery } from '@tanstack/react-query';
import { CreateInspectionPlan, type InspectionPlanView } from '@zeren/contracts';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { assessorsQueryOptions } from '@/features/evaluations/api/list-assessors';
import { useUnits } from '@/features/org-admin/api/list-units';
import { dayjs } from '@/lib/dayjs';
import { serverMessage } from '@/lib/errors';
import { zodRule } from '@/lib/form';
import { useSavePlan } from '../api/save-plan';
import styles from './supervision.module.css';

const kinds = ['HYGIENE', 'DUTY_ROSTER', 'MEETING_RULES', 'OTHER'] as const;
const recurrences = ['WEEKLY', 'MONTHLY', 'ONE_OFF'] as const;

interface PlanValues {
  title: string;
  kind: (typeof kinds)[number];
  recurrence: (typeof recurrences)[number];
  nextDueOn: Dayjs;
  unitIds: string[];
  inspectorIds: string[];
  items: { id?: string; text: string }[];
}

export function PlanModal({ plan, onClose }: { plan: InspectionPlanView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const units = useUnits();
  const assessors = useQuery(assessorsQueryOptions());
  const save = useSavePlan();
  const initial: Partial<PlanValues> = plan
    ? {
        title: plan.title,
        kind: plan.kind,
        recurrence: plan.recurrence,
        nextDueOn: dayjs(plan.nextDueOn ?? undefined),
        unitIds: plan.units.map((u) => u.id),
        inspectorIds: plan.inspectors.map((i) => i.id),
        items: plan.items.map((i) => ({ id: i.id, text: i.text })),
      }
    : {
        kind: 'HYGIENE',
        recurrence: 'WEEKLY',
        nextDueOn: dayjs(),
        unitIds: [],
        inspectorIds: [],
        items: [{ text: '' }],
      };

  const submit = async (values: PlanValues) => {
    const body = {
      title: values.title,
      kind: values.kind,
      recurrence: values.recurrence,
      nextDueOn: values.nextDueOn.format('YYYY-MM-DD'),
      unitIds: values.unitIds,
      inspectorIds: values.inspectorIds ?? [],
      items: values.items.map((i) => (i.id ? { id: i.id, text: i.text } : { text: i.text })),
    };
    try {
      await save.mutateAsync(plan ? { id: plan.id, body: { ...body, version: plan.version } } : { body });
      void message.success(t('supervision.saved'));
      onClose();
    } catch (error) {
      void message.error(serverMessage(error) ?? t('supervision.saveFailed'));
    }
  };

  return (
    <Modal
      open
      width={640}
      title={plan ? t('supervision.plan.editTitle') : t('supervision.plan.newTitle')}
      okText={t('supervision.save')}
      cancelText={t('supervision.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<PlanValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="title"
          label={t('supervision.plan.title')}
          rules={[zodRule(CreateInspectionPlan.shape.title)]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item name="kind" label={t('supervision.plan.kind')}>
            <Select
              style={{ width: 180 }}
              options={kinds.map((k) => ({ value: k, label: t(`supervision.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="recurrence" label={t('supervision.plan.recurrence')}>
            <Select
              style={{ width: 120 }}
              options={recurrences.map((r) => ({ value: r, label: t(`supervision.recurrence.${r}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="nextDueOn"
            label={t('supervision.plan.nextDueOn')}
            rules={[{ required: true, message: t('supervision.plan.nextDueOnRequired') }]}
          >
            <DatePicker allowClear={false} />
          </Form.Item>
        </Space>
        <Form.Item
          name="unitIds"
          label={t('supervision.plan.units')}
          rules={[{ required: true, message: t('supervision.plan.unitsRequired') }]}
        >
          <Select
            mode="multiple"
            loading={units.isPending}
            optionFilterProp="label"
            options={(units.data ?? [])
              .filter((u) => !u.isArchived && u.kind !== 'ASSESSMENT_GROUP')
              .map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          name="inspectorIds"
          label={t('supervision.plan.inspectors')}
          extra={t('supervision.plan.inspectorsHint')}
        >
          <Select
            mode="multiple"
            loading={assessors.isPending}
            optionFilterProp="label"
            options={(assessors.data?.items ?? []).map((a) => ({ value: a.personId, label: a.name }))}
          />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <div>
              <div className={styles.itemTitle} style={{ marginBottom: 8 }}>
                {t('supervision.plan.items')}
              </div>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[field.name, 'text']}
                    rules={[
                      { required: true, whitespace: true, message: t('supervision.plan.itemRequired') },
                    ]}
                    style={{ width: 500 }}
                  >
                    <Input
                      aria-label={t('supervision.plan.itemLabel', { n: index + 1 })}
                      placeholder={t('supervision.plan.itemPlaceholder')}
                      maxLength={200}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="link" danger onClick={() => remove(field.name)}>
                      {t('supervision.plan.removeItem')}
                    </Button>
                  )}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ text: '' })} block>
                {t('supervision.plan.addItem')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
