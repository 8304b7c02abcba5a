import { queryOptions } from '@tanstack/react-query';
import { supervisionRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export const getFinding = (id: string, options?: CallOptions) =>
  callApi(supervisionRoutes.getFinding, { params: { id } }, options);

export const findingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: supervisionKeys.finding(id),
    queryFn: ({ signal }) => getFinding(id, { signal }),
  });
