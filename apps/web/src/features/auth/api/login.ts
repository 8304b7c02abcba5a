import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type LoginRequest, systemAndAuthRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { authKeys } from './keys';

export const login = (credentials: LoginRequest) => callApi(systemAndAuthRoutes.login, { body: credentials });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // A new session: drop anything cached for the previous one, then seed `me` from the answer.
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}
