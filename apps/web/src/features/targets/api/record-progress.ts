import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes, type RecordProgress } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { invalidateAfterTargetChange } from './invalidate';

export const recordProgress = (id: string, body: RecordProgress) =>
  callApi(routes.recordProgress, { params: { id }, body });

export function useRecordProgress(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordProgress) => recordProgress(id, body),
    onSuccess: () => invalidateAfterTargetChange(queryClient),
  });
}
