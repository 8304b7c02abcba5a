import { useMutation, useQueryClient } from '@tanstack/react-query';
import { evaluationRoutes, type TransitionCycle } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const transitionCycle = ({ id, ...body }: TransitionCycle & { id: string }) =>
  callApi(evaluationRoutes.transitionCycle, { params: { id }, body });

/** Open, close, reopen or publish: results appear or change, so every evaluation query is stale. */
export function useTransitionCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionCycle,
    onSuccess: (cycle) => {
      queryClient.setQueryData(evaluationKeys.cycle(cycle.id), cycle);
      return queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
    },
  });
}
