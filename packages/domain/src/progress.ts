// Progress (DOMAIN rule 5): a leaf's progress comes from its latest update, normalised to 0–100 by
// its measure; a parent's is the weighted mean of its children's, recursively. The API stores the
// roll-ups, so every node's figure is rounded to 2 decimals as stored, and parents are computed
// from their children's rounded figures: a full roll-up and the incremental path update agree to
// the last digit, and the figures shown add up as a person would check them.
import { clamp, isFiniteNumber, isSameAt2Decimals, mean, roundTo2 } from './numbers';
import { compareIds } from './ordering';
import { TARGET_CATEGORIES } from './vocabulary';
import type { MeasureKind, TargetCategory } from './vocabulary';

export interface MeasureReading {
  measureKind: MeasureKind;
  baseline?: number | null;
  goal?: number | null;
  /** The latest recorded value; null or undefined when nothing was recorded yet. */
  value: number | null | undefined;
}

/**
 * Turns a recorded value into progress in [0, 100] (2 decimals), never NaN:
 * - PERCENTAGE: the value is a rate (e.g. 出勤率 90 %) and progress is its share of the goal rate
 *   (goal 95 % → 94.74). Without a positive goal the value itself is the progress. A rate to be
 *   reduced (差错率) is modelled as a NUMBER with a baseline.
 * - NUMBER: the distance covered from baseline (default 0) to goal; works for "reduce to" targets
 *   (goal < baseline). When goal = baseline (零事故: hold at 0) progress is 100 only on the goal.
 * - MILESTONE: 1 (done) → 100, anything else → 0.
 * - QUALITATIVE: the 0–100 judgement itself.
 * A missing or non-finite value gives 0; a missing or non-finite baseline counts as 0.
 */
export function normaliseProgress({ measureKind, baseline, goal, value }: MeasureReading): number {
  if (!isFiniteNumber(value)) return 0;
  return roundTo2(clamp(rawProgress(measureKind, value, baseline, goal), 0, 100));
}

function rawProgress(
  measureKind: MeasureKind,
  value: number,
  baseline: number | null | undefined,
  goal: number | null | undefined,
): number {
  switch (measureKind) {
    case 'PERCENTAGE':
      return isFiniteNumber(goal) && goal > 0 ? (value / goal) * 100 : value;
    case 'NUMBER': {
      const from = isFiniteNumber(baseline) ? baseline : 0;
      if (!isFiniteNumber(goal)) return 0;
      if (goal === from) return Math.abs(value - goal) < 1e-9 ? 100 : 0;
      return ((value - from) / (goal - from)) * 100;
    }
    case 'MILESTONE':
      return value >= 1 ? 100 : 0;
    case 'QUALITATIVE':
      return value;
  }
}

/** A leaf's stored progress: its own normalised progress clamped and rounded, 0 when there is none. */
export function leafProgress(ownProgress: number | null | undefined): number {
  return isFiniteNumber(ownProgress) ? roundTo2(clamp(ownProgress, 0, 100)) : 0;
}

export interface WeightedValue {
  weight: number;
  value: number;
}

/**
 * Σ weight·value / Σ weight. Negative or non-finite weights count as 0. When the weights sum to 0
 * (children not weighted yet) every child counts equally, so progress still shows; children whose
 * weights do not add up to 100 are a gap of their own, and dividing by the actual sum keeps the
 * result a true mean in [0, 100] meanwhile. Null for no values.
 */
export function weightedMean(items: readonly WeightedValue[]): number | null {
  if (items.length === 0) return null;
  let weightSum = 0;
  let weightedSum = 0;
  let plainSum = 0;
  for (const { weight, value } of items) {
    const w = isFiniteNumber(weight) && weight > 0 ? weight : 0;
    weightSum += w;
    weightedSum += w * value;
    plainSum += value;
  }
  return weightSum > 0 ? weightedSum / weightSum : plainSum / items.length;
}

