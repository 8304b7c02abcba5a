// Roll-up of progress (DOMAIN rule 5; docs/architecture.md "Roll-up of progress"). `Target.progress`
// is maintained on write: whatever changes a target's own figure, weight or children recomputes the
// path from that target to its root inside the same transaction, under the root's advisory lock.
import { normaliseProgress, rollUp, type ProgressNode } from '@zeren/domain';
import type { Tx } from '../../db/transaction';
import type { RollUpRow, TargetsRepository } from './targets.repository';

export interface RolledUp {
  targetId: string;
  progress: number;
  previous: number;
}

export interface RollUpResult {
  /** The path nodes, nearest-first from the first changed target. */
  path: RolledUp[];
  /** For `recorded`: when the target's newest earlier update was recorded (null: none). */
  lastRecordedAt: Date | null;
}

/**
 * Recomputes every target on the paths from `changedIds` to their roots and writes the figures
 * that moved. The caller holds the roots' locks (`repo.lockRoots`) and has made its own writes.
 *
 * Only the frontier is read: the path nodes and their active children. Children off the path keep
 * their stored (rounded) progress, so a roll-up of this frontier with the domain's `rollUp` is
 * exactly the full recomputation (the domain property-tests that incremental = full).
 * `recorded` is a new latest value for a leaf on the path (a progress update).
 */
export async function refreshRollUp(
  repo: TargetsRepository,
  tx: Tx,
  organisationId: string,
  changedIds: string[],
  recorded?: { targetId: string; value: number },
): Promise<RollUpResult> {
  if (changedIds.length === 0) return { path: [], lastRecordedAt: null };
  const rows = await repo.loadRollUpFrontier(tx, organisationId, changedIds, recorded?.targetId ?? null);
  const { result, moved } = computeRollUp(rows, changedIds, recorded);
  await repo.writeProgress(
    tx,
    organisationId,
    moved,
    recorded === undefined ? undefined : { id: recorded.targetId, latestValue: recorded.value },
  );
  return result;
}

/**
 * The roll-up of a loaded frontier (no I/O): the path figures, and the targets to write — those
 * whose figure moved, and the recorded target (its latest value changes in any case).
 */
export function computeRollUp(
  rows: readonly RollUpRow[],
  changedIds: readonly string[],
  recorded?: { targetId: string; value: number },
): { result: RollUpResult; moved: { id: string; progress: number }[] } {
  const nodes: ProgressNode[] = rows.map((row) => ({
    id: row.id,
    parentId: row.parentId,
    weight: row.weight,
    ownProgress: row.isOnPath
      ? normaliseProgress({
          measureKind: row.measureKind,
          baseline: row.baseline,
          goal: row.goal,
          value: recorded?.targetId === row.id ? recorded.value : row.latestValue,
        })
      : row.progress,
  }));
  const computed = rollUp(nodes);
  const byId = new Map(rows.map((row) => [row.id, row]));

  const path: RolledUp[] = [];
  const seen = new Set<string>();
  const visit = (id: string | null) => {
    for (let current = id; current !== null && !seen.has(current);) {
      const row = byId.get(current);
      if (row === undefined || !row.isOnPath) return;
      seen.add(current);
      path.push({
        targetId: current,
        previous: row.progress,
        progress: computed.get(current) ?? row.progress,
      });
      current = row.parentId;
    }
  };
  for (const id of changedIds) visit(id);

  const moved = path
    .filter((p) => p.progress !== p.previous || p.targetId === recorded?.targetId)
    .map((p) => ({ id: p.targetId, progress: p.progress }));
  const lastRecordedAt = recorded ? (byId.get(recorded.targetId)?.lastRecordedAt ?? null) : null;
  return { result: { path, lastRecordedAt }, moved };
}
