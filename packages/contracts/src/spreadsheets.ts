// Spreadsheets in and out (.xlsx): the roster (部门、人员、岗位、任职 and both reporting lines) and
// the target book (目标责任书). The export of each is its template is its import format, so an
// exported workbook imports back unchanged. Import is stateless: the preview and the commit both
// take the whole file; the commit re-validates and writes everything in one transaction or nothing.
import { z } from 'zod';
import { Year } from './common-http';
import { Id, TargetCategory } from './common';

/** The two importable workbooks. */
export const SpreadsheetKind = z.enum(['roster', 'targets']);
export type SpreadsheetKind = z.infer<typeof SpreadsheetKind>;

/** The MIME type of an .xlsx workbook (the only one uploads accept). */
export const SPREADSHEET_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Upload limits: the file, its uncompressed content, its data rows (all sheets together). */
export const SPREADSHEET_MAX_BYTES = 5 * 1024 * 1024;
export const SPREADSHEET_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
export const SPREADSHEET_MAX_ROWS = 20_000;
/** At most this many issues are listed; `errorCount` / `warningCount` count all of them. */
export const SPREADSHEET_MAX_LISTED_ISSUES = 1000;

/** What kind of problem a row has (the message says it in Chinese; the code is for filters/tests). */
export const ImportIssueCode = z.enum([
  /** A required sheet is missing from the workbook. */
  'MISSING_SHEET',
  /** A required column header is missing (or misspelt) in a sheet's first row. */
  'MISSING_COLUMN',
  /** A cell holds a formula: only values are imported. */
  'FORMULA',
  /** A required cell is empty. */
  'REQUIRED',
  /** Not one of the allowed values (category, line, unit type, measure, 是/否, code format, length). */
  'INVALID_VALUE',
  'BAD_NUMBER',
  /** Not a real Excel date or YYYY-MM-DD text. */
  'BAD_DATE',
  /** 责任层级 not 1–4. */
  'TIER_OUT_OF_RANGE',
  /** Names a unit, post, person or target that is neither in the file nor in the organisation. */
  'UNKNOWN_REFERENCE',
  /** Names an archived unit or post. */
  'ARCHIVED',
  /** The same key twice in the file (or twice in the organisation). */
  'DUPLICATE',
  /** A reporting line, unit tree or target tree that loops. */
  'CYCLE',
  /** A reporting rule broken (superior tier not smaller, missing superior, superior not in the line…). */
  'REPORTING',
  /** The weights of one target's children: over 100 is an error, under 100 a warning (a chain gap). */
  'WEIGHTS_NOT_100',
  /** A child target's owner is not one tier below the parent's owner reporting to it in the line. */
  'DECOMPOSITION',
  /** A change an import may not make (a target's parent, year, category or line; a decomposed target's owner). */
  'IMMUTABLE',
  /** Matches several existing records; use the 目标编号 of an export to say which. */
  'AMBIGUOUS',
]);
export type ImportIssueCode = z.infer<typeof ImportIssueCode>;

export const ImportIssueSeverity = z.enum(['error', 'warning']);
export type ImportIssueSeverity = z.infer<typeof ImportIssueSeverity>;

/** One problem, located as a person finds it in Excel. */
export const ImportIssue = z
  .object({
    /** The sheet's name as shown on its tab, e.g. 岗位. */
    sheet: z.string(),
    /** Excel row number (the header is row 1); null for the sheet as a whole. */
    row: z.number().int().min(1).nullable(),
    /** The column's header, e.g. 责任层级; null for the row or sheet as a whole. */
    column: z.string().nullable(),
    /** A1 reference, e.g. D7; null when row or column is null. */
    cell: z.string().nullable(),
    severity: ImportIssueSeverity,
    code: ImportIssueCode,
    /** Chinese, says what to fix, e.g. 「上级岗位的层级必须高于本岗位：本岗位为二级，所选上级为三级」. */
    message: z.string(),
  })
  .meta({ id: 'ImportIssue' });
export type ImportIssue = z.infer<typeof ImportIssue>;

/** What an import creates, updates or leaves unchanged, per kind of record. */
export const ImportEntityKind = z.enum(['units', 'people', 'posts', 'holdings', 'targets']);
export type ImportEntityKind = z.infer<typeof ImportEntityKind>;

export const ImportCounts = z
  .object({
    kind: ImportEntityKind,
    /** Chinese label: 部门 / 人员 / 岗位 / 任职 / 目标. */
    label: z.string(),
    create: z.number().int().min(0),
    update: z.number().int().min(0),
    unchanged: z.number().int().min(0),
  })
  .meta({ id: 'ImportCounts' });
export type ImportCounts = z.infer<typeof ImportCounts>;

/**
 * The answer of a preview, and the `details` of a refused commit (422 UNPROCESSABLE_CONTENT).
 * Issues are ordered errors first, then by sheet (workbook order), row and column.
 */
export const ImportPreview = z
  .object({
    kind: SpreadsheetKind,
    /** No errors: the same file may be committed (warnings do not block). */
    isValid: z.boolean(),
    /** Data rows read, all sheets together (header rows and empty rows not counted). */
    rowCount: z.number().int().min(0),
    /** Roster: units, people, posts, holdings; target book: targets. */
    summary: z.array(ImportCounts),
    errorCount: z.number().int().min(0),
    warningCount: z.number().int().min(0),
    /** At most SPREADSHEET_MAX_LISTED_ISSUES. */
    issues: z.array(ImportIssue),
    /** More issues exist than are listed. */
    isTruncated: z.boolean(),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof ImportPreview>;

/** The answer of a successful commit: what was written (all in one transaction). */
export const ImportResult = z
  .object({
    kind: SpreadsheetKind,
    rowCount: z.number().int().min(0),
    summary: z.array(ImportCounts),
    /** Warnings of the preview still apply (e.g. incomplete decompositions are chain gaps). */
    warningCount: z.number().int().min(0),
    /** Server time spent parsing, validating and writing, in milliseconds. */
    durationMs: z.number().int().min(0),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResult>;

/** Filters of the target book export (each optional; the year defaults to the current one in China). */
export const TargetExportQuery = z.object({
  year: Year.optional(),
  /** Targets owned by posts of this unit. */
  unitId: Id.optional(),
  /** Targets owned by posts of this tier. */
  tier: z.coerce.number().int().min(1, '责任层级应为 1–4').max(4, '责任层级应为 1–4').optional(),
  category: TargetCategory.optional(),
});
export type TargetExportQuery = z.infer<typeof TargetExportQuery>;
