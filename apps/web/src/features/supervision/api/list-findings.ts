import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { supervisionRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { supervisionKeys, type FindingListFilter } from './keys';

export const listFindings = (filter: FindingListFilter, options?: CallOptions) =>
  callApi(supervisionRoutes.listFindings, { query: filter }, options);

export const findingsQueryOptions = (filter: FindingListFilter) =>
  queryOptions({
    queryKey: supervisionKeys.findingList(filter),
    queryFn: ({ signal }) => listFindings(filter, { signal }),
    placeholderData: keepPreviousData,
  });
