import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supervisionRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export const runEscalations = () => callApi(supervisionRoutes.runEscalations, {});

export function useRunEscalations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runEscalations,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}