export interface ProgressNode {
  id: string;
  parentId: string | null;
  /** The weight within its parent (siblings should add up to 100). */
  weight: number;
  /** A leaf's own normalised progress (from normaliseProgress); ignored for nodes with children. */
  ownProgress: number | null;
}

export interface StoredProgressNode extends ProgressNode {
  /** The roll-up currently stored for this node. */
  progress: number;
}

interface Forest<N extends ProgressNode> {
  childrenOf: Map<string, N[]>;
  parentOf: Map<string, string | null>;
}

/**
 * Links nodes into a forest. A parent id that is unknown makes the node a root, and so does being
 * on a cycle (bad data must not hang or crash a dashboard). Children are sorted by id so sums are
 * always added in the same order.
 */
function buildForest<N extends ProgressNode>(nodes: Iterable<N>): Forest<N> {
  const byId = new Map<string, N>();
  for (const node of nodes) byId.set(node.id, node);
  const state = new Map<string, 'walking' | 'done'>();
  const onCycle = new Set<string>();
  for (const start of byId.values()) {
    const path: string[] = [];
    let current: N | undefined = start;
    while (current !== undefined && !state.has(current.id)) {
      state.set(current.id, 'walking');
      path.push(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    if (current !== undefined && state.get(current.id) === 'walking') {
      for (const id of path.slice(path.indexOf(current.id))) onCycle.add(id);
    }
    for (const id of path) state.set(id, 'done');
  }
  const childrenOf = new Map<string, N[]>();
  const parentOf = new Map<string, string | null>();
  for (const node of byId.values()) {
    const parentId =
      node.parentId !== null && byId.has(node.parentId) && !onCycle.has(node.id) ? node.parentId : null;
    parentOf.set(node.id, parentId);
    if (parentId === null) continue;
    const siblings = childrenOf.get(parentId) ?? [];
    siblings.push(node);
    childrenOf.set(parentId, siblings);
  }
  for (const siblings of childrenOf.values()) siblings.sort((a, b) => compareIds(a.id, b.id));
  return { childrenOf, parentOf };
}

function computeProgress(
  node: ProgressNode,
  children: readonly ProgressNode[] | undefined,
  progressOf: (id: string) => number,
): number {
  if (children === undefined || children.length === 0) return leafProgress(node.ownProgress);
  const mean = weightedMean(children.map((child) => ({ weight: child.weight, value: progressOf(child.id) })));
  return leafProgress(mean);
}

/** Computes every node's progress from scratch (2 decimals each). */
export function rollUp(nodes: readonly ProgressNode[]): Map<string, number> {
  const { childrenOf, parentOf } = buildForest(nodes);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const depthOf = new Map<string, number>();
  const depth = (id: string): number => {
    const path: string[] = [];
    let current: string | null = id;
    while (current !== null && !depthOf.has(current)) {
      path.push(current);
      current = parentOf.get(current) ?? null;
    }
    let d = current === null ? -1 : (depthOf.get(current) ?? -1);
    for (const step of path.reverse()) depthOf.set(step, ++d);
    return depthOf.get(id) ?? 0;
  };
  // Deepest first, so every child is computed before its parent.
  const ordered = [...byId.values()].sort((a, b) => depth(b.id) - depth(a.id));
  const result = new Map<string, number>();
  for (const node of ordered) {
    result.set(
      node.id,
      computeProgress(node, childrenOf.get(node.id), (id) => result.get(id) ?? 0),
    );
  }
  return result;
}

/**
 * The incremental write path: after one node changed (a new update on a leaf, a new weight, a child
 * added or removed), returns the new progress of its ancestors only, nearest first. `nodesById`
 * holds the changed node in its new state and everyone else's stored progress. The changed node's
 * own figure is `leafProgress(ownProgress)` for a leaf. After moving a node to another parent, call
 * this for the node and for its old parent.
 */
export function recomputeAncestors(
  changedId: string,
  nodesById: ReadonlyMap<string, StoredProgressNode>,
): Map<string, number> {
  const result = new Map<string, number>();
  const changed = nodesById.get(changedId);
  if (changed === undefined) return result;
  const { childrenOf, parentOf } = buildForest(nodesById.values());
  const updated = new Map<string, number>();
  const progressOf = (id: string): number => updated.get(id) ?? nodesById.get(id)?.progress ?? 0;
  updated.set(changedId, computeProgress(changed, childrenOf.get(changedId), progressOf));
  let parentId = parentOf.get(changedId) ?? null;
  while (parentId !== null) {
    const parent = nodesById.get(parentId);
    if (parent === undefined) break;
    const progress = computeProgress(parent, childrenOf.get(parentId), progressOf);
    updated.set(parentId, progress);
    result.set(parentId, progress);
    parentId = parentOf.get(parentId) ?? null;
  }
  return result;
}

/**
 * The share of the time from start to due that has passed at `now`, in [0, 1]. A due date on or
 * before the start counts as all-or-nothing at the due date; invalid dates give 0.
 */
export function elapsedShare(start: Date, due: Date, now: Date): number {
  const from = start.getTime();
  const to = due.getTime();
  const at = now.getTime();
  if (!Number.isFinite(from) || !Number.isFinite(to) || !Number.isFinite(at)) return 0;
  if (to <= from) return at >= to ? 1 : 0;
  return clamp((at - from) / (to - from), 0, 1);
}

/** Default tolerance of isAtRisk, in percentage points. */
export const DEFAULT_AT_RISK_TOLERANCE = 10;

/**
 * "Progress behind elapsed time" (进度滞后): progress (0–100) trails the elapsed share of time
 * (0–1, as a percentage) by more than `tolerance` percentage points. A finished target is never at risk.
 */
export function isAtRisk(progress: number, share: number, tolerance = DEFAULT_AT_RISK_TOLERANCE): boolean {
  const done = isFiniteNumber(progress) ? progress : 0;
  if (done >= 100) return false;
  const expected = clamp(isFiniteNumber(share) ? share : 0, 0, 1) * 100;
  return done + Math.max(0, isFiniteNumber(tolerance) ? tolerance : 0) < expected;
}

export interface ChildWeights {
  /** Σ of the children's weights, 2 decimals. */
  sum: number;
  /** Exactly 100 at 2 decimals (33.33 + 33.33 + 33.34 counts); false without children. */
  isComplete: boolean;
  /** Above 100: refused when saving (below 100 is allowed and reported as a gap). */
  isOverLimit: boolean;
}

/** The weights of a target's children (逐级分解): their sum, whether they are complete, whether too much. */
export function summariseChildWeights(weights: readonly number[]): ChildWeights {
  const sum = roundTo2(weights.reduce((total, w) => total + (isFiniteNumber(w) ? w : 0), 0));
  const isHundred = isSameAt2Decimals(sum, 100);
  return { sum, isComplete: weights.length > 0 && isHundred, isOverLimit: sum > 100 && !isHundred };
}

export interface OwnedTargetProgress {
  category: TargetCategory;
  /** The target's weight within its parent. */
  weight: number;
  progress: number;
}

export type CategoryProgressFigures = Record<TargetCategory, number | null> & { overall: number | null };

/**
 * A post's (or person's) progress per category: the weighted mean, by target weight, of its own
 * targets in the category (2 decimals), null for a category without targets; overall is the plain
 * mean of the categories that have a figure.
 */
export function categoryProgress(targets: readonly OwnedTargetProgress[]): CategoryProgressFigures {
  const figures = {} as Record<TargetCategory, number | null>;
  for (const category of TARGET_CATEGORIES) {
    const value = weightedMean(
      targets.filter((t) => t.category === category).map((t) => ({ weight: t.weight, value: t.progress })),
    );
    figures[category] = value === null ? null : roundTo2(value);
  }
  const overall = mean(TARGET_CATEGORIES.flatMap((c) => (figures[c] === null ? [] : [figures[c]])));
  return { ...figures, overall: overall === null ? null : roundTo2(overall) };
}
