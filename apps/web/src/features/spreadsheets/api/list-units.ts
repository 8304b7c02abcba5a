import { queryOptions, useQuery } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { spreadsheetKeys } from './keys';

export const listUnits = (options?: CallOptions) => callApi(orgRoutes.listUnits, {}, options);

/** Units for the export filter (active ones only). */
export const useUnitOptions = () =>
  useQuery(
    queryOptions({
      queryKey: spreadsheetKeys.units(),
      queryFn: ({ signal }) => listUnits({ signal }),
      select: (data) => data.items.filter((u) => !u.isArchived),
    }),
  );
