import { useMutation, useQueryClient } from '@tanstack/react-query';
import { evaluationRoutes, type SavedScore, type SaveScores, type Workbench } from '@zeren/contracts';
import { callApi } from '@/lib/api-client';
import { evaluationKeys } from './keys';

export const saveScores = ({ cycleId, ...body }: SaveScores & { cycleId: string }) =>
  callApi(evaluationRoutes.saveScores, { params: { id: cycleId }, body });

/** The cached workbench with the saved cells written in, so a later visit starts from their versions. */
export function withSavedCells(workbench: Workbench, cells: readonly SavedScore[]): Workbench {
  const byEvaluee = new Map<string, SavedScore[]>();
  for (const cell of cells) byEvaluee.set(cell.evalueeId, [...(byEvaluee.get(cell.evalueeId) ?? []), cell]);
  return {
    ...workbench,
    items: workbench.items.map((item) => {
      const saved = byEvaluee.get(item.personId);
      if (!saved) return item;
      const scores = { ...item.scores };
      for (const cell of saved)
        scores[cell.category] = {
          value: cell.value,
          status: cell.status,
          version: cell.version,
          updatedAt: cell.updatedAt,
        };
      return { ...item, scores };
    }),
  };
}

/**
 * Autosave of the workbench (a batch of draft cells). A mutation rather than a bare fetch so a
 * lapsed session goes to the login page like every other call.
 */
export function useSaveScores(cycleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveScores) => saveScores({ cycleId, ...body }),
    onSuccess: (result) =>
      queryClient.setQueryData<Workbench>(evaluationKeys.workbench(cycleId), (old) =>
        old ? withSavedCells(old, result.cells) : old,
      ),
  });
}
