import { useMutation, useQueryClient } from '@tanstack/react-query';
import { evaluationRoutes, type UpdateCycleWindow } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const updateCycleWindow = ({ id, ...body }: UpdateCycleWindow & { id: string }) =>
  callApi(evaluationRoutes.updateCycleWindow, { params: { id }, body });

export function useUpdateCycleWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCycleWindow,
    onSuccess: (cycle) => {
      queryClient.setQueryData(evaluationKeys.cycle(cycle.id), cycle);
      // The workbench shows the deadline too.
      return queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
    },
  });
}
