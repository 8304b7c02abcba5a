import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export const archivePost = (id: string) => callApi(orgRoutes.archivePost, { params: { id } });

export function useArchivePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archivePost,
    // Its holders leave it, and its unit counts one post less.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}
