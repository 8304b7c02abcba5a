import { queryOptions } from '@tanstack/react-query';
import { supervisionRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export const getInspection = (id: string, options?: CallOptions) =>
  callApi(supervisionRoutes.getInspection, { params: { id } }, options);

export const inspectionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: supervisionKeys.inspection(id),
    queryFn: ({ signal }) => getInspection(id, { signal }),
  });
