// Grades (DOMAIN rules 8–9): totals map to 优秀 / 称职 / 基本称职 / 不称职 by thresholds; the share
// graded 优秀 is capped by a quota, and whoever the quota cuts is shown with the reason; a veto
// (一票否决) forces 不称职; each grade carries the consequence the organisation configured.
import { formatNumber, isFiniteNumber } from './numbers';
import { compareIds } from './ordering';
import { fail, succeed } from './outcome';
import type { InputIssue, Outcome } from './outcome';
import type { Veto } from './scoring';
import { GRADES, GRADE_LABELS } from './vocabulary';
import type { Grade } from './vocabulary';

export interface GradeThresholds {
  /** At or above: a candidate for 优秀 (subject to the quota). */
  excellent: number;
  /** At or above: 称职. */
  competent: number;
  /** At or above: 基本称职; below it: 不称职. */
  basicallyCompetent: number;
}

export interface GradeConsequence {
  /** Multiplies the performance bonus (绩效奖金系数). */
  bonusCoefficient: number;
  /** e.g. 嘉奖 / 通报表扬. */
  commendation?: string;
  /** e.g. 提醒谈话 / 诫勉谈话. */
  talk?: string;
}

export interface GradingSettings {
  thresholds: GradeThresholds;
  /** Largest share (0–1) of evaluees that may be graded 优秀; the count is rounded down. */
  excellentQuota: number;
  consequences: Readonly<Record<Grade, GradeConsequence>>;
}

export const DEFAULT_GRADE_THRESHOLDS: Readonly<GradeThresholds> = {
  excellent: 90,
  competent: 70,
  basicallyCompetent: 60,
};

export const DEFAULT_EXCELLENT_QUOTA = 0.2;

/** Placeholders until the organisation configures its own. */
export const DEFAULT_GRADE_CONSEQUENCES: Readonly<Record<Grade, GradeConsequence>> = {
  EXCELLENT: { bonusCoefficient: 1.2, commendation: '嘉奖' },
  COMPETENT: { bonusCoefficient: 1 },
  BASICALLY_COMPETENT: { bonusCoefficient: 0.8, talk: '提醒谈话' },
  INCOMPETENT: { bonusCoefficient: 0.5, talk: '诫勉谈话' },
};

export const DEFAULT_GRADING_SETTINGS: Readonly<GradingSettings> = {
  thresholds: DEFAULT_GRADE_THRESHOLDS,
  excellentQuota: DEFAULT_EXCELLENT_QUOTA,
  consequences: DEFAULT_GRADE_CONSEQUENCES,
};

/** What an organisation may configure; anything left out takes the default. */
export type GradingSettingsOverrides = Partial<Pick<GradingSettings, 'excellentQuota'>> & {
  thresholds?: Partial<GradeThresholds>;
  consequences?: Partial<Readonly<Record<Grade, GradeConsequence>>>;
};

/** An organisation's grading settings completed with the defaults. */
export function resolveGradingSettings(overrides: GradingSettingsOverrides = {}): GradingSettings {
  return {
    ...DEFAULT_GRADING_SETTINGS,
    ...overrides,
    thresholds: { ...DEFAULT_GRADE_THRESHOLDS, ...overrides.thresholds },
    consequences: { ...DEFAULT_GRADE_CONSEQUENCES, ...overrides.consequences },
  };
}

export type GradingIssueKind =
  | 'THRESHOLDS_INVALID'
  | 'QUOTA_OUT_OF_RANGE'
  | 'CONSEQUENCE_INVALID'
  | 'TOTAL_INVALID'
  | 'DUPLICATE_EVALUEE'
  | 'VETO_REASON_REQUIRED';

export type GradingIssue = InputIssue<GradingIssueKind>;

export interface GradingError {
  kind: 'INVALID_GRADING_INPUT';
  message: string;
  issues: GradingIssue[];
}

