import { useMutation, useQueryClient } from '@tanstack/react-query';
import { systemAndAuthRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';

export const logout = () => callApi(systemAndAuthRoutes.logout, {});

/** `onLoggedOut` should leave the authenticated pages; cached data is dropped once it has. */
export function useLogout({ onLoggedOut }: { onLoggedOut: () => void | Promise<void> }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out either way: even if the server call failed, this browser forgets the session's data.
    // Leave first, then forget: removing `me` under a mounted shell would make it refetch.
    onSettled: async () => {
      await onLoggedOut();
      queryClient.removeQueries();
    },
  });
}
