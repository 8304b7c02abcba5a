import { useMutation, useQueryClient } from '@tanstack/react-query';
import { targetRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { gapKeys } from './keys';

export const revokeGapWaiver = (waiverId: string) =>
  callApi(targetRoutes.revokeGapWaiver, { params: { id: waiverId } });

export function useRevokeGapWaiver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeGapWaiver,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gapKeys.all }),
  });
}
