import { useMutation, useQueryClient } from '@tanstack/react-query';
import { evaluationRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const removeExclusion = ({ cycleId, personId }: { cycleId: string; personId: string }) =>
  callApi(evaluationRoutes.removeExclusion, { params: { id: cycleId, personId } });

export function useRemoveExclusion(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => removeExclusion({ cycleId, personId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.all }),
  });
}
