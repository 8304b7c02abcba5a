import { queryOptions } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const listAssessors = (options?: CallOptions) => callApi(evaluationRoutes.listAssessors, {}, options);

export const assessorsQueryOptions = () =>
  queryOptions({
    queryKey: evaluationKeys.assessors(),
    queryFn: ({ signal }) => listAssessors({ signal }),
  });
