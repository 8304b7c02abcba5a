import type { SupervisionPaths } from '@/features/supervision/components/supervision-page';

/*
 * Where the supervision pages link to. Each page is a route module of its own (supervision.tsx,
 * supervision-inspect.tsx, supervision-finding.tsx, supervision-report.tsx) so a path loads only
 * its own page: the inspection form's upload and date pickers stay off the board, and so on.
 */
export const inspect: SupervisionPaths['inspect'] = (due) =>
  due
    ? `/supervision/inspect?${new URLSearchParams({ planId: due.planId, unitId: due.unit.id, dueOn: due.dueOn }).toString()}`
    : '/supervision/inspect';
export const report = (id: string) => `/supervision/inspections/${id}`;
/** Under 督导检查 for the assessment group; under 我的整改 for owners and their superiors. */
export const boardPaths: SupervisionPaths = {
  finding: (id) => `/supervision/findings/${id}`,
  inspect,
  report,
};
export const myPaths: SupervisionPaths = {
  finding: (id) => `/my/supervision/findings/${id}`,
  inspect,
  report,
};
