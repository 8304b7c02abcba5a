// Reading an uploaded workbook into plain cell values per sheet for the domain's validators. The
// archive is checked first (zip-guard); formulas are refused cell by cell (only values are
// imported: a formula's cached result may be stale, and nothing a file says should be computed).
import { SPREADSHEET_MAX_ROWS } from '@zeren/contracts';
import { issueAt, type CellValue, type ImportIssue, type RawSheet, type SheetSpec } from '@zeren/domain';
import type ExcelJS from 'exceljs';
import { DomainError } from '../../http/errors';
import { loadExcelJS } from '../../lib/exceljs';
import { checkZipArchive, notAWorkbook } from './zip-guard';

export interface ReadWorkbook {
  /** By sheet name, only the sheets the specs name. */
  sheets: Map<string, RawSheet>;
  /** Formula cells found (errors), located by sheet, row and column header. */
  issues: ImportIssue[];
}

const tooManyRows = (count: number) =>
  new DomainError(
    'PAYLOAD_TOO_LARGE',
    `工作簿的数据行超过 ${SPREADSHEET_MAX_ROWS.toLocaleString('en-US')} 行（至少 ${count.toLocaleString('en-US')} 行），请拆分后分批导入`,
  );

const isFormula = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);

/** A cell's value as the domain reads it. */
function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** Parses `bytes` as an .xlsx workbook and reads the sheets of `specs`. Throws 413/415. */
export async function readWorkbook(bytes: Buffer, specs: readonly SheetSpec[]): Promise<ReadWorkbook> {
  checkZipArchive(bytes);
  const excel = await loadExcelJS();
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(
      bytes as unknown as ExcelJS.Buffer,
      { ignoreNodes: ['dataValidations'] } as never,
    );
  } catch {
    throw notAWorkbook();
  }
  const sheets = new Map<string, RawSheet>();
  const issues: ImportIssue[] = [];
  let rowCount = 0;
  for (const spec of specs) {
    const worksheet = workbook.worksheets.find((w) => w.name.trim() === spec.name);
    if (!worksheet) continue;
    const header: CellValue[] = [];
    const rows: { row: number; cells: CellValue[] }[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      let hasValue = false;
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        let value: CellValue;
        if (cell.type === excel.ValueType.Formula || isFormula(cell.value)) {
          // The cached result stands in, so the row shows this one error rather than several.
          value = toCellValue((cell.value as { result?: ExcelJS.CellValue }).result ?? null);
          if (rowNumber > 1) {
            issues.push(
              issueAt(
                {
                  sheet: spec.name,
                  row: rowNumber,
                  column: {
                    header: String(toCellValue(header[column - 1] ?? null) ?? `第 ${column} 列`),
                    index: column,
                  },
                },
                'FORMULA',
                `单元格 ${cell.address} 含有公式，导入只接受数值：请复制后“选择性粘贴 → 数值”再导入`,
              ),
            );
          }
        } else value = toCellValue(cell.value);
        cells[column - 1] = value;
        if (value !== null && value !== '') hasValue = true;
      });
      if (rowNumber === 1) {
        for (let i = 0; i < cells.length; i++) header[i] = cells[i] ?? null;
        return;
      }
      if (!hasValue) return;
      rowCount += 1;
      if (rowCount > SPREADSHEET_MAX_ROWS) throw tooManyRows(rowCount);
      rows.push({ row: rowNumber, cells });
    });
    sheets.set(spec.name, { header, rows });
  }
  return { sheets, issues };
}
