import { useCallback, useSyncExternalStore } from 'react';
import type { WorkbenchStore } from '../../utils/workbench-store';

/** One row of the working copy; re-renders only when that row changes. */
export function useWorkbenchRow(store: WorkbenchStore, id: string) {
  const subscribe = useCallback((listener: () => void) => store.subscribeRow(id, listener), [store, id]);
  return useSyncExternalStore(subscribe, () => store.getRow(id));
}

export const useWorkbenchSummary = (store: WorkbenchStore) =>
  useSyncExternalStore(store.subscribe, store.getSummary);

export const useSaveState = (store: WorkbenchStore) =>
  useSyncExternalStore(store.subscribe, store.getSaveState);

export const useWorkbenchOrder = (store: WorkbenchStore) =>
  useSyncExternalStore(store.subscribe, store.getOrder);
