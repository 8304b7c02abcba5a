/** Query keys of the gaps feature; invalidate through these, never through literal arrays. */
export const gapKeys = {
  all: ['gaps'] as const,
  reports: () => [...gapKeys.all, 'report'] as const,
  report: (year: number) => [...gapKeys.reports(), { year }] as const,
};
