import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categoryProgress,
  elapsedShare,
  isAtRisk,
  leafProgress,
  normaliseProgress,
  recomputeAncestors,
  rollUp,
  summariseChildWeights,
  weightedMean,
} from './progress';
import type { ProgressNode, StoredProgressNode } from './progress';
import { MEASURE_KINDS } from './vocabulary';

describe('normaliseProgress', () => {
  it('PERCENTAGE: the achieved rate as a share of the goal rate', () => {
    expect(normaliseProgress({ measureKind: 'PERCENTAGE', goal: 95, value: 90 })).toBe(94.74);
    expect(normaliseProgress({ measureKind: 'PERCENTAGE', goal: 100, value: 42.5 })).toBe(42.5);
    expect(normaliseProgress({ measureKind: 'PERCENTAGE', goal: 80, value: 96 })).toBe(100);
  });

  it('PERCENTAGE without a positive goal: the value itself', () => {
    expect(normaliseProgress({ measureKind: 'PERCENTAGE', goal: null, value: 73 })).toBe(73);
    expect(normaliseProgress({ measureKind: 'PERCENTAGE', goal: 0, value: 73 })).toBe(73);
    expect(normaliseProgress({ measureKind: 'PERCENTAGE', value: 120 })).toBe(100);
  });

  it('NUMBER: the distance covered from baseline to goal', () => {
    expect(normaliseProgress({ measureKind: 'NUMBER', baseline: 0, goal: 48, value: 12 })).toBe(25);
    expect(normaliseProgress({ measureKind: 'NUMBER', baseline: 10, goal: 20, value: 15 })).toBe(50);
    expect(normaliseProgress({ measureKind: 'NUMBER', goal: 3, value: 1 })).toBe(33.33);
    expect(normaliseProgress({ measureKind: 'NUMBER', baseline: 10, goal: 20, value: 5 })).toBe(0);
    expect(normaliseProgress({ measureKind: 'NUMBER', baseline: 10, goal: 20, value: 25 })).toBe(100);
  });

  it('NUMBER: a "reduce to" goal below the baseline', () => {
    // 投诉件数 from 40 down to 10.
    expect(normaliseProgress({ measureKind: 'NUMBER', baseline: 40, goal: 10, value: 40 })).toBe(0);
    expect(normaliseProgress({ measureKind: 'NUMBER', baseline: 40, goal: 10, value: 25 })).toBe(50);
    expect(normaliseProgress({ measureKind: 'NUMBER', baseline: 40, goal: 10, value: 4 })).toBe(100);
    expect(normaliseProgress({ measureKind: 'NUMBER', baseline: 40, goal: 10, value: 55 })).toBe(0);
  });

  it('NUMBER: goal equal to baseline means "hold at the goal" (零事故)', () => {
    expect(normaliseProgress({ measureKind: 'NUMBER', baseline: 0, goal: 0, value: 0 })).toBe(100);
    expect(normaliseProgress({ measureKind: 'NUMBER', baseline: 0, goal: 0, value: 1 })).toBe(0);
    expect(normaliseProgress({ measureKind: 'NUMBER', baseline: 5, goal: 5, value: 4 })).toBe(0);
  });

  it('NUMBER without a goal cannot progress', () => {
    expect(normaliseProgress({ measureKind: 'NUMBER', baseline: 0, goal: null, value: 7 })).toBe(0);
  });

  it('MILESTONE: done or not', () => {
    expect(normaliseProgress({ measureKind: 'MILESTONE', value: 0 })).toBe(0);
    expect(normaliseProgress({ measureKind: 'MILESTONE', value: 1 })).toBe(100);
    expect(normaliseProgress({ measureKind: 'MILESTONE', value: 0.9 })).toBe(0);
  });

  it('QUALITATIVE: the 0–100 judgement, clamped', () => {
    expect(normaliseProgress({ measureKind: 'QUALITATIVE', value: 85 })).toBe(85);
    expect(normaliseProgress({ measureKind: 'QUALITATIVE', value: 101 })).toBe(100);
    expect(normaliseProgress({ measureKind: 'QUALITATIVE', value: -3 })).toBe(0);
  });

  it('no value, or a value that is not a finite number, is 0', () => {
    for (const measureKind of MEASURE_KINDS) {
      for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expect(normaliseProgress({ measureKind, baseline: 0, goal: 10, value })).toBe(0);
      }
    }
  });

  it('is always within [0, 100] with at most 2 decimals, never NaN', () => {
    const anyNumber = fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 }), fc.constant(null));
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURE_KINDS),
        anyNumber,
        anyNumber,
        anyNumber,
        (measureKind, baseline, goal, value) => {
          const progress = normaliseProgress({ measureKind, baseline, goal, value });
          expect(Number.isNaN(progress)).toBe(false);
          expect(progress).toBeGreaterThanOrEqual(0);
          expect(progress).toBeLessThanOrEqual(100);
          expect(Math.abs(progress * 100 - Math.round(progress * 100))).toBeLessThan(1e-6);
        },
      ),
    );
  });
});

