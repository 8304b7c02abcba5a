// Scoring (DOMAIN rule 7): assessment-group members score each evaluee per category on 0–100;
// scores are combined per category, blended with the evaluee's target completion, weighted by the
// organisation's category weights, then bonuses and deductions (each capped) are applied.
//
// Rounding: every figure on the result sheet (evaluator mean, category score, weighted score,
// bonus, deduction, total) is rounded to 2 decimals half away from zero, and each later figure is
// computed from the rounded figures before it — the sheet adds up exactly as printed, the way
// the office checks it by hand.
import { clamp, formatNumber, isFiniteNumber, isSameAt2Decimals, mean, roundTo2 } from './numbers';
import { fail, succeed } from './outcome';
import type { InputIssue, Outcome } from './outcome';
import { weightedMean } from './progress';
import { CYCLE_KIND_LABELS, QUARTER_KINDS, TARGET_CATEGORIES, TARGET_CATEGORY_LABELS } from './vocabulary';
import type { CycleStatus, QuarterKind, TargetCategory } from './vocabulary';

export interface ScoringSettings {
  /** Percent per category; must add up to 100. */
  categoryWeights: Readonly<Record<TargetCategory, number>>;
  /** Drop one highest and one lowest score (去掉一个最高分和一个最低分) when there are ≥ 5 evaluators. */
  useTrimmedMean: boolean;
  /** Share (0–1) of each category score taken from the evaluee's target completion in that category. */
  targetShare: number;
  /** Most bonus points (加分) counted. */
  bonusCap: number;
  /** Most deduction points (扣分) counted. */
  deductionCap: number;
}

export const DEFAULT_CATEGORY_WEIGHTS: Readonly<Record<TargetCategory, number>> = {
  IDEOLOGICAL: 30,
  BUSINESS: 50,
  MANAGEMENT: 20,
};

export const DEFAULT_SCORING_SETTINGS: Readonly<ScoringSettings> = {
  categoryWeights: DEFAULT_CATEGORY_WEIGHTS,
  useTrimmedMean: true,
  targetShare: 0.3,
  bonusCap: 5,
  deductionCap: 20,
};

/** The fewest evaluators for which the trimmed mean applies. */
export const TRIMMED_MEAN_MIN_EVALUATORS = 5;

/** What an organisation may configure; anything left out takes the default. */
export type ScoringSettingsOverrides = Partial<Omit<ScoringSettings, 'categoryWeights'>> & {
  categoryWeights?: Partial<Readonly<Record<TargetCategory, number>>>;
};

/** An organisation's settings completed with the defaults. */
export function resolveScoringSettings(overrides: ScoringSettingsOverrides = {}): ScoringSettings {
  return {
    ...DEFAULT_SCORING_SETTINGS,
    ...overrides,
    categoryWeights: { ...DEFAULT_CATEGORY_WEIGHTS, ...overrides.categoryWeights },
  };
}

export type ScoringIssueKind =
  | 'CATEGORY_WEIGHT_INVALID'
  | 'CATEGORY_WEIGHTS_NOT_100'
  | 'TARGET_SHARE_OUT_OF_RANGE'
  | 'CAP_INVALID'
  | 'SCORE_OUT_OF_RANGE'
  | 'SELF_SCORING'
  | 'DUPLICATE_SCORE'
  | 'COMPLETION_OUT_OF_RANGE'
  | 'ADJUSTMENT_POINTS_INVALID'
  | 'ADJUSTMENT_REASON_REQUIRED'
  | 'VETO_REASON_REQUIRED'
  | 'DUPLICATE_QUARTER'
  | 'QUARTER_WEIGHT_INVALID'
  | 'QUARTER_TOTAL_INVALID';

export type ScoringIssue = InputIssue<ScoringIssueKind>;

export interface ScoringError {
  kind: 'INVALID_SCORING_INPUT';
  /** The first issue's message, for a one-line answer. */
  message: string;
  issues: ScoringIssue[];
}

function rejectWith(issues: ScoringIssue[]): { ok: false; error: ScoringError } {
  return fail({ kind: 'INVALID_SCORING_INPUT', message: issues[0]?.message ?? '评分数据无效', issues });
}

