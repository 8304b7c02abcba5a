import { routes } from '@zeren/contracts';
import { Router } from 'express';
import type { AppContext } from '../../app';
import { mount } from '../../http/route';
import { createDashboardsRepository } from './dashboards.repository';
import { createDashboardsService } from './dashboards.service';

/** Dashboards per responsibility tier: bureau, supervisor (分管), section, personal, assessor. */
export function createDashboardsRouter(ctx: AppContext) {
  const router = Router();
  const dashboards = createDashboardsService({
    repo: createDashboardsRepository(ctx.db),
    access: ctx.access,
  });
  mount(router, routes.getBureauDashboard, ({ query }, { actor }) => dashboards.getBureau(actor, query));
  mount(router, routes.getSupervisorDashboard, ({ query }, { actor }) =>
    dashboards.getSupervisor(actor, query),
  );
  mount(router, routes.getSectionDashboard, ({ query }, { actor }) => dashboards.getSection(actor, query));
  mount(router, routes.getPersonalDashboard, ({ query }, { actor }) => dashboards.getPersonal(actor, query));
  mount(router, routes.getAssessorDashboard, ({ query }, { actor }) => dashboards.getAssessor(actor, query));
  return router;
}
