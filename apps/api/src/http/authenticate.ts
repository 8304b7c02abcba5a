import { parse } from 'cookie';
import type { RequestHandler } from 'express';
import type { AuthService } from '../modules/auth/auth.service';

export const SESSION_COOKIE = 'zeren_sid';

/** Resolves the session cookie to `res.locals.actor`; routes decide whether they need one. */
export function authenticate(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const token = req.headers.cookie ? parse(req.headers.cookie)[SESSION_COOKIE] : undefined;
    if (token && token.length <= 128) {
      const actor = await auth.authenticate(token);
      if (actor) {
        res.locals.actor = actor;
        req.log?.setBindings?.({ userId: actor.userId });
      }
    }
    next();
  };
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for cookie auth: a cross-site form cannot set a custom header, and a cross-site
 * fetch that sets one needs a CORS preflight we never grant. SameSite=Lax on the cookie is the
 * second layer.
 */
export const requireCsrfHeader: RequestHandler = (req, res, next) => {
  if (UNSAFE_METHODS.has(req.method) && !req.get('x-requested-with')) {
    res.status(403).json({
      error: { code: 'FORBIDDEN', message: '请求缺少 X-Requested-With 头（跨站请求防护）' },
    });
    return;
  }
  next();
};
