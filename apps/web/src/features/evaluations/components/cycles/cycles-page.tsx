import { useQuery } from '@tanstack/react-query';
import type { CycleDetail, CycleSummary } from '@zeren/contracts';
import { Button, Card, Empty, Skeleton, Tooltip } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorResult } from '@/components/error-result';
import { YearSelect } from '@/components/year-select';
import { cycleQueryOptions } from '../../api/get-cycle';
import { cycleListQueryOptions } from '../../api/list-cycles';
import { cycleTitle, formatDateTime, formatWindow } from '../../utils/format';
import { CycleStatusTag } from '../grade-tag';
import { AssessorsCard } from './assessors-card';
import { actionFor, type TransitionAction } from './cycle-actions';
import styles from './cycles.module.css';

// The dialogs and the exclusions drawer (antd Form, DatePicker, InputNumber, Drawer) load when
// someone opens one, not with the page (`on-demand`: the route budget, apps/web/tooling, does not
// count them in a first visit). Hovering or focusing a button that opens one starts the download.
const loadDialogs = () => import(/* on-demand */ './cycle-dialogs');
const loadExclusions = () => import(/* on-demand */ './exclusions-drawer');
const CreateCycleDialog = lazy(() => loadDialogs().then((m) => ({ default: m.CreateCycleDialog })));
const TransitionDialog = lazy(() => loadDialogs().then((m) => ({ default: m.TransitionDialog })));
const WindowDialog = lazy(() => loadDialogs().then((m) => ({ default: m.WindowDialog })));
const ExclusionsDrawer = lazy(() => loadExclusions().then((m) => ({ default: m.ExclusionsDrawer })));
const preloadDialogs = () => void loadDialogs().catch(() => undefined);
const preloadExclusions = () => void loadExclusions().catch(() => undefined);

interface CyclesPageProps {
  /** The administrator keeps the assessment group's membership. */
  isAdmin: boolean;
  resultsPath: (cycleId: string) => string;
}

type Dialog =
  | { kind: 'transition'; cycle: CycleDetail; action: TransitionAction }
  | { kind: 'window'; cycle: CycleDetail }
  | { kind: 'exclusions'; cycle: CycleDetail }
  | { kind: 'create' };

/** 考核周期: the year's quarters and the annual evaluation, moved through their life by tier 1 or the admin. */
export function CyclesPage({ isAdmin, resultsPath }: CyclesPageProps) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const yearParam = Number(searchParams.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : new Date().getFullYear();
  const query = useQuery(cycleListQueryOptions({ year }));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  return (
    <div className={styles.page}>
      <Card>
        <header className={styles.header}>
          <div>
            <h1 className={styles.title}>{t('evaluations.cycles.title')}</h1>
            <p className={styles.subtitle}>{t('evaluations.cycles.subtitle')}</p>
          </div>
          <div className={styles.headerActions}>
            <YearSelect
              value={year}
              onChange={(next) => setSearchParams({ year: String(next) }, { replace: true })}
            />
            <Button
              type="primary"
              onPointerEnter={preloadDialogs}
              onFocus={preloadDialogs}
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="cycle-create"
            >
              {t('evaluations.cycles.create')}
            </Button>
          </div>
        </header>

        {query.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : query.isError ? (
          <ErrorResult
            error={query.error}
            onRetry={() => void query.refetch()}
            isRetrying={query.isFetching}
          />
        ) : query.data.items.length === 0 ? (
          <Empty description={t('evaluations.cycles.empty', { year })}>
            <Button
              type="primary"
              onPointerEnter={preloadDialogs}
              onFocus={preloadDialogs}
              onClick={() => setDialog({ kind: 'create' })}
            >
              {t('evaluations.cycles.create')}
            </Button>
          </Empty>
        ) : (
          <ol className={styles.cycleList}>
            {query.data.items.map((cycle) => (
              <CycleItem
                key={cycle.id}
                summary={cycle}
                resultsPath={resultsPath}
                onTransition={(detail, action) => setDialog({ kind: 'transition', cycle: detail, action })}
                onWindow={(detail) => setDialog({ kind: 'window', cycle: detail })}
                onExclusions={(detail) => setDialog({ kind: 'exclusions', cycle: detail })}
              />
            ))}
          </ol>
        )}
      </Card>

      <AssessorsCard canEdit={isAdmin} />

      <Suspense fallback={null}>
        {dialog?.kind === 'create' && <CreateCycleDialog year={year} onClose={close} />}
        {dialog?.kind === 'transition' && (
          <TransitionDialog cycle={dialog.cycle} action={dialog.action} onClose={close} />
        )}
        {dialog?.kind === 'window' && <WindowDialog cycle={dialog.cycle} onClose={close} />}
        {dialog?.kind === 'exclusions' && <ExclusionsDrawer cycle={dialog.cycle} onClose={close} />}
      </Suspense>
    </div>
  );
}

