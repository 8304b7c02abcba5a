import { queryOptions } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys, type CycleListFilter } from './keys';

export const listCycles = (query: CycleListFilter, options?: CallOptions) =>
  callApi(evaluationRoutes.listCycles, { query }, options);

/** Cycles of one year (or all): a bureau has five a year, so one page of 200 holds them all. */
export const cycleListQueryOptions = (filter: CycleListFilter) =>
  queryOptions({
    queryKey: evaluationKeys.cycleList(filter),
    queryFn: ({ signal }) => listCycles({ pageSize: 200, ...filter }, { signal }),
  });
