import { queryOptions } from '@tanstack/react-query';
import { dashboardRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { dashboardKeys } from './keys';

export const getSupervisorDashboard = (postId?: string, year?: number, options?: CallOptions) =>
  callApi(dashboardRoutes.getSupervisorDashboard, { query: { postId, year } }, options);

export const supervisorDashboardQueryOptions = (postId?: string, year?: number) =>
  queryOptions({
    queryKey: dashboardKeys.supervisor(postId, year),
    queryFn: ({ signal }) => getSupervisorDashboard(postId, year, { signal }),
  });
