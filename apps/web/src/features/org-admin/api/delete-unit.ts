import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export const deleteUnit = (id: string) => callApi(orgRoutes.deleteUnit, { params: { id } });

export function useDeleteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.units() }),
  });
}
