import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { targetRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { targetKeys, type TargetListFilter } from './keys';

export const listTargets = (filter: TargetListFilter, options?: CallOptions) =>
  callApi(targetRoutes.listTargets, { query: filter }, options);

export const targetListQueryOptions = (filter: TargetListFilter) =>
  queryOptions({
    queryKey: targetKeys.list(filter),
    queryFn: ({ signal }) => listTargets(filter, { signal }),
    // Paging and filtering keep the previous rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });

/** The decomposition of one target, loaded when its row is expanded. */
export const targetChildrenQueryOptions = (parentId: string) =>
  queryOptions({
    queryKey: targetKeys.list({ parentId, pageSize: 200 }),
    queryFn: ({ signal }) => listTargets({ parentId, pageSize: 200 }, { signal }),
  });
