import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { targetRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { auditKeys, type AuditListQuery } from './keys';

export const listAudit = (query: AuditListQuery, options?: CallOptions) =>
  callApi(targetRoutes.listAudit, { query }, options);

export const auditEntriesQueryOptions = (query: AuditListQuery) =>
  queryOptions({
    queryKey: auditKeys.entryList(query),
    queryFn: ({ signal }) => listAudit(query, { signal }),
    // Paging and filtering keep the current rows on screen until the next page arrives.
    placeholderData: keepPreviousData,
  });

export const useAuditEntries = (query: AuditListQuery) => useQuery(auditEntriesQueryOptions(query));
