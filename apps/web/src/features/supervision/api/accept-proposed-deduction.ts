import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supervisionRoutes } from '@zeren/contracts';
import { evaluationKeys } from '@/features/evaluations/api/keys';
import { callApi } from '@/lib/api-client';

export const acceptProposedDeduction = (cycleId: string, proposalId: string) =>
  callApi(supervisionRoutes.acceptProposedDeduction, { params: { id: cycleId }, body: { proposalId } });

/** 采纳: the proposal becomes my draft deduction; the workbench is refetched (the proposal leaves it). */
export function useAcceptProposedDeduction(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proposalId: string) => acceptProposedDeduction(cycleId, proposalId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.workbench(cycleId) }),
  });
}
