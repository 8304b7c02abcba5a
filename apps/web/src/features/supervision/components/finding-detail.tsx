import { useQuery } from '@tanstack/react-query';
import type { FindingDetail as FindingDetailView, FindingEventView } from '@zeren/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Skeleton,
  Timeline,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorResult } from '@/components/error-result';
import { dayjs } from '@/lib/dayjs';
import { serverMessage } from '@/lib/errors';
import { useActOnFinding } from '../api/act-on-finding';
import { openFindingEvidence } from '../api/evidence';
import { findingQueryOptions } from '../api/get-finding';
import { EvidenceUpload } from './evidence-upload';
import { DeadlineCell, FindingStatusTag, SeverityTag } from './labels';
import styles from './supervision.module.css';

const eventColors: Record<FindingEventView['action'], string> = {
  CREATED: 'orange',
  RECTIFIED: 'blue',
  SENT_BACK: 'red',
  CLOSED: 'green',
  ESCALATED: 'red',
  DEDUCTION_ACCEPTED: 'gray',
};

/** 问题详情: the finding, its history, and what the actor may do now (整改 / 复查). */
export function FindingDetailPage({ id, backPath }: { id: string; backPath: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useQuery(findingQueryOptions(id));
  return (
    <Card>
      <header className={styles.header}>
        <h1 id={headingId} className={styles.title}>
          {t('supervision.detail.title')}
        </h1>
        <Link to={backPath}>{t('supervision.back')}</Link>
      </header>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <FindingBody finding={query.data} />
      )}
    </Card>
  );
}

