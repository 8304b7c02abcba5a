import { routes } from '@zeren/contracts';
import { Router } from 'express';
import type { AppContext } from '../../app';
import { mount } from '../../http/route';
import { createCyclesService } from './cycles.service';
import { createEvaluationsRepository } from './evaluations.repository';
import { mountRegistrationFormRoutes } from './registration-form.router';
import { createResultsService } from './results.service';
import { createScoringService } from './scoring.service';
import { createDeductionProposer } from '../supervision/proposals';

/** 综合考评: cycles, the assessment group, scoring, results and amendments (rules in the services). */
export function createEvaluationsRouter(ctx: AppContext) {
  const router = Router();
  const deps = {
    db: ctx.db,
    repo: createEvaluationsRepository(ctx.db, ctx.pool),
    access: ctx.access,
    audit: ctx.audit,
  };
  const results = createResultsService(deps);
  const cycles = createCyclesService({ ...deps, results });
  const scoring = createScoringService({ ...deps, proposals: createDeductionProposer(ctx.db) });

  mount(router, routes.listCycles, ({ query }, { actor }) => cycles.listCycles(actor, query));
  mount(router, routes.createCycle, ({ body }, { actor }) => cycles.createCycle(actor, body));
  mount(router, routes.getCycle, ({ params }, { actor }) => cycles.getCycle(actor, params.id));
  mount(router, routes.updateCycleWindow, ({ params, body }, { actor }) =>
    cycles.updateWindow(actor, params.id, body),
  );
  mount(router, routes.transitionCycle, ({ params, body }, { actor }) =>
    cycles.transition(actor, params.id, body),
  );

  mount(router, routes.listAssessors, (_input, { actor }) => cycles.listAssessors(actor));
  mount(router, routes.setAssessors, ({ body }, { actor }) => cycles.setAssessors(actor, body));

  mount(router, routes.listExclusions, ({ params }, { actor }) => cycles.listExclusions(actor, params.id));
  mount(router, routes.addExclusion, ({ params, body }, { actor }) =>
    cycles.addExclusion(actor, params.id, body),
  );
  mount(router, routes.removeExclusion, ({ params }, { actor }) =>
    cycles.removeExclusion(actor, params.id, params.personId),
  );

  mount(router, routes.getWorkbench, ({ params, query }, { actor }) =>
    scoring.getWorkbench(actor, params.id, query),
  );
  mount(router, routes.saveScores, ({ params, body }, { actor, hooks }) =>
    scoring.saveScores(actor, params.id, body, hooks),
  );
  mount(router, routes.addAdjustment, ({ params, body }, { actor }) =>
    scoring.addAdjustment(actor, params.id, body),
  );
  mount(router, routes.deleteAdjustment, ({ params }, { actor }) =>
    scoring.deleteAdjustment(actor, params.id, params.adjustmentId),
  );
  mount(router, routes.submitScores, ({ params, body }, { actor, hooks }) =>
    scoring.submit(actor, params.id, body, hooks),
  );
  mount(router, routes.getEvalueeContext, ({ params }, { actor }) =>
    scoring.getEvalueeContext(actor, params.id, params.personId),
  );

  mount(router, routes.listResults, ({ params, query }, { actor }) =>
    results.listResults(actor, params.id, query),
  );
  mount(router, routes.exportResults, ({ params }, { actor, res }) =>
    results.exportResults(actor, params.id, res),
  );
  mount(router, routes.getResultSheet, ({ params }, { actor }) =>
    results.getResultSheet(actor, params.id, params.personId),
  );
  mount(router, routes.listAmendments, ({ params, query }, { actor }) =>
    results.listAmendments(actor, params.id, query),
  );
  mount(router, routes.createAmendment, ({ params, body }, { actor }) =>
    results.createAmendment(actor, params.id, body),
  );
  mount(router, routes.listMyResults, (_input, { actor }) => results.listMyResults(actor));
  mountRegistrationFormRoutes(router, { ...deps, results });

  return router;
}
