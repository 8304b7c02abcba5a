import { systemAndAuthRoutes } from './auth-routes';

export * from './route';

/** Every HTTP operation of the API, by operation id. */
export const routes = {
  ...systemAndAuthRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
