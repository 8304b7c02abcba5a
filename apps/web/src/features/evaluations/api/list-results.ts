import { queryOptions } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys, type ResultListFilter } from './keys';

export const listResults = (cycleId: string, query: ResultListFilter, options?: CallOptions) =>
  callApi(evaluationRoutes.listResults, { params: { id: cycleId }, query }, options);

/** The ranked list; a bureau fits one page of 200, which the quota summary is about anyway. */
export const resultListQueryOptions = (cycleId: string, filter: ResultListFilter = {}) =>
  queryOptions({
    queryKey: evaluationKeys.resultList(cycleId, filter),
    queryFn: ({ signal }) => listResults(cycleId, { pageSize: 200, ...filter }, { signal }),
  });
