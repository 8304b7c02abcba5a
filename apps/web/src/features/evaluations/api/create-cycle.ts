import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateCycle, evaluationRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const createCycle = (body: CreateCycle) => callApi(evaluationRoutes.createCycle, { body });

export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCycle,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.cycles() }),
  });
}
