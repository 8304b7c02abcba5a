/** Query keys of the dashboards; invalidate through these, never through literal arrays. */
export const dashboardKeys = {
  all: ['dashboards'] as const,
  bureau: (year?: number, unitId?: string) => [...dashboardKeys.all, 'bureau', { year, unitId }] as const,
  supervisor: (postId?: string, year?: number) =>
    [...dashboardKeys.all, 'supervisor', { postId, year }] as const,
  section: (postId?: string, year?: number) => [...dashboardKeys.all, 'section', { postId, year }] as const,
  personal: (year?: number) => [...dashboardKeys.all, 'personal', { year }] as const,
  assessor: (cycleId?: string) => [...dashboardKeys.all, 'assessor', { cycleId }] as const,
  supervisionTasks: () => [...dashboardKeys.all, 'supervision-tasks'] as const,
};
