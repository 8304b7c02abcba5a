import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type RecordProgress, targetRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { invalidateAfterTargetChange } from './invalidate';

export const recordProgress = (id: string, body: RecordProgress) =>
  callApi(targetRoutes.recordProgress, { params: { id }, body });

export function useRecordProgress(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordProgress) => recordProgress(id, body),
    onSuccess: () => invalidateAfterTargetChange(queryClient),
  });
}
