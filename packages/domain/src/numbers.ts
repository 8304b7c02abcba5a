// Small numeric helpers shared by the rules. Everything that a person sees is rounded the same way.

/** A finite number (rejects NaN, ±Infinity and non-numbers). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Clamps into [min, max]; NaN becomes `min` so results are never NaN. */
export function clamp(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
}

/**
 * Rounds to 2 decimals, half away from zero, as a spreadsheet's ROUND(x, 2) does — the office checks
 * results against its spreadsheets. The tiny nudge absorbs binary error (1.005 * 100 = 100.49999…).
 */
export function roundTo2(value: number): number {
  if (!Number.isFinite(value)) return value;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-7)) / 100;
  return rounded + 0; // turns -0 into 0
}

/** Arithmetic mean; null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** True when two weights/scores are equal once rounded to 2 decimals (tolerates 33.33 + 33.33 + 33.34). */
export function isSameAt2Decimals(a: number, b: number): boolean {
  return Math.abs(roundTo2(a) - roundTo2(b)) < 0.001;
}

/** Formats a number for Chinese messages: at most 2 decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(roundTo2(value));
}
