import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNavEntries, readRouterLazyImports } from './router-routes.ts';

const navigation = `
export const navItems = [
  { id: 'dashboard', path: '/', group: 'mine', canAccess: everyone },
  { id: 'targets', path: '/targets', group: 'chain', canAccess: everyone },
  { id: 'reports', path: '/reports', group: 'chain', canAccess: everyone },
];`;

const router = `
import { loginPath } from '@/features/auth/utils/return-path';
const shell = lazyModule(() => import('./layout'));
const AppLayout = shell.component((m) => m.AppLayout, 'AppLayout');
const dashboard = lazyModule(() => import('./routes/dashboard'));
const targets = lazyModule(() => import('./routes/targets'));
const targetDetail = lazyModule(() => import('./routes/target-detail'));
const placeholder = lazyModule(() => import('./routes/placeholder'));
const orphan = lazyModule(() => import('./routes/orphan'));
const pages = {
  dashboard: { preload: dashboard.preload, Component: dashboard.component((m) => m.X, 'X') },
  targets: { preload: targets.preload, Component: targets.component((m) => m.Y, 'Y') },
};
const detailPage = { preload: targetDetail.preload, Component: targetDetail.component((m) => m.Z, 'Z') };
const subPages = [{ path: '/targets/:id', page: detailPage }, { path: '/my/targets/:id', page: detailPage }];
const placeholderPage = { preload: placeholder.preload, Component: placeholder.component((m) => m.P, 'P') };
const loadLoginPage = () => import('@/features/auth/components/login-page');
export function createAppRouter() {
  return createBrowserRouter([
    { path: loginPath, lazy: async () => ({ Component: (await loadLoginPage()).LoginPage }) },
    {
      path: '/',
      Component: AppLayout,
      children: [
        ...navItems.map((item) => pageRoute(pages[item.id] ?? placeholderPage, item)),
        ...subPages.map(({ path, page }) => ({ path, ...pageRoute(page) })),
        { path: 'inline', lazy: () => import('./routes/inline') },
      ],
    },
  ]);
}`;

const pathsBySpecifier = (source: string) =>
  Object.fromEntries(
    readRouterLazyImports(source, readNavEntries(navigation), (name, from) =>
      name === 'loginPath' && from === '@/features/auth/utils/return-path' ? '/login' : undefined,
    ).map(({ specifier, paths }) => [specifier, paths]),
  );

describe('readRouterLazyImports', () => {
  it('maps each lazy import to the paths that show it', () => {
    expect(pathsBySpecifier(router)).toEqual({
      './layout': ['/'],
      './routes/dashboard': ['/'],
      './routes/targets': ['/targets'],
      './routes/target-detail': ['/targets/:id', '/my/targets/:id'],
      './routes/placeholder': ['/reports'],
      './routes/orphan': [],
      '@/features/auth/components/login-page': ['/login'],
      './routes/inline': ['inline'],
    });
  });

  it('reads the real router: every lazy import has a path', () => {
    const app = path.resolve(import.meta.dirname, '..');
    const lazyImports = readRouterLazyImports(
      readFileSync(path.join(app, 'src/app/router.tsx'), 'utf8'),
      readNavEntries(readFileSync(path.join(app, 'src/app/navigation.ts'), 'utf8')),
    );
    expect(lazyImports.length).toBeGreaterThan(10);
    const unmapped = lazyImports.filter(
      ({ specifier, paths }) => paths.length === 0 && !specifier.includes('login'),
    );
    expect(unmapped).toEqual([]);
    expect(lazyImports.find(({ specifier }) => specifier === './routes/dashboard')?.paths).toEqual(['/']);
  });
});
