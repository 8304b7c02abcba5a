import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes, type RouteInput } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export type CreateUnitInput = RouteInput<typeof orgRoutes.createUnit>['body'];

export const createUnit = (body: CreateUnitInput) => callApi(orgRoutes.createUnit, { body });

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.units() }),
  });
}
