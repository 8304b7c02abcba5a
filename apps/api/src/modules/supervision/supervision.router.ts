import { routes } from '@zeren/contracts';
import { Router } from 'express';
import type { AppContext } from '../../app';
import { mount } from '../../http/route';
import { createEvaluationsRepository } from '../evaluations/evaluations.repository';
import { createScoringService } from '../evaluations/scoring.service';
import { createDeductionProposer } from './proposals';
import { createSupervisionRepository } from './supervision.repository';
import { createSupervisionService } from './supervision.service';

/** 督导: plans, inspections, findings and their rectification, escalation, tasks, proposed deductions. */
export function createSupervisionRouter(ctx: AppContext) {
  const router = Router();
  const repo = createSupervisionRepository(ctx.db);
  const evaluations = createEvaluationsRepository(ctx.db);
  const proposals = createDeductionProposer(ctx.db, repo);
  const scoring = createScoringService({
    db: ctx.db,
    repo: evaluations,
    access: ctx.access,
    audit: ctx.audit,
    proposals,
  });
  const supervision = createSupervisionService({
    db: ctx.db,
    repo,
    access: ctx.access,
    audit: ctx.audit,
    evaluations,
    scoring,
    proposals,
  });

  mount(router, routes.listInspectionPlans, ({ query }, { actor }) => supervision.listPlans(actor, query));
  mount(router, routes.createInspectionPlan, ({ body }, { actor }) => supervision.createPlan(actor, body));
  mount(router, routes.getInspectionPlan, ({ params }, { actor }) => supervision.getPlan(actor, params.id));
  mount(router, routes.updateInspectionPlan, ({ params, body }, { actor }) =>
    supervision.updatePlan(actor, params.id, body),
  );
  mount(router, routes.archiveInspectionPlan, ({ params }, { actor }) =>
    supervision.archivePlan(actor, params.id),
  );
  mount(router, routes.listDueInspections, ({ query }, { actor }) => supervision.listDue(actor, query));
  mount(router, routes.recordInspection, ({ body }, { actor }) => supervision.recordInspection(actor, body));
  mount(router, routes.listInspections, ({ query }, { actor }) => supervision.listInspections(actor, query));
  mount(router, routes.getInspection, ({ params }, { actor }) => supervision.getInspection(actor, params.id));
  mount(router, routes.listFindings, ({ query }, { actor }) => supervision.listFindings(actor, query));
  mount(router, routes.getSupervisionBoard, (_input, { actor }) => supervision.getBoard(actor));
  mount(router, routes.getFinding, ({ params }, { actor }) => supervision.getFinding(actor, params.id));
  mount(router, routes.rectifyFinding, ({ params, body }, { actor }) =>
    supervision.rectify(actor, params.id, body),
  );
  mount(router, routes.reinspectFinding, ({ params, body }, { actor }) =>
    supervision.reinspect(actor, params.id, body),
  );
  mount(router, routes.downloadFindingEvidence, ({ params }, { actor, res }) =>
    supervision.downloadEvidence(actor, params.id, params.fileId, res),
  );
  mount(router, routes.runEscalations, (_input, { actor }) => supervision.runEscalations(actor));
  mount(router, routes.listMySupervisionTasks, (_input, { actor }) => supervision.myTasks(actor));
  mount(router, routes.acceptProposedDeduction, ({ params, body }, { actor }) =>
    supervision.acceptProposal(actor, params.id, body),
  );

  return router;
}
