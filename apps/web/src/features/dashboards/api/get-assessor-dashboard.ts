import { queryOptions } from '@tanstack/react-query';
import { dashboardRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { dashboardKeys } from './keys';

export const getAssessorDashboard = (cycleId?: string, options?: CallOptions) =>
  callApi(dashboardRoutes.getAssessorDashboard, { query: { cycleId } }, options);

export const assessorDashboardQueryOptions = (cycleId?: string) =>
  queryOptions({
    queryKey: dashboardKeys.assessor(cycleId),
    queryFn: ({ signal }) => getAssessorDashboard(cycleId, { signal }),
  });
