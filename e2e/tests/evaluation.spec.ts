import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, loginAs, logout } from '../support/login-as';

// One journey through a quarter, in order: the assessor scores and submits, the director closes
// and publishes, the evaluee reads their own sheet (and nobody else's). The demo bureau's Q3 is
// open until 2026-12-31; Q1 and Q2 are published.
test.describe.configure({ mode: 'serial' });

const categories = ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT'] as const;
/** Three evaluees' scores, typed row after row. */
const scores = [
  ['88', '91.5', '86'],
  ['79', '83', '80'],
  ['93', '95', '90'],
] as const;

let q3Id = '';
/** Someone else's result sheet, for the evaluee's access check. */
let otherSheetPath = '';

const cell = (page: Page, row: number, category: (typeof categories)[number]) =>
  page.getByTestId(`score-cell-${row}-${category}`);

interface WorkbenchItem {
  personId: string;
  scores: Record<(typeof categories)[number], unknown>;
}

/**
 * What the rest of the assessment group does in their own workbenches, through the same API: every
 * missing cell scored, then everything submitted. (A quarter is published only when every evaluee
 * has a submitted score in every category, and nobody scores themselves.)
 */
async function finishScoring(api: APIRequestContext, username: string) {
  const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.ok(), `login as ${username}`).toBe(true);
  const cycles = (await (await api.get('/api/cycles?year=2026')).json()) as {
    items: { id: string; kind: string }[];
  };
  const q3 = cycles.items.find((c) => c.kind === 'Q3');
  expect(q3).toBeDefined();
  const workbench = (await (await api.get(`/api/cycles/${q3!.id}/workbench?pageSize=200`)).json()) as {
    items: WorkbenchItem[];
  };
  const cells = workbench.items.flatMap((item, index) =>
    categories
      .filter((category) => item.scores[category] === null)
      .map((category, c) => ({ evalueeId: item.personId, category, value: 78 + ((index * 7 + c * 3) % 19) })),
  );
  if (cells.length > 0) {
    const saved = await api.put(`/api/cycles/${q3!.id}/scores`, { data: { cells } });
    expect(saved.ok(), await saved.text()).toBe(true);
  }
  const submitted = await api.post(`/api/cycles/${q3!.id}/submit`, { data: {} });
  expect(submitted.ok(), await submitted.text()).toBe(true);
}

