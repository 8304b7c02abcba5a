import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type RectifyFinding, type ReinspectFinding, supervisionRoutes } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export const rectifyFinding = (id: string, body: RectifyFinding) =>
  callApi(supervisionRoutes.rectifyFinding, { params: { id }, body });
export const reinspectFinding = (id: string, body: ReinspectFinding) =>
  callApi(supervisionRoutes.reinspectFinding, { params: { id }, body });

type Action = { kind: 'rectify'; body: RectifyFinding } | { kind: 'reinspect'; body: ReinspectFinding };

/** The owner's 整改 or the inspector's 复查: the detail is replaced, lists and the board refetched. */
export function useActOnFinding(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) =>
      action.kind === 'rectify' ? rectifyFinding(id, action.body) : reinspectFinding(id, action.body),
    onSuccess: async (detail) => {
      queryClient.setQueryData(supervisionKeys.finding(id), detail);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: supervisionKeys.findings(), refetchType: 'active' }),
        queryClient.invalidateQueries({ queryKey: supervisionKeys.myTasks() }),
        queryClient.invalidateQueries({ queryKey: supervisionKeys.board() }),
      ]);
    },
  });
}
