import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { orgKeys, type PeopleListQuery } from './keys';

export const listPeople = (query: PeopleListQuery, options?: CallOptions) =>
  callApi(
    orgRoutes.listPeople,
    {
      query: {
        q: query.q || undefined,
        unitId: query.unitId,
        includeArchived: query.includeArchived ? 'true' : undefined,
        page: query.page,
        pageSize: query.pageSize,
      },
    },
    options,
  );

export const peopleQueryOptions = (query: PeopleListQuery) =>
  queryOptions({
    queryKey: orgKeys.peopleList(query),
    queryFn: ({ signal }) => listPeople(query, { signal }),
    // Paging and searching keep the current rows on screen until the next page arrives.
    placeholderData: keepPreviousData,
  });

export const usePeople = (query: PeopleListQuery) => useQuery(peopleQueryOptions(query));
