import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes, type RouteInput } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export type UpdatePersonInput = RouteInput<typeof orgRoutes.updatePerson>['body'];

export const updatePerson = ({ id, body }: { id: string; body: UpdatePersonInput }) =>
  callApi(orgRoutes.updatePerson, { params: { id }, body });

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePerson,
    onSuccess: async () => {
      // Names show as holders in the posts list.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orgKeys.people() }),
        queryClient.invalidateQueries({ queryKey: orgKeys.posts() }),
      ]);
    },
  });
}
