import { routes } from '@zeren/contracts';
import { Router } from 'express';
import type { AppContext } from '../../app';
import { mount } from '../../http/route';
import { gapsServiceFor } from '../gaps/gaps.router';
import { targetsServiceFor } from '../targets/targets.router';
import { createChainRepository } from './chain.repository';
import { createChainService } from './chain.service';

/** The responsibility chain and person profiles. */
export function createChainRouter(ctx: AppContext) {
  const router = Router();
  const chain = createChainService({
    repo: createChainRepository(ctx.db, ctx.pool),
    access: ctx.access,
    gaps: gapsServiceFor(ctx),
    targets: targetsServiceFor(ctx),
  });
  mount(router, routes.getChain, ({ query }, { actor }) => chain.getChain(actor, query));
  mount(router, routes.getPersonProfile, ({ params, query }, { actor }) =>
    chain.getPersonProfile(actor, params.id, query),
  );
  return router;
}
