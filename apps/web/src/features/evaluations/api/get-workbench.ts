import { queryOptions } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { evaluationKeys } from './keys';

/** The largest page the API gives; a bureau has 40–80 evaluees, so one page holds every row. */
export const WORKBENCH_PAGE_SIZE = 200;

export const getWorkbench = (cycleId: string, options?: CallOptions) =>
  callApi(
    evaluationRoutes.getWorkbench,
    { params: { id: cycleId }, query: { pageSize: WORKBENCH_PAGE_SIZE } },
    options,
  );

/**
 * Every row at once: search and the "only missing" filter run in the browser, so filtering never
 * refetches and a row being typed into never disappears under the cursor.
 */
export const workbenchQueryOptions = (cycleId: string) =>
  queryOptions({
    queryKey: evaluationKeys.workbench(cycleId),
    queryFn: ({ signal }) => getWorkbench(cycleId, { signal }),
  });
