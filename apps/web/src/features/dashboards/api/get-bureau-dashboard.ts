import { queryOptions } from '@tanstack/react-query';
import { dashboardRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { dashboardKeys } from './keys';

export const getBureauDashboard = (year?: number, options?: CallOptions) =>
  callApi(dashboardRoutes.getBureauDashboard, { query: { year } }, options);

export const bureauDashboardQueryOptions = (year?: number) =>
  queryOptions({
    queryKey: dashboardKeys.bureau(year),
    queryFn: ({ signal }) => getBureauDashboard(year, { signal }),
  });
