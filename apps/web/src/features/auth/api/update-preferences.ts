import { useMutation, useQueryClient } from '@tanstack/react-query';
import { systemAndAuthRoutes, type UpdatePreferences } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { authKeys } from './keys';

export const updatePreferences = (body: UpdatePreferences) =>
  callApi(systemAndAuthRoutes.updatePreferences, { body });

/** Saves the user's preferences (the UI language) on the server, so they follow the user. */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreferences,
    onSuccess: (me) => queryClient.setQueryData(authKeys.me(), me),
  });
}
