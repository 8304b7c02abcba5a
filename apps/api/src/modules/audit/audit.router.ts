import { routes } from '@zeren/contracts';
import { Router } from 'express';
import type { AppContext } from '../../app';
import type { Actor } from '../../http/actor';
import { forbidden } from '../../http/errors';
import { mount } from '../../http/route';

/** Reading the audit log and verifying its hash chain: administrators and tier 1, own organisation only. */
export function createAuditRouter(ctx: AppContext) {
  const router = Router();
  const assertMayRead = (actor: Actor) => {
    if (!ctx.access.canReadAudit(actor)) throw forbidden('只有管理员和一级责任人可以查看审计日志');
  };

  mount(router, routes.listAudit, ({ query }, { actor }) => {
    assertMayRead(actor);
    return ctx.audit.list(actor.organisationId, query);
  });

  mount(router, routes.verifyAudit, async (_input, { actor }) => {
    assertMayRead(actor);
    const { checked, isIntact, firstBroken } = await ctx.audit.verify(actor.organisationId);
    return { checked, isIntact, ...(firstBroken ? { firstBroken } : {}) };
  });

  return router;
}
