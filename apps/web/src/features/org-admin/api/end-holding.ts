import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export const endHolding = (id: string) => callApi(routes.endHolding, { params: { id }, body: {} });

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
