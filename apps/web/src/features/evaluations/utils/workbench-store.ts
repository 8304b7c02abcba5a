import {
  StaleScoresDetails,
  type MyScore,
  type SavedScore,
  type SaveScores,
  type SaveScoresResult,
  type TargetCategory,
  type Workbench,
  type WorkbenchEvaluee,
} from '@zeren/contracts';
import { isApiError } from '@/lib/api-client';

/*
 * The scoring workbench's working copy, outside React. Each row is an immutable snapshot that
 * components read with useSyncExternalStore, so a keystroke re-renders one row, never the grid.
 * The store also runs the autosave: changed cells are batched (debounced) into one
 * `PUT /api/cycles/:id/scores` carrying each cell's version; one batch is in flight at a time.
 */

export const scoreCategories: readonly TargetCategory[] = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'];

/**
 * idle: what is shown is stored · dirty: waiting for the next batch · saving: in the batch in
 * flight · failed: the last save failed (kept, and sent again with the next batch) · conflict: stored
 * elsewhere meanwhile (409 STALE_VERSION); the person chooses.
 */
export type CellSync = 'idle' | 'dirty' | 'saving' | 'failed' | 'conflict';

export interface CellState {
  /** What the server holds for me; null when never scored. */
  saved: MyScore | null;
  /** The value the person wants; null when empty. */
  value: number | null;
  sync: CellSync;
  /** On conflict: what is stored now (null: nothing is stored any more). */
  newer?: SavedScore | null;
  /** The text typed is not a valid score (shown inline; nothing is saved meanwhile). */
  error?: string;
}

export interface RowState {
  evaluee: WorkbenchEvaluee;
  cells: Record<TargetCategory, CellState>;
}

export type RowStatus = 'unscored' | 'draft' | 'submitted';

export interface SaveState {
  phase: 'idle' | 'saving' | 'saved' | 'failed';
  /** The server's (or the network's) message of the last failure. */
  error?: string;
  /** When the last batch was stored (epoch ms). */
  savedAt?: number;
  /** Cells waiting for the person's choice after a 409. */
  conflicts: number;
  /** Cells changed and not yet stored (waiting for the debounce, in flight, or failed). */
  pending: number;
}

export interface WorkbenchSummary {
  evaluees: number;
  /** Every category has a value (drafts count). */
  complete: number;
  incomplete: number;
  /** Complete, with something not yet submitted. */
  toSubmit: number;
  submitted: number;
}

export type SaveFn = (body: SaveScores) => Promise<SaveScoresResult>;

/** The API takes at most 300 cells per batch. */
const MAX_BATCH = 300;

const toMyScore = (cell: SavedScore): MyScore => ({
  value: cell.value,
  status: cell.status,
  version: cell.version,
  updatedAt: cell.updatedAt,
});

const cellFrom = (saved: MyScore | null): CellState => ({ saved, value: saved?.value ?? null, sync: 'idle' });

const rowFrom = (evaluee: WorkbenchEvaluee): RowState => ({
  evaluee,
  cells: {
    IDEOLOGICAL: cellFrom(evaluee.scores.IDEOLOGICAL),
    BUSINESS: cellFrom(evaluee.scores.BUSINESS),
    MANAGEMENT: cellFrom(evaluee.scores.MANAGEMENT),
  },
});

export const isRowComplete = (row: RowState) =>
  scoreCategories.every((category) => row.cells[category].value !== null && !row.cells[category].error);

export const missingCategories = (row: RowState) =>
  scoreCategories.filter((category) => row.cells[category].value === null || row.cells[category].error);

export function rowStatus(row: RowState): RowStatus {
  const cells = scoreCategories.map((category) => row.cells[category]);
  const isSubmitted =
    cells.every((cell) => cell.sync === 'idle' && cell.saved?.status === 'SUBMITTED') &&
    row.evaluee.adjustments.every((adjustment) => adjustment.status === 'SUBMITTED');
  if (isSubmitted) return 'submitted';
  if (cells.some((cell) => cell.value !== null) || row.evaluee.adjustments.length > 0) return 'draft';
  return 'unscored';
}

