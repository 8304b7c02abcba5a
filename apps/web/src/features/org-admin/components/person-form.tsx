import { CreatePerson, type Person } from '@zeren/contracts';
import { Checkbox, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { zodRule } from '@/lib/form';
import { useCreatePerson } from '../api/create-person';
import { useUpdatePerson } from '../api/update-person';
import { useFeedback } from './feedback';
import { FormModal } from './form-modal';
import { applyServerErrors } from './server-errors';

interface PersonValues {
  employeeNo: string;
  name: string;
  gender: '男' | '女' | '';
  isPartyMember: boolean;
}
const fields = ['employeeNo', 'name', 'gender', 'isPartyMember'] as const;

/** Creates a person, or edits `person`. */
export function PersonForm({ person, onClose }: { person?: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [form] = Form.useForm<PersonValues>();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const mutation = person ? update : create;

  const submit = (values: PersonValues) => {
    const body = {
      employeeNo: values.employeeNo,
      name: values.name,
      gender: values.gender === '' ? null : values.gender,
      isPartyMember: values.isPartyMember,
    };
    const onError = (error: unknown) => applyServerErrors(form, error, { fields });
    const onSuccess = () => {
      feedback.success(t('orgAdmin.common.saved'));
      onClose();
    };
    if (person) update.mutate({ id: person.id, body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  };

  const gender = person?.gender === '男' || person?.gender === '女' ? person.gender : '';
  return (
    <FormModal<PersonValues>
      title={person ? t('orgAdmin.people.edit') : t('orgAdmin.people.create')}
      form={form}
      initialValues={
        person
          ? { employeeNo: person.employeeNo, name: person.name, gender, isPartyMember: person.isPartyMember }
          : { gender: '', isPartyMember: false }
      }
      onSubmit={submit}
      onClose={onClose}
      isSubmitting={mutation.isPending}
      error={mutation.error}
    >
      <Form.Item
        name="employeeNo"
        label={t('orgAdmin.people.employeeNo')}
        extra={t('orgAdmin.people.employeeNoHint')}
        rules={[zodRule(CreatePerson.shape.employeeNo)]}
        required
      >
        <Input autoFocus maxLength={32} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('orgAdmin.people.name')}
        rules={[zodRule(CreatePerson.shape.name)]}
        required
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item name="gender" label={t('orgAdmin.people.gender')}>
        <Radio.Group
          options={[
            { value: '男', label: t('orgAdmin.people.male') },
            { value: '女', label: t('orgAdmin.people.female') },
            { value: '', label: t('orgAdmin.people.genderUnset') },
          ]}
        />
      </Form.Item>
      <Form.Item name="isPartyMember" valuePropName="checked">
        <Checkbox>{t('orgAdmin.people.partyMember')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
