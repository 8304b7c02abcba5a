import type { z } from 'zod';
import type { TargetsQuery } from '@zeren/contracts';

export type TargetListFilter = Partial<z.input<typeof TargetsQuery>>;

/** Query keys of the targets feature; invalidate through these, never through literal arrays. */
export const targetKeys = {
  all: ['targets'] as const,
  lists: () => [...targetKeys.all, 'list'] as const,
  list: (filter: TargetListFilter) => [...targetKeys.lists(), filter] as const,
  details: () => [...targetKeys.all, 'detail'] as const,
  detail: (id: string) => [...targetKeys.details(), id] as const,
  progress: (id: string) => [...targetKeys.detail(id), 'progress'] as const,
  subordinatePosts: (postId: string, line: string, year: number) =>
    [...targetKeys.all, 'subordinate-posts', { postId, line, year }] as const,
  units: () => [...targetKeys.all, 'units'] as const,
};
