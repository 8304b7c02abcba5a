import { routes } from '@zeren/contracts';
import { Router } from 'express';
import type { Db } from '../../db/database';
import { DomainError } from '../../http/errors';
import { mount } from '../../http/route';
import { buildOpenApiDocument } from './openapi';

export function createSystemRouter(db: Db) {
  const router = Router();

  mount(router, routes.health, async () => {
    try {
      await db.$queryRaw`SELECT 1`;
    } catch {
      throw new DomainError('SERVICE_UNAVAILABLE', '数据库暂时无法访问');
    }
    return { status: 'ok', db: 'ok' } as const;
  });

  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  mount(router, routes.openapi, () => {
    document ??= buildOpenApiDocument('0.1.0');
    return document as never;
  });

  return router;
}
