import type { QueryClient } from '@tanstack/react-query';
import type { Me } from '@zeren/contracts';
import type { ComponentType } from 'react';
import { createBrowserRouter, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { loginPath, loginPathFor } from '@/features/auth/utils/return-path';
import { isUnauthenticated } from '@/lib/api-client';
import { lazyModule } from '@/lib/lazy-module';
import { createQueryClient } from '@/lib/query-client';
import { findNavItem, navItems, type NavId, type NavItem } from './navigation';
import { FullPageLoading } from './routes/full-page-loading';
import { RootErrorBoundary } from './routes/root-error';

/*
 * Code splitting. The login route loads this file, the root providers and the login page: no
 * antd, no shell. Everything behind login is split into modules that are fetched only after the
 * `me` check passes (see lib/lazy-module for why not React Router's `lazy`).
 */

const shell = lazyModule(() => import('./layout'));
const AppLayout = shell.component((module) => module.AppLayout, 'AppLayout');
const ContentErrorBoundary = shell.component((module) => module.ContentErrorBoundary, 'ContentErrorBoundary');

const dashboard = lazyModule(() => import('./routes/dashboard'));
const notFound = lazyModule(() => import('./routes/not-found'));
const chain = lazyModule(() => import('./routes/chain'));
const person = lazyModule(() => import('./routes/person'));
const gaps = lazyModule(() => import('./routes/gaps'));
const targets = lazyModule(() => import('./routes/targets'));
const myTargets = lazyModule(() => import('./routes/my-targets'));
const targetDetail = lazyModule(() => import('./routes/target-detail'));
const adminOrg = lazyModule(() => import('./routes/admin-org'));
const adminSpreadsheets = lazyModule(() => import('./routes/admin-spreadsheets'));
const evaluationWorkbench = lazyModule(() => import('./routes/evaluation-workbench'));
const evaluationCycles = lazyModule(() => import('./routes/evaluation-cycles'));
const cycleResults = lazyModule(() => import('./routes/cycle-results'));
const resultSheet = lazyModule(() => import('./routes/result-sheet'));
const registrationForm = lazyModule(() => import('./routes/registration-form'));
const myResults = lazyModule(() => import('./routes/my-results'));
const supervision = lazyModule(() => import('./routes/supervision'));
const supervisionInspect = lazyModule(() => import('./routes/supervision-inspect'));
const supervisionFinding = lazyModule(() => import('./routes/supervision-finding'));
const supervisionReport = lazyModule(() => import('./routes/supervision-report'));
const adminAudit = lazyModule(() => import('./routes/admin-audit'));

interface Page {
  preload: () => Promise<unknown>;
  Component: ComponentType;
}

/** The page of every menu entry: a new entry in navigation.ts without one here does not compile. */
const pages: Record<NavId, Page> = {
  dashboard: {
    preload: dashboard.preload,
    Component: dashboard.component((m) => m.DashboardRoute, 'DashboardRoute'),
  },
  chain: { preload: chain.preload, Component: chain.component((m) => m.ChainRoute, 'ChainRoute') },
  gaps: { preload: gaps.preload, Component: gaps.component((m) => m.GapsRoute, 'GapsRoute') },
  targets: { preload: targets.preload, Component: targets.component((m) => m.TargetsRoute, 'TargetsRoute') },
  myTargets: {
    preload: myTargets.preload,
    Component: myTargets.component((m) => m.MyTargetsRoute, 'MyTargetsRoute'),
  },
  adminOrg: {
    preload: adminOrg.preload,
    Component: adminOrg.component((m) => m.AdminOrgRoute, 'AdminOrgRoute'),
  },
  adminSpreadsheets: {
    preload: adminSpreadsheets.preload,
    Component: adminSpreadsheets.component((m) => m.AdminSpreadsheetsRoute, 'AdminSpreadsheetsRoute'),
  },
  evaluationWorkbench: {
    preload: evaluationWorkbench.preload,
    Component: evaluationWorkbench.component((m) => m.EvaluationWorkbenchRoute, 'EvaluationWorkbenchRoute'),
  },
  evaluationCycles: {
    preload: evaluationCycles.preload,
    Component: evaluationCycles.component((m) => m.EvaluationCyclesRoute, 'EvaluationCyclesRoute'),
  },
  myResults: {
    preload: myResults.preload,
    Component: myResults.component((m) => m.MyResultsRoute, 'MyResultsRoute'),
  },
  supervision: {
    preload: supervision.preload,
    Component: supervision.component((m) => m.SupervisionRoute, 'SupervisionRoute'),
  },
  mySupervision: {
    preload: supervision.preload,
    Component: supervision.component((m) => m.MySupervisionRoute, 'MySupervisionRoute'),
  },
  adminAudit: {
    preload: adminAudit.preload,
    Component: adminAudit.component((m) => m.AdminAuditRoute, 'AdminAuditRoute'),
  },
};

const targetDetailPage: Page = {
  preload: targetDetail.preload,
  Component: targetDetail.component((m) => m.TargetDetailRoute, 'TargetDetailRoute'),
};
const resultSheetPage: Page = {
  preload: resultSheet.preload,
  Component: resultSheet.component((m) => m.ResultSheetRoute, 'ResultSheetRoute'),
};
const registrationFormPage: Page = {
  preload: registrationForm.preload,
  Component: registrationForm.component((m) => m.RegistrationFormRoute, 'RegistrationFormRoute'),
};

/**
 * Pages reached from other pages, not from the menu. Access follows the menu entry whose path
 * they lie under (`/targets/42` → 目标管理, `/my/targets/42` → 我的目标); the API decides the rest.
 */
const subPages: readonly { path: string; page: Page }[] = [
  { path: '/targets/:id', page: targetDetailPage },
  { path: '/my/targets/:id', page: targetDetailPage },
  {
    path: '/evaluations/cycles/:id/results',
    page: {
      preload: cycleResults.preload,
      Component: cycleResults.component((m) => m.CycleResultsRoute, 'CycleResultsRoute'),
    },
  },
  { path: '/evaluations/cycles/:cycleId/results/:personId', page: resultSheetPage },
  { path: '/my/results/:cycleId', page: resultSheetPage },
  // 考核登记表 (A4, to sign): under the result sheet it is reached from.
  { path: '/evaluations/cycles/:cycleId/results/:personId/registration-form', page: registrationFormPage },
  { path: '/my/results/:cycleId/registration-form', page: registrationFormPage },
  // 督导: the inspection form, a finding (under either menu entry) and the printable report.
  {
    path: '/supervision/inspect',
    page: {
      preload: supervisionInspect.preload,
      Component: supervisionInspect.component((m) => m.SupervisionInspectRoute, 'SupervisionInspectRoute'),
    },
  },
  {
    path: '/supervision/findings/:id',
    page: {
      preload: supervisionFinding.preload,
      Component: supervisionFinding.component((m) => m.SupervisionFindingRoute, 'SupervisionFindingRoute'),
    },
  },
  {
    path: '/my/supervision/findings/:id',
    page: {
      preload: supervisionFinding.preload,
      Component: supervisionFinding.component(
        (m) => m.MySupervisionFindingRoute,
        'MySupervisionFindingRoute',
      ),
    },
  },
  {
    path: '/supervision/inspections/:id',
    page: {
      preload: supervisionReport.preload,
      Component: supervisionReport.component((m) => m.InspectionReportRoute, 'InspectionReportRoute'),
    },
  },
  {
    path: '/people/:id',
    page: { preload: person.preload, Component: person.component((m) => m.PersonRoute, 'PersonRoute') },
  },
];
const notFoundPage: Page = {
  preload: notFound.preload,
  Component: notFound.component((m) => m.NotFoundRoute, 'NotFoundRoute'),
};

const loadLoginPage = () => import('@/features/auth/components/login-page');
/** Start fetching the shell while the server checks the password. */
const preloadShell = () => void shell.preload().catch(() => undefined);

export function createAppRouter(queryClient: QueryClient) {
  /** The guard: no `me`, no shell. `me` is cached after the first call, so later navigation is instant. */
  async function requireMe({ request }: LoaderFunctionArgs): Promise<Me> {
    try {
      return await queryClient.ensureQueryData(meQueryOptions());
    } catch (error) {
      if (!isUnauthenticated(error)) throw error;
      const url = new URL(request.url);
      throw redirect(loginPathFor(url.pathname + url.search));
    }
  }

  /**
   * Loaders of protected routes: all run in parallel, share one `me` request and fetch code only
   * when allowed. A page the person may not see is not fetched; the shell shows 无权访问 instead.
   */
  const afterLogin =
    (preload: () => Promise<unknown>, canAccess: (me: Me) => boolean = () => true) =>
    async (args: LoaderFunctionArgs): Promise<null> => {
      const me = await requireMe(args);
      if (canAccess(me)) await preload();
      return null;
    };

  const pageRoute = (page: Page, item?: NavItem) => ({
    loader: afterLogin(page.preload, item?.canAccess),
    Component: page.Component,
  });

  return createBrowserRouter([
    {
      path: loginPath,
      lazy: async () => {
        const { LoginPage } = await loadLoginPage();
        return { Component: () => <LoginPage onSubmitStart={preloadShell} /> };
      },
      HydrateFallback: FullPageLoading,
      ErrorBoundary: RootErrorBoundary,
    },
    {
      path: '/',
      loader: afterLogin(shell.preload),
      Component: AppLayout,
      HydrateFallback: FullPageLoading,
      ErrorBoundary: RootErrorBoundary,
      children: [
        {
          // Pathless: catches errors of any page inside the shell, so the menu stays usable.
          ErrorBoundary: ContentErrorBoundary,
          children: [
            ...navItems.map((item): RouteObject => {
              const route = pageRoute(pages[item.id], item);
              return item.path === '/' ? { index: true, ...route } : { path: item.path.slice(1), ...route };
            }),
            ...subPages.map(({ path, page }): RouteObject => ({
              path: path.slice(1),
              ...pageRoute(page, findNavItem(path)),
            })),
            { path: '*', ...pageRoute(notFoundPage) },
          ],
        },
      ],
    },
  ]);
}

/** The query client and router know each other: any 401 sends the person to the login page. */
export function createAppRouting() {
  const queryClient = createQueryClient({
    onUnauthenticated: () => {
      const { initialized, location, navigation } = router.state;
      // Before the first render the shell's loader handles the 401 itself, by redirecting.
      if (!initialized) return;
      // A wrong password answers 401 too; and several queries may fail at once.
      if (location.pathname === loginPath || navigation.location?.pathname === loginPath) return;
      const { pathname, search } = location;
      // Leave first, then forget: removing `me` under a mounted shell would make it refetch.
      void router
        .navigate(loginPathFor(pathname + search), { replace: true })
        .then(() => queryClient.removeQueries());
    },
  });
  const router = createAppRouter(queryClient);
  return { queryClient, router };
}
