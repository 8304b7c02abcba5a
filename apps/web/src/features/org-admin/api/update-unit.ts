import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes, type RouteInput } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export type UpdateUnitInput = RouteInput<typeof orgRoutes.updateUnit>['body'];

export const updateUnit = ({ id, body }: { id: string; body: UpdateUnitInput }) =>
  callApi(orgRoutes.updateUnit, { params: { id }, body });

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUnit,
    // Unit names show in the people and posts lists too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}
