import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type RecordInspection, supervisionRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export const recordInspection = (body: RecordInspection) =>
  callApi(supervisionRoutes.recordInspection, { body });

export function useRecordInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordInspection,
    onSuccess: (inspection) => {
      queryClient.setQueryData(supervisionKeys.inspection(inspection.id), inspection);
      return queryClient.invalidateQueries({ queryKey: supervisionKeys.all, refetchType: 'none' });
    },
  });
}
