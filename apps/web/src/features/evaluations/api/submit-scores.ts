import { useMutation, useQueryClient } from '@tanstack/react-query';
import { evaluationRoutes, type SubmitScores } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const submitScores = ({ cycleId, ...body }: SubmitScores & { cycleId: string }) =>
  callApi(evaluationRoutes.submitScores, { params: { id: cycleId }, body });

export function useSubmitScores(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitScores) => submitScores({ cycleId, ...body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.workbench(cycleId) }),
  });
}
