import { useMutation, useQueryClient } from '@tanstack/react-query';
import { targetRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { invalidateAfterTargetChange } from './invalidate';
import { targetKeys } from './keys';

export const archiveTarget = (id: string, version: number) =>
  callApi(targetRoutes.archiveTarget, { params: { id }, body: { version } });

export function useArchiveTarget(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => archiveTarget(id, version),
    onSuccess: (target) => {
      queryClient.setQueryData(targetKeys.detail(id), target);
      return invalidateAfterTargetChange(queryClient);
    },
  });
}
