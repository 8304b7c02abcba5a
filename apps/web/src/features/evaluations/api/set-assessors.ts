import { useMutation, useQueryClient } from '@tanstack/react-query';
import { evaluationRoutes, type SetAssessors } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const setAssessors = (body: SetAssessors) => callApi(evaluationRoutes.setAssessors, { body });

export function useSetAssessors() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setAssessors,
    onSuccess: (list) => {
      queryClient.setQueryData(evaluationKeys.assessors(), list);
      // Cycles count their assessors.
      return queryClient.invalidateQueries({ queryKey: evaluationKeys.cycles() });
    },
  });
}
