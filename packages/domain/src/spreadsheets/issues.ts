// Problems found in an imported workbook, located as a person finds them in Excel: sheet, row,
// column header and A1 cell. Mirrors ImportIssue of @zeren/contracts.

export type ImportIssueCode =
  | 'MISSING_SHEET'
  | 'MISSING_COLUMN'
  | 'FORMULA'
  | 'REQUIRED'
  | 'INVALID_VALUE'
  | 'BAD_NUMBER'
  | 'BAD_DATE'
  | 'TIER_OUT_OF_RANGE'
  | 'UNKNOWN_REFERENCE'
  | 'ARCHIVED'
  | 'DUPLICATE'
  | 'CYCLE'
  | 'REPORTING'
  | 'WEIGHTS_NOT_100'
  | 'DECOMPOSITION'
  | 'IMMUTABLE'
  | 'AMBIGUOUS';

export type ImportIssueSeverity = 'error' | 'warning';

export interface ImportIssue {
  sheet: string;
  /** Excel row number (header = 1); null for the whole sheet. */
  row: number | null;
  /** The column header; null for the whole row or sheet. */
  column: string | null;
  /** A1 reference; null when row or column is null. */
  cell: string | null;
  severity: ImportIssueSeverity;
  code: ImportIssueCode;
  message: string;
}

/** 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Where a value sits: the sheet, the row and the column (header and 1-based index). */
export interface CellLocation {
  sheet: string;
  row: number | null;
  column: { header: string; index: number } | null;
}

export function issueAt(
  at: CellLocation,
  code: ImportIssueCode,
  message: string,
  severity: ImportIssueSeverity = 'error',
): ImportIssue {
  const cell = at.row !== null && at.column !== null ? `${columnLetter(at.column.index)}${at.row}` : null;
  return { sheet: at.sheet, row: at.row, column: at.column?.header ?? null, cell, severity, code, message };
}

/** Errors first, then by sheet (in the given order), row and column. */
export function sortIssues(issues: readonly ImportIssue[], sheetOrder: readonly string[]): ImportIssue[] {
  const sheetRank = (sheet: string) => {
    const i = sheetOrder.indexOf(sheet);
    return i === -1 ? sheetOrder.length : i;
  };
  return [...issues].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      sheetRank(a.sheet) - sheetRank(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.cell ?? '').length - (b.cell ?? '').length ||
      (a.cell ?? '').localeCompare(b.cell ?? ''),
  );
}
