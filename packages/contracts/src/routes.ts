import { systemAndAuthRoutes } from './auth-routes';
import { chainRoutes, targetRoutes } from './target-routes';
import { dashboardRoutes } from './dashboard-routes';
import { evaluationRoutes } from './evaluation-routes';
import { orgRoutes } from './org-routes';
import { supervisionRoutes } from './supervision-routes';

export * from './route';

/** Every HTTP operation of the API, by operation id. */
export const routes = {
  ...systemAndAuthRoutes,
  ...chainRoutes,
  ...targetRoutes,
  ...evaluationRoutes,
  ...orgRoutes,
  ...supervisionRoutes,
  ...dashboardRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
