import type { QueryClient } from '@tanstack/react-query';

/**
 * A change to a target moves roll-ups everywhere: its ancestors, the chain, people's pages, the
 * gap report, dashboards. Every cached query is marked stale; only those on screen refetch now,
 * the others when next shown. (Cheaper to reason about than listing other features' keys.)
 */
export const invalidateAfterTargetChange = (queryClient: QueryClient) => queryClient.invalidateQueries();
