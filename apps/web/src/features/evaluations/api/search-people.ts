import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys } from './keys';

/** People by name or 工号, for the exclusion and assessment-group pickers. */
export const searchPeople = (q: string, options?: CallOptions) =>
  callApi(orgRoutes.listPeople, { query: { q: q || undefined, pageSize: 30 } }, options);

export const peopleSearchQueryOptions = (q: string) =>
  queryOptions({
    queryKey: evaluationKeys.people(q),
    queryFn: ({ signal }) => searchPeople(q, { signal }),
    placeholderData: keepPreviousData,
  });