function FindingBody({ finding }: { finding: FindingDetailView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const open = (fileId: string) =>
    void openFindingEvidence(finding.id, fileId).catch(
      (error: unknown) => void message.error(serverMessage(error) ?? t('supervision.evidence.failed')),
    );
  return (
    <div className={styles.detailGrid}>
      <div>
        {finding.isOverdue && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('supervision.detail.overdue', { count: finding.daysOverdue })}
            description={
              finding.escalatedTo
                ? t('supervision.detail.escalatedTo', { post: finding.escalatedTo.title })
                : undefined
            }
          />
        )}
        <Descriptions column={1} bordered size="small" data-testid="finding-detail">
          <Descriptions.Item label={t('supervision.finding.description')}>
            {finding.description}
          </Descriptions.Item>
          {finding.itemText && (
            <Descriptions.Item label={t('supervision.detail.item')}>{finding.itemText}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('supervision.finding.status')}>
            <span data-testid="finding-status">
              <FindingStatusTag status={finding.status} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.finding.severity')}>
            <SeverityTag severity={finding.severity} />
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.finding.deadline')}>
            <DeadlineCell finding={finding} />
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.finding.post')}>
            {finding.post.title}（{finding.post.unitName}）
            {finding.owners.length > 0 && ` · ${finding.owners.map((o) => o.name).join('、')}`}
          </Descriptions.Item>
          {finding.target && (
            <Descriptions.Item label={t('supervision.finding.target')}>
              {finding.target.title}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('supervision.detail.inspection')}>
            {finding.inspection.inspectedOn} · {finding.inspection.planTitle} ·{' '}
            {t('supervision.finding.inspector')}：{finding.inspection.inspector.name}
          </Descriptions.Item>
          {finding.evidenceFile && (
            <Descriptions.Item label={t('supervision.detail.evidence')}>
              <Button type="link" size="small" onClick={() => open(finding.evidenceFile!.id)}>
                {finding.evidenceFile.filename}
              </Button>
            </Descriptions.Item>
          )}
        </Descriptions>
        {finding.can.rectify && <RectifyForm finding={finding} />}
        {finding.can.reinspect && <ReinspectForm finding={finding} />}
      </div>
      <section aria-label={t('supervision.detail.history')}>
        <h2 className={styles.sectionTitle}>{t('supervision.detail.history')}</h2>
        <Timeline
          data-testid="finding-history"
          items={finding.events.map((e) => ({
            color: eventColors[e.action],
            children: (
              <div>
                <strong>{t(`supervision.event.${e.action}`)}</strong>
                <span className={styles.muted}>
                  {' '}
                  {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {e.actor?.name ?? t('supervision.detail.system')}
                </span>
                {e.note && <div>{e.note}</div>}
                {e.evidenceFile && (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => open(e.evidenceFile!.id)}
                  >
                    {e.evidenceFile.filename}
                  </Button>
                )}
              </div>
            ),
          }))}
        />
      </section>
    </div>
  );
}

function RectifyForm({ finding }: { finding: FindingDetailView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useActOnFinding(finding.id);
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState<{ id: string; filename: string } | null>(null);
  const [error, setError] = useState<string>();
  const submit = async () => {
    if (!note.trim()) return setError(t('supervision.detail.rectifyNoteRequired'));
    try {
      await act.mutateAsync({
        kind: 'rectify',
        body: { note: note.trim(), evidenceFileId: evidence?.id ?? null, version: finding.version },
      });
      void message.success(t('supervision.detail.rectified'));
    } catch (e) {
      void message.error(serverMessage(e) ?? t('supervision.saveFailed'));
    }
  };
  return (
    <section aria-label={t('supervision.detail.rectifyTitle')}>
      <h2 className={styles.sectionTitle}>{t('supervision.detail.rectifyTitle')}</h2>
      <Form layout="vertical" onFinish={() => void submit()} data-testid="rectify-form">
        <Form.Item
          label={t('supervision.detail.rectifyNote')}
          required
          validateStatus={error ? 'error' : undefined}
          help={error}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            value={note}
            placeholder={t('supervision.detail.rectifyPlaceholder')}
            onChange={(e) => {
              setNote(e.target.value);
              setError(undefined);
            }}
          />
        </Form.Item>
        <Form.Item label={t('supervision.detail.rectifyEvidence')}>
          <EvidenceUpload value={evidence} onChange={setEvidence} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={act.isPending}>
          {t('supervision.detail.rectifySubmit')}
        </Button>
      </Form>
    </section>
  );
}

function ReinspectForm({ finding }: { finding: FindingDetailView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useActOnFinding(finding.id);
  const [decision, setDecision] = useState<'CLOSE' | 'SEND_BACK'>('CLOSE');
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [error, setError] = useState<string>();
  const submit = async () => {
    if (!note.trim()) return setError(t('supervision.detail.reinspectNoteRequired'));
    try {
      await act.mutateAsync({
        kind: 'reinspect',
        body: {
          decision,
          note: note.trim(),
          newDeadline: decision === 'SEND_BACK' && deadline ? deadline.format('YYYY-MM-DD') : null,
          version: finding.version,
        },
      });
      void message.success(
        decision === 'CLOSE' ? t('supervision.detail.closed') : t('supervision.detail.sentBack'),
      );
    } catch (e) {
      void message.error(serverMessage(e) ?? t('supervision.saveFailed'));
    }
  };
  return (
    <section aria-label={t('supervision.detail.reinspectTitle')}>
      <h2 className={styles.sectionTitle}>{t('supervision.detail.reinspectTitle')}</h2>
      <Form layout="vertical" onFinish={() => void submit()} data-testid="reinspect-form">
        <Form.Item label={t('supervision.detail.decision')}>
          <Radio.Group
            value={decision}
            onChange={(e) => setDecision(e.target.value as 'CLOSE' | 'SEND_BACK')}
            options={[
              { value: 'CLOSE', label: t('supervision.detail.close') },
              { value: 'SEND_BACK', label: t('supervision.detail.sendBack') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('supervision.detail.reinspectNote')}
          required
          validateStatus={error ? 'error' : undefined}
          help={error}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setError(undefined);
            }}
          />
        </Form.Item>
        {decision === 'SEND_BACK' && (
          <Form.Item
            label={t('supervision.detail.newDeadline')}
            extra={t('supervision.detail.newDeadlineHint')}
          >
            <DatePicker
              value={deadline}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              onChange={setDeadline}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" danger={decision === 'SEND_BACK'} loading={act.isPending}>
          {decision === 'CLOSE'
            ? t('supervision.detail.closeSubmit')
            : t('supervision.detail.sendBackSubmit')}
        </Button>
      </Form>
    </section>
  );
}
