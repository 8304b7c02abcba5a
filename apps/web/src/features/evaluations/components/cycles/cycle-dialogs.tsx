import {
  CreateCycle,
  TransitionCycle,
  UpdateCycleWindow,
  type CycleDetail,
  type CycleKind,
  type CycleStatus,
} from '@zeren/contracts';
import { Alert, App, Form, InputNumber, Modal, Select } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { serverMessage } from '@/lib/errors';
import { fieldErrors } from '@/lib/form';
import { useCreateCycle } from '../../api/create-cycle';
import { useTransitionCycle } from '../../api/transition-cycle';
import { useUpdateCycleWindow } from '../../api/update-cycle-window';
import { cycleKinds, cycleTitle, formatWindow } from '../../utils/format';
import { fromWindow, toWindow, WindowRange, type DayRange } from './window-range';
import type { TransitionAction } from './cycle-actions';
import styles from './cycles.module.css';

const targetOf: Record<TransitionAction, CycleStatus> = {
  open: 'OPEN',
  reopen: 'OPEN',
  close: 'CLOSED',
  publish: 'PUBLISHED',
};

// ─── Transition ──────────────────────────────────────────────────────────────────────────────────

interface TransitionDialogProps {
  cycle: CycleDetail;
  action: TransitionAction;
  onClose: () => void;
}

/** Confirm a move, say what it does, and keep the server's reason on screen when it refuses. */
export function TransitionDialog({ cycle, action, onClose }: TransitionDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formId = useId();
  const [form] = Form.useForm<{ window: DayRange }>();
  const transition = useTransitionCycle();
  const needsWindow = action === 'open' && (!cycle.windowStart || !cycle.windowEnd);
  const asksWindow = action === 'open' || action === 'reopen';
  const [problem, setProblem] = useState<string | null>(null);

  const onFinish = ({ window }: { window: DayRange }) => {
    setProblem(null);
    const body = { to: targetOf[action], version: cycle.version, ...(asksWindow ? toWindow(window) : {}) };
    const parsed = TransitionCycle.safeParse(body);
    if (!parsed.success) {
      form.setFields([{ name: 'window', errors: parsed.error.issues.map((issue) => issue.message) }]);
      return;
    }
    if (needsWindow && !parsed.data.windowStart) {
      form.setFields([{ name: 'window', errors: [t('evaluations.cycles.windowRequired')] }]);
      return;
    }
    transition.mutate(
      { id: cycle.id, ...parsed.data },
      {
        onSuccess: () => {
          void message.success(t(`evaluations.transition.done.${action}`, { cycle: cycleTitle(t, cycle) }));
          onClose();
        },
        onError: (error) => {
          setProblem(serverMessage(error) ?? t('errors.unexpected'));
          if (isApiError(error) && error.code === 'STALE_VERSION') setProblem(t('evaluations.cycles.stale'));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t(`evaluations.transition.title.${action}`, { cycle: cycleTitle(t, cycle) })}
      onCancel={onClose}
      okText={t(`evaluations.transition.action.${action}`)}
      cancelText={t('evaluations.cancel')}
      okButtonProps={{
        htmlType: 'submit',
        form: formId,
        loading: transition.isPending,
        danger: action === 'publish' || action === 'close',
        'data-testid': 'cycle-transition-confirm',
      }}
      destroyOnHidden
    >
      <p className={styles.dialogText}>{t(`evaluations.transition.explain.${action}`)}</p>
      <Form id={formId} form={form} layout="vertical" onFinish={onFinish} initialValues={{ window: null }}>
        {asksWindow && (
          <Form.Item
            name="window"
            label={t('evaluations.cycles.window')}
            extra={
              needsWindow
                ? t('evaluations.cycles.windowLater')
                : t('evaluations.transition.windowKeep', {
                    window: formatWindow(t, cycle.windowStart, cycle.windowEnd),
                  })
            }
          >
            <WindowRange />
          </Form.Item>
        )}
      </Form>
      {problem && (
        <Alert type="error" showIcon role="alert" title={problem} data-testid="cycle-transition-error" />
      )}
    </Modal>
  );
}

// ─── Window ──────────────────────────────────────────────────────────────────────────────────────

export function WindowDialog({ cycle, onClose }: { cycle: CycleDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formId = useId();
  const [form] = Form.useForm<{ window: DayRange }>();
  const update = useUpdateCycleWindow();

  const onFinish = ({ window }: { window: DayRange }) => {
    const parsed = UpdateCycleWindow.safeParse({ ...toWindow(window), version: cycle.version });
    if (!parsed.success) {
      form.setFields([
        {
          name: 'window',
          errors: [
            window?.[0] && window[1]
              ? (parsed.error.issues[0]?.message ?? '')
              : t('evaluations.cycles.windowRequired'),
          ],
        },
      ]);
      return;
    }
    update.mutate(
      { id: cycle.id, ...parsed.data },
      {
        onSuccess: () => {
          void message.success(t('evaluations.cycles.windowSaved'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('evaluations.cycles.windowTitle', { cycle: cycleTitle(t, cycle) })}
      onCancel={onClose}
      okText={t('evaluations.save')}
      cancelText={t('evaluations.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: update.isPending }}
      destroyOnHidden
    >
      <Form
        id={formId}
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ window: fromWindow(cycle.windowStart, cycle.windowEnd) }}
      >
        <Form.Item
          name="window"
          label={t('evaluations.cycles.window')}
          extra={t('evaluations.cycles.windowHint')}
        >
          <WindowRange />
        </Form.Item>
      </Form>
      {update.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={serverMessage(update.error) ?? t('errors.unexpected')}
        />
      )}
    </Modal>
  );
}

// ─── Create ──────────────────────────────────────────────────────────────────────────────────────

interface CreateValues {
  year: number;
  kind: CycleKind;
  window: DayRange;
}

export function CreateCycleDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formId = useId();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateCycle();

  const onFinish = (values: CreateValues) => {
    const parsed = CreateCycle.safeParse({
      year: values.year,
      kind: values.kind,
      ...toWindow(values.window),
    });
    if (!parsed.success) {
      const errors = fieldErrors<'year' | 'kind' | 'windowEnd' | 'windowStart'>(parsed.error);
      form.setFields([
        ...(errors.year ? [{ name: 'year' as const, errors: [errors.year] }] : []),
        ...(errors.kind ? [{ name: 'kind' as const, errors: [errors.kind] }] : []),
        ...(errors.windowEnd || errors.windowStart
          ? [{ name: 'window' as const, errors: [errors.windowEnd ?? errors.windowStart ?? ''] }]
          : []),
      ]);
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (cycle) => {
        void message.success(t('evaluations.cycles.created', { cycle: cycleTitle(t, cycle) }));
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={t('evaluations.cycles.createTitle')}
      onCancel={onClose}
      okText={t('evaluations.cycles.create')}
      cancelText={t('evaluations.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: create.isPending }}
      destroyOnHidden
    >
      <Form<CreateValues>
        id={formId}
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ year, kind: 'Q4', window: null }}
        requiredMark={false}
      >
        <div className={styles.formRow}>
          <Form.Item name="year" label={t('evaluations.cycles.year')} className={styles.formYear}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="kind" label={t('evaluations.cycles.kind')} className={styles.formKind}>
            <Select
              options={cycleKinds.map((kind) => ({ value: kind, label: t(`evaluations.cycleKind.${kind}`) }))}
            />
          </Form.Item>
        </div>
        <Form.Item
          name="window"
          label={t('evaluations.cycles.windowOptional')}
          extra={t('evaluations.cycles.windowLater')}
        >
          <WindowRange />
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
