// Calendar dates as the bureau reads them: DATE columns travel as `YYYY-MM-DD`, and "this year" is
// the year in China (UTC+8), whatever the server's time zone.

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The current calendar year in China: the default year of targets, gaps and the chain. */
export function currentYear(now: Date = new Date()): number {
  return new Date(now.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/** A DATE column's value (midnight UTC) as `YYYY-MM-DD`. */
export const toDateOnly = (date: Date): string => date.toISOString().slice(0, 10);

/** `YYYY-MM-DD` as the Date Prisma stores in a DATE column. */
export const fromDateOnly = (value: string): Date => new Date(`${value}T00:00:00.000Z`);

/** The first day of a target year, the start of its elapsed-time measure. */
export const startOfYear = (year: number): Date => new Date(Date.UTC(year, 0, 1));
