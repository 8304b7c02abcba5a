import { useQuery } from '@tanstack/react-query';
import type { CycleSummary, Workbench } from '@zeren/contracts';
import { Alert, Badge, Button, Card, Checkbox, Empty, Input, Select, Skeleton, Tooltip } from 'antd';
import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorResult } from '@/components/error-result';
import { dayjs } from '@/lib/dayjs';
import { useLabels } from '@/lib/labels';
import { cycleListQueryOptions } from '../../api/list-cycles';
import { useSaveScores } from '../../api/save-scores';
import { workbenchQueryOptions } from '../../api/get-workbench';
import { cycleTitle, formatDeadline } from '../../utils/format';
import { isRowComplete, scoreCategories, WorkbenchStore } from '../../utils/workbench-store';
import { AdjustmentsDrawer } from './adjustments-drawer';
import { ConflictDialog } from './conflict-dialog';
import { EvalueePanel } from './evaluee-panel';
import { ScoreGrid } from './score-grid';
import { SubmitDialog, type SubmitScope } from './submit-dialog';
import { useSaveState, useWorkbenchOrder, useWorkbenchSummary } from './use-workbench-store';
import styles from './workbench.module.css';

/** 考核评分工作台: pick the cycle (the open one by default), then score. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const cyclesQuery = useQuery(cycleListQueryOptions({}));

  if (cyclesQuery.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (cyclesQuery.isError) {
    return (
      <Card>
        <ErrorResult
          error={cyclesQuery.error}
          onRetry={() => void cyclesQuery.refetch()}
          isRetrying={cyclesQuery.isFetching}
        />
      </Card>
    );
  }

  // Drafts have no workbench yet; the newest open cycle comes first.
  const cycles = cyclesQuery.data.items.filter((cycle) => cycle.status !== 'DRAFT');
  const requested = cycles.find((cycle) => cycle.id === searchParams.get('cycle'));
  const cycle = requested ?? cycles.find((c) => c.status === 'OPEN') ?? null;
  const onCycleChange = (id: string) => setSearchParams({ cycle: id }, { replace: true });

  const picker = <CyclePicker cycles={cycles} value={cycle?.id ?? null} onChange={onCycleChange} />;

  if (!cycle) {
    return (
      <Card>
        <PageHeading extra={picker} />
        <Empty
          description={
            cycles.length === 0 ? t('evaluations.workbench.noCycles') : t('evaluations.workbench.noOpenCycle')
          }
        />
      </Card>
    );
  }
  return <WorkbenchForCycle key={cycle.id} cycle={cycle} picker={picker} />;
}

function PageHeading({ extra, subtitle }: { extra: ReactNode; subtitle?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className={styles.pageHeader}>
      <div>
        <h1 className={styles.title}>{t('evaluations.workbench.title')}</h1>
        {subtitle && <p className={styles.subtitle}>{subtitle}</p>}
      </div>
      {extra}
    </header>
  );
}

function CyclePicker({
  cycles,
  value,
  onChange,
}: {
  cycles: readonly CycleSummary[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      value={value ?? undefined}
      onChange={onChange}
      placeholder={t('evaluations.workbench.pickCycle')}
      aria-label={t('evaluations.workbench.pickCycle')}
      style={{ width: 230 }}
      data-testid="workbench-cycle"
      options={cycles.map((c) => ({
        value: c.id,
        label: `${cycleTitle(t, c)} · ${t(`evaluations.cycleStatus.${c.status}`)}`,
      }))}
    />
  );
}

function WorkbenchForCycle({ cycle, picker }: { cycle: CycleSummary; picker: ReactNode }) {
  const query = useQuery(workbenchQueryOptions(cycle.id));
  if (query.isPending) {
    return (
      <Card>
        <PageHeading extra={picker} />
        <Skeleton active paragraph={{ rows: 14 }} />
      </Card>
    );
  }
  if (query.isError) {
    return (
      <Card>
        <PageHeading extra={picker} />
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} />
      </Card>
    );
  }
  return <WorkbenchView workbench={query.data} picker={picker} />;
}

/** A value that follows `value` once it has stopped changing for `ms`. */
function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function WorkbenchView({ workbench, picker }: { workbench: Workbench; picker: ReactNode }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const searchId = useId();
  const cycleId = workbench.cycle.id;
  const save = useSaveScores(cycleId);
  const [store] = useState(() => new WorkbenchStore(workbench, save.mutateAsync));

  useEffect(() => store.setSaveFn(save.mutateAsync), [store, save.mutateAsync]);
  useEffect(() => store.reconcile(workbench), [store, workbench]);
  // Leaving the page saves what is pending; closing the tab with unsaved scores asks first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (store.hasUnsavedChanges()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      void store.flush().finally(() => store.dispose());
    };
  }, [store]);

  const canScore = workbench.window.isOpenNow && workbench.acceptsScores;
  const canAdjust = workbench.window.isOpenNow;

  // ─── Filters (in the browser: every row is loaded) ───
  const [search, setSearch] = useState('');
  const [unitId, setUnitId] = useState<string | undefined>();
  /** "Only missing" is the set missing when it was switched on: a row being finished stays put. */
  const [missingIds, setMissingIds] = useState<ReadonlySet<string> | null>(null);
  const order = useWorkbenchOrder(store);
  const itemsById = useMemo(
    () => new Map(workbench.items.map((item) => [item.personId, item])),
    [workbench.items],
  );
  const units = useMemo(() => {
    const seen = new Map<string, string>();
    for (const item of workbench.items) if (item.unit) seen.set(item.unit.id, item.unit.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [workbench.items]);

  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return order
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => {
        const item = itemsById.get(id);
        if (!item) return false;
        if (missingIds && !missingIds.has(id)) return false;
        if (unitId && item.unit?.id !== unitId) return false;
        if (!needle) return true;
        return [item.name, item.employeeNo, item.unit?.name, item.post?.title].some((text) =>
          text?.toLowerCase().includes(needle),
        );
      });
  }, [order, itemsById, search, unitId, missingIds]);

  const toggleMissing = (isOn: boolean) =>
    setMissingIds(
      isOn
        ? new Set(
            store
              .rowsInOrder()
              .filter((row) => !isRowComplete(row))
              .map((row) => row.evaluee.personId),
          )
        : null,
    );

  // ─── Selection, drawers and dialogs ───
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The panel follows the selected row while it is shown, else the first row shown.
  const shownId = visible.some((row) => row.id === selectedId) ? selectedId : (visible[0]?.id ?? null);
  const panelId = useDebouncedValue(shownId, 250);
  const [adjustingId, setAdjustingId] = useState<string | null>(null);
  const [submitScope, setSubmitScope] = useState<SubmitScope | null>(null);
  const [isResolving, setIsResolving] = useState(false);
  const onSubmitRow = useCallback((id: string) => setSubmitScope({ kind: 'row', id }), []);
  const adjusting = adjustingId ? (itemsById.get(adjustingId) ?? null) : null;

  const refocusAdjust = () => {
    const id = adjustingId;
    setAdjustingId(null);
    document.querySelector<HTMLElement>(`[data-evaluee-id="${id}"] [data-nav-col="3"]`)?.focus();
  };

  const weightsText = scoreCategories
    .map((category) => `${labels.category(category)} ${workbench.categoryWeights[category]}%`)
    .join(' · ');

  return (
    <div className={styles.page}>
      <Card className={styles.headerCard}>
        <PageHeading
          extra={picker}
          subtitle={t('evaluations.workbench.subtitle', {
            cycle: cycleTitle(t, workbench.cycle),
            weights: weightsText,
          })}
        />
        {!workbench.window.isOpenNow && (
          <Alert
            type="warning"
            showIcon
            className={styles.notice}
            title={workbench.window.closedReason ?? t('evaluations.workbench.closed')}
          />
        )}
        {workbench.window.isOpenNow && !workbench.acceptsScores && (
          <Alert
            type="info"
            showIcon
            className={styles.notice}
            title={t('evaluations.workbench.annualNote')}
          />
        )}
        <SummaryBar
          store={store}
          windowEnd={workbench.window.end}
          isEditable={canAdjust}
          canSubmit={canScore}
          onSubmitAll={() => setSubmitScope({ kind: 'all' })}
          onResolve={() => setIsResolving(true)}
        />
        <div className={styles.filters} role="search">
          <label htmlFor={searchId} className={styles.visuallyHidden}>
            {t('evaluations.workbench.search')}
          </label>
          <Input
            id={searchId}
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t('evaluations.workbench.search')}
            className={styles.search}
            data-testid="workbench-search"
          />
          <Select
            allowClear
            value={unitId}
            onChange={setUnitId}
            options={units}
            placeholder={t('evaluations.workbench.allUnits')}
            aria-label={t('evaluations.workbench.unit')}
            className={styles.unitSelect}
          />
          <Checkbox
            checked={missingIds !== null}
            onChange={(event) => toggleMissing(event.target.checked)}
            data-testid="workbench-only-missing"
          >
            {t('evaluations.workbench.onlyMissing')}
          </Checkbox>
          {visible.length !== order.length && (
            <span className={styles.shownCount}>
              {t('evaluations.workbench.shown', { shown: visible.length, total: order.length })}
            </span>
          )}
          <Tooltip title={t('evaluations.workbench.keysHelp')}>
            <span className={styles.keysHint} tabIndex={0}>
              {t('evaluations.workbench.keysShort')}
            </span>
          </Tooltip>
        </div>
      </Card>

      <div className={styles.body}>
        <Card className={styles.gridCard}>
          {visible.length === 0 ? (
            <Empty
              description={
                workbench.items.length === 0
                  ? t('evaluations.workbench.noEvaluees')
                  : missingIds && missingIds.size === 0
                    ? t('evaluations.workbench.nothingMissing')
                    : t('evaluations.workbench.noMatch')
              }
            />
          ) : (
            <ScoreGrid
              store={store}
              rows={visible}
              weights={workbench.categoryWeights}
              selectedId={shownId}
              canScore={canScore}
              canAdjust={canAdjust}
              onSelect={setSelectedId}
              onOpenAdjustments={setAdjustingId}
              onSubmitRow={onSubmitRow}
            />
          )}
          {workbench.total > workbench.items.length && (
            <Alert
              type="warning"
              showIcon
              className={styles.notice}
              title={t('evaluations.workbench.truncated', {
                shown: workbench.items.length,
                total: workbench.total,
              })}
            />
          )}
        </Card>
        <EvalueePanel
          cycleId={cycleId}
          personId={panelId}
          proposedDeductions={workbench.proposedDeductions}
        />
      </div>

      <AdjustmentsDrawer
        cycleId={cycleId}
        evaluee={adjusting}
        kinds={workbench.acceptsScores ? ['BONUS', 'DEDUCTION', 'VETO'] : ['VETO']}
        canEdit={canAdjust}
        onClose={() => setAdjustingId(null)}
        onAfterClose={refocusAdjust}
      />
      {submitScope && (
        <SubmitDialog
          cycleId={cycleId}
          store={store}
          scope={submitScope}
          onClose={() => setSubmitScope(null)}
        />
      )}
      {isResolving && <ConflictDialog store={store} onClose={() => setIsResolving(false)} />}
    </div>
  );
}

