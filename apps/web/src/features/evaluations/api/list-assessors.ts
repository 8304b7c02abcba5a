import { queryOptions } from '@tanstack/react-query';
import { routes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const listAssessors = (options?: CallOptions) => callApi(routes.listAssessors, {}, options);

export const assessorsQueryOptions = () =>
  queryOptions({
    queryKey: evaluationKeys.assessors(),
    queryFn: ({ signal }) => listAssessors({ signal }),
  });
