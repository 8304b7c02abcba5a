// The closed-chain check (DOMAIN rule 4): every place where the chain of responsibility is open for
// a year — no target without an owner, no owner without a superior, no post without targets.
// Gaps carry a stable key so a tier-1 waiver keeps pointing at the same gap across recomputations.
import { findSuperiorId, indexPosts, traceChain } from './chain';
import type { Post } from './chain';
import { formatNumber, isSameAt2Decimals } from './numbers';
import { compareIds } from './ordering';
import { LINE_LABELS, TARGET_CATEGORIES, TARGET_CATEGORY_LABELS, TIER_LABELS } from './vocabulary';
import type { Line, TargetCategory } from './vocabulary';

export type GapKind =
  | 'TARGET_WITHOUT_OWNER'
  | 'PARENT_NOT_OWNED_BY_SUPERIOR'
  | 'POST_MISSING_CATEGORY'
  | 'WEIGHTS_NOT_100'
  | 'POST_WITHOUT_HOLDER'
  | 'POST_WITHOUT_SUPERIOR';

/** In the order gaps are listed. */
export const GAP_KINDS = [
  'TARGET_WITHOUT_OWNER',
  'PARENT_NOT_OWNED_BY_SUPERIOR',
  'WEIGHTS_NOT_100',
  'POST_MISSING_CATEGORY',
  'POST_WITHOUT_HOLDER',
  'POST_WITHOUT_SUPERIOR',
] as const satisfies readonly GapKind[];

export const GAP_KIND_LABELS: Readonly<Record<GapKind, string>> = {
  TARGET_WITHOUT_OWNER: '目标无责任岗位',
  PARENT_NOT_OWNED_BY_SUPERIOR: '目标未按上级分解',
  WEIGHTS_NOT_100: '子目标权重之和不为100',
  POST_MISSING_CATEGORY: '岗位缺少某类目标',
  POST_WITHOUT_HOLDER: '岗位无人在岗',
  POST_WITHOUT_SUPERIOR: '岗位责任链未闭合',
};

export interface ChainTarget {
  id: string;
  parentId: string | null;
  ownerPostId: string | null;
  category: TargetCategory;
  line: Line;
  weight: number;
  year: number;
  archived?: boolean;
  /** Only used to make messages readable. */
  title?: string;
}

export interface Holding {
  postId: string;
  personId: string;
}

export interface Gap {
  kind: GapKind;
  /** Stable across recomputations, e.g. `POST_MISSING_CATEGORY:<postId>:BUSINESS`. */
  key: string;
  /** What is wrong, in Chinese. */
  detail: string;
  postId?: string;
  targetId?: string;
  category?: TargetCategory;
  line?: Line;
}

export interface FindGapsInput {
  year: number;
  posts: readonly Post[];
  holdings: readonly Holding[];
  /** Targets of any year; only `year`'s are checked, and a parent in another year counts as missing. */
  targets: readonly ChainTarget[];
}

/** Every gap of the year, ordered by GAP_KINDS then key. Archived posts and targets are ignored. */
export function findGaps({ year, posts, holdings, targets }: FindGapsInput): Gap[] {
  const livePosts = posts.filter((post) => post.archived !== true);
  const postsById = indexPosts(livePosts);
  const liveTargets = targets.filter((target) => target.archived !== true && target.year === year);
  const targetsById = new Map(liveTargets.map((target) => [target.id, target]));
  const gaps: Gap[] = [];

  for (const target of liveTargets) {
    const owner = target.ownerPostId === null ? undefined : postsById.get(target.ownerPostId);
    if (owner === undefined) {
      gaps.push({
        kind: 'TARGET_WITHOUT_OWNER',
        key: `TARGET_WITHOUT_OWNER:${target.id}`,
        detail:
          target.ownerPostId === null
            ? `目标${quote(target.title)}没有责任岗位`
            : `目标${quote(target.title)}的责任岗位不存在或已撤销`,
        targetId: target.id,
        category: target.category,
        line: target.line,
      });
      continue;
    }
    const parentProblem = describeParentProblem(target, owner, targetsById, postsById);
    if (parentProblem !== null) {
      gaps.push({
        kind: 'PARENT_NOT_OWNED_BY_SUPERIOR',
        key: `PARENT_NOT_OWNED_BY_SUPERIOR:${target.id}`,
        detail: parentProblem,
        postId: owner.id,
        targetId: target.id,
        category: target.category,
        line: target.line,
      });
    }
  }

  const childWeights = new Map<string, number>();
  for (const target of liveTargets) {
    if (target.parentId === null || !targetsById.has(target.parentId)) continue;
    childWeights.set(target.parentId, (childWeights.get(target.parentId) ?? 0) + target.weight);
  }
  for (const target of liveTargets) {
    const sum = childWeights.get(target.id);
    if (sum === undefined || isSameAt2Decimals(sum, 100)) continue;
    gaps.push({
      kind: 'WEIGHTS_NOT_100',
      key: `WEIGHTS_NOT_100:${target.id}`,
      detail: `目标${quote(target.title)}的子目标权重之和为 ${formatNumber(sum)}，应为 100`,
      targetId: target.id,
      category: target.category,
      line: target.line,
      ...(target.ownerPostId === null ? {} : { postId: target.ownerPostId }),
    });
  }

  const categoriesByPost = new Map<string, Set<TargetCategory>>();
  for (const target of liveTargets) {
    if (target.ownerPostId === null) continue;
    const set = categoriesByPost.get(target.ownerPostId) ?? new Set<TargetCategory>();
    set.add(target.category);
    categoriesByPost.set(target.ownerPostId, set);
  }
  const heldPostIds = new Set(holdings.map((holding) => holding.postId));

  for (const post of livePosts) {
    if (post.tier !== 1) {
      const carried = categoriesByPost.get(post.id);
      for (const category of TARGET_CATEGORIES) {
        if (carried?.has(category) === true) continue;
        gaps.push({
          kind: 'POST_MISSING_CATEGORY',
          key: `POST_MISSING_CATEGORY:${post.id}:${category}`,
          detail: `${TIER_LABELS[post.tier]}岗位${quote(post.name)}本年度没有「${TARGET_CATEGORY_LABELS[category]}」类目标`,
          postId: post.id,
          category,
        });
      }
      for (const line of post.lines) {
        const problem = describeChainProblem(post, line, postsById);
        if (problem === null) continue;
        gaps.push({
          kind: 'POST_WITHOUT_SUPERIOR',
          key: `POST_WITHOUT_SUPERIOR:${post.id}:${line}`,
          detail: problem,
          postId: post.id,
          line,
        });
      }
    }
    if (!heldPostIds.has(post.id)) {
      gaps.push({
        kind: 'POST_WITHOUT_HOLDER',
        key: `POST_WITHOUT_HOLDER:${post.id}`,
        detail: `岗位${quote(post.name)}没有在岗人员`,
        postId: post.id,
      });
    }
  }

  return gaps.sort(
    (a, b) => GAP_KINDS.indexOf(a.kind) - GAP_KINDS.indexOf(b.kind) || compareIds(a.key, b.key),
  );
}

