import { routes } from '@zeren/contracts';
import { Router, type CookieOptions, type Response } from 'express';
import { SESSION_COOKIE } from '../../http/authenticate';
import { mount } from '../../http/route';
import type { AuthService } from './auth.service';
import { TooManyAttemptsError } from './login-throttle';

/** A throttled attempt answers 429 with `Retry-After` (seconds), then the error handler's body. */
async function withRetryAfter<T>(res: Response, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof TooManyAttemptsError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}

export function createAuthRouter(auth: AuthService, options: { isCookieSecure: boolean }) {
  const router = Router();
  const cookieOptions: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.isCookieSecure,
    path: '/',
  };

  mount(router, routes.login, async ({ body }, { req, res }) => {
    const { token, expiresAt, me } = await withRetryAfter(res, () =>
      auth.login(body, { ip: req.ip, userAgent: req.get('user-agent')?.slice(0, 300) }),
    );
    res.cookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
    return me;
  });

  mount(router, routes.logout, async (_input, { actor, res }) => {
    await auth.logout(actor.sessionTokenHash);
    res.clearCookie(SESSION_COOKIE, cookieOptions);
  });

  mount(router, routes.me, async (_input, { actor }) => auth.getMe(actor));

  mount(router, routes.updatePreferences, async ({ body }, { actor }) => auth.updatePreferences(actor, body));

  mount(router, routes.changePassword, async ({ body }, { actor, req, res }) => {
    await withRetryAfter(res, () => auth.changePassword(actor, body, { ip: req.ip }));
  });

  mount(router, routes.disableUser, async ({ params }, { actor }) => {
    await auth.disableUser(actor, params.id);
  });

  mount(router, routes.enableUser, async ({ params }, { actor }) => {
    await auth.enableUser(actor, params.id);
  });

  return router;
}
