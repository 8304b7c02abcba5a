import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes, type RouteInput } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export type UpdatePostInput = RouteInput<typeof orgRoutes.updatePost>['body'];

export const updatePost = ({ id, body }: { id: string; body: UpdatePostInput }) =>
  callApi(orgRoutes.updatePost, { params: { id }, body });

export function useUpdatePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePost,
    // Titles, tiers and units show in the people list; units count their posts.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}
