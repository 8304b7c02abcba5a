import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const getEvalueeContext = (cycleId: string, personId: string, options?: CallOptions) =>
  callApi(evaluationRoutes.getEvalueeContext, { params: { id: cycleId, personId } }, options);

export const evalueeContextQueryOptions = (cycleId: string, personId: string) =>
  queryOptions({
    queryKey: evaluationKeys.evalueeContext(cycleId, personId),
    queryFn: ({ signal }) => getEvalueeContext(cycleId, personId, { signal }),
    // Targets move slowly; moving up and down the grid should not refetch the same person.
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
