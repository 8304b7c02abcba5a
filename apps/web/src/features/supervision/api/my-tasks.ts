import { queryOptions } from '@tanstack/react-query';
import { supervisionRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export const listMyTasks = (options?: CallOptions) =>
  callApi(supervisionRoutes.listMySupervisionTasks, {}, options);

export const myTasksQueryOptions = () =>
  queryOptions({ queryKey: supervisionKeys.myTasks(), queryFn: ({ signal }) => listMyTasks({ signal }) });
