import { useMutation, useQueryClient } from '@tanstack/react-query';
import { targetRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { gapKeys } from './keys';

/** Refused by the server (409) while unwaived gaps remain. */
export const publishTargetYear = (year: number) =>
  callApi(targetRoutes.publishTargetYear, { params: { year } });

export function usePublishTargetYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishTargetYear,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gapKeys.all }),
  });
}