/**
 * Why a target's parent is not owned by its owner's superior in the target's line, or null when it
 * is. A target owned by a tier 2–4 post must come from decomposition, so having no parent is a gap
 * too; a tier-1 post has no superior, so its targets must be roots.
 */
function describeParentProblem(
  target: ChainTarget,
  owner: Post,
  targetsById: ReadonlyMap<string, ChainTarget>,
  postsById: ReadonlyMap<string, Post>,
): string | null {
  const superiorId = findSuperiorId(owner, target.line);
  const lineLabel = LINE_LABELS[target.line];
  if (target.parentId === null) {
    if (owner.tier === 1) return null;
    return `${TIER_LABELS[owner.tier]}岗位的目标${quote(target.title)}没有上级目标，未经逐级分解`;
  }
  const parent = targetsById.get(target.parentId);
  if (parent === undefined) return `目标${quote(target.title)}的上级目标不存在、已归档或不属于本年度`;
  if (owner.tier === 1) return `一级岗位的目标${quote(target.title)}不应有上级目标`;
  if (superiorId === null) {
    return `目标${quote(target.title)}的责任岗位在${lineLabel}中没有上级岗位，无法核对分解关系`;
  }
  if (parent.ownerPostId === superiorId) return null;
  const superiorName = quote(postsById.get(superiorId)?.name);
  if (parent.ownerPostId === null) {
    return `目标${quote(target.title)}的上级目标没有责任岗位，应由本岗位在${lineLabel}中的上级岗位${superiorName}负责`;
  }
  const parentOwnerName = quote(postsById.get(parent.ownerPostId)?.name);
  return `目标${quote(target.title)}的上级目标由岗位${parentOwnerName}负责，而本岗位在${lineLabel}中的上级是岗位${superiorName}`;
}

/** Why a tier 2–4 post's chain in `line` does not reach tier 1, or null when it does. */
function describeChainProblem(post: Post, line: Line, postsById: ReadonlyMap<string, Post>): string | null {
  const lineLabel = LINE_LABELS[line];
  const name = quote(post.name);
  if (findSuperiorId(post, line) === null) return `岗位${name}在${lineLabel}中没有上级岗位`;
  const trace = traceChain(post.id, line, postsById);
  if (trace.end === 'CYCLE') return `岗位${name}在${lineLabel}中的汇报关系形成循环`;
  if (trace.end === 'BROKEN') return `岗位${name}在${lineLabel}中的责任链中断（上级岗位不存在或已撤销）`;
  const rootId = trace.path.at(-1);
  const root = rootId === undefined ? undefined : postsById.get(rootId);
  if (root?.tier !== 1) return `岗位${name}在${lineLabel}中的责任链没有到达一级岗位`;
  return null;
}

/** 「name」 when there is a name, nothing otherwise, so messages read well either way. */
function quote(name: string | undefined): string {
  return name === undefined || name === '' ? '' : `「${name}」`;
}

export interface GapWaiver {
  gapKey: string;
  /** Why tier 1 accepts the gap; a blank reason does not waive. */
  reason: string;
}

export interface WaivedGap {
  gap: Gap;
  reason: string;
}

export interface GapPartition {
  open: Gap[];
  waived: WaivedGap[];
  /** Waivers whose gap no longer exists (fixed since); shown, never counted. */
  staleWaiverKeys: string[];
}

/** Splits gaps into open and waived ones, matching waivers by key. */
export function partitionGaps(gaps: readonly Gap[], waivers: readonly GapWaiver[]): GapPartition {
  const reasons = new Map<string, string>();
  for (const waiver of waivers) {
    if (waiver.reason.trim() !== '') reasons.set(waiver.gapKey, waiver.reason.trim());
  }
  const open: Gap[] = [];
  const waived: WaivedGap[] = [];
  for (const gap of gaps) {
    const reason = reasons.get(gap.key);
    if (reason === undefined) open.push(gap);
    else waived.push({ gap, reason });
  }
  const gapKeys = new Set(gaps.map((gap) => gap.key));
  const staleWaiverKeys = [...reasons.keys()].filter((key) => !gapKeys.has(key)).sort();
  return { open, waived, staleWaiverKeys };
}

/** A year can be published only when every gap is waived with a reason. */
export function canPublishYear(gaps: readonly Gap[], waivers: readonly GapWaiver[]): boolean {
  return partitionGaps(gaps, waivers).open.length === 0;
}
