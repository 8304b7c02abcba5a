import { queryOptions } from '@tanstack/react-query';
import { targetRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { targetKeys } from './keys';

export const getTarget = (id: string, options?: CallOptions) =>
  callApi(targetRoutes.getTarget, { params: { id } }, options);

export const targetQueryOptions = (id: string) =>
  queryOptions({
    queryKey: targetKeys.detail(id),
    queryFn: ({ signal }) => getTarget(id, { signal }),
  });
