import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes, type RouteInput } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export type CreateHoldingInput = RouteInput<typeof orgRoutes.createHolding>['body'];

export const createHolding = (body: CreateHoldingInput) => callApi(orgRoutes.createHolding, { body });

export function useCreateHolding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createHolding,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orgKeys.posts() }),
        queryClient.invalidateQueries({ queryKey: orgKeys.people() }),
      ]);
    },
  });
}
