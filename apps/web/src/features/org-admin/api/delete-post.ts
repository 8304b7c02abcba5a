import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export const deletePost = (id: string) => callApi(orgRoutes.deletePost, { params: { id } });

export function useDeletePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePost,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orgKeys.posts() }),
        queryClient.invalidateQueries({ queryKey: orgKeys.units() }),
      ]);
    },
  });
}