describe('weightedMean', () => {
  it('weights values, ignores negative weights and falls back to a plain mean when weights sum to 0', () => {
    expect(weightedMean([])).toBeNull();
    expect(
      weightedMean([
        { weight: 70, value: 100 },
        { weight: 30, value: 0 },
      ]),
    ).toBe(70);
    expect(
      weightedMean([
        { weight: 0, value: 100 },
        { weight: 0, value: 50 },
      ]),
    ).toBe(75);
    expect(
      weightedMean([
        { weight: -5, value: 100 },
        { weight: 10, value: 50 },
      ]),
    ).toBe(50);
    expect(
      weightedMean([
        { weight: Number.NaN, value: 100 },
        { weight: 10, value: 50 },
      ]),
    ).toBe(50);
  });
});

function node(
  id: string,
  parentId: string | null,
  weight: number,
  ownProgress: number | null = null,
): ProgressNode {
  return { id, parentId, weight, ownProgress };
}

describe('rollUp', () => {
  it('a leaf is its own progress, or 0 without any update', () => {
    const result = rollUp([node('a', null, 100, 42.123), node('b', null, 100)]);
    expect(result.get('a')).toBe(42.12);
    expect(result.get('b')).toBe(0);
  });

  it('a parent is the weighted mean of its children, recursively', () => {
    const nodes = [
      node('root', null, 100),
      node('x', 'root', 60),
      node('y', 'root', 40, 50),
      node('x1', 'x', 50, 100),
      node('x2', 'x', 50, 0),
    ];
    const result = rollUp(nodes);
    expect(result.get('x')).toBe(50);
    expect(result.get('root')).toBe(50);
    const skewed = rollUp(
      nodes.map((n) => (n.id === 'x1' ? { ...n, weight: 75 } : n.id === 'x2' ? { ...n, weight: 25 } : n)),
    );
    expect(skewed.get('x')).toBe(75);
    expect(skewed.get('root')).toBe(65);
  });

  it('ignores a parent’s own progress: it comes from the children', () => {
    expect(rollUp([node('p', null, 100, 99), node('c', 'p', 100, 10)]).get('p')).toBe(10);
  });

  it('uses a plain mean when the children’s weights sum to 0, and the actual sum otherwise', () => {
    expect(rollUp([node('p', null, 100), node('a', 'p', 0, 30), node('b', 'p', 0, 60)]).get('p')).toBe(45);
    // Weights adding up to 50 (a gap) still give a mean within [0, 100].
    expect(rollUp([node('p', null, 100), node('a', 'p', 25, 100), node('b', 'p', 25, 0)]).get('p')).toBe(50);
  });

  it('rounds every node to 2 decimals and builds parents on the rounded figures', () => {
    const result = rollUp([node('p', null, 100), node('a', 'p', 1, 33.333), node('b', 'p', 2, 66.666)]);
    expect(result.get('a')).toBe(33.33);
    expect(result.get('b')).toBe(66.67);
    expect(result.get('p')).toBe(roundTo2Manually((33.33 + 2 * 66.67) / 3));
  });

  it('treats an unknown parent as a root and survives loops in bad data', () => {
    const result = rollUp([
      node('a', 'missing', 100, 20),
      node('x', 'y', 50, 10),
      node('y', 'x', 50, 30),
      node('z', 'x', 100, 80),
    ]);
    expect(result.get('a')).toBe(20);
    expect(result.size).toBe(4);
    expect(result.get('x')).toBe(80); // x is cut loose from the loop and keeps its child z
  });
});

