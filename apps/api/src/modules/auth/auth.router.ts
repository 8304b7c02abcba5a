import { routes } from '@zeren/contracts';
import { Router, type CookieOptions } from 'express';
import { SESSION_COOKIE } from '../../http/authenticate';
import { mount } from '../../http/route';
import type { AuthService } from './auth.service';

export function createAuthRouter(auth: AuthService, options: { isCookieSecure: boolean }) {
  const router = Router();
  const cookieOptions: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.isCookieSecure,
    path: '/',
  };

  mount(router, routes.login, async ({ body }, { req, res }) => {
    const { token, expiresAt, me } = await auth.login(body, {
      ip: req.ip,
      userAgent: req.get('user-agent')?.slice(0, 300),
    });
    res.cookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
    return me;
  });

  mount(router, routes.logout, async (_input, { actor, res }) => {
    await auth.logout(actor.sessionTokenHash);
    res.clearCookie(SESSION_COOKIE, cookieOptions);
  });

  mount(router, routes.me, async (_input, { actor }) => auth.getMe(actor));

  return router;
}
