import { RecordProgress, type TargetDetail } from '@zeren/contracts';
import { normaliseProgress } from '@zeren/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Segmented,
  Slider,
  Space,
  Switch,
  Upload,
  type FormRule,
} from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '@/components/category-progress';
import { serverMessage } from '@/lib/errors';
import { zodRule } from '@/lib/form';
import { useRecordProgress } from '../api/record-progress';
import { useUploadEvidence } from '../api/upload-evidence';
import styles from './progress-form.module.css';

type EvidenceMode = 'none' | 'link' | 'file';

interface FormValues {
  value: number | boolean | null;
  note: string;
  evidenceUrl?: string;
}

const acceptedFiles = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx';

/** 填报进展: the value in the target's own measure, a required note, optional evidence. */
export function ProgressForm({ target }: { target: TargetDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const record = useRecordProgress(target.id);
  const upload = useUploadEvidence();
  const [evidenceMode, setEvidenceMode] = useState<EvidenceMode>('none');
  const [evidenceFile, setEvidenceFile] = useState<{ id: string; filename: string } | null>(null);

  const isMilestone = target.measureKind === 'MILESTONE';
  const rawValue = Form.useWatch('value', form);
  const numericValue = toNumber(rawValue);
  const preview =
    numericValue === null
      ? null
      : normaliseProgress({
          measureKind: target.measureKind,
          baseline: target.baseline,
          goal: target.goal,
          value: numericValue,
        });

  const initialValue = isMilestone ? (target.latestValue ?? 0) >= 1 : target.latestValue;

  const onFinish = (values: FormValues) => {
    const value = toNumber(values.value);
    if (value === null) return;
    record.mutate(
      {
        value,
        note: values.note.trim(),
        evidenceUrl: evidenceMode === 'link' && values.evidenceUrl?.trim() ? values.evidenceUrl.trim() : null,
        evidenceFileId: evidenceMode === 'file' ? (evidenceFile?.id ?? null) : null,
      },
      {
        onSuccess: ({ rollUp }) => {
          void message.success(
            rollUp.length > 1
              ? t('targets.progress.recordedWithRollUp', { count: rollUp.length - 1 })
              : t('targets.progress.recorded'),
          );
          form.setFieldsValue({ note: '', evidenceUrl: '' });
          setEvidenceMode('none');
          setEvidenceFile(null);
        },
      },
    );
  };

  const valueRules: FormRule[] = [
    {
      validator: async (_rule, value: unknown) => {
        if (toNumber(value as FormValues['value']) === null)
          throw new Error(t('targets.progress.valueRequired'));
      },
    },
  ];

  const noteId = `progress-note-${target.id}`;

  return (
    <Card title={t('targets.progress.formTitle')} size="small">
      <Form<FormValues>
        form={form}
        layout="vertical"
        data-testid="target-progress-form"
        initialValues={{ value: initialValue, note: '', evidenceUrl: '' }}
        onFinish={onFinish}
        requiredMark="optional"
        disabled={record.isPending}
      >
        <Form.Item
          name="value"
          label={valueLabel(t, target)}
          required
          rules={valueRules}
          valuePropName={isMilestone ? 'checked' : 'value'}
          extra={
            preview !== null ? t('targets.progress.preview', { value: formatPercent(preview, 2) }) : undefined
          }
        >
          <ValueInput target={target} />
        </Form.Item>

        <Form.Item
          name="note"
          label={t('targets.progress.note')}
          required
          rules={[zodRule(RecordProgress.shape.note)]}
          extra={t('targets.progress.noteHint')}
        >
          <Input.TextArea
            id={noteId}
            data-testid="progress-note"
            rows={3}
            maxLength={2000}
            placeholder={t('targets.progress.notePlaceholder')}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
            }}
          />
        </Form.Item>

        <Form.Item label={t('targets.progress.evidence')}>
          <Segmented<EvidenceMode>
            block
            value={evidenceMode}
            onChange={setEvidenceMode}
            options={[
              { value: 'none', label: t('targets.progress.evidenceNone') },
              { value: 'link', label: t('targets.progress.evidenceLink') },
              { value: 'file', label: t('targets.progress.evidenceFile') },
            ]}
          />
        </Form.Item>
        {evidenceMode === 'link' && (
          <Form.Item
            name="evidenceUrl"
            rules={[
              {
                validator: async (_rule, value: unknown) => {
                  if (typeof value !== 'string' || !value.trim())
                    throw new Error(t('targets.progress.urlRequired'));
                  const result = RecordProgress.shape.evidenceUrl.safeParse(value.trim());
                  if (!result.success) throw new Error(result.error.issues[0]?.message);
                },
              },
            ]}
          >
            <Input placeholder="https://" aria-label={t('targets.progress.evidenceLink')} />
          </Form.Item>
        )}
        {evidenceMode === 'file' && (
          <Form.Item extra={t('targets.progress.fileHint')}>
            {evidenceFile ? (
              <Space>
                <span className={styles.fileName}>{evidenceFile.filename}</span>
                <Button size="small" type="link" onClick={() => setEvidenceFile(null)}>
                  {t('targets.progress.removeFile')}
                </Button>
              </Space>
            ) : (
              <Upload
                accept={acceptedFiles}
                showUploadList={false}
                beforeUpload={(file) => {
                  upload.mutate(file, {
                    onSuccess: (stored) => setEvidenceFile({ id: stored.id, filename: stored.filename }),
                    onError: (error) => void message.error(serverMessage(error) ?? t('errors.unexpected')),
                  });
                  return false; // we send it ourselves, as the raw body
                }}
              >
                <Button loading={upload.isPending}>{t('targets.progress.chooseFile')}</Button>
              </Upload>
            )}
          </Form.Item>
        )}

        {record.isError && (
          <Alert
            className={styles.error}
            type="error"
            showIcon
            role="alert"
            title={serverMessage(record.error) ?? t('errors.unexpected')}
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={record.isPending}
          disabled={upload.isPending}
          data-testid="progress-submit"
        >
          {t('targets.progress.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function toNumber(value: FormValues['value'] | undefined): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

// TFunction rather than ReturnType<typeof useTranslation>['t']: the latter hits TS2589 once the
// locale files grow past a few hundred keys.
function valueLabel(t: TFunction, target: TargetDetail): string {
  switch (target.measureKind) {
    case 'PERCENTAGE':
      return t('targets.progress.valuePercentage');
    case 'NUMBER':
      return t('targets.progress.valueNumber', { unit: target.measureUnit ?? '' });
    case 'MILESTONE':
      return t('targets.progress.valueMilestone');
    case 'QUALITATIVE':
      return t('targets.progress.valueQualitative');
  }
}

interface ValueInputProps {
  target: TargetDetail;
  value?: number | null;
  checked?: boolean;
  onChange?: (value: number | boolean | null) => void;
  id?: string;
}

/** The value control for the target's measure kind; antd's Form.Item passes value/onChange and the id. */
function ValueInput({ target, value, checked, onChange, id }: ValueInputProps) {
  const { t } = useTranslation();
  switch (target.measureKind) {
    case 'MILESTONE':
      return (
        <Switch
          id={id}
          data-testid="progress-value"
          checked={checked ?? false}
          onChange={(next) => onChange?.(next)}
          checkedChildren={t('targets.measure.done')}
          unCheckedChildren={t('targets.measure.notDone')}
        />
      );
    case 'QUALITATIVE':
      return (
        <div className={styles.slider}>
          <Slider
            min={0}
            max={100}
            value={value ?? 0}
            onChange={(next) => onChange?.(next)}
            aria-label={t('targets.progress.valueQualitative')}
          />
          <InputNumber
            id={id}
            data-testid="progress-value"
            min={0}
            max={100}
            precision={0}
            value={value}
            onChange={(next) => onChange?.(next)}
            className={styles.sliderInput}
          />
        </div>
      );
    case 'PERCENTAGE':
      return (
        <InputNumber
          id={id}
          data-testid="progress-value"
          min={0}
          max={100}
          step={1}
          suffix="%"
          className={styles.number}
          value={value}
          onChange={(next) => onChange?.(next)}
        />
      );
    case 'NUMBER':
      return (
        <InputNumber
          id={id}
          data-testid="progress-value"
          min={0}
          suffix={target.measureUnit ?? undefined}
          className={styles.number}
          value={value}
          onChange={(next) => onChange?.(next)}
        />
      );
  }
}
