import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRADE_CONSEQUENCES,
  DEFAULT_GRADE_THRESHOLDS,
  DEFAULT_GRADING_SETTINGS,
  assignGrades,
  computeExcellentQuota,
  findConsequence,
  gradeByThresholds,
  rankCandidates,
  resolveGradingSettings,
  validateGradingSettings,
} from './grading';
import type { GradedResult, GradingCandidate, GradingResult, GradingSettings } from './grading';

const CHINESE = /[\u4e00-\u9fff]/;

function grade(candidates: readonly GradingCandidate[], settings?: GradingSettings): GradingResult {
  const outcome = assignGrades(candidates, settings);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

function byId(result: GradingResult): Map<string, GradedResult> {
  return new Map(result.results.map((r) => [r.evaluateeId, r]));
}

/** n evaluees with totals 50, 51, … (ids e00, e01, …). */
function plain(totals: readonly number[]): GradingCandidate[] {
  return totals.map((total, i) => ({ evaluateeId: `e${String(i).padStart(2, '0')}`, total }));
}

describe('gradeByThresholds', () => {
  it('maps totals to grades at the default lines, each line included', () => {
    expect(gradeByThresholds(100, DEFAULT_GRADE_THRESHOLDS)).toBe('EXCELLENT');
    expect(gradeByThresholds(90, DEFAULT_GRADE_THRESHOLDS)).toBe('EXCELLENT');
    expect(gradeByThresholds(89.99, DEFAULT_GRADE_THRESHOLDS)).toBe('COMPETENT');
    expect(gradeByThresholds(70, DEFAULT_GRADE_THRESHOLDS)).toBe('COMPETENT');
    expect(gradeByThresholds(69.99, DEFAULT_GRADE_THRESHOLDS)).toBe('BASICALLY_COMPETENT');
    expect(gradeByThresholds(60, DEFAULT_GRADE_THRESHOLDS)).toBe('BASICALLY_COMPETENT');
    expect(gradeByThresholds(59.99, DEFAULT_GRADE_THRESHOLDS)).toBe('INCOMPETENT');
    expect(gradeByThresholds(0, DEFAULT_GRADE_THRESHOLDS)).toBe('INCOMPETENT');
  });
});

describe('computeExcellentQuota', () => {
  it('rounds the share of evaluees down', () => {
    expect(computeExcellentQuota(10, 0.2)).toBe(2);
    expect(computeExcellentQuota(14, 0.2)).toBe(2);
    expect(computeExcellentQuota(15, 0.2)).toBe(3);
    expect(computeExcellentQuota(4, 0.2)).toBe(0);
    expect(computeExcellentQuota(30, 0.1)).toBe(3); // 0.1 × 30 is 2.9999… in binary
    expect(computeExcellentQuota(7, 0.15)).toBe(1);
    expect(computeExcellentQuota(0, 0.2)).toBe(0);
    expect(computeExcellentQuota(10, 0)).toBe(0);
    expect(computeExcellentQuota(10, 1)).toBe(10);
  });
});

describe('assignGrades', () => {
  it('grades by thresholds when the quota is not reached, with reasons and consequences', () => {
    const result = grade([
      { evaluateeId: 'a', total: 95 },
      { evaluateeId: 'b', total: 85 },
      { evaluateeId: 'c', total: 75 },
      { evaluateeId: 'd', total: 65 },
      { evaluateeId: 'e', total: 55.5 },
    ]);
    expect(result.quota).toBe(1);
    expect(result.results.map((r) => [r.evaluateeId, r.rank, r.grade])).toEqual([
      ['a', 1, 'EXCELLENT'],
      ['b', 2, 'COMPETENT'],
      ['c', 3, 'COMPETENT'],
      ['d', 4, 'BASICALLY_COMPETENT'],
      ['e', 5, 'INCOMPETENT'],
    ]);
    const a = byId(result).get('a');
    expect(a?.reason).toBe('总分 95，达到优秀标准（≥90），在优秀比例限额内（20%，共 1 个名额），排名第 1');
    expect(a?.consequence).toEqual(DEFAULT_GRADE_CONSEQUENCES.EXCELLENT);
    expect(byId(result).get('b')?.reason).toBe('总分 85，达到称职标准（≥70）');
    expect(byId(result).get('d')?.reason).toBe('总分 65，达到基本称职标准（≥60）');
    expect(byId(result).get('e')?.reason).toBe('总分 55.5，低于基本称职标准（60）');
    expect(byId(result).get('e')?.consequence.talk).toBe('诫勉谈话');
    for (const r of result.results) expect(r.reason).toMatch(CHINESE);
  });

  it('cuts candidates beyond the quota to 称职 and says why', () => {
    // 10 evaluees → 2 places; 4 reached 90.
    const result = grade(plain([96, 91, 93, 90, 80, 80, 75, 70, 65, 50]));
    expect(result).toMatchObject({ quota: 2, excellentCount: 2, quotaCutCount: 2 });
    const graded = byId(result);
    expect(graded.get('e00')).toMatchObject({ grade: 'EXCELLENT', rank: 1, quotaCut: false });
    expect(graded.get('e02')).toMatchObject({ grade: 'EXCELLENT', rank: 2, quotaCut: false });
    expect(graded.get('e01')).toMatchObject({
      grade: 'COMPETENT',
      rank: 3,
      quotaCut: true,
      isExcellentCandidate: true,
      reason: '超出优秀比例限额（20%，共 2 个名额），排名第 3',
    });
    expect(graded.get('e03')).toMatchObject({ grade: 'COMPETENT', rank: 4, quotaCut: true });
    expect(graded.get('e03')?.consequence).toEqual(DEFAULT_GRADE_CONSEQUENCES.COMPETENT);
  });

  it('gives nobody 优秀 when the quota rounds down to 0', () => {
    const result = grade(plain([99, 98, 97, 96]));
    expect(result.quota).toBe(0);
    expect(result.results.every((r) => r.grade === 'COMPETENT' && r.quotaCut)).toBe(true);
    expect(result.results[0]?.reason).toBe('超出优秀比例限额（20%，共 0 个名额），排名第 1');
  });

  it('settles ties at the cut line by business score, then fewer deductions, then id', () => {
    const filler = plain([50, 50, 50, 50, 50, 50, 50]).map((c, i) => ({ ...c, evaluateeId: `z${i}` }));
    const tied: GradingCandidate[] = [
      { evaluateeId: 'c', total: 92, businessScore: 88, deduction: 1 },
      { evaluateeId: 'a', total: 92, businessScore: 88, deduction: 1 },
      { evaluateeId: 'b', total: 92, businessScore: 88, deduction: 0 },
      { evaluateeId: 'd', total: 92, businessScore: 90 },
      { evaluateeId: 'e', total: 92, businessScore: null },
    ];
    // 12 evaluees → 2 places, five tied at 92.
    const result = grade([...tied, ...filler.slice(0, 7)]);
    expect(result.quota).toBe(2);
    expect(result.results.slice(0, 5).map((r) => [r.evaluateeId, r.grade])).toEqual([
      ['d', 'EXCELLENT'], // higher business score
      ['b', 'EXCELLENT'], // fewer deductions
      ['a', 'COMPETENT'], // id decides between a and c
      ['c', 'COMPETENT'],
      ['e', 'COMPETENT'], // no business score ranks lowest
    ]);
    expect(result.results.slice(2, 5).every((r) => r.quotaCut)).toBe(true);
  });

  it('forces 不称职 on a veto whatever the score, ranks the vetoed last and keeps the quota base', () => {
    const result = grade([
      { evaluateeId: 'star', total: 98, veto: { reason: '发生重大安全责任事故' } },
      ...plain([91, 92, 70, 70]),
    ]);
    // 5 evaluees (the vetoed one counted) → 1 place.
    expect(result.quota).toBe(1);
    const star = byId(result).get('star');
    expect(star).toMatchObject({
      grade: 'INCOMPETENT',
      rank: 5,
      quotaCut: false,
      reason: '一票否决：发生重大安全责任事故',
      veto: { reason: '发生重大安全责任事故' },
    });
    expect(star?.consequence).toEqual(DEFAULT_GRADE_CONSEQUENCES.INCOMPETENT);
    expect(byId(result).get('e01')).toMatchObject({ grade: 'EXCELLENT', rank: 1 });
    expect(byId(result).get('e00')).toMatchObject({ grade: 'COMPETENT', rank: 2, quotaCut: true });
  });

  it('uses the organisation’s thresholds, quota and consequences', () => {
    const settings = resolveGradingSettings({
      thresholds: { excellent: 85 },
      excellentQuota: 0.5,
      consequences: { EXCELLENT: { bonusCoefficient: 1.5, commendation: '通报表扬' } },
    });
    const result = grade(plain([86, 84, 60, 40]), settings);
    expect(result.results.map((r) => r.grade)).toEqual([
      'EXCELLENT',
      'COMPETENT',
      'BASICALLY_COMPETENT',
      'INCOMPETENT',
    ]);
    expect(result.results[0]?.consequence).toEqual({ bonusCoefficient: 1.5, commendation: '通报表扬' });
    expect(result.results[0]?.reason).toContain('50%，共 2 个名额');
    expect(settings.consequences.COMPETENT).toEqual(DEFAULT_GRADE_CONSEQUENCES.COMPETENT);
  });

  it('handles an empty organisation', () => {
    expect(grade([])).toEqual({ results: [], quota: 0, excellentCount: 0, quotaCutCount: 0 });
  });

  it('refuses bad settings and bad candidates with typed, Chinese issues', () => {
    const outcome = assignGrades(
      [
        { evaluateeId: 'a', total: Number.NaN },
        { evaluateeId: 'a', total: 80 },
        { evaluateeId: 'b', total: 70, veto: { reason: ' ' } },
      ],
      {
        ...DEFAULT_GRADING_SETTINGS,
        thresholds: { excellent: 60, competent: 70, basicallyCompetent: 50 },
        excellentQuota: 2,
      },
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.kind).toBe('INVALID_GRADING_INPUT');
    expect(outcome.error.issues.map((i) => [i.kind, i.path])).toEqual([
      ['THRESHOLDS_INVALID', 'settings.thresholds'],
      ['QUOTA_OUT_OF_RANGE', 'settings.excellentQuota'],
      ['TOTAL_INVALID', 'candidates[0].total'],
      ['DUPLICATE_EVALUEE', 'candidates[1].evaluateeId'],
      ['VETO_REASON_REQUIRED', 'candidates[2].veto.reason'],
    ]);
    for (const issue of outcome.error.issues) expect(issue.message).toMatch(CHINESE);
  });

  it('validates consequences', () => {
    const settings = resolveGradingSettings({ consequences: { INCOMPETENT: { bonusCoefficient: -1 } } });
    expect(validateGradingSettings(settings).map((i) => i.path)).toEqual([
      'consequences.INCOMPETENT.bonusCoefficient',
    ]);
    expect(validateGradingSettings(DEFAULT_GRADING_SETTINGS)).toEqual([]);
    expect(findConsequence('BASICALLY_COMPETENT')).toEqual(DEFAULT_GRADE_CONSEQUENCES.BASICALLY_COMPETENT);
  });
});

describe('rankCandidates', () => {
  it('gives distinct ranks from 1', () => {
    expect(rankCandidates(plain([70, 90, 70])).map((r) => [r.candidate.evaluateeId, r.rank])).toEqual([
      ['e01', 1],
      ['e00', 2],
      ['e02', 3],
    ]);
  });
});

const arbitraryCandidates = fc.uniqueArray(
  fc.record({
    evaluateeId: fc.string({ minLength: 1, maxLength: 4 }),
    total: fc.oneof(
      fc.integer({ min: 0, max: 105 }),
      fc.constantFrom(90, 89.99, 70, 60),
      fc.double({ min: 0, max: 105, noNaN: true }),
    ),
    businessScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    deduction: fc.integer({ min: 0, max: 20 }),
    veto: fc.option(fc.constant({ reason: '一票否决事项' }), { nil: null, freq: 5 }),
  }),
  { selector: (c) => c.evaluateeId, maxLength: 40 },
);

const arbitraryQuota = fc.oneof(
  fc.constantFrom(0, 0.1, 0.15, 0.2, 0.3, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

describe('grading properties', () => {
  it('never grades more than the quota as 优秀', () => {
    fc.assert(
      fc.property(arbitraryCandidates, arbitraryQuota, (candidates, quota) => {
        const result = grade(candidates, resolveGradingSettings({ excellentQuota: quota }));
        const excellent = result.results.filter((r) => r.grade === 'EXCELLENT').length;
        expect(excellent).toBe(result.excellentCount);
        expect(excellent).toBeLessThanOrEqual(Math.floor(quota * candidates.length + 1e-9));
        expect(excellent).toBeLessThanOrEqual(result.quota);
        // The quota is filled whenever there are enough candidates.
        const eligible = candidates.filter((c) => c.veto === null && c.total >= 90).length;
        expect(excellent).toBe(Math.min(eligible, result.quota));
        expect(result.quotaCutCount).toBe(eligible - excellent);
      }),
    );
  });

  it('a veto always gives 不称职', () => {
    fc.assert(
      fc.property(arbitraryCandidates, (candidates) => {
        for (const r of grade(candidates).results) {
          if (r.veto !== null) expect(r.grade).toBe('INCOMPETENT');
          if (r.veto !== null) expect(r.reason.startsWith('一票否决')).toBe(true);
        }
      }),
    );
  });

  it('nobody with a higher rank is graded below someone it outranks, vetoes aside', () => {
    const order = ['EXCELLENT', 'COMPETENT', 'BASICALLY_COMPETENT', 'INCOMPETENT'];
    fc.assert(
      fc.property(arbitraryCandidates, (candidates) => {
        const results = grade(candidates).results.filter((r) => r.veto === null);
        for (let i = 1; i < results.length; i++) {
          const better = results[i - 1] as GradedResult;
          const worse = results[i] as GradedResult;
          expect(better.total).toBeGreaterThanOrEqual(worse.total);
          expect(order.indexOf(better.grade)).toBeLessThanOrEqual(order.indexOf(worse.grade));
        }
      }),
    );
  });

  it('shuffling the input gives the same ranks and grades', () => {
    fc.assert(
      fc.property(
        arbitraryCandidates.chain((candidates) =>
          fc.tuple(
            fc.constant(candidates),
            fc.shuffledSubarray(candidates, { minLength: candidates.length, maxLength: candidates.length }),
          ),
        ),
        ([candidates, shuffled]) => {
          expect(grade(shuffled)).toEqual(grade(candidates));
        },
      ),
    );
  });

  it('ranks run from 1 to n without gaps', () => {
    fc.assert(
      fc.property(arbitraryCandidates, (candidates) => {
        expect(grade(candidates).results.map((r) => r.rank)).toEqual(candidates.map((_, i) => i + 1));
      }),
    );
  });
});
