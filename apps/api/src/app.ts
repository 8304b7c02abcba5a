import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { z } from 'zod';
import type { Config } from './config';
import { poolOf, type Db } from './db/database';
import type { SqlPool } from './db/sql';
import { authenticate, requireCsrfHeader } from './http/authenticate';
import { createErrorHandler, notFoundHandler } from './http/error-handler';
import { createIdempotencyStore } from './http/idempotency';
import { createAuthRepository } from './modules/auth/auth.repository';
import { createAuthRouter } from './modules/auth/auth.router';
import { createAuthService, type AuthService } from './modules/auth/auth.service';
import { createAccessRepository } from './modules/access/access.repository';
import { createAccessService, type AccessService } from './modules/access/access.service';
import { createAuditRepository } from './modules/audit/audit.repository';
import { createAuditRouter } from './modules/audit/audit.router';
import { createAuditService, type AuditService } from './modules/audit/audit.service';
import { createChainRouter } from './modules/chain/chain.router';
import { createDashboardsRouter } from './modules/dashboards/dashboards.router';
import { createGapsRouter } from './modules/gaps/gaps.router';
import { createOrgRouter } from './modules/org/org.router';
import { createEvaluationsRouter } from './modules/evaluations/evaluations.router';
import { createSupervisionRouter } from './modules/supervision/supervision.router';
import { createSystemRouter } from './modules/system/system.router';
import { createSpreadsheetsRouter } from './modules/spreadsheets/spreadsheets.router';
import { createTargetsRouter } from './modules/targets/targets.router';

// Validation messages in Chinese by default: they reach people through the UI.
z.config(z.locales.zhCN());

export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
}

/** What every area's router factory receives: the database and the shared services. */
export interface AppContext extends AppDeps {
  /** The pg pool under `db`: hot reads send raw SQL through it (db/sql.ts). */
  pool: SqlPool;
  auth: AuthService;
  audit: AuditService;
  access: AccessService;
}

/** Takes `br` out of Accept-Encoding, so `compression` picks gzip (see its use below). */
function withoutBrotli(req: express.Request, _res: express.Response, next: express.NextFunction) {
  const accepted = req.headers['accept-encoding'];
  if (accepted?.includes('br'))
    req.headers['accept-encoding'] = accepted
      .split(',')
      .filter((coding) => coding.split(';')[0]!.trim().toLowerCase() !== 'br')
      .join(',');
  next();
}

/** Builds the Express app; `server.ts` listens. */
export function createApp({ db, config, logger }: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  // Stored answers of keyed writes (routes with `idempotent` in their contract; http/route.ts).
  app.locals.idempotency = createIdempotencyStore(db);

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          // antd's CSS-in-JS writes <style> elements at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          'form-action': ["'self'"],
          'object-src': ["'none'"],
          'upgrade-insecure-requests': null,
        },
      },
      strictTransportSecurity: config.NODE_ENV === 'production',
    }),
  );
  // gzip for browsers that accept it (the SPA's assets and the JSON). Not brotli: its encoder's
  // buffers, one set per response in flight, took the API's resident memory under load past the
  // 200 MB it is held to, for a few per cent fewer bytes (docs/performance.md "Memory").
  app.use(withoutBrotli, compression());
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  const pool = poolOf(db);
  const audit = createAuditService(createAuditRepository(db));
  const auth = createAuthService({ repo: createAuthRepository(db, pool), audit, config });
  const ctx: AppContext = {
    db,
    pool,
    config,
    logger,
    auth,
    audit,
    access: createAccessService(createAccessRepository(db)),
  };
  const isCookieSecure = config.COOKIE_SECURE || config.NODE_ENV === 'production';

  const api = express.Router();
  api.use('/api', express.json({ limit: '1mb' }), requireCsrfHeader, authenticate(auth));
  api.use(createSystemRouter(db));
  api.use(createAuthRouter(auth, { isCookieSecure }));
  // Area routers (each mounts its contract routes):
  api.use(createEvaluationsRouter(ctx));
  api.use(createOrgRouter(ctx));
  api.use(createTargetsRouter(ctx));
  api.use(createChainRouter(ctx));
  api.use(createGapsRouter(ctx));
  api.use(createAuditRouter(ctx));
  api.use(createSupervisionRouter(ctx));
  api.use(createDashboardsRouter(ctx));
  api.use(createSpreadsheetsRouter(ctx));
  api.use('/api', notFoundHandler);
  app.use(api);

  // The built SPA on the same origin: static assets, then index.html for client-side routes.
  const webDist = config.ZEREN_WEB_DIST;
  if (existsSync(path.join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1y', immutable: true }));
    app.get('/{*spa}', (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(webDist, 'index.html'));
    });
  }

  app.use(createErrorHandler(logger));
  return app;
}
