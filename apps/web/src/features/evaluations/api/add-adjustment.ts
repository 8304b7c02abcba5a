import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AddAdjustment, evaluationRoutes, type Workbench } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const addAdjustment = ({ cycleId, ...body }: AddAdjustment & { cycleId: string }) =>
  callApi(evaluationRoutes.addAdjustment, { params: { id: cycleId }, body });

export function useAddAdjustment(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddAdjustment) => addAdjustment({ cycleId, ...body }),
    onSuccess: (adjustment) =>
      queryClient.setQueryData<Workbench>(evaluationKeys.workbench(cycleId), (old) =>
        old
          ? {
              ...old,
              items: old.items.map((item) =>
                item.personId === adjustment.evalueeId
                  ? { ...item, adjustments: [...item.adjustments, adjustment], isSubmitted: false }
                  : item,
              ),
            }
          : old,
      ),
  });
}
