import type { Me, PostSummary, Tier } from '@zeren/contracts';

/** Which dashboard a post of each tier opens (四级责任): bureau, 分管, section, personal. */
export type TierDashboard = 'bureau' | 'supervisor' | 'section' | 'personal';

export const dashboardForTier: Record<Tier, TierDashboard> = {
  1: 'bureau',
  2: 'supervisor',
  3: 'section',
  4: 'personal',
};

/** The posts a person switches between: the primary post first, then from the top tier down. */
export function orderedPosts(me: Me): PostSummary[] {
  return [...me.posts].sort(
    (a, b) =>
      Number(b.isPrimary) - Number(a.isPrimary) ||
      a.tier - b.tier ||
      a.title.localeCompare(b.title, 'zh-Hans-CN'),
  );
}

/** The post whose dashboard is shown: the one in the URL if the person holds it, else the first. */
export function selectPost(me: Me, postParam: string | null): PostSummary | undefined {
  const posts = orderedPosts(me);
  return posts.find((post) => post.id === postParam) ?? posts[0];
}

export const isAssessor = (me: Me) => me.roles.includes('ASSESSOR');

/** The views of the page: the post's dashboard, and the scoring panel for assessment-group members. */
export type DashboardView = 'post' | 'assessor';

export function viewsFor(me: Me): DashboardView[] {
  const views: DashboardView[] = [];
  if (me.posts.length > 0) views.push('post');
  if (isAssessor(me)) views.push('assessor');
  return views;
}
