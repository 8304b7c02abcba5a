import { queryOptions } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { targetKeys } from './keys';

/** The organisation's units, for the unit filter. */
export const listUnits = (options?: CallOptions) => callApi(orgRoutes.listUnits, {}, options);

export const unitsQueryOptions = () =>
  queryOptions({
    queryKey: targetKeys.units(),
    queryFn: ({ signal }) => listUnits({ signal }),
    select: (data) => data.items.filter((unit) => !unit.isArchived),
    staleTime: 10 * 60_000,
  });
