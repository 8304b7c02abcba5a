import {
  AssessorDashboard,
  AssessorDashboardQuery,
  BureauDashboard,
  BureauDashboardQuery,
  PersonalDashboard,
  PersonalDashboardQuery,
  SectionDashboard,
  SectionDashboardQuery,
  SupervisorDashboard,
  SupervisorDashboardQuery,
} from './dashboards';
import { defineRoute } from './route';

const session = { access: 'session' } as const;

/** Dashboards per responsibility tier: each page loads with one of these. */
export const dashboardRoutes = {
  getBureauDashboard: defineRoute({
    ...session,
    tag: 'dashboards',
    method: 'get',
    path: '/api/dashboards/bureau',
    summary:
      'Tier 1: the three major targets, unit heatmap (one level, drill down with unitId), gaps, risks, scoring, grades and trend',
    query: BureauDashboardQuery,
    status: 200,
    response: BureauDashboard,
    errors: [403, 404],
  }),
  getSupervisorDashboard: defineRoute({
    ...session,
    tag: 'dashboards',
    method: 'get',
    path: '/api/dashboards/supervisor',
    summary: 'Tier 2: the units below one post (分管), side by side',
    query: SupervisorDashboardQuery,
    status: 200,
    response: SupervisorDashboard,
    errors: [403, 404],
  }),
  getSectionDashboard: defineRoute({
    ...session,
    tag: 'dashboards',
    method: 'get',
    path: '/api/dashboards/section',
    summary: "Tier 3: a section's targets, staff, decomposition and what falls due",
    query: SectionDashboardQuery,
    status: 200,
    response: SectionDashboard,
    errors: [403, 404],
  }),
  getPersonalDashboard: defineRoute({
    ...session,
    tag: 'dashboards',
    method: 'get',
    path: '/api/dashboards/personal',
    summary: 'My targets, my recent progress and my published results',
    query: PersonalDashboardQuery,
    status: 200,
    response: PersonalDashboard,
  }),
  getAssessorDashboard: defineRoute({
    ...session,
    tag: 'dashboards',
    method: 'get',
    path: '/api/dashboards/assessor',
    summary: 'Assessment-group member: my scoring progress per cycle and who is still missing',
    query: AssessorDashboardQuery,
    status: 200,
    response: AssessorDashboard,
    errors: [403, 404],
  }),
} as const;
