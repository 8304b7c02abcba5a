import {
  ImportPreview,
  ImportResult,
  SPREADSHEET_MAX_BYTES,
  SPREADSHEET_MIME_TYPE,
  TargetExportQuery,
} from './spreadsheets';
import { defineRoute } from './route';

const session = { access: 'session' } as const;
const xlsxUpload = { maxBytes: SPREADSHEET_MAX_BYTES, mimeTypes: [SPREADSHEET_MIME_TYPE] } as const;
const xlsxDownload = { mimeTypes: [SPREADSHEET_MIME_TYPE] } as const;

/**
 * Spreadsheets in and out (docs/architecture.md "Spreadsheets"). Uploads are the raw .xlsx body
 * (Content-Type = the xlsx MIME type, at most 5 MiB, 20,000 data rows). The preview never writes;
 * the import re-validates the same file and writes all of it in one transaction, or answers 422
 * UNPROCESSABLE_CONTENT with the preview (`details`: ImportPreview) and writes nothing.
 * Not a workbook → 415; too large once unpacked (zip bomb) or too many rows → 413.
 */
export const spreadsheetRoutes = {
  downloadRosterTemplate: defineRoute({
    ...session,
    tag: 'imports',
    method: 'get',
    path: '/api/imports/roster/template.xlsx',
    summary: 'The empty roster workbook (部门、人员、岗位、任职) with a 说明 sheet',
    download: xlsxDownload,
    status: 200,
    response: null,
  }),
  previewRosterImport: defineRoute({
    ...session,
    tag: 'imports',
    method: 'post',
    path: '/api/imports/roster/preview',
    summary: 'Check a roster workbook: what it would create/update and every problem (admin; writes nothing)',
    upload: xlsxUpload,
    status: 200,
    response: ImportPreview,
    errors: [403, 413, 415],
  }),
  importRoster: defineRoute({
    ...session,
    tag: 'imports',
    method: 'post',
    path: '/api/imports/roster',
    summary: 'Import a roster workbook: all or nothing, in one transaction (admin)',
    upload: xlsxUpload,
    status: 200,
    response: ImportResult,
    errors: [403, 409, 413, 415, 422],
  }),
  downloadTargetTemplate: defineRoute({
    ...session,
    tag: 'imports',
    method: 'get',
    path: '/api/imports/targets/template.xlsx',
    summary: 'The empty target book workbook (目标) with a 说明 sheet',
    download: xlsxDownload,
    status: 200,
    response: null,
  }),
  previewTargetImport: defineRoute({
    ...session,
    tag: 'imports',
    method: 'post',
    path: '/api/imports/targets/preview',
    summary: 'Check a target book workbook (admin, tier 1; writes nothing)',
    upload: xlsxUpload,
    status: 200,
    response: ImportPreview,
    errors: [403, 413, 415],
  }),
  importTargets: defineRoute({
    ...session,
    tag: 'imports',
    method: 'post',
    path: '/api/imports/targets',
    summary: 'Import a target book workbook: all or nothing, in one transaction (admin, tier 1)',
    upload: xlsxUpload,
    status: 200,
    response: ImportResult,
    errors: [403, 409, 413, 415, 422],
  }),
  exportRoster: defineRoute({
    ...session,
    tag: 'exports',
    method: 'get',
    path: '/api/exports/roster.xlsx',
    summary: 'The organisation as a roster workbook (the import format; every member may read it)',
    download: xlsxDownload,
    status: 200,
    response: null,
  }),
  exportTargets: defineRoute({
    ...session,
    tag: 'exports',
    method: 'get',
    path: '/api/exports/targets.xlsx',
    summary:
      "A year's target book with progress (the import format + 进度/最近更新/状态), filtered, within the reader's scope",
    query: TargetExportQuery,
    download: xlsxDownload,
    status: 200,
    response: null,
    errors: [404],
  }),
} as const;
