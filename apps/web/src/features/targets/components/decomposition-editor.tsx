import { useQuery } from '@tanstack/react-query';
import { DecomposeTarget, type MeasureKind, type TargetDetail } from '@zeren/contracts';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Tooltip,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/error-result';
import { isApiError } from '@/lib/api-client';
import { dayjs } from '@/lib/dayjs';
import { serverMessage } from '@/lib/errors';
import { zodRule } from '@/lib/form';
import { useDecomposeTarget } from '../api/decompose-target';
import { subordinatePostsQueryOptions } from '../api/get-subordinate-posts';
import { fixedGoal, measureKinds } from '../utils/measure';
import { roundWeight, WeightSum } from './weight-sum';
import styles from './decomposition-editor.module.css';

const Child = DecomposeTarget.shape.children.element.shape;

interface ChildRow {
  id?: string;
  ownerPostId?: string;
  title: string;
  weight: number | null;
  measureKind: MeasureKind;
  measureUnit?: string | null;
  baseline?: number;
  goal: number | null;
  dueDate: Dayjs | null;
}

interface FormValues {
  children: ChildRow[];
}

/**
 * Rows of child targets, each owned by a post one level down from the owner in the target's
 * line, with a live sum of the weights. Saving replaces the decomposition (rows removed here are
 * archived by the server).
 */
