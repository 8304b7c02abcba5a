import { systemAndAuthRoutes } from './auth-routes';
import { chainRoutes, targetRoutes } from './target-routes';
import { dashboardRoutes } from './dashboard-routes';
import { evaluationRoutes } from './evaluation-routes';
import { orgRoutes } from './org-routes';
import { registrationFormRoutes } from './registration-form-routes';
import { supervisionRoutes } from './supervision-routes';
import { spreadsheetRoutes } from './spreadsheet-routes';

export * from './route';

/** Every HTTP operation of the API, by operation id. */
export const routes = {
  ...systemAndAuthRoutes,
  ...chainRoutes,
  ...targetRoutes,
  ...evaluationRoutes,
  ...registrationFormRoutes,
  ...orgRoutes,
  ...supervisionRoutes,
  ...dashboardRoutes,
  ...spreadsheetRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
