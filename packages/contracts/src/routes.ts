import { systemAndAuthRoutes } from './auth-routes';
import { orgRoutes } from './org-routes';
import { chainRoutes, targetRoutes } from './target-routes';

export * from './route';

/** Every HTTP operation of the API, by operation id. */
export const routes = {
  ...systemAndAuthRoutes,
  ...orgRoutes,
  ...chainRoutes,
  ...targetRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