/** Problems with an organisation's grading settings; empty when usable. */
export function validateGradingSettings(settings: GradingSettings): GradingIssue[] {
  const issues: GradingIssue[] = [];
  const { excellent, competent, basicallyCompetent } = settings.thresholds;
  const finite = [excellent, competent, basicallyCompetent].every(isFiniteNumber);
  if (!finite || !(basicallyCompetent >= 0 && basicallyCompetent < competent && competent < excellent)) {
    issues.push({
      kind: 'THRESHOLDS_INVALID',
      path: 'thresholds',
      message: '等次分数线必须满足：优秀 > 称职 > 基本称职 ≥ 0',
    });
  }
  if (
    !isFiniteNumber(settings.excellentQuota) ||
    settings.excellentQuota < 0 ||
    settings.excellentQuota > 1
  ) {
    issues.push({
      kind: 'QUOTA_OUT_OF_RANGE',
      path: 'excellentQuota',
      message: '优秀比例必须在 0 到 1 之间',
    });
  }
  for (const grade of GRADES) {
    const coefficient = settings.consequences[grade].bonusCoefficient;
    if (!isFiniteNumber(coefficient) || coefficient < 0) {
      issues.push({
        kind: 'CONSEQUENCE_INVALID',
        path: `consequences.${grade}.bonusCoefficient`,
        message: `“${GRADE_LABELS[grade]}”的奖金系数必须是不小于 0 的数`,
      });
    }
  }
  return issues;
}

/**
 * How many may be graded 优秀: ⌊share × evaluees⌋. The small nudge keeps 0.1 × 30 (= 2.9999…
 * in binary) from losing a place.
 */
export function computeExcellentQuota(evalueeCount: number, share: number): number {
  if (!isFiniteNumber(share) || share <= 0 || evalueeCount <= 0) return 0;
  return Math.max(0, Math.floor(Math.min(share, 1) * evalueeCount + 1e-9));
}

/** The grade a total earns by the thresholds alone (before quota and veto). */
export function gradeByThresholds(total: number, thresholds: GradeThresholds): Grade {
  if (total >= thresholds.excellent) return 'EXCELLENT';
  if (total >= thresholds.competent) return 'COMPETENT';
  if (total >= thresholds.basicallyCompetent) return 'BASICALLY_COMPETENT';
  return 'INCOMPETENT';
}

export interface GradingCandidate {
  evaluateeId: string;
  total: number;
  /** The 业务工作 category score, the first tie-break. */
  businessScore?: number | null;
  /** Deduction points counted, the second tie-break (fewer is better). */
  deduction?: number;
  veto?: Veto | null;
}

/**
 * The ranking order: vetoed evaluees after everyone else; then higher total; then higher business
 * score (业务工作 is the bureau's main work; a missing one ranks lowest); then fewer deductions;
 * then evaluee id, so the order never depends on input order.
 */
export function compareCandidates(a: GradingCandidate, b: GradingCandidate): number {
  const vetoA = a.veto != null ? 1 : 0;
  const vetoB = b.veto != null ? 1 : 0;
  if (vetoA !== vetoB) return vetoA - vetoB;
  if (a.total !== b.total) return b.total - a.total;
  const businessA = a.businessScore ?? Number.NEGATIVE_INFINITY;
  const businessB = b.businessScore ?? Number.NEGATIVE_INFINITY;
  if (businessA !== businessB) return businessB > businessA ? 1 : -1;
  const deductionA = a.deduction ?? 0;
  const deductionB = b.deduction ?? 0;
  if (deductionA !== deductionB) return deductionA - deductionB;
  return compareIds(a.evaluateeId, b.evaluateeId);
}

export interface RankedCandidate<C extends GradingCandidate = GradingCandidate> {
  candidate: C;
  /** 1 = best; every evaluee has a distinct rank. */
  rank: number;
}

/** Ranks everyone by compareCandidates; ranks are distinct and independent of input order. */
export function rankCandidates<C extends GradingCandidate>(candidates: readonly C[]): RankedCandidate<C>[] {
  return [...candidates].sort(compareCandidates).map((candidate, index) => ({ candidate, rank: index + 1 }));
}

export interface GradedResult {
  evaluateeId: string;
  total: number;
  rank: number;
  grade: Grade;
  /** The total reached the 优秀 line (whether or not the quota allowed it). */
  isExcellentCandidate: boolean;
  /** Reached the 优秀 line but was left out by the quota, so graded 称职. */
  quotaCut: boolean;
  /** Why this grade, in Chinese, for the result sheet. */
  reason: string;
  veto: Veto | null;
  consequence: GradeConsequence;
}

