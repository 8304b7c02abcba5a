// Rules on the reporting chain of posts (DOMAIN rules 1–2): every post of tier 2–4 reports, in each
// line it belongs to, to exactly one post of a smaller tier number; the chain has no cycle and
// reaches tier 1.
import { compareIds } from './ordering';
import { LINE_LABELS, TIER_LABELS } from './vocabulary';
import type { Line, Tier } from './vocabulary';

export interface Post {
  id: string;
  organisationId: string;
  tier: Tier;
  /** Only used to make messages readable (e.g. 医政科科长). */
  name?: string;
  lines: readonly Line[];
  reportsTo: { ADMINISTRATIVE?: string | null; PARTY?: string | null };
  archived?: boolean;
}

export type ChainViolationKind =
  | 'TIER_ONE_HAS_SUPERIOR'
  | 'SUPERIOR_REQUIRED'
  | 'POST_NOT_IN_LINE'
  | 'SUPERIOR_MISSING'
  | 'SUPERIOR_ARCHIVED'
  | 'SUPERIOR_NOT_IN_LINE'
  | 'SUPERIOR_TIER_NOT_SMALLER'
  | 'CROSS_ORGANISATION'
  | 'CYCLE';

export interface ChainViolation {
  kind: ChainViolationKind;
  message: string;
  postId: string;
  superiorId: string | null;
  line: Line;
}

export interface CheckReportsToInput {
  /** The post as it will be saved (it may be new and absent from `posts`). */
  post: Post;
  /** The superior proposed for `post` in `line`; null for none. */
  proposedSuperiorId: string | null;
  line: Line;
  /** Every post of the organisation, archived ones included. */
  posts: readonly Post[];
}

/** Indexes posts by id; the last occurrence wins. */
export function indexPosts(posts: readonly Post[]): Map<string, Post> {
  return new Map(posts.map((post) => [post.id, post]));
}

function toPostIndex(posts: readonly Post[] | ReadonlyMap<string, Post>): ReadonlyMap<string, Post> {
  return Array.isArray(posts) ? indexPosts(posts) : (posts as ReadonlyMap<string, Post>);
}

/** The superior id a post has in a line, normalising undefined to null. */
export function findSuperiorId(post: Post, line: Line): string | null {
  return post.reportsTo[line] ?? null;
}

/**
 * Checks that `post` may report to `proposedSuperiorId` in `line`. Returns every violation found
 * (an empty list means the link is allowed), so a form can show them all at once.
 */
export function checkReportsTo({
  post,
  proposedSuperiorId,
  line,
  posts,
}: CheckReportsToInput): ChainViolation[] {
  const violations: ChainViolation[] = [];
  const lineLabel = LINE_LABELS[line];
  const add = (kind: ChainViolationKind, message: string): void => {
    violations.push({ kind, message, postId: post.id, superiorId: proposedSuperiorId, line });
  };

  if (!post.lines.includes(line)) {
    // A post outside a line simply has no superior there.
    if (proposedSuperiorId !== null) {
      add('POST_NOT_IN_LINE', `该岗位不属于${lineLabel}，不能在${lineLabel}中设置上级`);
    }
    return violations;
  }

  if (post.tier === 1) {
    if (proposedSuperiorId !== null) {
      add('TIER_ONE_HAS_SUPERIOR', `一级岗位是责任链的起点，在${lineLabel}中不能再设上级岗位`);
    }
    return violations;
  }

  if (proposedSuperiorId === null) {
    add('SUPERIOR_REQUIRED', `${TIER_LABELS[post.tier]}岗位在${lineLabel}中必须有且只有一个上级岗位`);
    return violations;
  }

  if (proposedSuperiorId === post.id) {
    add('CYCLE', '岗位不能以自己为上级');
    return violations;
  }

  const byId = indexPosts(posts);
  const superior = byId.get(proposedSuperiorId);
  if (superior === undefined) {
    add('SUPERIOR_MISSING', '所选上级岗位不存在');
    return violations;
  }
  if (superior.archived === true) {
    add('SUPERIOR_ARCHIVED', '所选上级岗位已撤销（归档），不能作为上级');
  }
  if (!superior.lines.includes(line)) {
    add('SUPERIOR_NOT_IN_LINE', `所选上级岗位不属于${lineLabel}`);
  }
  if (superior.tier >= post.tier) {
    add(
      'SUPERIOR_TIER_NOT_SMALLER',
      `上级岗位的层级必须高于本岗位：本岗位为${TIER_LABELS[post.tier]}，所选上级为${TIER_LABELS[superior.tier]}`,
    );
  }
  if (superior.organisationId !== post.organisationId) {
    add('CROSS_ORGANISATION', '上级岗位必须属于同一单位');
  }
  // Tiers alone rule out cycles in consistent data; the walk also catches data saved before the rules.
  if (leadsTo(proposedSuperiorId, post.id, line, byId)) {
    add('CYCLE', `设置该上级后，${lineLabel}的汇报关系将形成循环`);
  }
  return violations;
}

