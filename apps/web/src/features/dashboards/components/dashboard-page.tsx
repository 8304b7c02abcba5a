import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Me, PostSummary } from '@zeren/contracts';
import { Button, Card, Empty, Segmented, Tabs } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TierTag } from '@/components/tier-tag';
import { assessorDashboardQueryOptions } from '../api/get-assessor-dashboard';
import { bureauDashboardQueryOptions } from '../api/get-bureau-dashboard';
import { bureauUnitParam } from '../utils/bureau-level';
import { personalDashboardQueryOptions } from '../api/get-personal-dashboard';
import { sectionDashboardQueryOptions } from '../api/get-section-dashboard';
import { supervisorDashboardQueryOptions } from '../api/get-supervisor-dashboard';
import {
  dashboardForTier,
  orderedPosts,
  selectPost,
  viewsFor,
  type DashboardView,
  type TierDashboard,
} from '../utils/dashboard-views';
import { DashboardWiringContext, type DashboardWiring } from './shared/dashboard-wiring';
import { DashboardSkeleton } from './shared/query-state';
import { SupervisionAlert } from './shared/supervision-alert';
import styles from './shared/dashboard.module.css';

/*
 * Each person sees one or two of these, so each is its own chunk (tables, forms and, behind them,
 * ECharts load only for the dashboards that use them). The page starts the dashboard's one request
 * while its chunk loads, so the two do not wait for each other.
 */
const BureauDashboard = lazy(() =>
  import('./bureau/bureau-dashboard').then((m) => ({ default: m.BureauDashboard })),
);
const SupervisorDashboard = lazy(() =>
  import('./supervisor/supervisor-dashboard').then((m) => ({ default: m.SupervisorDashboard })),
);
const SectionDashboard = lazy(() =>
  import('./section/section-dashboard').then((m) => ({ default: m.SectionDashboard })),
);
const PersonalDashboard = lazy(() =>
  import('./personal/personal-dashboard').then((m) => ({ default: m.PersonalDashboard })),
);
const AssessorDashboard = lazy(() =>
  import('./assessor/assessor-dashboard').then((m) => ({ default: m.AssessorDashboard })),
);

interface DashboardPageProps {
  me: Me;
  wiring: DashboardWiring;
}

/**
 * 工作台: the dashboard of the post the person is looking from (`?post=<id>`, default the primary
 * post) by its tier, and for assessment-group members their scoring progress (`?view=assessor`).
 */
export function DashboardPage({ me, wiring }: DashboardPageProps) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const posts = orderedPosts(me);
  const post = selectPost(me, searchParams.get('post'));
  const views = viewsFor(me);
  const requestedView = searchParams.get('view');
  const view: DashboardView | undefined = views.find((v) => v === requestedView) ?? views[0];
  const kind = post ? dashboardForTier[post.tier as keyof typeof dashboardForTier] : undefined;

  const setParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(name);
      else next.set(name, value);
    }
    setSearchParams(next);
  };

  const cycleId = searchParams.get('cycle') ?? undefined;
  usePrefetchDashboard(view, kind, post?.id, cycleId, bureauUnitParam(searchParams));
  const postDashboard = post && kind && (
    <Suspense fallback={<DashboardSkeleton />}>
      <PostDashboard key={post.id} kind={kind} post={post} />
    </Suspense>
  );
  const assessorDashboard = (
    <Suspense fallback={<DashboardSkeleton />}>
      <AssessorDashboard
        cycleId={cycleId}
        onCycleChange={(cycle) => setParams({ cycle, view: 'assessor' })}
      />
    </Suspense>
  );
  const isShowingPost = view === 'post';

  return (
    <DashboardWiringContext value={wiring}>
      <div className={styles.page}>
        <header className={styles.pageHeader}>
          <div className={styles.pageHeading}>
            <p className={styles.printOnly}>{me.organisation.name}</p>
            <h1 className={styles.pageTitle} data-testid="dashboard-title">
              {!isShowingPost || !kind
                ? t('dashboards.title.assessor')
                : kind === 'section' && post
                  ? t('dashboards.title.unit', { unit: post.unit.name })
                  : t(`dashboards.title.${kind}`)}
            </h1>
            {isShowingPost && post && (
              <p className={styles.pageSubtitle}>
                <span>{post.unit.name}</span>
                <span aria-hidden="true">·</span>
                <span>{post.title}</span>
                <TierTag tier={post.tier} />
              </p>
            )}
          </div>
          <div className={`${styles.pageActions} ${styles.noPrint}`}>
            {isShowingPost && posts.length > 1 && post && (
              <PostSwitcher
                posts={posts}
                value={post.id}
                onChange={(id) => setParams({ post: id, view: undefined })}
              />
            )}
            {isShowingPost && kind === 'bureau' && (
              <Button onClick={() => window.print()} data-testid="dashboard-print">
                {t('dashboards.print')}
              </Button>
            )}
          </div>
        </header>

        <div className={styles.noPrint}>
          <SupervisionAlert />
        </div>

        {views.length === 0 ? (
          <Card>
            <Empty description={t('dashboards.noPosts')} />
          </Card>
        ) : views.length === 1 ? (
          isShowingPost ? (
            postDashboard
          ) : (
            assessorDashboard
          )
        ) : (
          <Tabs
            className={styles.noPrintTabs}
            activeKey={view}
            onChange={(key) => setParams({ view: key === 'assessor' ? 'assessor' : undefined })}
            destroyOnHidden
            items={[
              {
                key: 'post',
                label: kind ? t(`dashboards.tab.${kind}`) : t('dashboards.tab.personal'),
                children: postDashboard,
              },
              { key: 'assessor', label: t('dashboards.tab.assessor'), children: assessorDashboard },
            ]}
          />
        )}
      </div>
    </DashboardWiringContext>
  );
}

