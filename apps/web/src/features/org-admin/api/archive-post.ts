import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { orgKeys } from './keys';

export const archivePost = (id: string) => callApi(routes.archivePost, { params: { id } });

export function useArchivePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archivePost,
    // Its holders leave it, and its unit counts one post less.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}
