import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { loginPath, loginPathFor } from '@/features/auth/utils/return-path';
import { isUnauthenticated } from '@/lib/api-client';
import { createQueryClient } from '@/lib/query-client';
import { navItems, type NavId } from './navigation';
import { FullPageLoading } from './routes/full-page-loading';
import { RootErrorBoundary } from './routes/root-error';

/*
 * Code splitting: this file, the providers and the login page are all the login route loads.
 * The shell (antd Layout, Menu, …) and every page behind it are lazy chunks fetched after login.
 */

const loadShell = () => import('./layout');
/** Start fetching the shell while the server checks the password. */
const preloadShell = () => void loadShell().catch(() => undefined);

type LazyPage = () => Promise<Pick<RouteObject, 'Component'>>;

/** Pages that exist. Every other menu item gets the placeholder until its feature lands. */
const pages: Partial<Record<NavId, LazyPage>> = {
  dashboard: async () => ({ Component: (await import('./routes/dashboard')).DashboardRoute }),
};

// PLACEHOLDER: stands in for pages not built yet (此功能正在建设中).
const placeholderPage: LazyPage = async () => ({ Component: (await import('./routes/placeholder')).PlaceholderRoute });

const pageRoutes: RouteObject[] = navItems.map((item): RouteObject => {
  const lazy = pages[item.id] ?? placeholderPage;
  return item.path === '/' ? { index: true, lazy } : { path: item.path.slice(1), lazy };
});

export function createAppRouter(queryClient: QueryClient) {
  /** The shell's guard: no `me`, no shell. Cached after the first call, so navigation stays instant. */
  async function requireMe({ request }: LoaderFunctionArgs) {
    try {
      await queryClient.ensureQueryData(meQueryOptions());
      return null;
    } catch (error) {
      if (!isUnauthenticated(error)) throw error;
      const url = new URL(request.url);
      throw redirect(loginPathFor(url.pathname + url.search));
    }
  }

  return createBrowserRouter([
    {
      path: loginPath,
      lazy: async () => {
        const { LoginPage } = await import('@/features/auth/components/login-page');
        return { Component: () => <LoginPage onSubmitStart={preloadShell} /> };
      },
      HydrateFallback: FullPageLoading,
      ErrorBoundary: RootErrorBoundary,
    },
    {
      path: '/',
      loader: requireMe,
      lazy: async () => ({ Component: (await loadShell()).AppLayout }),
      HydrateFallback: FullPageLoading,
      ErrorBoundary: RootErrorBoundary,
      children: [
        {
          // Pathless: catches errors of any page inside the shell, so the menu stays usable.
          lazy: async () => ({ ErrorBoundary: (await import('./routes/content-error')).ContentErrorBoundary }),
          children: [
            ...pageRoutes,
            { path: '*', lazy: async () => ({ Component: (await import('./routes/not-found')).NotFoundRoute }) },
          ],
        },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;

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