interface SummaryBarProps {
  store: WorkbenchStore;
  windowEnd: string | null;
  /** Scores or adjustments can be entered: the autosave state is worth showing. */
  isEditable: boolean;
  canSubmit: boolean;
  onSubmitAll: () => void;
  onResolve: () => void;
}

/** What is left before the window closes, the autosave state and 全部提交. */
function SummaryBar({ store, windowEnd, isEditable, canSubmit, onSubmitAll, onResolve }: SummaryBarProps) {
  const { t } = useTranslation();
  const summary = useWorkbenchSummary(store);
  const daysLeft = windowEnd ? Math.ceil(dayjs(windowEnd).diff(dayjs(), 'day', true)) : null;

  return (
    <div className={styles.summary} data-testid="workbench-summary">
      <div className={styles.summaryText}>
        {summary.incomplete > 0 ? (
          <strong className={styles.summaryMissing}>
            {t('evaluations.workbench.missing', { count: summary.incomplete })}
          </strong>
        ) : (
          <strong className={styles.summaryDone}>{t('evaluations.workbench.allScored')}</strong>
        )}
        <span>{t('evaluations.workbench.toSubmit', { count: summary.toSubmit })}</span>
        <span>
          {t('evaluations.workbench.submitted', { count: summary.submitted, total: summary.evaluees })}
        </span>
        {windowEnd && daysLeft !== null && daysLeft > 0 && (
          <span>
            {t('evaluations.workbench.deadline', { deadline: formatDeadline(t, windowEnd) })}
            {daysLeft <= 60 && ` ${t('evaluations.workbench.daysLeft', { count: daysLeft })}`}
          </span>
        )}
        {windowEnd && daysLeft !== null && daysLeft <= 0 && (
          <span>{t('evaluations.workbench.ended', { deadline: formatDeadline(t, windowEnd) })}</span>
        )}
      </div>
      <div className={styles.summaryActions}>
        {isEditable && <SaveStatus store={store} onResolve={onResolve} />}
        {canSubmit && (
          <Button
            type="primary"
            onClick={onSubmitAll}
            disabled={summary.toSubmit === 0}
            data-testid="workbench-submit-all"
          >
            {t('evaluations.workbench.submitAll', { count: summary.toSubmit })}
          </Button>
        )}
      </div>
    </div>
  );
}

