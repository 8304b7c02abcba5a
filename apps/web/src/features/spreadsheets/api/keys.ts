/** Query keys of the spreadsheets feature; invalidate through these, never through literal arrays. */
export const spreadsheetKeys = {
  all: ['spreadsheets'] as const,
  units: () => [...spreadsheetKeys.all, 'units'] as const,
};
