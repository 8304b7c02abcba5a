import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes, type RouteInput } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export type CreatePersonInput = RouteInput<typeof orgRoutes.createPerson>['body'];

export const createPerson = (body: CreatePersonInput) => callApi(orgRoutes.createPerson, { body });

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.people() }),
  });
}