/** Whether following superiors in `line` from `startId` reaches `targetId`; archived posts included. */
function leadsTo(startId: string, targetId: string, line: Line, byId: ReadonlyMap<string, Post>): boolean {
  const seen = new Set<string>();
  let current: string | null = startId;
  while (current !== null && !seen.has(current)) {
    if (current === targetId) return true;
    seen.add(current);
    const next = byId.get(current);
    current = next === undefined ? null : findSuperiorId(next, line);
  }
  return false;
}

export type ChainEnd = 'ROOT' | 'CYCLE' | 'BROKEN';

export interface ChainTrace {
  /** From the starting post upward, ending at the last post reached. */
  path: string[];
  /** ROOT: reached a post with no superior; CYCLE: came back to a post; BROKEN: a superior is missing or archived. */
  end: ChainEnd;
}

/** Follows the superiors of a post in one line. Archived superiors count as a break in the chain. */
export function traceChain(
  postId: string,
  line: Line,
  posts: readonly Post[] | ReadonlyMap<string, Post>,
): ChainTrace {
  const byId = toPostIndex(posts);
  const path: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(postId);
  if (current === undefined) return { path, end: 'BROKEN' };
  for (;;) {
    path.push(current.id);
    seen.add(current.id);
    const superiorId = findSuperiorId(current, line);
    if (superiorId === null) return { path, end: 'ROOT' };
    if (seen.has(superiorId)) return { path, end: 'CYCLE' };
    const superior = byId.get(superiorId);
    if (superior === undefined || superior.archived === true) return { path, end: 'BROKEN' };
    current = superior;
  }
}

/**
 * The post at the top of `postId`'s chain in `line` (itself when it has no superior), or null when
 * the post is unknown or the chain loops or breaks before reaching a top. Callers that need the
 * chain to reach tier 1 check the root's tier.
 */
export function findChainRoot(
  postId: string,
  line: Line,
  posts: readonly Post[] | ReadonlyMap<string, Post>,
): string | null {
  const trace = traceChain(postId, line, posts);
  return trace.end === 'ROOT' ? (trace.path.at(-1) ?? null) : null;
}

/**
 * Every post that reports, directly or transitively, to one of `rootPostIds` in `line`, the roots
 * included, in breadth-first order (roots first, then by post id at each level for a stable order).
 * Archived posts are left out and not descended through: they no longer carry responsibility.
 */
export function collectSubtree(rootPostIds: readonly string[], line: Line, posts: readonly Post[]): string[] {
  const byId = indexPosts(posts);
  const subordinates = new Map<string, Post[]>();
  for (const post of posts) {
    const superiorId = findSuperiorId(post, line);
    if (superiorId === null || post.archived === true) continue;
    const list = subordinates.get(superiorId) ?? [];
    list.push(post);
    subordinates.set(superiorId, list);
  }
  for (const list of subordinates.values()) list.sort((a, b) => compareIds(a.id, b.id));

  const result: string[] = [];
  const visited = new Set<string>();
  const queue: string[] = [];
  for (const rootId of rootPostIds) {
    const root = byId.get(rootId);
    if (root === undefined || root.archived === true || visited.has(rootId)) continue;
    visited.add(rootId);
    queue.push(rootId);
  }
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    result.push(id);
    for (const child of subordinates.get(id) ?? []) {
      if (visited.has(child.id)) continue;
      visited.add(child.id);
      queue.push(child.id);
    }
  }
  return result;
}
