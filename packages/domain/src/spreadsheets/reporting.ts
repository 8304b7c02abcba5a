// The reporting rules of a post as it will be saved, in both lines — the same rules the organisation
// administration applies to one post (apps/api org.service), built on the domain's checkReportsTo.
import { checkReportsTo, findSuperiorId, type ChainViolation, type Post } from '../chain';
import type { Line } from '../vocabulary';

/** Every post has an administrative superior (行政隶属) from tier 2 down, party-only posts included. */
const inAdministrativeLine = (p: Post): Post =>
  p.lines.includes('ADMINISTRATIVE') ? p : { ...p, lines: [...p.lines, 'ADMINISTRATIVE'] };

/**
 * The posts checkReportsTo needs for one link: the post, and its proposed superior with everything
 * above it in the line (the cycle walk follows that path only). Keeps a whole-roster check linear.
 */
function pathAbove(post: Post, line: Line, byId: ReadonlyMap<string, Post>): Post[] {
  const posts: Post[] = [post];
  const seen = new Set<string>([post.id]);
  let current = findSuperiorId(post, line);
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const next = byId.get(current);
    if (next === undefined) break;
    posts.push(next);
    current = findSuperiorId(next, line);
  }
  return posts;
}

/**
 * Tier 1 reports to nobody; tiers 2–4 report in the administrative line (the database requires it
 * of every post; a party-only post's administrative superior may be any post of a smaller tier) and,
 * when on the party line, in the party line too; superiors have a strictly smaller tier, are active
 * and in the line; no cycle forms. A party superior is refused for a post not on the party line.
 * `byId` holds every post of the organisation as it will be after the import (archived included).
 */
export function checkPostReporting(post: Post, byId: ReadonlyMap<string, Post>): ChainViolation[] {
  const adminPath = pathAbove(post, 'ADMINISTRATIVE', byId);
  const partyPath = pathAbove(post, 'PARTY', byId);
  // A party-only post's administrative superior is its 隶属: any post of a smaller tier.
  const adminPosts = post.lines.includes('ADMINISTRATIVE') ? adminPath : adminPath.map(inAdministrativeLine);
  return [
    ...checkReportsTo({
      post: inAdministrativeLine(post),
      proposedSuperiorId: post.reportsTo.ADMINISTRATIVE ?? null,
      line: 'ADMINISTRATIVE',
      posts: adminPosts,
    }),
    ...checkReportsTo({
      post,
      proposedSuperiorId: post.reportsTo.PARTY ?? null,
      line: 'PARTY',
      posts: partyPath,
    }),
  ];
}