export interface GradingResult {
  /** In rank order. */
  results: GradedResult[];
  /** How many 优秀 places there were. */
  quota: number;
  excellentCount: number;
  quotaCutCount: number;
}

/** The consequence configured for a grade. */
export function findConsequence(
  grade: Grade,
  consequences: Readonly<Record<Grade, GradeConsequence>> = DEFAULT_GRADE_CONSEQUENCES,
): GradeConsequence {
  return consequences[grade];
}

/**
 * Grades every evaluee of one organisation and cycle: rank, apply the veto, the thresholds and the
 * 优秀 quota (⌊quota × all evaluees⌋ places, vetoed ones counted in the base; places go down the
 * ranking, so ties at the cut line are settled by the tie-break), and attach consequences.
 */
export function assignGrades(
  candidates: readonly GradingCandidate[],
  settings: GradingSettings = DEFAULT_GRADING_SETTINGS,
): Outcome<GradingResult, GradingError> {
  const issues = validateGradingSettings(settings).map((issue) => ({
    ...issue,
    path: `settings.${issue.path}`,
  }));
  const seen = new Set<string>();
  candidates.forEach((candidate, index) => {
    if (!isFiniteNumber(candidate.total) || candidate.total < 0) {
      issues.push({
        kind: 'TOTAL_INVALID',
        path: `candidates[${index}].total`,
        message: '总分必须是不小于 0 的数',
      });
    }
    if (seen.has(candidate.evaluateeId)) {
      issues.push({
        kind: 'DUPLICATE_EVALUEE',
        path: `candidates[${index}].evaluateeId`,
        message: '同一被考评人只能有一个结果',
      });
    }
    seen.add(candidate.evaluateeId);
    if (candidate.veto != null && candidate.veto.reason.trim() === '') {
      issues.push({
        kind: 'VETO_REASON_REQUIRED',
        path: `candidates[${index}].veto.reason`,
        message: '一票否决必须填写理由',
      });
    }
  });
  if (issues.length > 0) {
    return fail({ kind: 'INVALID_GRADING_INPUT', message: issues[0]?.message ?? '考评结果无效', issues });
  }

  const { thresholds } = settings;
  const quota = computeExcellentQuota(candidates.length, settings.excellentQuota);
  const quotaLabel = `${formatNumber(settings.excellentQuota * 100)}%，共 ${quota} 个名额`;
  let excellentCount = 0;
  let quotaCutCount = 0;
  const results = rankCandidates(candidates).map(({ candidate, rank }): GradedResult => {
    const total = candidate.total;
    const veto = candidate.veto != null ? { reason: candidate.veto.reason.trim() } : null;
    const byThresholds = gradeByThresholds(total, thresholds);
    const isExcellentCandidate = byThresholds === 'EXCELLENT';
    const shown = formatNumber(total);
    let grade: Grade;
    let quotaCut = false;
    let reason: string;
    if (veto !== null) {
      grade = 'INCOMPETENT';
      reason = `一票否决：${veto.reason}`;
    } else if (isExcellentCandidate && excellentCount < quota) {
      grade = 'EXCELLENT';
      excellentCount++;
      reason = `总分 ${shown}，达到优秀标准（≥${formatNumber(thresholds.excellent)}），在优秀比例限额内（${quotaLabel}），排名第 ${rank}`;
    } else if (isExcellentCandidate) {
      grade = 'COMPETENT';
      quotaCut = true;
      quotaCutCount++;
      reason = `超出优秀比例限额（${quotaLabel}），排名第 ${rank}`;
    } else {
      grade = byThresholds;
      reason =
        grade === 'INCOMPETENT'
          ? `总分 ${shown}，低于基本称职标准（${formatNumber(thresholds.basicallyCompetent)}）`
          : `总分 ${shown}，达到${GRADE_LABELS[grade]}标准（≥${formatNumber(
              grade === 'COMPETENT' ? thresholds.competent : thresholds.basicallyCompetent,
            )}）`;
    }
    return {
      evaluateeId: candidate.evaluateeId,
      total,
      rank,
      grade,
      isExcellentCandidate,
      quotaCut,
      reason,
      veto,
      consequence: findConsequence(grade, settings.consequences),
    };
  });
  return succeed({ results, quota, excellentCount, quotaCutCount });
}
