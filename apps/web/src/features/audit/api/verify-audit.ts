import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { targetRoutes } from '@zeren/contracts';
import { callApi, type CallOptions } from '@/lib/api-client';
import { auditKeys } from './keys';

export const verifyAudit = (options?: CallOptions) => callApi(targetRoutes.verifyAudit, {}, options);

/**
 * The chain check reads the whole log, so it runs when the page opens and when asked to
 * (重新校验), not on every focus of the window.
 */
export const auditVerificationQueryOptions = () =>
  queryOptions({
    queryKey: auditKeys.verification(),
    queryFn: ({ signal }) => verifyAudit({ signal }),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });

export const useAuditVerification = () => useQuery(auditVerificationQueryOptions());

/** 重新校验: check the chain again and reload the log, so both show the same moment. */
export function useRecheckAudit() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: auditKeys.all });
}
