import { useQuery } from '@tanstack/react-query';
import type { FindingSeverity, InspectionItemInput, InspectionPlanView } from '@zeren/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Radio,
  Select,
  Skeleton,
  Space,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorResult } from '@/components/error-result';
import { dayjs } from '@/lib/dayjs';
import { serverMessage } from '@/lib/errors';
import { plansQueryOptions } from '../api/list-plans';
import { postTargetsQueryOptions, unitPostsQueryOptions } from '../api/list-posts';
import { useRecordInspection } from '../api/record-inspection';
import { EvidenceUpload } from './evidence-upload';
import styles from './supervision.module.css';

const severities: readonly FindingSeverity[] = ['MINOR', 'MAJOR', 'SERIOUS'];

interface ItemState {
  outcome: 'PASS' | 'FINDING';
  note: string;
  evidence: { id: string; filename: string } | null;
  postId?: string;
  targetId?: string;
  severity: FindingSeverity;
  deadline: Dayjs | null;
}

interface InspectionFormProps {
  backPath: string;
  reportPath: (inspectionId: string) => string;
}

/** 登记检查: one plan occurrence in one unit, item by item — 合格 or 发现问题 with the responsible post. */
export function InspectionForm({ backPath, reportPath }: InspectionFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [params] = useSearchParams();
  const plans = useQuery(plansQueryOptions());
  const [planId, setPlanId] = useState<string | undefined>(params.get('planId') ?? undefined);
  const [unitId, setUnitId] = useState<string | undefined>(params.get('unitId') ?? undefined);
  const plan = plans.data?.find((p) => p.id === planId);

  return (
    <Card>
      <header className={styles.header}>
        <div>
          <h1 id={headingId} className={styles.title}>
            {t('supervision.inspect.title')}
          </h1>
          <p className={styles.subtitle}>{t('supervision.inspect.subtitle')}</p>
        </div>
        <Link to={backPath}>{t('supervision.back')}</Link>
      </header>
      {plans.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : plans.isError ? (
        <ErrorResult error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <>
          <Space wrap size={16} style={{ marginBottom: 16 }}>
            <label>
              <span className={styles.itemTitle}>{t('supervision.due.plan')}</span>
              <Select
                aria-label={t('supervision.due.plan')}
                style={{ width: 260, marginInlineStart: 8 }}
                value={planId}
                placeholder={t('supervision.inspect.choosePlan')}
                options={plans.data.filter((p) => p.nextDueOn).map((p) => ({ value: p.id, label: p.title }))}
                onChange={(id: string) => {
                  setPlanId(id);
                  setUnitId(undefined);
                }}
                data-testid="inspect-plan"
              />
            </label>
            <label>
              <span className={styles.itemTitle}>{t('supervision.report.unit')}</span>
              <Select
                aria-label={t('supervision.report.unit')}
                style={{ width: 200, marginInlineStart: 8 }}
                value={unitId}
                disabled={!plan}
                placeholder={t('supervision.inspect.chooseUnit')}
                options={(plan?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
                onChange={setUnitId}
                data-testid="inspect-unit"
              />
            </label>
          </Space>
          {plan && unitId ? (
            <ItemsForm
              key={`${plan.id}:${unitId}`}
              plan={plan}
              unitId={unitId}
              dueOn={params.get('dueOn') ?? plan.nextDueOn}
              reportPath={reportPath}
            />
          ) : (
            <Empty description={t('supervision.inspect.chooseFirst')} />
          )}
        </>
      )}
    </Card>
  );
}

function ItemsForm({
  plan,
  unitId,
  dueOn,
  reportPath,
}: {
  plan: InspectionPlanView;
  unitId: string;
  dueOn: string | null;
  reportPath: (id: string) => string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const record = useRecordInspection();
  const [inspectedOn, setInspectedOn] = useState<Dayjs>(dayjs());
  const [note, setNote] = useState('');
  const [items, setItems] = useState<Record<string, ItemState>>(() =>
    Object.fromEntries(
      plan.items.map((i) => [
        i.id,
        { outcome: 'PASS', note: '', evidence: null, severity: 'MINOR', deadline: null } satisfies ItemState,
      ]),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const posts = useQuery(unitPostsQueryOptions(unitId));
  const update = (id: string, patch: Partial<ItemState>) =>
    setItems((s) => ({ ...s, [id]: { ...s[id]!, ...patch } }));

  const submit = async () => {
    const problems: Record<string, string> = {};
    for (const item of plan.items) {
      const s = items[item.id]!;
      if (s.outcome === 'FINDING' && !s.note.trim())
        problems[item.id] = t('supervision.inspect.noteRequired');
      else if (s.outcome === 'FINDING' && !s.postId)
        problems[item.id] = t('supervision.inspect.postRequired');
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const body = {
      planId: plan.id,
      unitId,
      ...(dueOn ? { dueOn } : {}),
      inspectedOn: inspectedOn.format('YYYY-MM-DD'),
      note: note.trim() || null,
      items: plan.items.map((item): InspectionItemInput => {
        const s = items[item.id]!;
        return s.outcome === 'PASS'
          ? {
              itemId: item.id,
              outcome: 'PASS',
              note: s.note.trim() || null,
              evidenceFileId: s.evidence?.id ?? null,
            }
          : {
              itemId: item.id,
              outcome: 'FINDING',
              note: s.note.trim(),
              evidenceFileId: s.evidence?.id ?? null,
              postId: s.postId ?? null,
              targetId: s.targetId ?? null,
              severity: s.severity,
              deadline: s.deadline ? s.deadline.format('YYYY-MM-DD') : null,
            };
      }),
    };
    try {
      const inspection = await record.mutateAsync(body);
      void message.success(t('supervision.inspect.saved', { count: inspection.findings.length }));
      void navigate(reportPath(inspection.id));
    } catch (error) {
      void message.error(serverMessage(error) ?? t('supervision.saveFailed'));
    }
  };

  const findingCount = Object.values(items).filter((s) => s.outcome === 'FINDING').length;
  return (
    <Form layout="vertical" onFinish={() => void submit()} data-testid="inspection-form">
      <Space wrap size={16}>
        <Form.Item label={t('supervision.inspection.inspectedOn')}>
          <DatePicker
            value={inspectedOn}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(d: Dayjs | null) => d && setInspectedOn(d)}
          />
        </Form.Item>
        {dueOn && (
          <Form.Item label={t('supervision.due.dueOn')}>
            <Input value={dueOn} readOnly style={{ width: 130 }} />
          </Form.Item>
        )}
      </Space>
      {plan.items.map((item, index) => {
        const s = items[item.id]!;
        const isFinding = s.outcome === 'FINDING';
        const groupId = `item-${item.id}`;
        return (
          <section
            key={item.id}
            className={isFinding ? styles.itemFinding : styles.itemCard}
            aria-labelledby={groupId}
            data-testid="inspection-item"
          >
            <div className={styles.itemHead}>
              <span id={groupId} className={styles.itemTitle}>
                {index + 1}. {item.text}
              </span>
              <Radio.Group
                aria-labelledby={groupId}
                optionType="button"
                buttonStyle="solid"
                value={s.outcome}
                onChange={(e) => update(item.id, { outcome: e.target.value as ItemState['outcome'] })}
                options={[
                  { value: 'PASS', label: t('supervision.outcome.PASS') },
                  { value: 'FINDING', label: t('supervision.outcome.FINDING') },
                ]}
              />
            </div>
            <Form.Item
              label={isFinding ? t('supervision.inspect.problem') : t('supervision.inspect.note')}
              required={isFinding}
              validateStatus={errors[item.id] && !s.note.trim() ? 'error' : undefined}
              help={errors[item.id] && !s.note.trim() ? errors[item.id] : undefined}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea
                rows={isFinding ? 2 : 1}
                maxLength={500}
                value={s.note}
                placeholder={
                  isFinding
                    ? t('supervision.inspect.problemPlaceholder')
                    : t('supervision.inspect.notePlaceholder')
                }
                onChange={(e) => update(item.id, { note: e.target.value })}
              />
            </Form.Item>
            {isFinding && (
              <div className={styles.findingGrid}>
                <Form.Item
                  label={t('supervision.finding.post')}
                  required
                  validateStatus={errors[item.id] && s.note.trim() && !s.postId ? 'error' : undefined}
                  help={errors[item.id] && s.note.trim() && !s.postId ? errors[item.id] : undefined}
                >
                  <Select
                    aria-label={t('supervision.finding.post')}
                    showSearch
                    optionFilterProp="label"
                    loading={posts.isPending}
                    value={s.postId}
                    placeholder={t('supervision.inspect.choosePost')}
                    options={(posts.data ?? []).map((p) => ({
                      value: p.id,
                      label: `${p.title}${p.holders.length ? `（${p.holders.map((h) => h.name).join('、')}）` : ''}`,
                    }))}
                    onChange={(postId: string) => update(item.id, { postId, targetId: undefined })}
                    data-testid="finding-post"
                  />
                </Form.Item>
                <TargetSelect
                  postId={s.postId}
                  year={inspectedOn.year()}
                  value={s.targetId}
                  onChange={(targetId) => update(item.id, { targetId })}
                />
                <Form.Item label={t('supervision.finding.severity')}>
                  <Radio.Group
                    value={s.severity}
                    onChange={(e) => update(item.id, { severity: e.target.value as FindingSeverity })}
                    options={severities.map((v) => ({ value: v, label: t(`supervision.severity.${v}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  label={t('supervision.finding.deadline')}
                  extra={t('supervision.inspect.deadlineHint')}
                >
                  <DatePicker
                    value={s.deadline}
                    disabledDate={(d) => d.isBefore(inspectedOn, 'day')}
                    onChange={(d: Dayjs | null) => update(item.id, { deadline: d })}
                  />
                </Form.Item>
              </div>
            )}
            <EvidenceUpload value={s.evidence} onChange={(evidence) => update(item.id, { evidence })} />
          </section>
        );
      })}
      <Form.Item label={t('supervision.inspect.overallNote')}>
        <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </Form.Item>
      {findingCount > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('supervision.inspect.findingsHint', { count: findingCount })}
        />
      )}
      <div className={styles.formActions}>
        <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="inspection-submit">
          {t('supervision.inspect.submit')}
        </Button>
      </div>
    </Form>
  );
}

function TargetSelect({
  postId,
  year,
  value,
  onChange,
}: {
  postId?: string;
  year: number;
  value?: string;
  onChange: (id?: string) => void;
}) {
  const { t } = useTranslation();
  const targets = useQuery({ ...postTargetsQueryOptions(postId ?? '', year), enabled: !!postId });
  return (
    <Form.Item label={t('supervision.finding.target')}>
      <Select
        aria-label={t('supervision.finding.target')}
        allowClear
        disabled={!postId}
        loading={!!postId && targets.isPending}
        value={value}
        placeholder={t('supervision.inspect.targetOptional')}
        options={(targets.data ?? []).map((target) => ({ value: target.id, label: target.title }))}
        onChange={(id?: string) => onChange(id)}
      />
    </Form.Item>
  );
}
