import { queryOptions } from '@tanstack/react-query';
import { supervisionRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export const listPlans = (options?: CallOptions) =>
  callApi(supervisionRoutes.listInspectionPlans, { query: {} }, options);

export const plansQueryOptions = () =>
  queryOptions({
    queryKey: supervisionKeys.plans(),
    queryFn: ({ signal }) => listPlans({ signal }),
    select: (data) => data.items,
  });