export function DecompositionEditor({ target, onDone }: { target: TargetDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const decompose = useDecomposeTarget(target.id);
  const owner = target.owner;
  const postsQuery = useQuery({
    ...subordinatePostsQueryOptions(owner?.id ?? '', target.line, target.year),
    enabled: owner !== null,
  });

  const existing = target.children.filter((child) => child.status === 'ACTIVE');
  const initialRows: ChildRow[] = existing.map((child) => ({
    id: child.id,
    ownerPostId: child.owner?.id,
    title: child.title,
    weight: child.weight,
    measureKind: child.measureKind,
    measureUnit: child.measureUnit,
    baseline: child.baseline,
    goal: child.goal,
    dueDate: dayjs(child.dueDate),
  }));

  const newRow = (weight: number | null): ChildRow => ({
    title: '',
    weight,
    measureKind: target.measureKind,
    measureUnit: target.measureUnit,
    goal: fixedGoal(target.measureKind) ?? (target.measureKind === 'PERCENTAGE' ? target.goal : null),
    dueDate: dayjs(target.dueDate),
  });

  const rows = Form.useWatch('children', form) ?? initialRows;
  const sum = rows.reduce((total, row) => total + (typeof row?.weight === 'number' ? row.weight : 0), 0);

  const postOptions = useMemo(() => {
    const options = new Map<string, { value: string; label: string }>();
    for (const node of postsQuery.data ?? []) {
      const holders = node.holders.map((h) => h.name).join('、') || t('targets.vacant');
      options.set(node.post.id, { value: node.post.id, label: `${node.post.title}（${holders}）` });
    }
    // A current owner outside the list (moved since) stays selectable, so saving does not change it silently.
    for (const child of existing) {
      if (child.owner && !options.has(child.owner.id)) {
        options.set(child.owner.id, {
          value: child.owner.id,
          label: `${child.owner.title}（${child.owner.holderNames.join('、') || t('targets.vacant')}）`,
        });
      }
    }
    return [...options.values()];
  }, [postsQuery.data, existing, t]);

  const save = async (values: FormValues) => {
    const children = values.children.map((row) => ({
      ...(row.id ? { id: row.id } : {}),
      ownerPostId: row.ownerPostId ?? '',
      title: row.title.trim(),
      weight: row.weight ?? 0,
      measureKind: row.measureKind,
      measureUnit: row.measureKind === 'NUMBER' ? row.measureUnit?.trim() || null : null,
      baseline: row.measureKind === 'NUMBER' ? (row.baseline ?? 0) : 0,
      goal: fixedGoal(row.measureKind) ?? row.goal ?? 0,
      dueDate: (row.dueDate ?? dayjs(target.dueDate)).format('YYYY-MM-DD'),
    }));
    const body = { version: target.version, children };
    const parsed = DecomposeTarget.safeParse(body);
    if (!parsed.success) {
      void message.error(parsed.error.issues[0]?.message ?? t('errors.unexpected'));
      return;
    }
    const keptIds = new Set(children.map((child) => child.id).filter(Boolean));
    const removed = existing.filter((child) => !keptIds.has(child.id));
    const total = roundWeight(children.reduce((acc, child) => acc + child.weight, 0));
    const warnings = [
      ...(children.length > 0 && total !== 100 ? [t('targets.decompose.confirmWeights', { total })] : []),
      ...(removed.length > 0
        ? [t('targets.decompose.confirmRemoved', { names: removed.map((child) => child.title).join('、') })]
        : []),
    ];
    if (warnings.length > 0) {
      const isConfirmed = await modal.confirm({
        title: t('targets.decompose.confirmTitle'),
        content: (
          <ul className={styles.warnings}>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ),
        okText: t('targets.decompose.confirmOk'),
        cancelText: t('targets.cancel'),
      });
      if (!isConfirmed) return;
    }
    decompose.mutate(parsed.data, {
      onSuccess: () => {
        void message.success(t('targets.decompose.saved'));
        onDone();
      },
    });
  };

  if (owner === null) return <Alert type="warning" showIcon title={t('targets.decompose.noOwner')} />;
  if (postsQuery.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (postsQuery.isError) {
    return (
      <ErrorResult
        error={postsQuery.error}
        onRetry={() => void postsQuery.refetch()}
        isRetrying={postsQuery.isFetching}
      />
    );
  }
  if (postsQuery.data.length === 0 && existing.length === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('targets.decompose.noSubordinates')}>
        <Button onClick={onDone}>{t('targets.cancel')}</Button>
      </Empty>
    );
  }

  const isStale = isApiError(decompose.error) && decompose.error.code === 'STALE_VERSION';

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{ children: initialRows.length > 0 ? initialRows : [newRow(100)] }}
      // All values, not only the mounted fields: a row's id and baseline have no input but must be sent.
      onFinish={() => void save(form.getFieldsValue(true) as FormValues)}
      disabled={decompose.isPending}
      className={styles.editor}
      data-testid="decomposition-editor"
    >
      <p className={styles.hint}>
        {t('targets.decompose.hint', { owner: owner.title, count: postsQuery.data.length })}
      </p>
      <Form.List name="children">
        {(fields, { add, remove }) => (
          <>
            <ol className={styles.rows}>
              {fields.map((field, index) => {
                const kind: MeasureKind = rows[index]?.measureKind ?? 'PERCENTAGE';
                return (
                  <li key={field.key} className={styles.row}>
                    <span className={styles.index} aria-hidden="true">
                      {index + 1}
                    </span>
                    <div className={styles.fields}>
                      <div className={styles.lineOne}>
                        <Form.Item
                          name={[field.name, 'ownerPostId']}
                          label={t('targets.decompose.owner')}
                          rules={[{ required: true, message: t('targets.decompose.ownerRequired') }]}
                          className={styles.owner}
                        >
                          <Select
                            placeholder={t('targets.decompose.ownerPlaceholder')}
                            options={postOptions}
                            showSearch={{ optionFilterProp: 'label' }}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'title']}
                          label={t('targets.decompose.childTitle')}
                          required
                          rules={[zodRule(Child.title)]}
                          className={styles.grow}
                        >
                          <Input placeholder={t('targets.decompose.titlePlaceholder')} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'weight']}
                          label={t('targets.decompose.weight')}
                          rules={[
                            { required: true, message: t('targets.decompose.weightRequired') },
                            zodRule(Child.weight),
                          ]}
                          validateFirst
                          className={styles.weight}
                        >
                          <InputNumber min={0} max={100} className={styles.full} />
                        </Form.Item>
                      </div>
                      <div className={styles.lineTwo}>
                        <Form.Item
                          name={[field.name, 'measureKind']}
                          label={t('targets.decompose.measure')}
                          className={styles.measure}
                        >
                          <Select
                            options={measureKinds.map((value) => ({
                              value,
                              label: t(`targets.measureKind.${value}`),
                            }))}
                            onChange={(value: MeasureKind) => {
                              const goal = fixedGoal(value);
                              if (goal !== undefined)
                                form.setFieldValue(['children', field.name, 'goal'], goal);
                            }}
                          />
                        </Form.Item>
                        {kind === 'NUMBER' && (
                          <Form.Item
                            name={[field.name, 'measureUnit']}
                            label={t('targets.decompose.unit')}
                            rules={[zodRule(Child.measureUnit)]}
                            className={styles.unit}
                          >
                            <Input placeholder={t('targets.decompose.unitPlaceholder')} />
                          </Form.Item>
                        )}
                        {(kind === 'NUMBER' || kind === 'PERCENTAGE') && (
                          <Form.Item
                            name={[field.name, 'goal']}
                            label={t('targets.decompose.goal')}
                            rules={[{ required: true, message: t('targets.decompose.goalRequired') }]}
                            className={styles.goal}
                          >
                            <InputNumber
                              min={0}
                              max={kind === 'PERCENTAGE' ? 100 : undefined}
                              suffix={kind === 'PERCENTAGE' ? '%' : undefined}
                              className={styles.full}
                            />
                          </Form.Item>
                        )}
                        {(kind === 'MILESTONE' || kind === 'QUALITATIVE') && (
                          <div className={styles.fixedGoal}>
                            {kind === 'MILESTONE'
                              ? t('targets.measure.goalMilestone')
                              : t('targets.decompose.qualitativeGoal')}
                          </div>
                        )}
                        <Form.Item
                          name={[field.name, 'dueDate']}
                          label={t('targets.decompose.dueDate')}
                          rules={[{ required: true, message: t('targets.decompose.dueDateRequired') }]}
                          className={styles.dueDate}
                        >
                          <DatePicker className={styles.full} allowClear={false} />
                        </Form.Item>
                        <span className={styles.grow} />
                        <Tooltip title={t('targets.decompose.removeHint')}>
                          <Button
                            danger
                            type="text"
                            onClick={() => remove(field.name)}
                            aria-label={t('targets.decompose.removeRow', { index: index + 1 })}
                          >
                            {t('targets.decompose.remove')}
                          </Button>
                        </Tooltip>
                      </div>
                    </div>
                  </li>
                );
              })}
            </ol>
            {decompose.isError && (
              <Alert
                className={styles.error}
                type="error"
                showIcon
                role="alert"
                title={
                  isStale
                    ? t('targets.decompose.stale')
                    : (serverMessage(decompose.error) ?? t('errors.unexpected'))
                }
              />
            )}
            {/* Stays in view while scrolling through many rows: the running sum and the save button. */}
            <div className={styles.toolbar}>
              <Button
                type="dashed"
                onClick={() => add(newRow(Math.max(0, roundWeight(100 - sum))))}
                data-testid="decompose-add"
              >
                {t('targets.decompose.add')}
              </Button>
              <Button
                onClick={() => {
                  const count = fields.length;
                  if (count === 0) return;
                  const each = Math.floor((100 / count) * 100) / 100;
                  fields.forEach((field, index) => {
                    const weight = index === count - 1 ? roundWeight(100 - each * (count - 1)) : each;
                    form.setFieldValue(['children', field.name, 'weight'], weight);
                  });
                }}
                disabled={fields.length === 0}
              >
                {t('targets.decompose.distribute')}
              </Button>
              <span className={styles.grow} />
              <WeightSum sum={sum} childCount={fields.length} />
              <Button onClick={onDone} disabled={false}>
                {t('targets.cancel')}
              </Button>
              <Button
                type="primary"
                htmlType="submit"
                loading={decompose.isPending}
                data-testid="decompose-save"
              >
                {t('targets.decompose.save')}
              </Button>
            </div>
          </>
        )}
      </Form.List>
    </Form>
  );
}
