import type { Chain, ChainNode } from '@zeren/contracts';

export interface ChainTreeNode {
  node: ChainNode;
  children: ChainTreeNode[];
}

export interface ChainTree {
  roots: ChainTreeNode[];
  /** Superior of each post in this line (null at the top). */
  parentOf: ReadonlyMap<string, string | null>;
  size: number;
}

const byTierThenCode = (a: ChainTreeNode, b: ChainTreeNode) =>
  a.node.post.tier - b.node.post.tier || a.node.post.code.localeCompare(b.node.post.code);

/**
 * The flat list from the API as a tree. A post whose superior is not in the list (outside what
 * the user may see, or a broken chain) is shown as a root rather than hidden.
 */
export function buildChainTree(chain: Chain): ChainTree {
  const items = new Map(chain.nodes.map((node) => [node.post.id, { node, children: [] as ChainTreeNode[] }]));
  const parentOf = new Map<string, string | null>();
  const roots: ChainTreeNode[] = [];
  for (const item of items.values()) {
    const superiorId = item.node.superiorId;
    const parent = superiorId ? items.get(superiorId) : undefined;
    parentOf.set(item.node.post.id, parent ? superiorId : null);
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  for (const item of items.values()) item.children.sort(byTierThenCode);
  const rootOrder = new Map(chain.rootIds.map((id, index) => [id, index]));
  roots.sort(
    (a, b) =>
      (rootOrder.get(a.node.post.id) ?? Infinity) - (rootOrder.get(b.node.post.id) ?? Infinity) ||
      byTierThenCode(a, b),
  );
  return { roots, parentOf, size: items.size };
}

/** Every superior of a post up to the top, nearest first. */
export function ancestorsOf(tree: ChainTree, postId: string): string[] {
  const ancestors: string[] = [];
  for (let id = tree.parentOf.get(postId); id; id = tree.parentOf.get(id)) ancestors.push(id);
  return ancestors;
}

/** Posts down to (not including) `tier`: what a leader sees first, before expanding a section. */
export function idsAboveTier(tree: ChainTree, tier: number): string[] {
  const ids: string[] = [];
  const walk = (items: ChainTreeNode[]) => {
    for (const item of items) {
      if (item.node.post.tier < tier && item.children.length > 0) ids.push(item.node.post.id);
      walk(item.children);
    }
  };
  walk(tree.roots);
  return ids;
}

export function allParentIds(tree: ChainTree): string[] {
  return idsAboveTier(tree, Infinity);
}

export function matchesSearch(node: ChainNode, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [node.post.title, node.post.code, node.post.unit.name, ...node.holders.map((h) => h.name)].some(
    (text) => text.toLowerCase().includes(q),
  );
}

/**
 * The branches that contain a match: matching posts keep their whole subtree out of view
 * (collapsed), others only the paths to matches. Also returns what to expand to show them.
 */
export function filterTree(
  tree: ChainTree,
  query: string,
): { roots: ChainTreeNode[]; matchIds: Set<string>; expandIds: string[] } {
  const matchIds = new Set<string>();
  const expandIds: string[] = [];
  const prune = (items: ChainTreeNode[]): ChainTreeNode[] =>
    items.flatMap((item) => {
      const children = prune(item.children);
      const isMatch = matchesSearch(item.node, query);
      if (isMatch) matchIds.add(item.node.post.id);
      if (children.length > 0) expandIds.push(item.node.post.id);
      if (!isMatch && children.length === 0) return [];
      return [{ node: item.node, children: isMatch && children.length === 0 ? item.children : children }];
    });
  return { roots: prune(tree.roots), matchIds, expandIds };
}
