import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type AddExclusion, evaluationRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const addExclusion = ({ cycleId, ...body }: AddExclusion & { cycleId: string }) =>
  callApi(evaluationRoutes.addExclusion, { params: { id: cycleId }, body });

export function useAddExclusion(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddExclusion) => addExclusion({ cycleId, ...body }),
    // The cycle's counts and every assessor's workbench change with the population.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.all }),
  });
}
