import type { QueryClient } from '@tanstack/react-query';
import type { Me } from '@zeren/contracts';
import type { ComponentType } from 'react';
import { createBrowserRouter, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { loginPath, loginPathFor } from '@/features/auth/utils/return-path';
import { isUnauthenticated } from '@/lib/api-client';
import { lazyModule } from '@/lib/lazy-module';
import { createQueryClient } from '@/lib/query-client';
import { navItems, type NavId, type NavItem } from './navigation';
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
// PLACEHOLDER: one page stands in for every menu entry whose feature is not built yet (此功能正在建设中).
const placeholder = lazyModule(() => import('./routes/placeholder'));
const notFound = lazyModule(() => import('./routes/not-found'));

interface Page {
  preload: () => Promise<unknown>;
  Component: ComponentType;
}

/** Built pages, by menu entry. Replace a placeholder by adding its entry here. */
const pages: Partial<Record<NavId, Page>> = {
  dashboard: {
    preload: dashboard.preload,
    Component: dashboard.component((m) => m.DashboardRoute, 'DashboardRoute'),
  },
};
const placeholderPage: Page = {
  preload: placeholder.preload,
  Component: placeholder.component((m) => m.PlaceholderRoute, 'PlaceholderRoute'),
};
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
              const route = pageRoute(pages[item.id] ?? placeholderPage, item);
              return item.path === '/' ? { index: true, ...route } : { path: item.path.slice(1), ...route };
            }),
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
