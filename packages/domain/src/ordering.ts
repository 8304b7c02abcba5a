// Orderings shared by the rules, so lists come out the same on every machine.

/** Plain code-unit order for ids: locale-independent, unlike localeCompare. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
