import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCORING_SETTINGS,
  checkScoreEntry,
  combineEvaluatorScores,
  computeAnnualResult,
  computeScoreSheet,
  resolveScoringSettings,
  validateScoringSettings,
} from './scoring';
import type {
  EvaluatorScore,
  QuarterResult,
  ScoreSheet,
  ScoringInput,
  ScoringIssueKind,
  ScoringSettings,
} from './scoring';
import { QUARTER_KINDS, TARGET_CATEGORIES } from './vocabulary';
import type { TargetCategory } from './vocabulary';

const CHINESE = /[\u4e00-\u9fff]/;

function scores(category: TargetCategory, values: readonly number[]): EvaluatorScore[] {
  return values.map((score, i) => ({ evaluatorId: `assessor${i + 1}`, category, score }));
}

const worked: ScoringInput = {
  evaluateeId: 'chief',
  scores: [
    ...scores('IDEOLOGICAL', [90, 85, 80]),
    ...scores('BUSINESS', [95, 70, 88, 92, 60]),
    ...scores('MANAGEMENT', [78, 82]),
  ],
  targetCompletion: { IDEOLOGICAL: 100, BUSINESS: 50, MANAGEMENT: null },
  adjustments: [
    { kind: 'BONUS', points: 2, reason: '市级通报表扬' },
    { kind: 'BONUS', points: 4, reason: '疫情防控专项工作突出' },
    { kind: 'DEDUCTION', points: 3, reason: '政务值班脱岗一次' },
  ],
};

