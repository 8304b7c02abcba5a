import { queryOptions } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const listExclusions = (cycleId: string, options?: CallOptions) =>
  callApi(evaluationRoutes.listExclusions, { params: { id: cycleId } }, options);

export const exclusionsQueryOptions = (cycleId: string) =>
  queryOptions({
    queryKey: evaluationKeys.exclusions(cycleId),
    queryFn: ({ signal }) => listExclusions(cycleId, { signal }),
  });