/** Problems with an organisation's scoring settings; empty when they are usable. */
export function validateScoringSettings(settings: ScoringSettings): ScoringIssue[] {
  const issues: ScoringIssue[] = [];
  let sum = 0;
  for (const category of TARGET_CATEGORIES) {
    const weight = settings.categoryWeights[category];
    if (!isFiniteNumber(weight) || weight < 0 || weight > 100) {
      issues.push({
        kind: 'CATEGORY_WEIGHT_INVALID',
        path: `categoryWeights.${category}`,
        message: `“${TARGET_CATEGORY_LABELS[category]}”的权重必须在 0 到 100 之间`,
      });
    } else sum += weight;
  }
  if (issues.length === 0 && !isSameAt2Decimals(sum, 100)) {
    issues.push({
      kind: 'CATEGORY_WEIGHTS_NOT_100',
      path: 'categoryWeights',
      message: `三大目标的权重之和为 ${formatNumber(sum)}，应为 100`,
    });
  }
  if (!isFiniteNumber(settings.targetShare) || settings.targetShare < 0 || settings.targetShare > 1) {
    issues.push({
      kind: 'TARGET_SHARE_OUT_OF_RANGE',
      path: 'targetShare',
      message: '目标完成情况所占比例必须在 0 到 1 之间',
    });
  }
  for (const cap of ['bonusCap', 'deductionCap'] as const) {
    if (!isFiniteNumber(settings[cap]) || settings[cap] < 0) {
      issues.push({
        kind: 'CAP_INVALID',
        path: cap,
        message: cap === 'bonusCap' ? '加分上限必须是不小于 0 的数' : '扣分上限必须是不小于 0 的数',
      });
    }
  }
  return issues;
}

export interface ScoreEntry {
  evaluatorId: string;
  evaluateeId: string;
  category: TargetCategory;
  score: number;
}

/** Checks one entered score (0–100, not one's own), for quick per-cell validation. */
export function checkScoreEntry(entry: ScoreEntry, path = 'score'): ScoringIssue[] {
  const issues: ScoringIssue[] = [];
  if (entry.evaluatorId === entry.evaluateeId) {
    issues.push({ kind: 'SELF_SCORING', path, message: '不能给自己评分' });
  }
  if (!isFiniteNumber(entry.score) || entry.score < 0 || entry.score > 100) {
    issues.push({
      kind: 'SCORE_OUT_OF_RANGE',
      path,
      message: `“${TARGET_CATEGORY_LABELS[entry.category]}”的评分必须在 0 到 100 之间`,
    });
  }
  return issues;
}

export interface EvaluatorScore {
  evaluatorId: string;
  category: TargetCategory;
  score: number;
}

export type AdjustmentKind = 'BONUS' | 'DEDUCTION';

export interface ScoreAdjustment {
  kind: AdjustmentKind;
  /** Positive points: a deduction of 3 is `{ kind: 'DEDUCTION', points: 3 }`. */
  points: number;
  reason: string;
}

export interface Veto {
  reason: string;
}

export interface ScoringInput {
  evaluateeId: string;
  scores: readonly EvaluatorScore[];
  /** Target completion (0–100 roll-up) per category; a missing category uses evaluator scores only. */
  targetCompletion?: Partial<Readonly<Record<TargetCategory, number | null>>>;
  adjustments?: readonly ScoreAdjustment[];
  veto?: Veto | null;
}

/** Problems with one evaluee's scoring input; empty when it can be computed. */
export function validateScoringInput(input: ScoringInput): ScoringIssue[] {
  const issues: ScoringIssue[] = [];
  const seen = new Set<string>();
  input.scores.forEach((score, index) => {
    const path = `scores[${index}]`;
    issues.push(...checkScoreEntry({ ...score, evaluateeId: input.evaluateeId }, `${path}.score`));
    const key = `${score.evaluatorId}\u0000${score.category}`;
    if (seen.has(key)) {
      issues.push({
        kind: 'DUPLICATE_SCORE',
        path,
        message: `同一评分人对“${TARGET_CATEGORY_LABELS[score.category]}”只能评一次分`,
      });
    }
    seen.add(key);
  });
  for (const category of TARGET_CATEGORIES) {
    const completion = input.targetCompletion?.[category];
    if (completion === undefined || completion === null) continue;
    if (!isFiniteNumber(completion) || completion < 0 || completion > 100) {
      issues.push({
        kind: 'COMPLETION_OUT_OF_RANGE',
        path: `targetCompletion.${category}`,
        message: `“${TARGET_CATEGORY_LABELS[category]}”的目标完成度必须在 0 到 100 之间`,
      });
    }
  }
  (input.adjustments ?? []).forEach((adjustment, index) => {
    const label = adjustment.kind === 'BONUS' ? '加分' : '扣分';
    if (!isFiniteNumber(adjustment.points) || adjustment.points <= 0) {
      issues.push({
        kind: 'ADJUSTMENT_POINTS_INVALID',
        path: `adjustments[${index}].points`,
        message: `${label}分值必须是大于 0 的数`,
      });
    }
    if (adjustment.reason.trim() === '') {
      issues.push({
        kind: 'ADJUSTMENT_REASON_REQUIRED',
        path: `adjustments[${index}].reason`,
        message: `每一项${label}都必须填写理由`,
      });
    }
  });
  if (input.veto != null && input.veto.reason.trim() === '') {
    issues.push({ kind: 'VETO_REASON_REQUIRED', path: 'veto.reason', message: '一票否决必须填写理由' });
  }
  return issues;
}

