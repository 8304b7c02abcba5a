import { queryOptions } from '@tanstack/react-query';
import { dashboardRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { dashboardKeys } from './keys';

/** `unitId`: the level of the heatmap (the unit whose child units it shows); default level without. */
export const getBureauDashboard = (year?: number, unitId?: string, options?: CallOptions) =>
  callApi(dashboardRoutes.getBureauDashboard, { query: { year, unitId } }, options);

export const bureauDashboardQueryOptions = (year?: number, unitId?: string) =>
  queryOptions({
    queryKey: dashboardKeys.bureau(year, unitId),
    queryFn: ({ signal }) => getBureauDashboard(year, unitId, { signal }),
  });