function PostDashboard({ kind, post }: { kind: TierDashboard; post: PostSummary }): ReactNode {
  switch (kind) {
    case 'bureau':
      return <BureauDashboard />;
    case 'supervisor':
      return <SupervisorDashboard postId={post.id} />;
    case 'section':
      return <SectionDashboard postId={post.id} />;
    case 'personal':
      return <PersonalDashboard />;
  }
}

/**
 * Starts the dashboard's one request during render, while its chunk is still loading (as
 * usePrefetchQuery does: only when nothing is cached; the dashboard's useQuery shares the key).
 */
function usePrefetchDashboard(
  view: DashboardView | undefined,
  kind: TierDashboard | undefined,
  postId = '',
  cycleId?: string,
  unitId?: string,
) {
  const queryClient = useQueryClient();
  const prefetch = (queryKey: QueryKey, run: () => Promise<void>) => {
    if (!queryClient.getQueryState(queryKey)) void run();
  };
  if (view === 'assessor') {
    const options = assessorDashboardQueryOptions(cycleId);
    prefetch(options.queryKey, () => queryClient.prefetchQuery(options));
  } else if (view === 'post' && kind === 'bureau') {
    const options = bureauDashboardQueryOptions(undefined, unitId);
    prefetch(options.queryKey, () => queryClient.prefetchQuery(options));
  } else if (view === 'post' && kind === 'supervisor') {
    const options = supervisorDashboardQueryOptions(postId);
    prefetch(options.queryKey, () => queryClient.prefetchQuery(options));
  } else if (view === 'post' && kind === 'section') {
    const options = sectionDashboardQueryOptions(postId);
    prefetch(options.queryKey, () => queryClient.prefetchQuery(options));
  } else if (view === 'post' && kind === 'personal') {
    const options = personalDashboardQueryOptions();
    prefetch(options.queryKey, () => queryClient.prefetchQuery(options));
  }
}

/** For people holding several posts: whose dashboard to look from (kept in the URL). */
function PostSwitcher({
  posts,
  value,
  onChange,
}: {
  posts: PostSummary[];
  value: string;
  onChange: (postId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className={styles.switcher} data-testid="post-switcher">
      <span className={styles.switcherLabel} id="post-switcher-label">
        {t('dashboards.switchPost')}
      </span>
      <Segmented<string>
        aria-labelledby="post-switcher-label"
        value={value}
        onChange={onChange}
        options={posts.map((post) => ({ value: post.id, label: post.title }))}
      />
    </div>
  );
}
