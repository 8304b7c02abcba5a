import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes, type RouteInput } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export type CreateUnitInput = RouteInput<typeof routes.createUnit>['body'];

export const createUnit = (body: CreateUnitInput) => callApi(routes.createUnit, { body });

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.units() }),
  });
}
