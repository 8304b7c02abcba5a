// 督导 (DOMAIN rule 11): the assessment group inspects (卫生检查, 值班抽查, 会议制度), records
// findings against a responsible post, and each finding is a rectification task (整改) with a
// deadline: OPEN → RECTIFIED (the owner reports) → CLOSED after a re-inspection (复查), or back to
// OPEN when the inspector sends it back. Overdue tasks go up to the owner's superior in the
// administrative line; open, overdue and repeated findings become proposed deductions (扣分) in
// the evaluation of the period they happened in. Dates are calendar dates in China (UTC+8).
import { fail, succeed } from './outcome';
import type { Outcome } from './outcome';
import { compareIds } from './ordering';
import { formatNumber, roundTo2 } from './numbers';
import type { CycleKind } from './vocabulary';

export type InspectionKind = 'HYGIENE' | 'DUTY_ROSTER' | 'MEETING_RULES' | 'OTHER';
export const INSPECTION_KINDS = [
  'HYGIENE',
  'DUTY_ROSTER',
  'MEETING_RULES',
  'OTHER',
] as const satisfies readonly InspectionKind[];

export type Recurrence = 'ONE_OFF' | 'WEEKLY' | 'MONTHLY';
export const RECURRENCES = ['ONE_OFF', 'WEEKLY', 'MONTHLY'] as const satisfies readonly Recurrence[];

/** Least serious first. */
export type FindingSeverity = 'MINOR' | 'MAJOR' | 'SERIOUS';
export const FINDING_SEVERITIES = ['MINOR', 'MAJOR', 'SERIOUS'] as const satisfies readonly FindingSeverity[];

export type FindingStatus = 'OPEN' | 'RECTIFIED' | 'CLOSED';
export const FINDING_STATUSES = ['OPEN', 'RECTIFIED', 'CLOSED'] as const satisfies readonly FindingStatus[];

/** What people do to a finding: the owner rectifies, an inspector closes or sends back. */
export type FindingTransition = 'RECTIFY' | 'CLOSE' | 'SEND_BACK';
export const FINDING_TRANSITIONS = [
  'RECTIFY',
  'CLOSE',
  'SEND_BACK',
] as const satisfies readonly FindingTransition[];

export const INSPECTION_KIND_LABELS: Readonly<Record<InspectionKind, string>> = {
  HYGIENE: '卫生检查',
  DUTY_ROSTER: '值班抽查',
  MEETING_RULES: '会议制度执行检查',
  OTHER: '其他检查',
};

export const RECURRENCE_LABELS: Readonly<Record<Recurrence, string>> = {
  ONE_OFF: '一次性',
  WEEKLY: '每周',
  MONTHLY: '每月',
};

export const FINDING_SEVERITY_LABELS: Readonly<Record<FindingSeverity, string>> = {
  MINOR: '一般',
  MAJOR: '较重',
  SERIOUS: '严重',
};

export const FINDING_STATUS_LABELS: Readonly<Record<FindingStatus, string>> = {
  OPEN: '待整改',
  RECTIFIED: '待复查',
  CLOSED: '已销号',
};

// ─── Calendar dates (YYYY-MM-DD, China time) ──────────────────────────────────────────────────────

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const parseDate = (date: string): number => Date.parse(`${date}T00:00:00.000Z`);
const formatDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Today's date in China at `now`. */
export function chinaDate(now: Date): string {
  return formatDate(now.getTime() + CHINA_OFFSET_MS);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return formatDate(parseDate(date) + days * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to) - parseDate(from)) / DAY_MS);
}

