import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export const archivePerson = (id: string) => callApi(orgRoutes.archivePerson, { params: { id } });

export function useArchivePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archivePerson,
    onSuccess: async () => {
      // Archiving ends the person's holdings: the posts lose them as holders.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orgKeys.people() }),
        queryClient.invalidateQueries({ queryKey: orgKeys.posts() }),
      ]);
    },
  });
}
