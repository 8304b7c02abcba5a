import { queryOptions } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const getCycle = (id: string, options?: CallOptions) =>
  callApi(evaluationRoutes.getCycle, { params: { id } }, options);

export const cycleQueryOptions = (id: string) =>
  queryOptions({
    queryKey: evaluationKeys.cycle(id),
    queryFn: ({ signal }) => getCycle(id, { signal }),
  });