/** The same day next month, or the month's last day when it is shorter (01-31 → 02-28). */
export function addMonth(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The occurrence after `dueOn`; null for a one-off plan (it is done once carried out). */
export function nextOccurrence(dueOn: string, recurrence: Recurrence): string | null {
  if (recurrence === 'WEEKLY') return addDays(dueOn, 7);
  if (recurrence === 'MONTHLY') return addMonth(dueOn);
  return null;
}

// ─── Deadlines and overdue ────────────────────────────────────────────────────────────────────────

/** Default rectification time by severity, in calendar days after the inspection. */
export const RECTIFICATION_DAYS: Readonly<Record<FindingSeverity, number>> = {
  SERIOUS: 3,
  MAJOR: 7,
  MINOR: 14,
};
/** The longest deadline an inspector may set. */
export const MAX_RECTIFICATION_DAYS = 90;

export interface DeadlineError {
  kind: 'DEADLINE_BEFORE_INSPECTION' | 'DEADLINE_TOO_FAR';
  message: string;
}

/**
 * The rectification deadline: the inspector's date when given (not before the inspection, at most
 * 90 days after it), else the inspection date plus the severity's default (3 / 7 / 14 days).
 */
export function computeDeadline(
  inspectedOn: string,
  severity: FindingSeverity,
  requested?: string | null,
): Outcome<string, DeadlineError> {
  if (!requested) return succeed(addDays(inspectedOn, RECTIFICATION_DAYS[severity]));
  if (requested < inspectedOn)
    return fail({
      kind: 'DEADLINE_BEFORE_INSPECTION',
      message: `整改期限（${requested}）不能早于检查日期（${inspectedOn}）`,
    });
  if (daysBetween(inspectedOn, requested) > MAX_RECTIFICATION_DAYS)
    return fail({
      kind: 'DEADLINE_TOO_FAR',
      message: `整改期限不能超过检查日期后 ${MAX_RECTIFICATION_DAYS} 天`,
    });
  return succeed(requested);
}

/** The last instant of a deadline day in China (23:59:59.999 UTC+8). */
export function deadlineEnd(deadline: string): Date {
  return new Date(parseDate(deadline) + DAY_MS - CHINA_OFFSET_MS - 1);
}

/** Overdue: past the end of the deadline day and not closed (a report awaiting 复查 counts too). */
export function isOverdue(finding: { status: FindingStatus; deadline: string }, now: Date): boolean {
  return finding.status !== 'CLOSED' && now.getTime() > deadlineEnd(finding.deadline).getTime();
}

/**
 * Escalated to the superior: overdue while the task is still with the owner (OPEN). A report that
 * waits for the inspector's 复查 is not the owner's delay and is not escalated.
 */
export function needsEscalation(finding: { status: FindingStatus; deadline: string }, now: Date): boolean {
  return finding.status === 'OPEN' && isOverdue(finding, now);
}

/** Whole days a finding is past its deadline at `now` (0 when not overdue). */
export function daysOverdue(finding: { status: FindingStatus; deadline: string }, now: Date): number {
  if (!isOverdue(finding, now)) return 0;
  return Math.max(1, daysBetween(finding.deadline, chinaDate(now)));
}

export interface EscalationPost {
  id: string;
  adminSuperiorId: string | null;
  /** Someone currently holds the post. */
  isHeld: boolean;
}

/**
 * Where an overdue task goes: the owner post's superior in the administrative line — the first one
 * up the line that someone holds (a vacant superior cannot act). Null for tier 1 (nobody above).
 */
export function escalationTarget(
  postId: string,
  postsById: ReadonlyMap<string, EscalationPost>,
): string | null {
  const seen = new Set<string>([postId]);
  let superiorId = postsById.get(postId)?.adminSuperiorId ?? null;
  while (superiorId !== null && !seen.has(superiorId)) {
    seen.add(superiorId);
    const superior = postsById.get(superiorId);
    if (!superior) return superiorId;
    if (superior.isHeld) return superior.id;
    superiorId = superior.adminSuperiorId;
  }
  return null;
}

// ─── The state machine ───────────────────────────────────────────────────────────────────────────

const TRANSITIONS: Readonly<Record<FindingTransition, { from: FindingStatus; to: FindingStatus }>> = {
  RECTIFY: { from: 'OPEN', to: 'RECTIFIED' },
  CLOSE: { from: 'RECTIFIED', to: 'CLOSED' },
  SEND_BACK: { from: 'RECTIFIED', to: 'OPEN' },
};

/** The actions allowed on a finding in `status` (by whoever may take them). */
export function listFindingTransitions(status: FindingStatus): readonly FindingTransition[] {
  return FINDING_TRANSITIONS.filter((t) => TRANSITIONS[t].from === status);
}

export interface FindingTransitionError {
  kind: 'INVALID_FINDING_TRANSITION';
  from: FindingStatus;
  transition: FindingTransition;
  message: string;
}

/** OPEN →(整改) RECTIFIED →(复查通过) CLOSED, RECTIFIED →(退回) OPEN; nothing leaves CLOSED. */
export function assertFindingTransition(
  from: FindingStatus,
  transition: FindingTransition,
): Outcome<FindingStatus, FindingTransitionError> {
  const rule = TRANSITIONS[transition];
  if (rule.from === from) return succeed(rule.to);
  let message: string;
  if (from === 'CLOSED') message = '该问题已复查销号，不能再变更';
  else if (transition === 'RECTIFY') message = '整改情况已报送，正在等待复查，不能重复报送';
  else message = '责任人尚未报送整改情况，不能复查';
  return fail({ kind: 'INVALID_FINDING_TRANSITION', from, transition, message });
}

// ─── Proposed deductions ─────────────────────────────────────────────────────────────────────────

/** The organisation's points per finding (OrganisationSettings). */
export interface FindingDeductionSettings {
  findingDeductionPoints: number;
  overdueFindingDeductionPoints: number;
  repeatedFindingDeductionPoints: number;
}

export const DEFAULT_FINDING_DEDUCTION_SETTINGS: Readonly<FindingDeductionSettings> = {
  findingDeductionPoints: 1,
  overdueFindingDeductionPoints: 2,
  repeatedFindingDeductionPoints: 2,
};

/** The calendar period a cycle evaluates: its quarter, or the whole year. */
export function cyclePeriod(year: number, kind: CycleKind): { start: string; end: string } {
  if (kind === 'ANNUAL') return { start: `${year}-01-01`, end: `${year}-12-31` };
  const q = Number(kind.slice(1));
  const startMonth = (q - 1) * 3 + 1;
  const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return { start, end: `${year}-${String(endMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}` };
}

export interface FindingFacts {
  id: string;
  kind: InspectionKind;
  planTitle: string;
  postId: string;
  postTitle: string;
  description: string;
  inspectedOn: string;
  inspectorName: string;
  deadline: string;
  status: FindingStatus;
  /** When the owner last reported the rectification; null if never. */
  rectifiedAt: Date | null;
  /** When the finding was recorded: orders findings of the same day (which one came first). */
  recordedAt?: Date;
}

export type DeductionRule = 'OPEN' | 'OVERDUE' | 'REPEATED';

export interface FindingDeductionProposal {
  findingId: string;
  postId: string;
  /** The rule that sets the amount (the highest of those that apply). */
  rule: DeductionRule;
  /** Every rule that applies. */
  rules: DeductionRule[];
  amount: number;
  /** Chinese, with the evidence: the finding, its date, the inspector, why. */
  reason: string;
}

/** Late: not closed past the deadline, or the (last) rectification report came after it. */
export function wasRectifiedLate(finding: FindingFacts, now: Date): boolean {
  const end = deadlineEnd(finding.deadline).getTime();
  if (finding.status === 'OPEN') return now.getTime() > end;
  return finding.rectifiedAt !== null && finding.rectifiedAt.getTime() > end;
}

const REASON_MAX = 500;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Turns the findings inspected within a cycle's period into proposed deductions, at most one per
 * finding, whose amount is the highest of the rules that apply:
 * - REPEATED (`repeatedFindingDeductionPoints`): an earlier finding of the same kind of inspection
 *   against the same post in the same period exists (the first one is judged on its own);
 * - OVERDUE (`overdueFindingDeductionPoints`): still not closed past its deadline, or reported
 *   rectified only after it;
 * - OPEN (`findingDeductionPoints`): not closed (销号) at `now`.
 * A finding closed in time and not repeated proposes nothing; neither does a rule worth 0 points.
 * Ties between rules go to REPEATED, then OVERDUE.
 */
export function proposeFindingDeductions(
  findings: readonly FindingFacts[],
  period: { start: string; end: string },
  settings: FindingDeductionSettings,
  now: Date,
): FindingDeductionProposal[] {
  const inPeriod = findings
    .filter((f) => f.inspectedOn >= period.start && f.inspectedOn <= period.end)
    .sort(
      (a, b) =>
        (a.inspectedOn < b.inspectedOn ? -1 : a.inspectedOn > b.inspectedOn ? 1 : 0) ||
        (a.recordedAt?.getTime() ?? 0) - (b.recordedAt?.getTime() ?? 0) ||
        compareIds(a.id, b.id),
    );
  const countByKey = new Map<string, number>();
  const proposals: FindingDeductionProposal[] = [];
  for (const f of inPeriod) {
    const key = `${f.kind}:${f.postId}`;
    const occurrence = (countByKey.get(key) ?? 0) + 1;
    countByKey.set(key, occurrence);
    const candidates: { rule: DeductionRule; points: number; why: string }[] = [];
    if (occurrence > 1)
      candidates.push({
        rule: 'REPEATED',
        points: settings.repeatedFindingDeductionPoints,
        why: `本考核期内同类问题第 ${occurrence} 次发现`,
      });
    if (wasRectifiedLate(f, now))
      candidates.push({
        rule: 'OVERDUE',
        points: settings.overdueFindingDeductionPoints,
        why:
          f.status === 'OPEN' || f.rectifiedAt === null
            ? `超过整改期限（${f.deadline}）未完成整改`
            : `超过整改期限（${f.deadline}）才报送整改`,
      });
    if (f.status !== 'CLOSED')
      candidates.push({
        rule: 'OPEN',
        points: settings.findingDeductionPoints,
        why: f.status === 'OPEN' ? '至今未整改销号' : '已报送整改，尚未复查销号',
      });
    const counted = candidates.filter((c) => c.points > 0);
    if (counted.length === 0) continue;
    const top = counted.reduce((best, c) => (c.points > best.points ? c : best));
    const amount = roundTo2(top.points);
    const evidence = `${f.inspectedOn}，${f.planTitle}（检查人：${f.inspectorName}）发现${f.postTitle}：${clip(f.description, 150)}`;
    const reason = clip(
      `督导检查问题扣分：${evidence}；${counted.map((c) => c.why).join('，')}，扣 ${formatNumber(amount)} 分`,
      REASON_MAX,
    );
    proposals.push({
      findingId: f.id,
      postId: f.postId,
      rule: top.rule,
      rules: counted.map((c) => c.rule),
      amount,
      reason,
    });
  }
  return proposals;
}