function SaveStatus({ store, onResolve }: { store: WorkbenchStore; onResolve: () => void }) {
  const { t } = useTranslation();
  const state = useSaveState(store);
  const phase =
    state.conflicts > 0
      ? 'conflict'
      : state.phase === 'failed'
        ? 'failed'
        : state.phase === 'saving' || state.pending > 0
          ? 'saving'
          : state.phase === 'saved' && state.savedAt
            ? 'saved'
            : 'idle';
  const content =
    phase === 'conflict' ? (
      <Button type="link" danger size="small" onClick={onResolve} className={styles.inlineButton}>
        {t('evaluations.workbench.conflicts', { count: state.conflicts })}
      </Button>
    ) : phase === 'failed' ? (
      <span>
        <Badge status="error" text={t('evaluations.workbench.saveFailed', { message: state.error ?? '' })} />
        <Button type="link" size="small" onClick={() => void store.retry()} className={styles.inlineButton}>
          {t('errors.retry')}
        </Button>
      </span>
    ) : phase === 'saving' ? (
      <Badge status="processing" text={t('evaluations.workbench.saving')} />
    ) : phase === 'saved' ? (
      <Badge
        status="success"
        text={t('evaluations.workbench.saved', { time: dayjs(state.savedAt).format('HH:mm:ss') })}
      />
    ) : (
      <Badge status="default" text={t('evaluations.workbench.autosave')} />
    );
  return (
    <span
      className={styles.saveStatus}
      role="status"
      aria-live="polite"
      data-testid="workbench-save-status"
      data-phase={phase}
    >
      {content}
    </span>
  );
}