/** Complete and not yet (or no longer) submitted: what 提交 would send. */
export const needsSubmit = (row: RowState) => isRowComplete(row) && rowStatus(row) !== 'submitted';

function sameScore(a: MyScore | null, b: MyScore | null) {
  if (a === null || b === null) return a === b;
  return a.value === b.value && a.version === b.version && a.status === b.status;
}

export class WorkbenchStore {
  private rows = new Map<string, RowState>();
  private order: readonly string[] = [];
  private rowListeners = new Map<string, Set<() => void>>();
  private listeners = new Set<() => void>();
  private saveState: SaveState = { phase: 'idle', conflicts: 0, pending: 0 };
  private summary: WorkbenchSummary = { evaluees: 0, complete: 0, incomplete: 0, toSubmit: 0, submitted: 0 };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private save: SaveFn;

  constructor(
    workbench: Workbench,
    save: SaveFn,
    private readonly debounceMs = 700,
  ) {
    this.save = save;
    this.reconcile(workbench);
  }

  /** The save function may change identity between renders; the store always uses the latest. */
  setSaveFn(save: SaveFn) {
    this.save = save;
  }

  // ─── Reading (useSyncExternalStore) ────────────────────────────────────────────────────────────

  subscribeRow = (id: string, listener: () => void) => {
    let set = this.rowListeners.get(id);
    if (!set) this.rowListeners.set(id, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  };

  /** Order, summary and save state. */
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getRow = (id: string): RowState | undefined => this.rows.get(id);
  getOrder = () => this.order;
  getSummary = () => this.summary;
  getSaveState = () => this.saveState;

  rowsInOrder(): RowState[] {
    return this.order.map((id) => this.rows.get(id)).filter((row): row is RowState => row !== undefined);
  }

  conflicts(): { row: RowState; category: TargetCategory; cell: CellState }[] {
    return this.rowsInOrder().flatMap((row) =>
      scoreCategories
        .filter((category) => row.cells[category].sync === 'conflict')
        .map((category) => ({ row, category, cell: row.cells[category] })),
    );
  }

  hasUnsavedChanges(): boolean {
    return this.rowsInOrder().some((row) =>
      scoreCategories.some((category) => row.cells[category].sync !== 'idle'),
    );
  }

  // ─── Editing ───────────────────────────────────────────────────────────────────────────────────

  /** A valid value typed into a cell: saved with the next batch unless it is what is stored. */
  setValue(id: string, category: TargetCategory, value: number) {
    this.updateCell(id, category, (cell) => {
      if (cell.sync === 'conflict') {
        // Typing over a conflict keeps the typed value, on top of what is stored now.
        const base = cell.newer ? toMyScore(cell.newer) : null;
        return { saved: base, value, sync: base?.value === value ? 'idle' : 'dirty' };
      }
      if (cell.sync === 'saving') return { ...cell, value, error: undefined };
      const sync = cell.saved?.value === value ? 'idle' : 'dirty';
      return { saved: cell.saved, value, sync };
    });
    this.scheduleSave();
  }

  /**
   * Esc: back to the value the cell had when entered. A value already stored cannot be emptied
   * (scores are never deleted, only changed), so "back to empty" only drops a change not yet sent.
   */
  revertTo(id: string, category: TargetCategory, value: number | null) {
    if (value !== null) {
      this.setError(id, category, undefined);
      this.setValue(id, category, value);
      return;
    }
    this.updateCell(id, category, (cell) => {
      if (cell.sync === 'saving' || cell.sync === 'conflict') return { ...cell, error: undefined };
      return cellFrom(cell.saved);
    });
  }

  /** Show (or clear) a validation message on a cell; its stored value is untouched. */
  setError(id: string, category: TargetCategory, error: string | undefined) {
    this.updateCell(id, category, (cell) => (cell.error === error ? cell : { ...cell, error }));
  }

  /** After a 409: keep my value (saved again over the newer one) or take the newer one. */
  resolveConflict(id: string, category: TargetCategory, choice: 'mine' | 'theirs') {
    this.updateCell(id, category, (cell) => {
      if (cell.sync !== 'conflict') return cell;
      const base = cell.newer ? toMyScore(cell.newer) : null;
      if (choice === 'theirs') return cellFrom(base);
      return { saved: base, value: cell.value, sync: base?.value === cell.value ? 'idle' : 'dirty' };
    });
    this.scheduleSave();
  }

  /** Mark rows as submitted at once (the refetch that follows confirms it). */
  markSubmitted(ids: readonly string[]) {
    for (const id of ids) {
      const row = this.rows.get(id);
      if (!row) continue;
      const cells = { ...row.cells };
      for (const category of scoreCategories) {
        const cell = cells[category];
        if (cell.sync === 'idle' && cell.saved)
          cells[category] = { ...cell, saved: { ...cell.saved, status: 'SUBMITTED' } };
      }
      const adjustments = row.evaluee.adjustments.map((a) => ({ ...a, status: 'SUBMITTED' as const }));
      this.replaceRow(id, { evaluee: { ...row.evaluee, adjustments }, cells });
    }
    this.emit();
  }

  /**
   * Server data arrived (first load, refetch, a cache update after an adjustment): rows take it,
   * except cells with changes of their own, and never an older version than the one they hold.
   */
  reconcile(workbench: Workbench) {
    const ids = workbench.items.map((item) => item.personId);
    for (const item of workbench.items) {
      const row = this.rows.get(item.personId);
      if (!row) {
        this.rows.set(item.personId, rowFrom(item));
        continue;
      }
      let cells = row.cells;
      for (const category of scoreCategories) {
        const cell = row.cells[category];
        const server = item.scores[category];
        if (cell.sync !== 'idle' || cell.error || sameScore(cell.saved, server)) continue;
        if (server === null || (cell.saved && server.version < cell.saved.version)) continue;
        cells = { ...cells, [category]: cellFrom(server) };
      }
      if (cells !== row.cells || item !== row.evaluee)
        this.replaceRow(item.personId, { evaluee: item, cells });
    }
    const kept = new Set(ids);
    for (const id of this.rows.keys()) if (!kept.has(id)) this.rows.delete(id);
    if (ids.length !== this.order.length || ids.some((id, index) => this.order[index] !== id))
      this.order = ids;
    this.emit();
  }

  // ─── Saving ────────────────────────────────────────────────────────────────────────────────────

  /** Save whatever is pending now; resolves when nothing is dirty or in flight any more. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.inFlight) {
      this.inFlight = this.saveLoop().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  /** 重试: failed cells are part of every batch, so retrying is saving now. */
  retry(): Promise<void> {
    return this.flush();
  }

  dispose() {
    clearTimeout(this.timer);
  }

  private scheduleSave() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  private collectDirty() {
    const batch: { id: string; category: TargetCategory; value: number; version: number | undefined }[] = [];
    for (const row of this.rowsInOrder()) {
      for (const category of scoreCategories) {
        const cell = row.cells[category];
        const isQueued = cell.sync === 'dirty' || cell.sync === 'failed';
        if (!isQueued || cell.value === null || batch.length >= MAX_BATCH) continue;
        batch.push({ id: row.evaluee.personId, category, value: cell.value, version: cell.saved?.version });
      }
    }
    return batch;
  }

  private async saveLoop(): Promise<void> {
    for (;;) {
      const batch = this.collectDirty();
      if (batch.length === 0) return;
      for (const item of batch)
        this.updateCell(item.id, item.category, (cell) => ({ ...cell, sync: 'saving' }), false);
      this.setSaveState({ phase: 'saving', error: undefined });

      try {
        const result = await this.save({
          cells: batch.map((item) => ({
            evalueeId: item.id,
            category: item.category,
            value: item.value,
            ...(item.version === undefined ? {} : { version: item.version }),
          })),
        });
        for (const saved of result.cells) {
          const sent = batch.find((item) => item.id === saved.evalueeId && item.category === saved.category);
          this.updateCell(
            saved.evalueeId,
            saved.category,
            (cell) => ({
              saved: toMyScore(saved),
              value: cell.value,
              error: cell.error,
              // Typed again while the batch was in flight: goes with the next one.
              sync: cell.value === (sent?.value ?? saved.value) ? 'idle' : 'dirty',
            }),
            false,
          );
        }
        this.setSaveState({ phase: 'saved', savedAt: Date.now() });
      } catch (error) {
        const stale =
          isApiError(error) && error.code === 'STALE_VERSION'
            ? StaleScoresDetails.safeParse(error.details)
            : null;
        if (stale?.success) {
          // All or nothing: the stale cells wait for a choice, the others go again at once.
          for (const item of batch) {
            const conflict = stale.data.stale.find(
              (s) => s.evalueeId === item.id && s.category === item.category,
            );
            this.updateCell(
              item.id,
              item.category,
              (cell) =>
                conflict
                  ? { ...cell, sync: 'conflict', newer: conflict.current }
                  : { ...cell, sync: 'dirty' },
              false,
            );
          }
          this.setSaveState({ phase: 'saved', error: undefined });
          if (stale.data.stale.length < batch.length) continue;
          return;
        }
        for (const item of batch)
          this.updateCell(item.id, item.category, (cell) => ({ ...cell, sync: 'failed' }), false);
        this.setSaveState({
          phase: 'failed',
          error: error instanceof Error ? error.message : String(error),
        });
        return;
      }
    }
  }

  // ─── Internals ─────────────────────────────────────────────────────────────────────────────────

  private updateCell(
    id: string,
    category: TargetCategory,
    update: (cell: CellState) => CellState,
    shouldEmit = true,
  ) {
    const row = this.rows.get(id);
    if (!row) return;
    const cell = update(row.cells[category]);
    if (cell === row.cells[category]) return;
    this.replaceRow(id, { ...row, cells: { ...row.cells, [category]: cell } });
    if (shouldEmit) this.emit();
  }

  private replaceRow(id: string, row: RowState) {
    this.rows.set(id, row);
    for (const listener of this.rowListeners.get(id) ?? []) listener();
  }

  private setSaveState(patch: Partial<SaveState>) {
    this.saveState = { ...this.saveState, ...patch };
    this.emit();
  }

  /** Recompute the summary (a new object only when a number changed) and tell the page. */
  private emit() {
    const rows = this.rowsInOrder();
    const complete = rows.filter(isRowComplete).length;
    const submitted = rows.filter((row) => rowStatus(row) === 'submitted').length;
    const next: WorkbenchSummary = {
      evaluees: rows.length,
      complete,
      incomplete: rows.length - complete,
      toSubmit: rows.filter(needsSubmit).length,
      submitted,
    };
    const s = this.summary;
    if (
      s.evaluees !== next.evaluees ||
      s.complete !== next.complete ||
      s.toSubmit !== next.toSubmit ||
      s.submitted !== next.submitted
    )
      this.summary = next;
    let conflicts = 0;
    let pending = 0;
    for (const row of rows)
      for (const category of scoreCategories) {
        const { sync } = row.cells[category];
        if (sync === 'conflict') conflicts += 1;
        else if (sync !== 'idle') pending += 1;
      }
    if (conflicts !== this.saveState.conflicts || pending !== this.saveState.pending)
      this.saveState = { ...this.saveState, conflicts, pending };
    for (const listener of this.listeners) listener();
  }
}