interface CycleItemProps {
  summary: CycleSummary;
  resultsPath: (cycleId: string) => string;
  onTransition: (cycle: CycleDetail, action: TransitionAction) => void;
  onWindow: (cycle: CycleDetail) => void;
  onExclusions: (cycle: CycleDetail) => void;
}

/** One cycle: its state and window at once, counts and what may be done once its detail is in. */
function CycleItem({ summary, resultsPath, onTransition, onWindow, onExclusions }: CycleItemProps) {
  const { t } = useTranslation();
  const query = useQuery(cycleQueryOptions(summary.id));
  const detail = query.data;
  const cycle = detail ?? summary;
  const isWindowEditable = cycle.status === 'DRAFT' || cycle.status === 'OPEN';

  const milestones = [
    cycle.openedAt && t('evaluations.cycles.openedAt', { at: formatDateTime(t, cycle.openedAt) }),
    cycle.closedAt && t('evaluations.cycles.closedAt', { at: formatDateTime(t, cycle.closedAt) }),
    cycle.publishedAt && t('evaluations.cycles.publishedAt', { at: formatDateTime(t, cycle.publishedAt) }),
  ].filter(Boolean);

  return (
    <li className={styles.cycle} data-testid={`cycle-${cycle.kind}`}>
      <div className={styles.cycleMain}>
        <div className={styles.cycleName}>
          <h2 className={styles.cycleTitle}>{cycleTitle(t, cycle)}</h2>
          <CycleStatusTag status={cycle.status} data-testid="cycle-status" />
          {detail && cycle.status === 'OPEN' && !detail.isScoringOpenNow && detail.scoringClosedReason && (
            <Tooltip title={detail.scoringClosedReason}>
              <span className={styles.warnText}>{t('evaluations.cycles.notScoringNow')}</span>
            </Tooltip>
          )}
        </div>
        <div className={styles.cycleFacts}>
          <span>
            {t('evaluations.cycles.window')}：{formatWindow(t, cycle.windowStart, cycle.windowEnd)}
          </span>
          {milestones.length > 0 && <span className={styles.muted}>{milestones.join('；')}</span>}
        </div>
        {detail && (
          <div className={styles.cycleCounts}>
            <span>{t('evaluations.cycles.countEvaluees', { count: detail.counts.evaluees })}</span>
            <span>{t('evaluations.cycles.countAssessors', { count: detail.counts.assessors })}</span>
            <span>{t('evaluations.cycles.countExclusions', { count: detail.counts.exclusions })}</span>
            {detail.counts.results > 0 && (
              <span>{t('evaluations.cycles.countResults', { count: detail.counts.results })}</span>
            )}
            {detail.counts.amendments > 0 && (
              <span>{t('evaluations.cycles.countAmendments', { count: detail.counts.amendments })}</span>
            )}
          </div>
        )}
      </div>

      <div className={styles.cycleActions}>
        {query.isPending ? (
          <Skeleton.Button active size="small" />
        ) : query.isError ? (
          <Button size="small" onClick={() => void query.refetch()}>
            {t('errors.retry')}
          </Button>
        ) : (
          <>
            {detail?.permissions.canManage &&
              detail.nextStatuses.map((to) => {
                const action = actionFor(detail.status, to);
                return (
                  <Button
                    key={to}
                    type={action === 'publish' || action === 'open' ? 'primary' : 'default'}
                    onPointerEnter={preloadDialogs}
                    onFocus={preloadDialogs}
                    onClick={() => onTransition(detail, action)}
                    data-testid={`cycle-transition-${action}`}
                  >
                    {t(`evaluations.transition.action.${action}`)}
                  </Button>
                );
              })}
            {detail?.permissions.canManage && isWindowEditable && (
              <Button
                onPointerEnter={preloadDialogs}
                onFocus={preloadDialogs}
                onClick={() => onWindow(detail)}
              >
                {t('evaluations.cycles.setWindow')}
              </Button>
            )}
            {detail && (
              <Button
                onPointerEnter={preloadExclusions}
                onFocus={preloadExclusions}
                onClick={() => onExclusions(detail)}
              >
                {t('evaluations.cycles.exclusions', { count: detail.counts.exclusions })}
              </Button>
            )}
            {detail && detail.counts.results > 0 && detail.permissions.canReadResults && (
              <Link
                to={resultsPath(cycle.id)}
                className={styles.resultsLink}
                data-testid="cycle-results-link"
              >
                {t('evaluations.cycles.viewResults')}
              </Link>
            )}
          </>
        )}
      </div>
    </li>
  );
}
