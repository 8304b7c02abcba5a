import { queryOptions } from '@tanstack/react-query';
import { supervisionRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { dashboardKeys } from './keys';

export const getMySupervisionTasks = (options?: CallOptions) =>
  callApi(supervisionRoutes.listMySupervisionTasks, {}, options);

export const mySupervisionTasksQueryOptions = () =>
  queryOptions({
    queryKey: dashboardKeys.supervisionTasks(),
    queryFn: ({ signal }) => getMySupervisionTasks({ signal }),
  });
