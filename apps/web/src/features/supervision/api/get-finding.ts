import { queryOptions } from '@tanstack/react-query';
import { routes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export const getFinding = (id: string, options?: CallOptions) =>
  callApi(routes.getFinding, { params: { id } }, options);

export const findingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: supervisionKeys.finding(id),
    queryFn: ({ signal }) => getFinding(id, { signal }),
  });