export interface CombinedScore {
  /** Null when nobody scored. Not rounded. */
  value: number | null;
  isTrimmed: boolean;
}

/** The mean of evaluators' scores, or the trimmed mean (one highest and one lowest dropped) if asked and ≥ 5. */
export function combineEvaluatorScores(scores: readonly number[], useTrimmedMean: boolean): CombinedScore {
  if (useTrimmedMean && scores.length >= TRIMMED_MEAN_MIN_EVALUATORS) {
    const sorted = [...scores].sort((a, b) => a - b);
    return { value: mean(sorted.slice(1, -1)), isTrimmed: true };
  }
  return { value: mean(scores), isTrimmed: false };
}

export interface CategoryScore {
  evaluatorCount: number;
  isTrimmed: boolean;
  /** Combined evaluators' score; null when nobody scored the category yet. */
  evaluatorScore: number | null;
  /** Target completion used, or null when none was given (then the evaluators' score counts fully). */
  completion: number | null;
  /** (1 − share) · evaluatorScore + share · completion; a missing evaluatorScore counts as 0. */
  score: number;
}

export interface ScoreSheet {
  evaluateeId: string;
  categories: Record<TargetCategory, CategoryScore>;
  /** Σ categoryWeight · categoryScore / 100. */
  weightedScore: number;
  bonusRequested: number;
  /** Bonus counted, at most bonusCap. */
  bonus: number;
  deductionRequested: number;
  /** Deduction counted, at most deductionCap. */
  deduction: number;
  /** weightedScore + bonus − deduction, within [0, 100 + bonusCap]. */
  total: number;
  veto: Veto | null;
  /** Categories nobody scored yet: the sheet is provisional while this is not empty. */
  missingCategories: TargetCategory[];
}

/** Computes one evaluee's result sheet for a cycle, or the reasons it cannot. */
export function computeScoreSheet(
  input: ScoringInput,
  settings: ScoringSettings = DEFAULT_SCORING_SETTINGS,
): Outcome<ScoreSheet, ScoringError> {
  const issues = [
    ...validateScoringSettings(settings).map((issue) => ({ ...issue, path: `settings.${issue.path}` })),
    ...validateScoringInput(input),
  ];
  if (issues.length > 0) return rejectWith(issues);

  const categories = {} as Record<TargetCategory, CategoryScore>;
  const missingCategories: TargetCategory[] = [];
  let weightedSum = 0;
  for (const category of TARGET_CATEGORIES) {
    const values = input.scores.filter((score) => score.category === category).map((score) => score.score);
    const combined = combineEvaluatorScores(values, settings.useTrimmedMean);
    const evaluatorScore = combined.value === null ? null : roundTo2(combined.value);
    if (evaluatorScore === null) missingCategories.push(category);
    const completionInput = input.targetCompletion?.[category];
    const completion = isFiniteNumber(completionInput) ? roundTo2(completionInput) : null;
    const share = completion === null ? 0 : settings.targetShare;
    const score = roundTo2(clamp((1 - share) * (evaluatorScore ?? 0) + share * (completion ?? 0), 0, 100));
    categories[category] = {
      evaluatorCount: values.length,
      isTrimmed: combined.isTrimmed,
      evaluatorScore,
      completion,
      score,
    };
    weightedSum += settings.categoryWeights[category] * score;
  }
  const weightedScore = roundTo2(clamp(weightedSum / 100, 0, 100));
  const sumPoints = (kind: AdjustmentKind): number =>
    roundTo2(
      (input.adjustments ?? [])
        .filter((item) => item.kind === kind)
        .reduce((sum, item) => sum + item.points, 0),
    );
  const bonusRequested = sumPoints('BONUS');
  const deductionRequested = sumPoints('DEDUCTION');
  const bonus = roundTo2(Math.min(bonusRequested, settings.bonusCap));
  const deduction = roundTo2(Math.min(deductionRequested, settings.deductionCap));
  const total = roundTo2(clamp(weightedScore + bonus - deduction, 0, 100 + settings.bonusCap));
  return succeed({
    evaluateeId: input.evaluateeId,
    categories,
    weightedScore,
    bonusRequested,
    bonus,
    deductionRequested,
    deduction,
    total,
    veto: input.veto == null ? null : { reason: input.veto.reason.trim() },
    missingCategories,
  });
}

