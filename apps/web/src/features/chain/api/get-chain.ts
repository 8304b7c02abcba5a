import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { chainRoutes, type Line } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { chainKeys } from './keys';

export interface ChainFilter {
  line: Line;
  year?: number;
}

export const getChain = (filter: ChainFilter, options?: CallOptions) =>
  callApi(chainRoutes.getChain, { query: filter }, options);

export const chainQueryOptions = (filter: ChainFilter) =>
  queryOptions({
    queryKey: chainKeys.chain(filter),
    queryFn: ({ signal }) => getChain(filter, { signal }),
    // Switching line or year keeps the old tree on screen (dimmed) instead of a blank page.
    placeholderData: keepPreviousData,
  });
