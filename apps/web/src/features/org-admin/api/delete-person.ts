import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export const deletePerson = (id: string) => callApi(routes.deletePerson, { params: { id } });

export function useDeletePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.people() }),
  });
}
