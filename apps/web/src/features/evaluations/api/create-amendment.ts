import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateAmendment, evaluationRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const createAmendment = ({ cycleId, ...body }: CreateAmendment & { cycleId: string }) =>
  callApi(evaluationRoutes.createAmendment, { params: { id: cycleId }, body });

/** Ranks and grades of the whole cycle are recomputed: every result of it is stale. */
export function useCreateAmendment(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAmendment) => createAmendment({ cycleId, ...body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: evaluationKeys.results(cycleId) }),
        queryClient.invalidateQueries({ queryKey: evaluationKeys.cycle(cycleId) }),
        queryClient.invalidateQueries({ queryKey: evaluationKeys.myResults() }),
      ]),
  });
}
