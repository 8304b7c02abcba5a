import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { supervisionRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { supervisionKeys, type InspectionListFilter } from './keys';

export const listInspections = (filter: InspectionListFilter, options?: CallOptions) =>
  callApi(supervisionRoutes.listInspections, { query: filter }, options);

export const inspectionsQueryOptions = (filter: InspectionListFilter) =>
  queryOptions({
    queryKey: supervisionKeys.inspectionList(filter),
    queryFn: ({ signal }) => listInspections(filter, { signal }),
    placeholderData: keepPreviousData,
  });
