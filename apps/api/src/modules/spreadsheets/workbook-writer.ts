// Writing the roster and target book workbooks — templates (no rows) and exports — with exceljs'
// streaming writer straight into the response: rows are committed as they are written, so a large
// export never sits in memory as a whole workbook. The layout is the domain's sheet specs, so what
// is written here is exactly what the import reads back.
import { SPREADSHEET_MAX_ROWS } from '@zeren/contracts';
import { EXPLANATION_SHEET_NAME, columnLetter, type ColumnSpec, type SheetSpec } from '@zeren/domain';
import type ExcelJS from 'exceljs';
import type { Response } from 'express';
import { streamWorkbook } from '../../lib/exceljs';

export type WrittenValue = string | number | Date | null;

export interface SheetContent {
  spec: SheetSpec;
  /** Template: no rows. Export-only columns are written only when `withExportColumns`. */
  rows: Iterable<Record<string, WrittenValue>>;
  withExportColumns?: boolean;
}

const HEADER_FILL: Record<'required' | 'optional' | 'reference', ExcelJS.Fill> = {
  required: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } },
  optional: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  reference: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } },
};
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;

/** A calendar day YYYY-MM-DD as the Date exceljs writes as that Excel date. */
export const excelDate = (day: string | null): Date | null =>
  day === null ? null : new Date(`${day}T00:00:00Z`);

const columnsOf = (content: SheetContent): ColumnSpec[] =>
  content.spec.columns.filter((c) => content.withExportColumns || !c.isExportOnly);

function kindOf(column: ColumnSpec): keyof typeof HEADER_FILL {
  if (column.isReference || column.isExportOnly) return 'reference';
  return column.isRequired ? 'required' : 'optional';
}

function numFmtOf(column: ColumnSpec): string | undefined {
  if (column.format === 'date') return 'yyyy-mm-dd';
  if (column.format === 'percent') return '0.00';
  if (column.format === 'number') return undefined;
  return '@'; // text: 工号 0123 and codes stay as typed
}

/** Streams a workbook of a 说明 sheet and the given sheets to the response. */
export async function writeWorkbook(
  res: Response,
  input: { filename: string; title: string; notes: string[]; sheets: SheetContent[] },
): Promise<void> {
  const workbook = await streamWorkbook(res, 'workbook.xlsx', input.filename);

  writeExplanation(workbook, input);

  for (const content of input.sheets) {
    const columns = columnsOf(content);
    const sheet = workbook.addWorksheet(content.spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      style: numFmtOf(c) ? { numFmt: numFmtOf(c)! } : {},
    }));
    const header = sheet.getRow(1);
    columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      cell.font = { bold: true, color: column.isRequired ? { argb: 'FF9C0006' } : undefined };
      cell.fill = HEADER_FILL[kindOf(column)];
      cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.note = column.note;
    });
    header.height = 22;
    // Drop-down lists where the column takes a fixed vocabulary (up to the import's row limit).
    columns.forEach((column, i) => {
      if (!column.list) return;
      const letter = columnLetter(i + 1);
      // The streaming writer supports them; its typings leave them out.
      const validations = (
        sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations;
      validations.add(`${letter}2:${letter}${SPREADSHEET_MAX_ROWS + 1}`, {
        type: 'list',
        allowBlank: !column.isRequired,
        formulae: [`"${column.list.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: column.header,
        error: `请从列表中选择：${column.list.join('、')}`,
      });
    });
    header.commit();
    for (const row of content.rows) {
      sheet.addRow(columns.map((c) => row[c.key] ?? null)).commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}

function writeExplanation(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  input: { title: string; notes: string[]; sheets: SheetContent[] },
) {
  const info = workbook.addWorksheet(EXPLANATION_SHEET_NAME);
  info.columns = [
    { header: '', width: 14 },
    { header: '', width: 22 },
    { header: '', width: 8 },
    { header: '', width: 90 },
  ];
  const title = info.getRow(1);
  title.getCell(1).value = input.title;
  title.getCell(1).font = { bold: true, size: 14 };
  title.commit();
  for (const note of input.notes) info.addRow([note]).commit();
  info.addRow([]).commit();
  const header = info.addRow(['工作表', '列', '必填', '说明']);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL.optional;
  });
  header.commit();
  for (const content of input.sheets) {
    info.addRow([content.spec.name, '', '', content.spec.note]).commit();
    for (const column of columnsOf(content)) {
      info.addRow([content.spec.name, column.header, column.isRequired ? '是' : '', column.note]).commit();
    }
  }
  info.addRow([]).commit();
  info
    .addRow([
      '提示',
      '',
      '',
      '表头不可改名；橙色表头为必填列，灰色为仅供核对或仅导出的列（导入时不读取）。单元格请填写数值，不要使用公式。导入前系统会逐行检查并列出全部问题，有任何错误时不写入任何数据。',
    ])
    .commit();
  info.commit();
}
