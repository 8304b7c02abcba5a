import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { loginAs } from '../support/login-as';

// 导入导出: the administrator fills the roster template in Excel, uploads it, is shown the one bad
// row by sheet, row and column (and that nothing was written), fixes it, uploads again and imports;
// the new person is then in 组织管理. And the 考核登记表: staff print their own from 我的考评结果.
// Checking and importing a workbook takes the server a few seconds on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });
const SERVER_WORK = { timeout: 60_000 };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NEW_PERSON = { employeeNo: 'E2E-IMP-01', name: '葛导入' };
const NEW_POST = { code: 'E2E-YZK-KY9', title: '医政科科员（导入）' };

/** Writes a header-keyed row into the first empty row of a sheet of the template. */
function appendRow(sheet: ExcelJS.Worksheet, values: Record<string, string | number>) {
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => (v === undefined ? '' : String(v)));
  const row = sheet.getRow(sheet.actualRowCount + 1);
  for (const [header, value] of Object.entries(values)) {
    const column = headers.indexOf(header);
    if (column < 1) throw new Error(`column ${header} not in sheet ${sheet.name}: ${headers.join(',')}`);
    row.getCell(column).value = value;
  }
  row.commit();
}

/** The roster template with one new person, a new post under 医政科科长 and the holding; `unit` is the post's unit. */
async function rosterFile(templatePath: string, unit: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(templatePath)) as unknown as ArrayBuffer);
  const sheet = (name: string) => {
    const found = workbook.getWorksheet(name);
    if (!found) throw new Error(`sheet ${name} missing from the template`);
    return found;
  };
  appendRow(sheet('人员'), {
    工号: NEW_PERSON.employeeNo,
    姓名: NEW_PERSON.name,
    性别: '女',
    是否党员: '否',
  });
  appendRow(sheet('岗位'), {
    岗位编码: NEW_POST.code,
    岗位名称: NEW_POST.title,
    所属部门: unit,
    责任层级: 4,
    所属主线: '行政线',
    行政线上级岗位编码: 'YZK-KZ',
  });
  appendRow(sheet('任职'), { 工号: NEW_PERSON.employeeNo, 岗位编码: NEW_POST.code, 是否主岗: '是' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(page: Page, kind: 'roster' | 'targets', name: string, buffer: Buffer) {
  await page
    .getByTestId(`upload-${kind}`)
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: XLSX, buffer });
}

let templatePath = '';

test('the administrator downloads the roster template from 导入导出', async ({ page }) => {
  await loginAs(page, 'admin');
  await page.getByRole('link', { name: '导入导出' }).click();
  await expect(page).toHaveURL(/\/admin\/spreadsheets$/);
  await expect(page.getByRole('heading', { name: '导入导出', level: 1 })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByTestId('template-roster').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  templatePath = test.info().outputPath('roster-template.xlsx');
  await download.saveAs(templatePath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(templatePath)) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(
    expect.arrayContaining(['部门', '人员', '岗位', '任职']),
  );
});

test('a file with an unknown unit is refused with the row and column, and nothing is written', async ({
  page,
}) => {
  await loginAs(page, 'admin');
  await page.goto('/admin/spreadsheets');
  await upload(page, 'roster', '花名册-有误.xlsx', await rosterFile(templatePath, '不存在的科室'));

  const banner = page.getByTestId('import-errors-banner');
  await expect(banner).toContainText(/文件有 \d+ 处问题，未写入任何数据/, SERVER_WORK);
  await expect(page.getByTestId('import-commit')).toHaveCount(0);
  const issue = page.getByTestId('import-issues').getByRole('row').filter({ hasText: '不存在的科室' });
  await expect(issue).toHaveCount(1);
  // 工作表 岗位, row 2 (the first data row under the header), column 所属部门.
  await expect(issue.getByRole('cell').nth(0)).toHaveText('岗位');
  await expect(issue.getByRole('cell').nth(1)).toHaveText('2');
  await expect(issue.getByRole('cell').nth(2)).toContainText('所属部门');
  await expect(issue.getByRole('cell').nth(3)).toContainText('错误');

  // Nothing written: the person is not in the organisation.
  const people = await page.request.get(`/api/org/people?q=${encodeURIComponent(NEW_PERSON.name)}`);
  expect(people.ok()).toBe(true);
  expect(((await people.json()) as { total: number }).total).toBe(0);
});

test('the fixed file previews clean, imports, and the new person is in 组织管理', async ({ page }) => {
  await loginAs(page, 'admin');
  await page.goto('/admin/spreadsheets');
  await upload(page, 'roster', '花名册.xlsx', await rosterFile(templatePath, '医政科'));

  await expect(page.getByTestId('import-valid')).toContainText('没有发现错误', SERVER_WORK);
  const counts = page.getByTestId('import-counts');
  await expect(counts.getByRole('row').filter({ hasText: '人员' }).getByRole('cell').nth(1)).toHaveText('1');
  await expect(counts.getByRole('row').filter({ hasText: '岗位' }).getByRole('cell').nth(1)).toHaveText('1');
  await expect(counts.getByRole('row').filter({ hasText: '任职' }).getByRole('cell').nth(1)).toHaveText('1');

  await page.getByTestId('import-commit').click();
  const done = page.getByTestId('import-done');
  await expect(done).toContainText('花名册导入完成', SERVER_WORK);
  await done.getByRole('button', { name: '查看人员' }).click();

  await expect(page).toHaveURL(/\/admin\/org\?tab=people/);
  await page.getByPlaceholder('按姓名或工号搜索').fill(NEW_PERSON.name);
  await page.getByPlaceholder('按姓名或工号搜索').press('Enter');
  const row = page.getByRole('row').filter({ hasText: NEW_PERSON.name });
  await expect(row).toContainText(NEW_PERSON.employeeNo);
  await expect(row).toContainText(NEW_POST.title);
});

test('staff open their own 考核登记表 from 我的考评结果, laid out on one A4 page', async ({ page }) => {
  await loginAs(page, 'staff');
  await page.getByRole('link', { name: '我的考评结果' }).click();
  await page.getByTestId('my-registration-form-Q2').click();
  await expect(page).toHaveURL(/\/my\/results\/[0-9a-f-]+\/registration-form$/);

  const form = page.getByTestId('registration-form');
  await expect(form.getByRole('heading', { level: 1 })).toHaveText('2026年第二季度考核登记表');
  await expect(page.getByTestId('registration-form-name')).toHaveText('曾志刚');
  for (const text of [
    '岗位目标完成情况',
    '考核评分',
    '奖惩兑现',
    '个人小结',
    '主管领导评语',
    '考核组意见',
    '本人签字确认',
  ])
    await expect(form).toContainText(text);
  await expect(form).toContainText('医政科');
  await expect(page.getByTestId('registration-form-target').first()).toBeVisible();
  await expect(page.getByTestId('registration-form-grade')).toHaveText(/优秀|称职|基本称职|不称职/);

  // The result sheet leads to the same form.
  await page.getByRole('link', { name: '结果单' }).click();
  await expect(page.getByTestId('result-sheet')).toBeVisible();
  await page.getByTestId('result-sheet-registration-form').click();
  await expect(page).toHaveURL(/\/my\/results\/[0-9a-f-]+\/registration-form$/);
  await expect(page.getByTestId('registration-form-name')).toHaveText('曾志刚');

  // Printed: the menu and buttons are gone and the form fits one A4 page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('registration-form-print')).toBeHidden();
  await expect(page.locator('.ant-layout-sider')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(1);
});
