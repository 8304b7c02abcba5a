import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export const deleteUnit = (id: string) => callApi(routes.deleteUnit, { params: { id } });

export function useDeleteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.units() }),
  });
}
