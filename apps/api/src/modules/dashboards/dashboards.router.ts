import { routes } from '@zeren/contracts';
import { Router } from 'express';
import type { AppContext } from '../../app';
import { JsonText } from '../../http/json-text';
import { mount } from '../../http/route';
import { createBureauDashboard } from './bureau-dashboard';
import { createDashboardsRepository } from './dashboards.repository';
import { createDashboardsService } from './dashboards.service';

/** Dashboards per responsibility tier: bureau, supervisor (分管), section, personal, assessor. */
export function createDashboardsRouter(ctx: AppContext) {
  const router = Router();
  const repo = createDashboardsRepository(ctx.db, ctx.pool);
  const dashboards = createDashboardsService({ repo, access: ctx.access });
  // Tier 1 keeps its figures in memory per organisation, year and data version (one per app).
  const bureau = createBureauDashboard({ repo, access: ctx.access });
  mount(
    router,
    routes.getBureauDashboard,
    async ({ query }, { actor }) => new JsonText(await bureau.getBureau(actor, query)),
  );
  mount(router, routes.getSupervisorDashboard, ({ query }, { actor }) =>
    dashboards.getSupervisor(actor, query),
  );
  mount(router, routes.getSectionDashboard, ({ query }, { actor }) => dashboards.getSection(actor, query));
  mount(router, routes.getPersonalDashboard, ({ query }, { actor }) => dashboards.getPersonal(actor, query));
  mount(router, routes.getAssessorDashboard, ({ query }, { actor }) => dashboards.getAssessor(actor, query));
  return router;
}
