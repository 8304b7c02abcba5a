import { z } from 'zod';
import { Health, LoginRequest, Me } from './auth';

/** The OpenAPI tags: one per area of the API. */
export const ApiTag = z.enum([
  'system',
  'auth',
  'org',
  'chain',
  'targets',
  'progress',
  'gaps',
  'cycles',
  'scores',
  'results',
  'dashboards',
  'audit',
  'imports',
  'exports',
]);
export type ApiTag = z.infer<typeof ApiTag>;

type AnyObject = z.ZodObject<z.ZodRawShape>;

/**
 * One HTTP operation. The API validates requests and shapes responses with these schemas,
 * the web client infers its types from them, and the OpenAPI document is generated from them:
 * a route exists in all three places or in none.
 */
export interface RouteContract {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path, `/api/targets/:id`. */
  path: string;
  tag: ApiTag;
  summary: string;
  /** `public` routes need no session; `session` routes answer 401 without one. */
  access: 'public' | 'session';
  params?: AnyObject;
  query?: AnyObject;
  body?: z.ZodType;
  /** Success status and body; `null` body means 204 No Content. */
  status: 200 | 201 | 204;
  response: z.ZodType | null;
  /** Errors this route documents besides the ones every route can answer. */
  errors?: readonly number[];
}

const defineRoute = <const R extends RouteContract>(route: R) => route;

export const routes = {
  health: defineRoute({
    method: 'get',
    path: '/api/health',
    tag: 'system',
    summary: 'Liveness and database reachability',
    access: 'public',
    status: 200,
    response: Health,
    errors: [503],
  }),
  openapi: defineRoute({
    method: 'get',
    path: '/api/openapi.json',
    tag: 'system',
    summary: 'This OpenAPI 3.1 document, generated from the contracts',
    access: 'public',
    status: 200,
    response: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
  }),
  login: defineRoute({
    method: 'post',
    path: '/api/auth/login',
    tag: 'auth',
    summary: 'Log in; sets a fresh session cookie',
    access: 'public',
    body: LoginRequest,
    status: 200,
    response: Me,
    errors: [401, 429],
  }),
  logout: defineRoute({
    method: 'post',
    path: '/api/auth/logout',
    tag: 'auth',
    summary: 'Log out; ends the session on the server',
    access: 'session',
    status: 204,
    response: null,
  }),
  me: defineRoute({
    method: 'get',
    path: '/api/auth/me',
    tag: 'auth',
    summary: 'The logged-in user, their person, posts and roles',
    access: 'session',
    status: 200,
    response: Me,
  }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
/** What a caller sends for a route: `{ params?, query?, body? }` as the contract declares. */
export type RouteInput<R extends RouteContract> = {
  [K in 'params' | 'query' | 'body' as R[K] extends z.ZodType ? K : never]: z.input<NonNullable<R[K]>>;
};
/** What a route answers on success. */
export type RouteOutput<R extends RouteContract> = R['response'] extends z.ZodType
  ? Infer<R['response']>
  : void;
