import { useMutation, useQueryClient } from '@tanstack/react-query';
import { evaluationRoutes, type Workbench } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const deleteAdjustment = ({ cycleId, adjustmentId }: { cycleId: string; adjustmentId: string }) =>
  callApi(evaluationRoutes.deleteAdjustment, { params: { id: cycleId, adjustmentId } });

export function useDeleteAdjustment(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (adjustmentId: string) => deleteAdjustment({ cycleId, adjustmentId }),
    onSuccess: (_void, adjustmentId) =>
      queryClient.setQueryData<Workbench>(evaluationKeys.workbench(cycleId), (old) =>
        old
          ? {
              ...old,
              items: old.items.map((item) => ({
                ...item,
                adjustments: item.adjustments.filter((a) => a.id !== adjustmentId),
              })),
            }
          : old,
      ),
  });
}
