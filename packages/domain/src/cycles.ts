// The evaluation-cycle state machine (DOMAIN rule 6): drafted → opened for a window → closed →
// published. A closed cycle may be reopened until it is published (an evaluator was away, a score
// was entered wrongly): publication is the point of no return, after which only recorded
// corrections change results. Going back to DRAFT is never allowed once scores could exist.
import { fail, succeed } from './outcome';
import type { Outcome } from './outcome';
import { CYCLE_STATUS_LABELS } from './vocabulary';
import type { CycleStatus } from './vocabulary';

const NEXT_STATUSES: Readonly<Record<CycleStatus, readonly CycleStatus[]>> = {
  DRAFT: ['OPEN'],
  OPEN: ['CLOSED'],
  CLOSED: ['PUBLISHED', 'OPEN'],
  PUBLISHED: [],
};

/** The statuses a cycle may move to from `from`. */
export function listNextStatuses(from: CycleStatus): readonly CycleStatus[] {
  return NEXT_STATUSES[from];
}

export type CycleTransitionName = 'OPEN' | 'CLOSE' | 'REOPEN' | 'PUBLISH';

/** Names an allowed transition for audit records and buttons; null when not allowed. */
export function nameTransition(from: CycleStatus, to: CycleStatus): CycleTransitionName | null {
  if (!NEXT_STATUSES[from].includes(to)) return null;
  if (to === 'OPEN') return from === 'DRAFT' ? 'OPEN' : 'REOPEN';
  return to === 'CLOSED' ? 'CLOSE' : 'PUBLISH';
}

export interface CycleTransitionError {
  kind: 'INVALID_CYCLE_TRANSITION';
  from: CycleStatus;
  to: CycleStatus;
  message: string;
}

/** Allows only DRAFT→OPEN, OPEN→CLOSED, CLOSED→PUBLISHED and the reopening CLOSED→OPEN. */
export function assertTransition(
  from: CycleStatus,
  to: CycleStatus,
): Outcome<CycleTransitionName, CycleTransitionError> {
  const name = nameTransition(from, to);
  if (name !== null) return succeed(name);
  const fromLabel = CYCLE_STATUS_LABELS[from];
  const toLabel = CYCLE_STATUS_LABELS[to];
  let message: string;
  if (from === to) message = `考核周期已是“${fromLabel}”状态`;
  else if (from === 'PUBLISHED') message = '考核结果已发布，周期不能再变更；如需修改结果，请登记更正';
  else {
    const allowed = NEXT_STATUSES[from].map((status) => `“${CYCLE_STATUS_LABELS[status]}”`).join('或');
    message = `考核周期不能从“${fromLabel}”变为“${toLabel}”，只能变为${allowed}`;
  }
  return fail({ kind: 'INVALID_CYCLE_TRANSITION', from, to, message });
}

export interface ScoringWindow {
  status: CycleStatus;
  windowStart: Date;
  windowEnd: Date;
}

export type ScoreWindowErrorKind = 'CYCLE_NOT_OPEN' | 'WINDOW_NOT_STARTED' | 'WINDOW_ENDED';

export interface ScoreWindowError {
  kind: ScoreWindowErrorKind;
  message: string;
}

/** Why scores cannot be entered now, or ok. The window includes both its start and its end instant. */
export function checkScoreWindow(cycle: ScoringWindow, now: Date): Outcome<true, ScoreWindowError> {
  if (cycle.status !== 'OPEN') {
    return fail({
      kind: 'CYCLE_NOT_OPEN',
      message: `考核周期处于“${CYCLE_STATUS_LABELS[cycle.status]}”状态，不能录入评分`,
    });
  }
  const at = now.getTime();
  if (!(at >= cycle.windowStart.getTime())) {
    return fail({ kind: 'WINDOW_NOT_STARTED', message: '评分时间尚未开始，不能录入评分' });
  }
  if (!(at <= cycle.windowEnd.getTime())) {
    return fail({ kind: 'WINDOW_ENDED', message: '评分时间已截止，不能录入评分' });
  }
  return succeed(true);
}

/** Scores are accepted only while the cycle is OPEN and now is within [windowStart, windowEnd]. */
export function canAcceptScores(cycle: ScoringWindow, now: Date): boolean {
  return checkScoreWindow(cycle, now).ok;
}
