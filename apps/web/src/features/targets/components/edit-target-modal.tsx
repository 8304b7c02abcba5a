import { useQueryClient } from '@tanstack/react-query';
import { TargetSummary, UpdateTarget, type MeasureKind, type TargetDetail } from '@zeren/contracts';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isApiError } from '@/lib/api-client';
import { dayjs } from '@/lib/dayjs';
import { serverMessage } from '@/lib/errors';
import { zodRule } from '@/lib/form';
import { targetKeys } from '../api/keys';
import { useUpdateTarget } from '../api/update-target';
import { fixedGoal, measureKinds } from '../utils/measure';
import styles from './edit-target-modal.module.css';

const Fields = UpdateTarget.shape;

/** The editable fields, as the server sends them back in a 409's `details.current`. */
const CurrentValues = TargetSummary.pick({
  title: true,
  weight: true,
  measureKind: true,
  measureUnit: true,
  baseline: true,
  goal: true,
  dueDate: true,
  version: true,
}).extend({ description: z.string().nullable().optional() });
type CurrentValues = z.infer<typeof CurrentValues>;

type EditableField =
  'title' | 'description' | 'weight' | 'measureKind' | 'measureUnit' | 'baseline' | 'goal' | 'dueDate';
const editableFields: readonly EditableField[] = [
  'title',
  'description',
  'weight',
  'measureKind',
  'measureUnit',
  'baseline',
  'goal',
  'dueDate',
];
type Changes = Partial<Pick<UpdateTarget, EditableField>>;

interface FormValues {
  title: string;
  description: string;
  weight: number | null;
  measureKind: MeasureKind;
  measureUnit: string;
  baseline: number | null;
  goal: number | null;
  dueDate: Dayjs | null;
}

const toFormValues = (target: Omit<CurrentValues, 'version'>): FormValues => ({
  title: target.title,
  description: target.description ?? '',
  weight: target.weight,
  measureKind: target.measureKind,
  measureUnit: target.measureUnit ?? '',
  baseline: target.baseline,
  goal: target.goal,
  dueDate: dayjs(target.dueDate),
});

/** What the form would save, in the contract's terms. */
function fromFormValues(values: FormValues): Required<Changes> {
  const goal = fixedGoal(values.measureKind) ?? values.goal ?? 0;
  return {
    title: values.title.trim(),
    description: values.description.trim() || null,
    weight: values.weight ?? 0,
    measureKind: values.measureKind,
    measureUnit: values.measureKind === 'NUMBER' ? values.measureUnit.trim() || null : null,
    baseline: values.measureKind === 'NUMBER' ? (values.baseline ?? 0) : 0,
    goal,
    dueDate: (values.dueDate ?? dayjs()).format('YYYY-MM-DD'),
  };
}

const sameValue = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

interface Conflict {
  mine: Changes;
  current: CurrentValues;
}

/**
 * 编辑目标. Saves only the fields that changed, with the version it read. If someone saved in
 * between (409 STALE_VERSION) both versions are shown side by side; nothing is overwritten until
 * the person chooses to re-apply their changes on top of the newer version.
 */
