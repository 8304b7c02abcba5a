import { queryOptions, useQuery } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { orgKeys } from './keys';

export const listUnits = (options?: CallOptions) => callApi(orgRoutes.listUnits, {}, options);

/** Every unit of the organisation, archived ones included (they carry `isArchived`). */
export const unitsQueryOptions = () =>
  queryOptions({
    queryKey: orgKeys.units(),
    queryFn: ({ signal }) => listUnits({ signal }),
    select: (data) => data.items,
  });

export const useUnits = () => useQuery(unitsQueryOptions());