test('the assessor scores three evaluees with the keyboard only and submits them', async ({ page }) => {
  await loginAs(page, 'assessor');
  await page.getByRole('link', { name: '考核评分' }).click();
  await expect(page.getByTestId('workbench-grid')).toBeVisible();
  await expect(page.getByTestId('workbench-cycle')).toContainText('2026年第三季度');
  await expect(page.getByTestId('workbench-summary')).toContainText(/还有 \d+ 人未评完/);
  await expect(page.getByTestId('workbench-summary')).toContainText('截止 12月31日 24:00');

  const names = await Promise.all(
    [0, 1, 2].map((row) => page.getByTestId(`workbench-row-${row}`).getByTestId('evaluee-name').innerText()),
  );

  // Into the grid once; from here on only keys. Tab walks the three categories and on to the next row.
  await cell(page, 0, 'IDEOLOGICAL').focus();
  for (const [row, values] of scores.entries()) {
    for (const [col, value] of values.entries()) {
      await expect(cell(page, row, categories[col]!)).toBeFocused();
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
  }
  await expect(cell(page, 3, 'IDEOLOGICAL')).toBeFocused();

  // Enter goes down the same column; arrows move between cells; Esc takes a cell back.
  await page.keyboard.press('ArrowUp');
  await expect(cell(page, 2, 'IDEOLOGICAL')).toBeFocused();
  await page.keyboard.type('150');
  await expect(page.getByRole('alert').filter({ hasText: '评分应在 0–100 之间' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(cell(page, 2, 'IDEOLOGICAL')).toHaveValue('93');
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, 2, 'BUSINESS')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cell(page, 3, 'BUSINESS')).toBeFocused();

  // Autosave: the drafts reach the server on their own.
  await expect(page.getByTestId('workbench-save-status')).toHaveAttribute('data-phase', 'saved');
  for (const row of [0, 1, 2]) await expect(page.getByTestId(`row-status-${row}`)).toHaveText('草稿');
  await page.reload();
  await expect(cell(page, 0, 'BUSINESS')).toHaveValue('91.5');

  // Submit every complete row: the dialog lists who goes, and who is still missing.
  await page.getByTestId('workbench-submit-all').click();
  const dialog = page.getByRole('dialog');
  for (const name of names) await expect(dialog.getByTestId('submit-list')).toContainText(name);
  await expect(dialog.getByTestId('submit-missing')).toContainText('尚未评分');
  await dialog.getByTestId('workbench-submit-confirm').click();
  await expect(page.getByText(/已提交 \d+ 人的评分/)).toBeVisible();
  for (const row of [0, 1, 2]) await expect(page.getByTestId(`row-status-${row}`)).toHaveText('已提交');
  await logout(page);
});

test('the rest of the assessment group finishes scoring Q3', async ({ playwright, baseURL }) => {
  const newApi = () =>
    playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Requested-With': 'zeren' } });
  // Another member with an account scores everyone left (唐明辉 included), then 唐明辉 scores them.
  const assessorApi = await newApi();
  await assessorApi.post('/api/auth/login', { data: { username: 'assessor', password: DEMO_PASSWORD } });
  const group = (await (await assessorApi.get('/api/assessors')).json()) as {
    items: { employeeNo: string; name: string; hasAccount: boolean }[];
  };
  const other = group.items.find((member) => member.hasAccount && member.name !== '唐明辉');
  expect(other, 'another assessor with an account').toBeDefined();
  const otherApi = await newApi();
  await finishScoring(otherApi, other!.employeeNo.toLowerCase());
  await finishScoring(assessorApi, 'assessor');
  await Promise.all([otherApi.dispose(), assessorApi.dispose()]);
});

test('the director closes the Q3 cycle and publishes it', async ({ page }) => {
  await loginAs(page, 'director');
  await page.getByRole('link', { name: '考核周期' }).click();
  const q3 = page.getByTestId('cycle-Q3');
  await expect(q3.getByTestId('cycle-status')).toHaveText('进行中');

  await q3.getByTestId('cycle-transition-close').click();
  await expect(page.getByRole('dialog')).toContainText('关闭后不能再录入评分');
  await page.getByTestId('cycle-transition-confirm').click();
  await expect(q3.getByTestId('cycle-status')).toHaveText('已关闭');

  await q3.getByTestId('cycle-transition-publish').click();
  await expect(page.getByRole('dialog')).toContainText('发布后');
  await page.getByTestId('cycle-transition-confirm').click();
  await expect(q3.getByTestId('cycle-status')).toHaveText('已发布');

  // The results: ranked, with the 优秀 quota's use.
  await q3.getByTestId('cycle-results-link').click();
  await expect(page.getByTestId('results-table')).toBeVisible();
  await expect(page.getByTestId('quota-use')).toContainText(/优秀 \d+\/\d+ 名额/);
  q3Id = /\/evaluations\/cycles\/([^/]+)\/results/.exec(page.url())?.[1] ?? '';
  expect(q3Id).not.toBe('');
  const firstOther = page
    .getByTestId('results-table')
    .getByRole('link')
    .filter({ hasNotText: '曾志刚' })
    .first();
  otherSheetPath = (await firstOther.getAttribute('href')) ?? '';
  expect(otherSheetPath).toContain(`/evaluations/cycles/${q3Id}/results/`);
  await logout(page);
});

test('an evaluee reads their own Q3 result sheet and cannot open anyone else’s', async ({ page }) => {
  await loginAs(page, 'staff');
  await page.getByRole('link', { name: '我的考评结果' }).click();
  await page.getByTestId('my-result-Q3').click();
  const sheet = page.getByTestId('result-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('2026年第三季度综合考评结果单');
  await expect(page.getByTestId('result-sheet-name')).toHaveText('曾志刚');
  await expect(page.getByTestId('result-grade')).toHaveText(/^(优秀|称职|基本称职|不称职)$/);

  // Someone else's sheet: the page is refused, and so is the data behind it.
  await page.goto(otherSheetPath);
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();
  const response = await page.request.get(`/api${otherSheetPath.replace('/evaluations', '')}`, {
    headers: { 'X-Requested-With': 'zeren' },
  });
  expect([403, 404]).toContain(response.status());
});
