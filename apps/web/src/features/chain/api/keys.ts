import type { Line } from '@zeren/contracts';

/** Query keys of the chain feature; invalidate through these, never through literal arrays. */
export const chainKeys = {
  all: ['chain'] as const,
  chains: () => [...chainKeys.all, 'chain'] as const,
  chain: (query: { line: Line; year?: number }) => [...chainKeys.chains(), query] as const,
  people: () => [...chainKeys.all, 'person'] as const,
  person: (id: string, year?: number) => [...chainKeys.people(), id, { year }] as const,
};
