import { queryOptions } from '@tanstack/react-query';
import { targetRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { gapKeys } from './keys';

/**
 * The whole report for a year. Filtering happens in the browser: a bureau's gaps are a few dozen
 * rows, filters then answer instantly, and the filter options come from the report itself.
 */
export const getGaps = (year: number, options?: CallOptions) =>
  callApi(targetRoutes.getGaps, { query: { year } }, options);

export const gapReportQueryOptions = (year: number) =>
  queryOptions({
    queryKey: gapKeys.report(year),
    queryFn: ({ signal }) => getGaps(year, { signal }),
  });
