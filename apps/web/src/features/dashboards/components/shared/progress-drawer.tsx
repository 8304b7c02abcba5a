import { useMutation } from '@tanstack/react-query';
import { RecordProgress, type DashboardTarget } from '@zeren/contracts';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { CategoryTag, formatPercent } from '@/components/category-progress';
import { serverMessage } from '@/lib/errors';
import { zodRule } from '@/lib/form';
import { formatMeasure } from '../../utils/format';
import { useDashboardWiring } from './dashboard-wiring';
import styles from './dashboard.module.css';

interface FormValues {
  value: number | boolean | null;
  note: string;
}

interface ProgressDrawerProps {
  target: DashboardTarget;
  isOpen: boolean;
  onClose: () => void;
}

/**
 * The 填报 drawer: records progress on a leaf target without leaving the dashboard (the target
 * page has the full form with evidence). Posts through the targets feature's `recordProgress`; on
 * success the dashboard (and every roll-up on screen) refreshes. Loaded on first use.
 */
export default function ProgressDrawer({ target, isOpen, onClose }: ProgressDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const wiring = useDashboardWiring();
  const [form] = Form.useForm<FormValues>();
  const record = useMutation({
    mutationFn: (body: RecordProgress) => wiring.recordProgress(target.id, body),
    onSuccess: () => wiring.onTargetChanged(),
  });

  const isMilestone = target.measureKind === 'MILESTONE';

  const onFinish = (values: FormValues) => {
    const value = typeof values.value === 'boolean' ? Number(values.value) : values.value;
    if (value === null || value === undefined) return;
    record.mutate(
      { value, note: values.note.trim() },
      {
        onSuccess: () => {
          void message.success(t('dashboards.inlineProgress.recorded', { title: target.title }));
          onClose();
        },
      },
    );
  };

  return (
    <Drawer
      open={isOpen}
      onClose={onClose}
      afterOpenChange={(open) => {
        if (!open) record.reset();
      }}
      title={t('dashboards.inlineProgress.title')}
      size={400}
      // A fresh form (the latest value, an empty note) each time it opens.
      destroyOnHidden
      footer={
        <Space className={styles.drawerFooter}>
          <Button onClick={onClose} data-testid="inline-progress-cancel">
            {t('dashboards.inlineProgress.cancel')}
          </Button>
          <Button
            type="primary"
            loading={record.isPending}
            onClick={() => form.submit()}
            data-testid="inline-progress-submit"
          >
            {t('dashboards.inlineProgress.submit')}
          </Button>
        </Space>
      }
    >
      <div className={styles.drawerTarget}>
        <CategoryTag category={target.category} />
        <strong>{target.title}</strong>
      </div>
      <p className={styles.drawerFacts}>
        {t('dashboards.inlineProgress.facts', {
          latest: formatMeasure(t, target, target.latestValue),
          goal: formatMeasure(t, target, target.goal),
          progress: formatPercent(target.progress),
        })}
      </p>
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={onFinish}
        initialValues={{
          value: isMilestone ? (target.latestValue ?? 0) >= 1 : target.latestValue,
          note: '',
        }}
        disabled={record.isPending}
        data-testid="inline-progress-form"
      >
        <Form.Item
          name="value"
          label={t(`dashboards.inlineProgress.value.${target.measureKind}`)}
          required
          valuePropName={isMilestone ? 'checked' : 'value'}
          rules={[
            {
              validator: async (_rule, value: unknown) => {
                if (value === null || value === undefined)
                  throw new Error(t('dashboards.inlineProgress.valueRequired'));
              },
            },
          ]}
        >
          {isMilestone ? (
            <Switch
              checkedChildren={t('dashboards.measure.done')}
              unCheckedChildren={t('dashboards.measure.notDone')}
              data-testid="inline-progress-value"
            />
          ) : (
            <InputNumber
              className={styles.fullWidth}
              min={0}
              max={target.measureKind === 'NUMBER' ? undefined : 100}
              suffix={
                target.measureKind === 'PERCENTAGE'
                  ? '%'
                  : target.measureKind === 'QUALITATIVE'
                    ? t('dashboards.measure.pointsUnit')
                    : (target.measureUnit ?? undefined)
              }
              autoFocus
              data-testid="inline-progress-value"
            />
          )}
        </Form.Item>
        <Form.Item
          name="note"
          label={t('dashboards.inlineProgress.note')}
          required
          rules={[zodRule(RecordProgress.shape.note)]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            placeholder={t('dashboards.inlineProgress.notePlaceholder')}
            data-testid="inline-progress-note"
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
            }}
          />
        </Form.Item>
        {record.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={serverMessage(record.error) ?? t('errors.unexpected')}
          />
        )}
      </Form>
    </Drawer>
  );
}
