import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { systemAndAuthRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { authKeys } from './keys';

export const getMe = (options?: CallOptions) => callApi(systemAndAuthRoutes.me, {}, options);

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe({ signal }),
    // Who you are rarely changes within a session; a 401 on any other call signs you out anyway.
    staleTime: 5 * 60_000,
  });

/** The logged-in person. Only inside the authenticated shell, whose loader has already fetched it. */
export const useMe = () => useSuspenseQuery(meQueryOptions()).data;
