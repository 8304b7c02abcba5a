import { queryOptions } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const listAmendments = (cycleId: string, options?: CallOptions) =>
  callApi(evaluationRoutes.listAmendments, { params: { id: cycleId }, query: { pageSize: 200 } }, options);

export const amendmentsQueryOptions = (cycleId: string) =>
  queryOptions({
    queryKey: evaluationKeys.amendments(cycleId),
    queryFn: ({ signal }) => listAmendments(cycleId, { signal }),
  });
