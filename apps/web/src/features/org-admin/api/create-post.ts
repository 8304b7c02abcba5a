import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes, type RouteInput } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export type CreatePostInput = RouteInput<typeof routes.createPost>['body'];

export const createPost = (body: CreatePostInput) => callApi(routes.createPost, { body });

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
