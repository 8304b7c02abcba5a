import { CreateOrgUnit, UnitKind, type OrgUnit } from '@zeren/contracts';
import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { zodRule } from '@/lib/form';
import { useLabels } from '@/lib/labels';
import { useCreateUnit } from '../api/create-unit';
import { useUpdateUnit } from '../api/update-unit';
import { useFeedback } from './feedback';
import { FormModal } from './form-modal';
import { applyServerErrors } from './server-errors';

interface UnitValues {
  name: string;
  kind: UnitKind;
  parentId?: string | null;
  sortOrder?: number | null;
}
const fields = ['name', 'kind', 'parentId', 'sortOrder'] as const;

/** Creates a unit, or edits `unit`. */
export function UnitForm({
  unit,
  units,
  onClose,
}: {
  unit?: OrgUnit;
  units: OrgUnit[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const feedback = useFeedback();
  const [form] = Form.useForm<UnitValues>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = unit ? update : create;

  // A unit cannot sit below itself or its own descendants (the server refuses that loop too).
  const below = new Set<string>(unit ? [unit.id] : []);
  for (let grew = true; grew;) {
    grew = false;
    for (const u of units)
      if (u.parentId && below.has(u.parentId) && !below.has(u.id)) {
        below.add(u.id);
        grew = true;
      }
  }
  const parentOptions = units
    .filter((u) => !below.has(u.id) && (!u.isArchived || u.id === unit?.parentId))
    .map((u) => ({ value: u.id, label: u.name }));

  const submit = (values: UnitValues) => {
    const body = {
      name: values.name,
      kind: values.kind,
      parentId: values.parentId ?? null,
      sortOrder: values.sortOrder ?? 0,
    };
    const onError = (error: unknown) => applyServerErrors(form, error, { fields });
    const onSuccess = () => {
      feedback.success(t('orgAdmin.common.saved'));
      onClose();
    };
    if (unit) update.mutate({ id: unit.id, body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  };

  return (
    <FormModal<UnitValues>
      title={unit ? t('orgAdmin.units.edit') : t('orgAdmin.units.create')}
      form={form}
      initialValues={
        unit
          ? { name: unit.name, kind: unit.kind, parentId: unit.parentId, sortOrder: unit.sortOrder }
          : { kind: 'SECTION', sortOrder: 0 }
      }
      onSubmit={submit}
      onClose={onClose}
      isSubmitting={mutation.isPending}
      error={mutation.error}
    >
      <Form.Item
        name="name"
        label={t('orgAdmin.units.name')}
        rules={[zodRule(CreateOrgUnit.shape.name)]}
        required
      >
        <Input autoFocus maxLength={100} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('orgAdmin.units.kind')}
        rules={[{ required: true, message: t('orgAdmin.units.kindRequired') }]}
      >
        <Select options={UnitKind.options.map((kind) => ({ value: kind, label: labels.unitKind(kind) }))} />
      </Form.Item>
      <Form.Item name="parentId" label={t('orgAdmin.units.parent')} extra={t('orgAdmin.units.parentHint')}>
        <Select
          allowClear
          placeholder={t('orgAdmin.units.noParent')}
          options={parentOptions}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item
        name="sortOrder"
        label={t('orgAdmin.units.sortOrder')}
        extra={t('orgAdmin.units.sortOrderHint')}
      >
        <InputNumber precision={0} min={-9999} max={9999} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
