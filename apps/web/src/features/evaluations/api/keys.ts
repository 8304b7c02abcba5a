import type { z } from 'zod';
import type { CyclesQuery, ResultsQuery } from '@zeren/contracts';

export type CycleListFilter = Partial<z.input<typeof CyclesQuery>>;
export type ResultListFilter = Partial<z.input<typeof ResultsQuery>>;

/** Query keys of the evaluations feature; invalidate through these, never through literal arrays. */
export const evaluationKeys = {
  all: ['evaluations'] as const,
  cycles: () => [...evaluationKeys.all, 'cycles'] as const,
  cycleList: (filter: CycleListFilter) => [...evaluationKeys.cycles(), 'list', filter] as const,
  cycle: (id: string) => [...evaluationKeys.cycles(), 'detail', id] as const,
  exclusions: (cycleId: string) => [...evaluationKeys.cycle(cycleId), 'exclusions'] as const,
  assessors: () => [...evaluationKeys.all, 'assessors'] as const,
  workbench: (cycleId: string) => [...evaluationKeys.all, 'workbench', cycleId] as const,
  evalueeContext: (cycleId: string, personId: string) =>
    [...evaluationKeys.all, 'evaluee-context', cycleId, personId] as const,
  results: (cycleId: string) => [...evaluationKeys.all, 'results', cycleId] as const,
  resultList: (cycleId: string, filter: ResultListFilter) =>
    [...evaluationKeys.results(cycleId), 'list', filter] as const,
  resultSheet: (cycleId: string, personId: string) =>
    [...evaluationKeys.results(cycleId), 'sheet', personId] as const,
  amendments: (cycleId: string) => [...evaluationKeys.results(cycleId), 'amendments'] as const,
  myResults: () => [...evaluationKeys.all, 'mine'] as const,
  people: (q: string) => [...evaluationKeys.all, 'people', q] as const,
};
