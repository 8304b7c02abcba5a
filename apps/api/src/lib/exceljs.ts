// exceljs is the largest module the API uses (about 6 MB of heap and 10–15 MB of resident memory
// once loaded) and only the spreadsheet routes need it: it loads on the first of them, not at start
// (docs/architecture.md "Runtime and build"). Modules import its types with `import type`.
import { XLSX_MIME_TYPE } from '@zeren/contracts';
import type ExcelJS from 'exceljs';
import type { Response } from 'express';

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  return (loading ??= import('exceljs').then((module) => module.default));
}

/**
 * Starts an .xlsx download streamed to `res`: the headers (`asciiName` for clients that cannot read
 * the UTF-8 `filename`), then a streaming workbook writer on the response.
 */
export async function streamWorkbook(res: Response, asciiName: string, filename: string) {
  const excel = await loadExcelJS();
  res.status(200);
  res.setHeader('Content-Type', XLSX_MIME_TYPE);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  );
  res.setHeader('Cache-Control', 'no-store');
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream: res,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Zeren 责任链';
  return workbook;
}