function sheetOf(input: ScoringInput, settings?: ScoringSettings): ScoreSheet {
  const outcome = computeScoreSheet(input, settings);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function issueKinds(input: ScoringInput, settings?: ScoringSettings): ScoringIssueKind[] {
  const outcome = computeScoreSheet(input, settings);
  return outcome.ok ? [] : outcome.error.issues.map((issue) => issue.kind);
}

describe('computeScoreSheet', () => {
  it('computes a sheet that adds up as printed', () => {
    const sheet = sheetOf(worked);
    expect(sheet.categories.IDEOLOGICAL).toEqual({
      evaluatorCount: 3,
      isTrimmed: false,
      evaluatorScore: 85,
      completion: 100,
      score: 89.5, // 0.7 × 85 + 0.3 × 100
    });
    expect(sheet.categories.BUSINESS).toEqual({
      evaluatorCount: 5,
      isTrimmed: true, // 95 and 60 dropped
      evaluatorScore: 83.33,
      completion: 50,
      score: 73.33, // 0.7 × 83.33 + 0.3 × 50 = 73.331
    });
    expect(sheet.categories.MANAGEMENT).toMatchObject({ evaluatorScore: 80, completion: null, score: 80 });
    expect(sheet.weightedScore).toBe(79.52); // (30 × 89.5 + 50 × 73.33 + 20 × 80) / 100 = 79.515
    expect(sheet).toMatchObject({
      bonusRequested: 6,
      bonus: 5,
      deductionRequested: 3,
      deduction: 3,
      total: 81.52,
    });
    expect(sheet.veto).toBeNull();
    expect(sheet.missingCategories).toEqual([]);
  });

  it('uses the plain mean when the trimmed mean is off or there are fewer than 5 evaluators', () => {
    const off = sheetOf(worked, resolveScoringSettings({ useTrimmedMean: false }));
    expect(off.categories.BUSINESS).toMatchObject({ evaluatorScore: 81, isTrimmed: false });
    const four = sheetOf({ ...worked, scores: scores('BUSINESS', [95, 70, 88, 60]) });
    expect(four.categories.BUSINESS).toMatchObject({ evaluatorScore: 78.25, isTrimmed: false });
  });

  it('takes the category score from evaluators alone when the target share is 0', () => {
    const sheet = sheetOf(worked, resolveScoringSettings({ targetShare: 0 }));
    expect(sheet.categories.IDEOLOGICAL.score).toBe(85);
    expect(sheet.categories.BUSINESS.score).toBe(83.33);
  });

  it('applies the organisation’s category weights', () => {
    const input: ScoringInput = {
      evaluateeId: 'x',
      scores: [...scores('IDEOLOGICAL', [100]), ...scores('BUSINESS', [50]), ...scores('MANAGEMENT', [0])],
    };
    expect(sheetOf(input).total).toBe(55);
    const custom = resolveScoringSettings({
      categoryWeights: { IDEOLOGICAL: 20, BUSINESS: 60, MANAGEMENT: 20 },
    });
    expect(sheetOf(input, custom).total).toBe(50);
  });

  it('flags categories nobody scored and counts their evaluator part as 0', () => {
    const sheet = sheetOf({
      evaluateeId: 'x',
      scores: scores('BUSINESS', [80]),
      targetCompletion: { IDEOLOGICAL: 90 },
    });
    expect(sheet.missingCategories).toEqual(['IDEOLOGICAL', 'MANAGEMENT']);
    expect(sheet.categories.IDEOLOGICAL).toMatchObject({
      evaluatorScore: null,
      evaluatorCount: 0,
      score: 27,
    });
    expect(sheet.categories.MANAGEMENT.score).toBe(0);
  });

  it('caps bonuses and deductions, and never goes below 0', () => {
    const low: ScoringInput = {
      evaluateeId: 'x',
      scores: TARGET_CATEGORIES.flatMap((c) => scores(c, [10])),
      adjustments: [
        { kind: 'DEDUCTION', points: 15, reason: '会议无故缺席' },
        { kind: 'DEDUCTION', points: 15, reason: '卫生检查不合格' },
      ],
    };
    const sheet = sheetOf(low);
    expect(sheet).toMatchObject({ weightedScore: 10, deductionRequested: 30, deduction: 20, total: 0 });
  });

  it('can exceed 100 by at most the bonus cap', () => {
    const top: ScoringInput = {
      evaluateeId: 'x',
      scores: TARGET_CATEGORIES.flatMap((c) => scores(c, [100])),
      targetCompletion: { IDEOLOGICAL: 100, BUSINESS: 100, MANAGEMENT: 100 },
      adjustments: [{ kind: 'BONUS', points: 9, reason: '省级表彰' }],
    };
    expect(sheetOf(top).total).toBe(105);
    expect(sheetOf(top, resolveScoringSettings({ bonusCap: 0 })).total).toBe(100);
  });

  it('carries a veto through without changing the figures', () => {
    const sheet = sheetOf({ ...worked, veto: { reason: '  发生重大安全责任事故 ' } });
    expect(sheet.veto).toEqual({ reason: '发生重大安全责任事故' });
    expect(sheet.total).toBe(81.52);
  });

  it('does not depend on the order of scores', () => {
    const reversed = sheetOf({ ...worked, scores: [...worked.scores].reverse() });
    expect(reversed).toEqual(sheetOf(worked));
  });
});

describe('validation', () => {
  it('refuses scores outside 0–100 or not numbers, with paths', () => {
    const outcome = computeScoreSheet({
      evaluateeId: 'x',
      scores: [
        { evaluatorId: 'a', category: 'BUSINESS', score: 101 },
        { evaluatorId: 'b', category: 'BUSINESS', score: -1 },
        { evaluatorId: 'c', category: 'BUSINESS', score: Number.NaN },
        { evaluatorId: 'd', category: 'BUSINESS', score: 100 },
        { evaluatorId: 'e', category: 'BUSINESS', score: 0 },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.kind).toBe('INVALID_SCORING_INPUT');
    expect(outcome.error.issues.map((i) => [i.kind, i.path])).toEqual([
      ['SCORE_OUT_OF_RANGE', 'scores[0].score'],
      ['SCORE_OUT_OF_RANGE', 'scores[1].score'],
      ['SCORE_OUT_OF_RANGE', 'scores[2].score'],
    ]);
    expect(outcome.error.message).toBe(outcome.error.issues[0]?.message);
    expect(outcome.error.message).toContain('业务工作');
  });

  it('refuses self-scoring and a second score by the same evaluator in a category', () => {
    expect(
      issueKinds({
        evaluateeId: 'a',
        scores: [
          { evaluatorId: 'a', category: 'BUSINESS', score: 90 },
          { evaluatorId: 'b', category: 'BUSINESS', score: 90 },
          { evaluatorId: 'b', category: 'BUSINESS', score: 80 },
          { evaluatorId: 'b', category: 'MANAGEMENT', score: 80 },
        ],
      }),
    ).toEqual(['SELF_SCORING', 'DUPLICATE_SCORE']);
  });

  it('requires a reason and positive points for every bonus and deduction, and a reason for a veto', () => {
    expect(
      issueKinds({
        evaluateeId: 'x',
        scores: [],
        adjustments: [
          { kind: 'BONUS', points: 2, reason: ' ' },
          { kind: 'DEDUCTION', points: 0, reason: '迟到' },
          { kind: 'DEDUCTION', points: Number.POSITIVE_INFINITY, reason: '' },
        ],
        veto: { reason: '' },
      }),
    ).toEqual([
      'ADJUSTMENT_REASON_REQUIRED',
      'ADJUSTMENT_POINTS_INVALID',
      'ADJUSTMENT_POINTS_INVALID',
      'ADJUSTMENT_REASON_REQUIRED',
      'VETO_REASON_REQUIRED',
    ]);
  });

  it('refuses a completion outside 0–100', () => {
    expect(issueKinds({ evaluateeId: 'x', scores: [], targetCompletion: { BUSINESS: 120 } })).toEqual([
      'COMPLETION_OUT_OF_RANGE',
    ]);
  });

  it('refuses unusable settings', () => {
    const bad: ScoringSettings = {
      categoryWeights: { IDEOLOGICAL: 30, BUSINESS: 50, MANAGEMENT: 10 },
      useTrimmedMean: true,
      targetShare: 1.5,
      bonusCap: -1,
      deductionCap: Number.NaN,
    };
    const issues = validateScoringSettings(bad);
    expect(issues.map((i) => [i.kind, i.path])).toEqual([
      ['CATEGORY_WEIGHTS_NOT_100', 'categoryWeights'],
      ['TARGET_SHARE_OUT_OF_RANGE', 'targetShare'],
      ['CAP_INVALID', 'bonusCap'],
      ['CAP_INVALID', 'deductionCap'],
    ]);
    expect(issues[0]?.message).toContain('90');
    for (const issue of issues) expect(issue.message).toMatch(CHINESE);
    const outcome = computeScoreSheet(worked, bad);
    expect(!outcome.ok && outcome.error.issues[0]?.path).toBe('settings.categoryWeights');
    expect(
      validateScoringSettings(
        resolveScoringSettings({ categoryWeights: { IDEOLOGICAL: -10, BUSINESS: 90, MANAGEMENT: 20 } }),
      ).map((i) => i.kind),
    ).toEqual(['CATEGORY_WEIGHT_INVALID']);
    expect(validateScoringSettings(DEFAULT_SCORING_SETTINGS)).toEqual([]);
  });

  it('checks a single entered score', () => {
    expect(
      checkScoreEntry({ evaluatorId: 'a', evaluateeId: 'b', category: 'MANAGEMENT', score: 88.5 }),
    ).toEqual([]);
    expect(
      checkScoreEntry({ evaluatorId: 'a', evaluateeId: 'a', category: 'MANAGEMENT', score: 188 }).map(
        (i) => i.kind,
      ),
    ).toEqual(['SELF_SCORING', 'SCORE_OUT_OF_RANGE']);
  });

  it('completes partial settings with the defaults', () => {
    expect(resolveScoringSettings()).toEqual(DEFAULT_SCORING_SETTINGS);
    expect(
      resolveScoringSettings({ categoryWeights: { IDEOLOGICAL: 40, BUSINESS: 40 } }).categoryWeights,
    ).toEqual({
      IDEOLOGICAL: 40,
      BUSINESS: 40,
      MANAGEMENT: 20,
    });
  });
});

describe('combineEvaluatorScores', () => {
  it('drops exactly one highest and one lowest from 5 or more', () => {
    expect(combineEvaluatorScores([], true)).toEqual({ value: null, isTrimmed: false });
    expect(combineEvaluatorScores([100, 100, 0, 0, 50], true)).toEqual({ value: 50, isTrimmed: true });
    expect(combineEvaluatorScores([60, 70, 80, 90], true)).toEqual({ value: 75, isTrimmed: false });
  });
});

describe('computeAnnualResult', () => {
  const quarter = (
    kind: QuarterResult['kind'],
    total: number,
    extra: Partial<QuarterResult> = {},
  ): QuarterResult => ({
    kind,
    status: 'PUBLISHED',
    total,
    ...extra,
  });

  it('is the mean of the published quarters only', () => {
    const outcome = computeAnnualResult([
      quarter('Q2', 90),
      quarter('Q1', 80),
      quarter('Q3', 10, { status: 'CLOSED' }),
    ]);
    expect(outcome).toMatchObject({ ok: true, value: { total: 85, quarters: ['Q1', 'Q2'] } });
  });

  it('uses quarter weights when given, normalised over the published quarters', () => {
    const all = [quarter('Q1', 80), quarter('Q2', 90), quarter('Q3', 70), quarter('Q4', 100)];
    const weights = { Q1: 1, Q2: 1, Q3: 1, Q4: 2 };
    expect(computeAnnualResult(all, { quarterWeights: weights })).toMatchObject({ value: { total: 88 } });
    expect(computeAnnualResult(all.slice(0, 3), { quarterWeights: weights })).toMatchObject({
      value: { total: 80 },
    });
  });

  it('has no total before any quarter is published', () => {
    expect(computeAnnualResult([quarter('Q1', 80, { status: 'OPEN' })])).toMatchObject({
      ok: true,
      value: { total: null, quarters: [], deduction: 0, veto: null },
    });
  });

  it('averages category scores, sums deductions and carries a quarter’s veto into the year', () => {
    const outcome = computeAnnualResult([
      quarter('Q1', 80, { categoryScores: { BUSINESS: 70, IDEOLOGICAL: 90 }, deduction: 2 }),
      quarter('Q2', 60, {
        categoryScores: { BUSINESS: 75 },
        deduction: 1.5,
        veto: { reason: '违反政务值班制度造成严重后果' },
      }),
    ]);
    expect(outcome).toMatchObject({
      ok: true,
      value: {
        categoryScores: { BUSINESS: 72.5, IDEOLOGICAL: 90, MANAGEMENT: null },
        deduction: 3.5,
        veto: { reason: '第二季度：违反政务值班制度造成严重后果' },
      },
    });
    const annualVeto = computeAnnualResult([quarter('Q1', 80)], {
      veto: { reason: '年度考核期间受到党纪处分' },
    });
    expect(annualVeto).toMatchObject({ value: { veto: { reason: '年度考核期间受到党纪处分' } } });
  });

  it('refuses duplicate quarters, bad weights and bad totals', () => {
    const outcome = computeAnnualResult([quarter('Q1', 80), quarter('Q1', 70), quarter('Q2', Number.NaN)], {
      quarterWeights: { Q3: -1 },
      veto: { reason: '' },
    });
    expect(!outcome.ok && outcome.error.issues.map((i) => i.kind)).toEqual([
      'DUPLICATE_QUARTER',
      'QUARTER_TOTAL_INVALID',
      'QUARTER_WEIGHT_INVALID',
      'VETO_REASON_REQUIRED',
    ]);
  });
});

const arbitrarySettings = fc
  .record({
    ideological: fc.integer({ min: 0, max: 100 }),
    business: fc.integer({ min: 0, max: 100 }),
    useTrimmedMean: fc.boolean(),
    targetShare: fc.double({ min: 0, max: 1, noNaN: true }),
    bonusCap: fc.integer({ min: 0, max: 20 }),
    deductionCap: fc.integer({ min: 0, max: 100 }),
  })
  .filter((s) => s.ideological + s.business <= 100)
  .map((s): ScoringSettings => ({
    categoryWeights: {
      IDEOLOGICAL: s.ideological,
      BUSINESS: s.business,
      MANAGEMENT: 100 - s.ideological - s.business,
    },
    useTrimmedMean: s.useTrimmedMean,
    targetShare: s.targetShare,
    bonusCap: s.bonusCap,
    deductionCap: s.deductionCap,
  }));

const score = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));

const arbitraryInput = fc
  .record({
    scores: fc.array(
      fc.record({ evaluator: fc.nat(8), category: fc.constantFrom(...TARGET_CATEGORIES), score }),
      {
        maxLength: 27,
      },
    ),
    completion: fc.record(
      { IDEOLOGICAL: fc.option(score, { nil: null }), BUSINESS: score, MANAGEMENT: score },
      { requiredKeys: [] },
    ),
    adjustments: fc.array(
      fc.record({
        kind: fc.constantFrom('BONUS' as const, 'DEDUCTION' as const),
        points: fc.double({ min: 0.01, max: 50, noNaN: true }),
        reason: fc.constant('理由'),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ scores: rows, completion, adjustments }): ScoringInput => ({
    evaluateeId: 'evaluee',
    // One score per evaluator and category.
    scores: [...new Map(rows.map((r) => [`${r.evaluator}:${r.category}`, r])).values()].map((r) => ({
      evaluatorId: `assessor${r.evaluator}`,
      category: r.category,
      score: r.score,
    })),
    targetCompletion: completion,
    adjustments,
  }));

describe('scoring properties', () => {
  it('totals stay within [0, 100 + bonusCap] with 2 decimals', () => {
    fc.assert(
      fc.property(arbitraryInput, arbitrarySettings, (input, settings) => {
        const sheet = sheetOf(input, settings);
        expect(sheet.total).toBeGreaterThanOrEqual(0);
        expect(sheet.total).toBeLessThanOrEqual(100 + settings.bonusCap);
        expect(sheet.bonus).toBeLessThanOrEqual(settings.bonusCap);
        expect(sheet.deduction).toBeLessThanOrEqual(settings.deductionCap);
        for (const category of TARGET_CATEGORIES) {
          expect(sheet.categories[category].score).toBeGreaterThanOrEqual(0);
          expect(sheet.categories[category].score).toBeLessThanOrEqual(100);
        }
        expect(Math.abs(sheet.total * 100 - Math.round(sheet.total * 100))).toBeLessThan(1e-6);
      }),
    );
  });

  it('a combined score lies between the lowest and the highest score', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 12 }), fc.boolean(), (values, trimmed) => {
        const { value } = combineEvaluatorScores(values, trimmed);
        expect(value).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
        expect(value).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
      }),
    );
  });

  it('the annual total lies between the lowest and highest published quarter', () => {
    fc.assert(
      fc.property(
        fc.subarray([...QUARTER_KINDS], { minLength: 1 }),
        fc.array(fc.integer({ min: 0, max: 105 }), { minLength: 4, maxLength: 4 }),
        fc.option(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }), {
          nil: undefined,
        }),
        (kinds, totals, weights) => {
          const quarters = kinds.map((kind, i): QuarterResult => ({
            kind,
            status: 'PUBLISHED',
            total: totals[i] ?? 0,
          }));
          const quarterWeights =
            weights === undefined
              ? undefined
              : Object.fromEntries(QUARTER_KINDS.map((k, i) => [k, weights[i] ?? 0]));
          const outcome = computeAnnualResult(
            quarters,
            quarterWeights === undefined ? {} : { quarterWeights },
          );
          if (!outcome.ok) throw new Error(outcome.error.message);
          const used = quarters.map((q) => q.total);
          expect(outcome.value.total).toBeGreaterThanOrEqual(Math.min(...used));
          expect(outcome.value.total).toBeLessThanOrEqual(Math.max(...used));
        },
      ),
    );
  });
});
