import { routes } from '@zeren/contracts';
import { Router } from 'express';
import type { AppContext } from '../../app';
import { mount } from '../../http/route';
import { createProgressService } from './progress.service';
import { createTargetsRepository } from './targets.repository';
import { createTargetsService } from './targets.service';

const depsFor = (ctx: AppContext) => ({
  db: ctx.db,
  repo: createTargetsRepository(ctx.db, ctx.pool),
  access: ctx.access,
  audit: ctx.audit,
});

export const targetsServiceFor = (ctx: AppContext) => createTargetsService(depsFor(ctx));

/** Targets, decomposition, bulk assignment, progress and evidence. */
export function createTargetsRouter(ctx: AppContext) {
  const router = Router();
  const deps = depsFor(ctx);
  const targets = createTargetsService(deps);
  const progress = createProgressService(deps);

  mount(router, routes.listTargets, ({ query }, { actor }) => targets.listTargets(actor, query));
  mount(router, routes.bulkAssignTargets, ({ body }, { actor }) => targets.bulkAssignTargets(actor, body));
  mount(router, routes.createTarget, ({ body }, { actor }) => targets.createTarget(actor, body));
  mount(router, routes.getTarget, ({ params }, { actor }) => targets.getTarget(actor, params.id));
  mount(router, routes.getTargetTree, ({ params, query }, { actor }) =>
    targets.getTargetTree(actor, params.id, query),
  );
  mount(router, routes.updateTarget, ({ params, body }, { actor }) =>
    targets.updateTarget(actor, params.id, body),
  );
  mount(router, routes.archiveTarget, ({ params, body }, { actor }) =>
    targets.archiveTarget(actor, params.id, body.version),
  );
  mount(router, routes.decomposeTarget, ({ params, body }, { actor }) =>
    targets.decomposeTarget(actor, params.id, body),
  );

  mount(router, routes.listProgress, ({ params }, { actor }) => progress.listProgress(actor, params.id));
  mount(router, routes.recordProgress, ({ params, body }, { actor, hooks }) =>
    progress.recordProgress(actor, params.id, body, hooks),
  );
  mount(router, routes.uploadEvidence, ({ query, body }, { actor }) =>
    progress.uploadEvidence(actor, query.filename, body),
  );
  mount(router, routes.downloadEvidence, ({ params }, { actor, res }) =>
    progress.downloadEvidence(actor, params.id, res),
  );

  return router;
}
