import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export const deletePerson = (id: string) => callApi(orgRoutes.deletePerson, { params: { id } });

export function useDeletePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.people() }),
  });
}
