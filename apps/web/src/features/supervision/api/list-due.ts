import { queryOptions } from '@tanstack/react-query';
import { supervisionRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export const listDue = (options?: CallOptions) =>
  callApi(supervisionRoutes.listDueInspections, { query: { horizonDays: 7 } }, options);

/** Occurrences due within a week (or late), per unit. */
export const dueQueryOptions = () =>
  queryOptions({
    queryKey: supervisionKeys.due(),
    queryFn: ({ signal }) => listDue({ signal }),
    select: (data) => data.items,
  });
