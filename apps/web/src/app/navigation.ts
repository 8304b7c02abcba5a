import type { Me, Role, Tier } from '@zeren/contracts';
import type zhCN from '@/locales/zh-CN.json';

/**
 * The one definition of the app's pages: the menu is drawn from it, the router builds its
 * routes from it and the shell refuses a page whose `canAccess` is false. The API enforces
 * the same rules on its side; this only keeps people away from pages that would answer 403.
 */

/** Nav ids double as locale keys under `nav`. */
export type NavId = Exclude<keyof (typeof zhCN)['nav'], 'groups'>;
export type NavGroupId = keyof (typeof zhCN)['nav']['groups'];

export interface NavItem {
  id: NavId;
  path: string;
  group: NavGroupId;
  canAccess: (me: Me) => boolean;
}

const everyone = () => true;
/** Tier 1 is the top: "tier at most 2" means tiers 1 and 2. */
const tierAtMost = (tier: Tier) => (me: Me) => me.highestTier !== null && me.highestTier <= tier;
const hasRole = (role: Role) => (me: Me) => me.roles.includes(role);
/** Tiers 2–4 are evaluated (综合考评); tier 1 is not. */
const isEvaluee = (me: Me) => me.highestTier !== null && me.highestTier >= 2;
const anyOf =
  (...rules: ((me: Me) => boolean)[]) =>
  (me: Me) =>
    rules.some((rule) => rule(me));

export const navGroups: readonly NavGroupId[] = ['mine', 'chain', 'evaluations', 'admin'];

export const navItems: readonly NavItem[] = [
  { id: 'dashboard', path: '/', group: 'mine', canAccess: everyone },
  { id: 'myTargets', path: '/my/targets', group: 'mine', canAccess: everyone },
  { id: 'myResults', path: '/my/results', group: 'mine', canAccess: isEvaluee },
  // 我的整改: rectification tasks of one's posts (and those escalated to them); assessors re-inspect.
  {
    id: 'mySupervision',
    path: '/my/supervision',
    group: 'mine',
    canAccess: anyOf((me) => me.highestTier !== null, hasRole('ASSESSOR')),
  },
  { id: 'chain', path: '/chain', group: 'chain', canAccess: tierAtMost(2) },
  { id: 'gaps', path: '/gaps', group: 'chain', canAccess: tierAtMost(2) },
  { id: 'targets', path: '/targets', group: 'chain', canAccess: tierAtMost(3) },
  {
    id: 'evaluationWorkbench',
    path: '/evaluations/workbench',
    group: 'evaluations',
    canAccess: hasRole('ASSESSOR'),
  },
  {
    id: 'supervision',
    path: '/supervision',
    group: 'evaluations',
    canAccess: anyOf(hasRole('ASSESSOR'), tierAtMost(1), hasRole('ADMIN')),
  },
  {
    id: 'evaluationCycles',
    path: '/evaluations/cycles',
    group: 'evaluations',
    canAccess: anyOf(tierAtMost(1), hasRole('ADMIN')),
  },
  { id: 'adminOrg', path: '/admin/org', group: 'admin', canAccess: hasRole('ADMIN') },
  { id: 'adminSpreadsheets', path: '/admin/spreadsheets', group: 'admin', canAccess: hasRole('ADMIN') },
  { id: 'adminAudit', path: '/admin/audit', group: 'admin', canAccess: hasRole('ADMIN') },
];

export interface NavGroup {
  id: NavGroupId;
  items: NavItem[];
}

/** The menu for this person: groups in order, empty groups left out. */
export function navigationFor(me: Me): NavGroup[] {
  return navGroups
    .map((id) => ({ id, items: navItems.filter((item) => item.group === id && item.canAccess(me)) }))
    .filter((group) => group.items.length > 0);
}

/** The page a path belongs to: exact match, or the longest item path it lies under (`/targets/42` → 目标管理). */
export function findNavItem(pathname: string): NavItem | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  let best: NavItem | undefined;
  for (const item of navItems) {
    const isMatch = item.path === '/' ? path === '/' : path === item.path || path.startsWith(`${item.path}/`);
    if (isMatch && (!best || item.path.length > best.path.length)) best = item;
  }
  return best;
}
