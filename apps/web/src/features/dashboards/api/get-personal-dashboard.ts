import { queryOptions } from '@tanstack/react-query';
import { dashboardRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { dashboardKeys } from './keys';

export const getPersonalDashboard = (year?: number, options?: CallOptions) =>
  callApi(dashboardRoutes.getPersonalDashboard, { query: { year } }, options);

export const personalDashboardQueryOptions = (year?: number) =>
  queryOptions({
    queryKey: dashboardKeys.personal(year),
    queryFn: ({ signal }) => getPersonalDashboard(year, { signal }),
  });
