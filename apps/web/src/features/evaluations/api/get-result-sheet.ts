import { queryOptions } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const getResultSheet = (cycleId: string, personId: string, options?: CallOptions) =>
  callApi(evaluationRoutes.getResultSheet, { params: { id: cycleId, personId } }, options);

export const resultSheetQueryOptions = (cycleId: string, personId: string) =>
  queryOptions({
    queryKey: evaluationKeys.resultSheet(cycleId, personId),
    queryFn: ({ signal }) => getResultSheet(cycleId, personId, { signal }),
  });
