import { queryOptions } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const listMyResults = (options?: CallOptions) => callApi(evaluationRoutes.listMyResults, {}, options);

export const myResultsQueryOptions = () =>
  queryOptions({
    queryKey: evaluationKeys.myResults(),
    queryFn: ({ signal }) => listMyResults({ signal }),
  });
