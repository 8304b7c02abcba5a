import { queryOptions } from '@tanstack/react-query';
import { targetRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { targetKeys } from './keys';

export const listProgress = (id: string, options?: CallOptions) =>
  callApi(targetRoutes.listProgress, { params: { id } }, options);

export const progressHistoryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: targetKeys.progress(id),
    queryFn: ({ signal }) => listProgress(id, { signal }),
  });
