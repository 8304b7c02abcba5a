import { routes } from '@zeren/contracts';
import { Router } from 'express';
import type { AppContext } from '../../app';
import { mount } from '../../http/route';
import { createGapsRepository } from './gaps.repository';
import { createGapsService } from './gaps.service';

export const gapsServiceFor = (ctx: AppContext) =>
  createGapsService({ db: ctx.db, repo: createGapsRepository(ctx.db), access: ctx.access, audit: ctx.audit });

/** The gap report, waivers and publishing a year's target book. */
export function createGapsRouter(ctx: AppContext) {
  const router = Router();
  const gaps = gapsServiceFor(ctx);
  mount(router, routes.getGaps, ({ query }, { actor }) => gaps.getGaps(actor, query));
  mount(router, routes.waiveGap, ({ body }, { actor }) => gaps.waiveGap(actor, body));
  mount(router, routes.revokeGapWaiver, ({ params }, { actor }) => gaps.revokeGapWaiver(actor, params.id));
  mount(router, routes.publishTargetYear, ({ params }, { actor }) =>
    gaps.publishTargetYear(actor, params.year),
  );
  return router;
}