export function EditTargetModal({ target, onClose }: { target: TargetDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const formId = useId();
  const [form] = Form.useForm<FormValues>();
  const update = useUpdateTarget(target.id);
  // What this edit started from: the target as read, later the newer version the person accepted.
  const [base, setBase] = useState<CurrentValues>(() => ({ ...target, description: target.description }));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const measureKind = Form.useWatch('measureKind', form) ?? target.measureKind;

  const send = (changes: Changes, version: number) => {
    const body = UpdateTarget.safeParse({ ...changes, version });
    if (!body.success) {
      void message.error(body.error.issues[0]?.message ?? t('errors.unexpected'));
      return;
    }
    update.mutate(body.data, {
      onSuccess: () => {
        void message.success(t('targets.edit.saved'));
        onClose();
      },
      onError: (error) => {
        if (!isApiError(error) || error.code !== 'STALE_VERSION') return;
        const details = error.details as { current?: unknown } | undefined;
        const current = CurrentValues.safeParse(details?.current);
        void queryClient.invalidateQueries({ queryKey: targetKeys.detail(target.id) });
        if (current.success) setConflict({ mine: changes, current: current.data });
      },
    });
  };

  const onFinish = (values: FormValues) => {
    const next = fromFormValues(values);
    const changes: Changes = {};
    for (const field of editableFields) {
      if (!sameValue(next[field], base[field])) Object.assign(changes, { [field]: next[field] });
    }
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    send(changes, base.version);
  };

  const isStaleWithoutDetails =
    isApiError(update.error) && update.error.code === 'STALE_VERSION' && conflict === null;

  return (
    <Modal
      open
      title={t('targets.edit.title')}
      width={conflict ? 760 : 640}
      onCancel={onClose}
      destroyOnHidden
      footer={
        conflict ? (
          <>
            <Button
              onClick={() => {
                // Take theirs: the form shows the newer version, the person may edit again.
                setBase(conflict.current);
                form.setFieldsValue(toFormValues(conflict.current));
                setConflict(null);
                update.reset();
              }}
            >
              {t('targets.edit.conflictUseTheirs')}
            </Button>
            <Button
              type="primary"
              loading={update.isPending}
              data-testid="edit-reapply"
              onClick={() => {
                setBase(conflict.current);
                send(conflict.mine, conflict.current.version);
                setConflict(null);
              }}
            >
              {t('targets.edit.conflictReapply')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onClose}>{t('targets.cancel')}</Button>
            <Button
              type="primary"
              htmlType="submit"
              form={formId}
              loading={update.isPending}
              data-testid="edit-save"
            >
              {t('targets.edit.save')}
            </Button>
          </>
        )
      }
    >
      {conflict && <ConflictView conflict={conflict} base={base} />}
      {/* Kept mounted under the comparison so the person's edits survive it. */}
      <div hidden={conflict !== null}>
        <Form<FormValues>
          id={formId}
          form={form}
          layout="vertical"
          initialValues={toFormValues(target)}
          onFinish={onFinish}
          disabled={update.isPending}
          className={styles.form}
        >
          <Form.Item name="title" label={t('targets.edit.fields.title')} rules={[zodRule(Fields.title)]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('targets.edit.fields.description')}
            rules={[zodRule(Fields.description)]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <div className={styles.grid}>
            <Form.Item
              name="weight"
              label={t('targets.edit.fields.weight')}
              rules={[
                { required: true, message: t('targets.decompose.weightRequired') },
                zodRule(Fields.weight),
              ]}
              validateFirst
            >
              <InputNumber min={0} max={100} className={styles.full} />
            </Form.Item>
            <Form.Item name="measureKind" label={t('targets.edit.fields.measureKind')}>
              <Select
                options={measureKinds.map((value) => ({ value, label: t(`targets.measureKind.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name="dueDate" label={t('targets.edit.fields.dueDate')} rules={[{ required: true }]}>
              <DatePicker className={styles.full} allowClear={false} />
            </Form.Item>
            {measureKind === 'NUMBER' && (
              <>
                <Form.Item
                  name="measureUnit"
                  label={t('targets.edit.fields.measureUnit')}
                  rules={[zodRule(Fields.measureUnit)]}
                >
                  <Input />
                </Form.Item>
                <Form.Item name="baseline" label={t('targets.edit.fields.baseline')}>
                  <InputNumber className={styles.full} />
                </Form.Item>
              </>
            )}
            {(measureKind === 'NUMBER' || measureKind === 'PERCENTAGE') && (
              <Form.Item
                name="goal"
                label={t('targets.edit.fields.goal')}
                rules={[{ required: true, message: t('targets.decompose.goalRequired') }]}
              >
                <InputNumber
                  min={0}
                  max={measureKind === 'PERCENTAGE' ? 100 : undefined}
                  suffix={measureKind === 'PERCENTAGE' ? '%' : undefined}
                  className={styles.full}
                />
              </Form.Item>
            )}
          </div>
          {update.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={
                isStaleWithoutDetails
                  ? t('targets.edit.staleReload')
                  : (serverMessage(update.error) ?? t('errors.unexpected'))
              }
            />
          )}
        </Form>
      </div>
    </Modal>
  );
}

function ConflictView({ conflict, base }: { conflict: Conflict; base: CurrentValues }) {
  const { t } = useTranslation();
  const show = (field: EditableField, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'measureKind') return t(`targets.measureKind.${value as MeasureKind}`);
    return String(value);
  };
  // Every field the person changed, and every field the other person changed.
  const fields = editableFields.filter(
    (field) => field in conflict.mine || !sameValue(conflict.current[field], base[field]),
  );
  const rows = fields.map((field) => ({
    field,
    label: t(`targets.edit.fields.${field}`),
    mine: field in conflict.mine ? show(field, conflict.mine[field]) : t('targets.edit.unchanged'),
    theirs: show(field, conflict.current[field]),
    clashes: field in conflict.mine && !sameValue(conflict.current[field], base[field]),
  }));
  return (
    <div data-testid="edit-conflict" role="alert">
      <Alert
        type="warning"
        showIcon
        title={t('targets.edit.conflictTitle')}
        description={t('targets.edit.conflictHint')}
      />
      <Table
        className={styles.conflict}
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={rows}
        rowClassName={(row) => (row.clashes ? (styles.clash ?? '') : '')}
        columns={[
          { key: 'label', title: t('targets.edit.conflictField'), dataIndex: 'label', width: 110 },
          { key: 'mine', title: t('targets.edit.conflictMine'), dataIndex: 'mine' },
          { key: 'theirs', title: t('targets.edit.conflictTheirs'), dataIndex: 'theirs' },
        ]}
      />
    </div>
  );
}
