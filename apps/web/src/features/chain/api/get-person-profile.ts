import { queryOptions } from '@tanstack/react-query';
import { chainRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { chainKeys } from './keys';

export const getPersonProfile = (id: string, year?: number, options?: CallOptions) =>
  callApi(chainRoutes.getPersonProfile, { params: { id }, query: { year } }, options);

export const personProfileQueryOptions = (id: string, year?: number) =>
  queryOptions({
    queryKey: chainKeys.person(id, year),
    queryFn: ({ signal }) => getPersonProfile(id, year, { signal }),
  });
