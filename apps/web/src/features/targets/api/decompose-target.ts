import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DecomposeTarget, targetRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { invalidateAfterTargetChange } from './invalidate';
import { targetKeys } from './keys';

export const decomposeTarget = (id: string, body: DecomposeTarget) =>
  callApi(targetRoutes.decomposeTarget, { params: { id }, body });

export function useDecomposeTarget(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecomposeTarget) => decomposeTarget(id, body),
    onSuccess: (target) => {
      queryClient.setQueryData(targetKeys.detail(id), target);
      return invalidateAfterTargetChange(queryClient);
    },
  });
}
