import { useMutation, useQueryClient } from '@tanstack/react-query';
import { targetRoutes, type UpdateTarget } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { invalidateAfterTargetChange } from './invalidate';
import { targetKeys } from './keys';

export const updateTarget = (id: string, body: UpdateTarget) =>
  callApi(targetRoutes.updateTarget, { params: { id }, body });

/** A stale `version` answers 409 STALE_VERSION with the current target in `details.current`. */
export function useUpdateTarget(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTarget) => updateTarget(id, body),
    onSuccess: (target) => {
      queryClient.setQueryData(targetKeys.detail(id), target);
      return invalidateAfterTargetChange(queryClient);
    },
  });
}
