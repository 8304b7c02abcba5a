import { queryOptions } from '@tanstack/react-query';
import { dashboardRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { dashboardKeys } from './keys';

export const getSectionDashboard = (postId?: string, year?: number, options?: CallOptions) =>
  callApi(dashboardRoutes.getSectionDashboard, { query: { postId, year } }, options);

export const sectionDashboardQueryOptions = (postId?: string, year?: number) =>
  queryOptions({
    queryKey: dashboardKeys.section(postId, year),
    queryFn: ({ signal }) => getSectionDashboard(postId, year, { signal }),
  });
