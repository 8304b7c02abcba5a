import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes, type RouteInput } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export type CreatePostInput = RouteInput<typeof orgRoutes.createPost>['body'];

export const createPost = (body: CreatePostInput) => callApi(orgRoutes.createPost, { body });

export function useCreatePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPost,
    // Units count their posts.
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orgKeys.posts() }),
        queryClient.invalidateQueries({ queryKey: orgKeys.units() }),
      ]);
    },
  });
}
