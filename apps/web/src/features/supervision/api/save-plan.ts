import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateInspectionPlan, supervisionRoutes, type UpdateInspectionPlan } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export const createPlan = (body: CreateInspectionPlan) =>
  callApi(supervisionRoutes.createInspectionPlan, { body });
export const updatePlan = (id: string, body: UpdateInspectionPlan) =>
  callApi(supervisionRoutes.updateInspectionPlan, { params: { id }, body });
export const archivePlan = (id: string) =>
  callApi(supervisionRoutes.archiveInspectionPlan, { params: { id } });

/** Create (no id) or change a plan; the plans and what is due are refetched. */
export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateInspectionPlan | UpdateInspectionPlan }) =>
      id ? updatePlan(id, body as UpdateInspectionPlan) : createPlan(body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supervisionKeys.plans() }),
        queryClient.invalidateQueries({ queryKey: supervisionKeys.due() }),
      ]),
  });
}

export function useArchivePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archivePlan,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supervisionKeys.plans() }),
        queryClient.invalidateQueries({ queryKey: supervisionKeys.due() }),
      ]),
  });
}
