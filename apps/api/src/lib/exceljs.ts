// exceljs is the largest module the API uses (about 6 MB of heap and 10–15 MB of resident memory
// once loaded) and only the spreadsheet routes need it: it loads on the first of them, not at start
// (docs/architecture.md "Runtime and build"). Modules import its types with `import type`.
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  return (loading ??= import('exceljs').then((module) => module.default));
}