export interface QuarterResult {
  kind: QuarterKind;
  status: CycleStatus;
  total: number;
  categoryScores?: Partial<Readonly<Record<TargetCategory, number | null>>>;
  deduction?: number;
  veto?: Veto | null;
}

export interface AnnualOptions {
  /** Weights of the quarters; when given, the annual figures are the weighted mean over published quarters. */
  quarterWeights?: Partial<Readonly<Record<QuarterKind, number>>>;
  /** A veto decided at the annual evaluation itself. */
  veto?: Veto | null;
}

export interface AnnualResult {
  /** Null when no quarter of the year is published yet. */
  total: number | null;
  /** The published quarters that were counted, in order. */
  quarters: QuarterKind[];
  categoryScores: Record<TargetCategory, number | null>;
  /** All deductions counted in the year's published quarters. */
  deduction: number;
  /** The annual veto, else the first vetoed published quarter's (a veto in any quarter carries into the year). */
  veto: Veto | null;
}

/**
 * The annual result: the mean of the year's published quarter totals (and category scores), or
 * their weighted mean when quarter weights are given — normalised over the published quarters, so a
 * missing quarter does not drag the year down. Unpublished quarters are not counted.
 */
export function computeAnnualResult(
  quarterResults: readonly QuarterResult[],
  options: AnnualOptions = {},
): Outcome<AnnualResult, ScoringError> {
  const issues: ScoringIssue[] = [];
  const seen = new Set<QuarterKind>();
  quarterResults.forEach((result, index) => {
    if (seen.has(result.kind)) {
      issues.push({
        kind: 'DUPLICATE_QUARTER',
        path: `quarters[${index}].kind`,
        message: `${CYCLE_KIND_LABELS[result.kind]}的结果重复`,
      });
    }
    seen.add(result.kind);
    if (!isFiniteNumber(result.total) || result.total < 0) {
      issues.push({
        kind: 'QUARTER_TOTAL_INVALID',
        path: `quarters[${index}].total`,
        message: `${CYCLE_KIND_LABELS[result.kind]}的总分无效`,
      });
    }
  });
  for (const kind of QUARTER_KINDS) {
    const weight = options.quarterWeights?.[kind];
    if (weight !== undefined && (!isFiniteNumber(weight) || weight < 0)) {
      issues.push({
        kind: 'QUARTER_WEIGHT_INVALID',
        path: `quarterWeights.${kind}`,
        message: `${CYCLE_KIND_LABELS[kind]}的权重必须是不小于 0 的数`,
      });
    }
  }
  if (options.veto != null && options.veto.reason.trim() === '') {
    issues.push({ kind: 'VETO_REASON_REQUIRED', path: 'veto.reason', message: '一票否决必须填写理由' });
  }
  if (issues.length > 0) return rejectWith(issues);

  const published = QUARTER_KINDS.flatMap((kind) =>
    quarterResults.filter((result) => result.kind === kind && result.status === 'PUBLISHED'),
  );
  const weightOf = (kind: QuarterKind): number =>
    options.quarterWeights === undefined ? 1 : (options.quarterWeights[kind] ?? 0);
  const combine = (pick: (result: QuarterResult) => number | null | undefined): number | null => {
    const items = published.flatMap((result) => {
      const value = pick(result);
      return isFiniteNumber(value) ? [{ weight: weightOf(result.kind), value }] : [];
    });
    const value = weightedMean(items);
    return value === null ? null : roundTo2(value);
  };

  const categoryScores = {} as Record<TargetCategory, number | null>;
  for (const category of TARGET_CATEGORIES) {
    categoryScores[category] = combine((result) => result.categoryScores?.[category]);
  }
  const quarterVeto = published.find((result) => result.veto != null);
  let veto: Veto | null = null;
  if (options.veto != null) veto = { reason: options.veto.reason.trim() };
  else if (quarterVeto?.veto != null) {
    veto = { reason: `${CYCLE_KIND_LABELS[quarterVeto.kind]}：${quarterVeto.veto.reason.trim()}` };
  }
  return succeed({
    total: combine((result) => result.total),
    quarters: published.map((result) => result.kind),
    categoryScores,
    deduction: roundTo2(published.reduce((sum, result) => sum + (result.deduction ?? 0), 0)),
    veto,
  });
}
