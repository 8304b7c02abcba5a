import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export const endHolding = (id: string) => callApi(orgRoutes.endHolding, { params: { id }, body: {} });

export function useEndHolding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endHolding,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orgKeys.posts() }),
        queryClient.invalidateQueries({ queryKey: orgKeys.people() }),
      ]);
    },
  });
}