function roundTo2Manually(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Forests where node i's parent is an earlier node (or none), so they are acyclic. */
const arbitraryForest = fc
  .array(
    fc.record({
      parent: fc.option(fc.nat(), { nil: null }),
      weight: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
      own: fc.option(fc.double({ min: -10, max: 110, noNaN: true }), { nil: null }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) =>
    rows.map((row, i): ProgressNode => ({
      id: `n${String(i).padStart(2, '0')}`,
      parentId: row.parent === null || i === 0 ? null : `n${String(row.parent % i).padStart(2, '0')}`,
      weight: row.weight,
      ownProgress: row.own,
    })),
  );

describe('rollUp properties', () => {
  it('every figure is within [0, 100]', () => {
    fc.assert(
      fc.property(arbitraryForest, (nodes) => {
        for (const progress of rollUp(nodes).values()) {
          expect(progress).toBeGreaterThanOrEqual(0);
          expect(progress).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('a parent equals the weighted mean of its children (to the rounding)', () => {
    fc.assert(
      fc.property(arbitraryForest, (nodes) => {
        const result = rollUp(nodes);
        for (const parent of nodes) {
          const children = nodes.filter((n) => n.parentId === parent.id);
          const value = result.get(parent.id) ?? Number.NaN;
          if (children.length === 0) {
            expect(value).toBe(leafProgress(parent.ownProgress));
            continue;
          }
          const weights = children.map((c) => c.weight);
          const progresses = children.map((c) => result.get(c.id) ?? Number.NaN);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          const expected =
            weightSum > 0
              ? weights.reduce((sum, w, k) => sum + w * (progresses[k] ?? 0), 0) / weightSum
              : progresses.reduce((a, b) => a + b, 0) / progresses.length;
          expect(Math.abs(value - expected)).toBeLessThanOrEqual(0.005 + 1e-9);
        }
      }),
    );
  });

  it('the incremental path update equals a full roll-up', () => {
    fc.assert(
      fc.property(
        arbitraryForest,
        fc.nat(),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        (nodes, pick, newOwn, newWeight) => {
          const before = rollUp(nodes);
          const changedIndex = pick % nodes.length;
          const changed = nodes[changedIndex] as ProgressNode;
          const after = nodes.map((n, i) =>
            i === changedIndex ? { ...n, ownProgress: newOwn, weight: newWeight ?? n.weight } : n,
          );
          const stored = new Map<string, StoredProgressNode>(
            after.map((n) => [n.id, { ...n, progress: before.get(n.id) ?? 0 }]),
          );
          const incremental = recomputeAncestors(changed.id, stored);
          const full = rollUp(after);

          const ancestors: string[] = [];
          for (
            let id = changed.parentId;
            id !== null;
            id = after.find((n) => n.id === id)?.parentId ?? null
          ) {
            ancestors.push(id);
          }
          expect([...incremental.keys()]).toEqual(ancestors);
          for (const n of after) {
            const expected = full.get(n.id);
            if (incremental.has(n.id)) expect(incremental.get(n.id)).toBe(expected);
            else if (n.id !== changed.id) expect(before.get(n.id)).toBe(expected);
            else if (!after.some((c) => c.parentId === n.id)) expect(leafProgress(newOwn)).toBe(expected);
          }
        },
      ),
    );
  });
});

describe('recomputeAncestors', () => {
  it('returns the new progress of each ancestor, nearest first, and nothing else', () => {
    const nodes: StoredProgressNode[] = [
      { ...node('root', null, 100), progress: 25 },
      { ...node('a', 'root', 50), progress: 50 },
      { ...node('b', 'root', 50, 0), progress: 0 },
      { ...node('a1', 'a', 50, 100), progress: 100 },
      { ...node('a2', 'a', 50, 100), progress: 0 }, // just recorded 100
    ];
    const result = recomputeAncestors('a2', new Map(nodes.map((n) => [n.id, n])));
    expect([...result.entries()]).toEqual([
      ['a', 100],
      ['root', 50],
    ]);
  });

  it('returns nothing for a root or an unknown node', () => {
    const stored = new Map([['r', { ...node('r', null, 100, 40), progress: 0 }]]);
    expect(recomputeAncestors('r', stored).size).toBe(0);
    expect(recomputeAncestors('ghost', stored).size).toBe(0);
  });
});

describe('elapsedShare and isAtRisk', () => {
  const start = new Date('2026-01-01T00:00:00Z');
  const due = new Date('2026-12-31T00:00:00Z');

  it('measures the share of time passed, clamped to [0, 1]', () => {
    expect(elapsedShare(start, due, new Date('2025-06-01T00:00:00Z'))).toBe(0);
    expect(elapsedShare(start, due, start)).toBe(0);
    expect(elapsedShare(start, due, new Date('2026-07-02T00:00:00Z'))).toBeCloseTo(0.5, 2);
    expect(elapsedShare(start, due, due)).toBe(1);
    expect(elapsedShare(start, due, new Date('2027-03-01T00:00:00Z'))).toBe(1);
  });

  it('treats a due date on or before the start as all or nothing, and invalid dates as 0', () => {
    expect(elapsedShare(due, start, new Date('2026-06-01T00:00:00Z'))).toBe(1);
    expect(elapsedShare(due, start, new Date('2025-06-01T00:00:00Z'))).toBe(0);
    expect(elapsedShare(start, start, start)).toBe(1);
    expect(elapsedShare(new Date('nonsense'), due, start)).toBe(0);
  });

  it('flags progress that trails elapsed time by more than the tolerance', () => {
    expect(isAtRisk(30, 0.5)).toBe(true); // 30 + 10 < 50
    expect(isAtRisk(40, 0.5)).toBe(false); // 40 + 10 = 50: on the line is not behind
    expect(isAtRisk(40, 0.5, 5)).toBe(true);
    expect(isAtRisk(0, 0)).toBe(false);
    expect(isAtRisk(100, 1, 0)).toBe(false);
    expect(isAtRisk(99, 1, 0)).toBe(true);
    expect(isAtRisk(Number.NaN, 1)).toBe(true);
  });

  it('never flags a finished target and always flags no progress at the due date', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 50 }),
        (share, tolerance) => {
          expect(isAtRisk(100, share, tolerance)).toBe(false);
          expect(isAtRisk(0, 1, tolerance)).toBe(tolerance < 100);
        },
      ),
    );
  });
});

describe('summariseChildWeights', () => {
  it('sums at 2 decimals and calls exactly 100 complete', () => {
    expect(summariseChildWeights([33.33, 33.33, 33.34])).toEqual({
      sum: 100,
      isComplete: true,
      isOverLimit: false,
    });
    expect(summariseChildWeights([50, 40])).toEqual({ sum: 90, isComplete: false, isOverLimit: false });
  });

  it('flags more than 100, not 100.004', () => {
    expect(summariseChildWeights([60, 50]).isOverLimit).toBe(true);
    expect(summariseChildWeights([100.001]).isOverLimit).toBe(false);
    expect(summariseChildWeights([0.1, 0.2, 99.7])).toEqual({
      sum: 100,
      isComplete: true,
      isOverLimit: false,
    });
  });

  it('is incomplete without children, and ignores non-finite weights', () => {
    expect(summariseChildWeights([])).toEqual({ sum: 0, isComplete: false, isOverLimit: false });
    expect(summariseChildWeights([Number.NaN, 100])).toEqual({
      sum: 100,
      isComplete: true,
      isOverLimit: false,
    });
  });
});

describe('categoryProgress', () => {
  it('weights each category by target weight and averages the categories that have targets', () => {
    expect(
      categoryProgress([
        { category: 'IDEOLOGICAL', weight: 100, progress: 80 },
        { category: 'IDEOLOGICAL', weight: 33.34, progress: 0 },
        { category: 'BUSINESS', weight: 50, progress: 45 },
      ]),
    ).toEqual({ IDEOLOGICAL: 60, BUSINESS: 45, MANAGEMENT: null, overall: 52.5 });
  });

  it('is all null without targets, and a plain mean when every weight is 0', () => {
    expect(categoryProgress([])).toEqual({
      IDEOLOGICAL: null,
      BUSINESS: null,
      MANAGEMENT: null,
      overall: null,
    });
    expect(
      categoryProgress([
        { category: 'MANAGEMENT', weight: 0, progress: 30 },
        { category: 'MANAGEMENT', weight: 0, progress: 61 },
      ]),
    ).toEqual({ IDEOLOGICAL: null, BUSINESS: null, MANAGEMENT: 45.5, overall: 45.5 });
  });
});
