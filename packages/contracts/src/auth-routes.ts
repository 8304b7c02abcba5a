import { z } from 'zod';
import { Health, LoginRequest, Me } from './auth';
import { defineRoute } from './route';

export const systemAndAuthRoutes = {
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
