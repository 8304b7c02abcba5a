import type { z } from 'zod';
import type { FindingsQuery, InspectionsQuery } from '@zeren/contracts';

export type FindingListFilter = Partial<z.input<typeof FindingsQuery>>;
export type InspectionListFilter = Partial<z.input<typeof InspectionsQuery>>;

/** Query keys of the supervision feature; invalidate through these, never through literal arrays. */
export const supervisionKeys = {
  all: ['supervision'] as const,
  plans: () => [...supervisionKeys.all, 'plans'] as const,
  due: () => [...supervisionKeys.all, 'due'] as const,
  board: () => [...supervisionKeys.all, 'board'] as const,
  findings: () => [...supervisionKeys.all, 'findings'] as const,
  findingList: (filter: FindingListFilter) => [...supervisionKeys.findings(), 'list', filter] as const,
  finding: (id: string) => [...supervisionKeys.findings(), 'detail', id] as const,
  inspections: () => [...supervisionKeys.all, 'inspections'] as const,
  inspectionList: (filter: InspectionListFilter) =>
    [...supervisionKeys.inspections(), 'list', filter] as const,
  inspection: (id: string) => [...supervisionKeys.inspections(), 'detail', id] as const,
  myTasks: () => [...supervisionKeys.all, 'tasks'] as const,
  posts: (unitId: string) => [...supervisionKeys.all, 'posts', unitId] as const,
  targets: (postId: string) => [...supervisionKeys.all, 'targets', postId] as const,
};
