import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from '../support/login-as';
import { E2E_BASE_URL } from '../support/server';

// The dashboards per tier on the demo bureau: real figures, a drill-down from each, the chief's
// inline progress update and post switcher, an axe scan of every dashboard, and the screenshots in
// docs/screenshots (rewritten on every run, at 1280×720).

const screenshotDir = path.resolve(import.meta.dirname, '../../docs/screenshots');
mkdirSync(screenshotDir, { recursive: true });

// No chart animation: screenshots show the final state, and tests need not wait for it.
test.use({ contextOptions: { reducedMotion: 'reduce' } });
test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** Targets other specs record progress on or read figures from: this spec leaves them alone. */
const TITLES_OF_OTHER_SPECS = [
  '二级以上医院医疗质量检查覆盖率',
  '医疗质量安全检查覆盖率',
  '传染病报告及时率',
  '政务值班到岗率',
];

/** A figure such as "85.9%" or "100%". */
const percent = /^\d{1,3}(\.\d)?%$/;

/** The API requests a (re)load of the dashboard makes, counted from the browser's side. */
async function countDashboardRequests(page: Page): Promise<string[]> {
  const requests: string[] = [];
  const onRequest = (request: { url: () => string; method: () => string }) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) requests.push(`${request.method()} ${url.pathname}`);
  };
  page.on('request', onRequest);
  await page.reload();
  await expect(page.getByTestId('dashboard-title')).toBeVisible();
  await page.waitForLoadState('networkidle');
  page.off('request', onRequest);
  return requests;
}

/** Waits until the dashboard's charts are drawn (canvas) and nothing is loading. */
async function waitForCharts(page: Page, count: number): Promise<void> {
  // ECharts may draw a chart on more than one canvas layer: count the charts, not the canvases.
  await expect(page.locator('[role="img"]:has(canvas)')).toHaveCount(count);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-skeleton')).toHaveCount(0);
}

/** axe-core on the whole page (WCAG 2.1 A/AA): no serious or critical violation. */
async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  // Scan the page at rest: no pointer hovering a link, no colour caught mid-transition.
  await page.mouse.move(1270, 710);
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 3).map((node) => ({
        target: node.target.join(' '),
        data: node.any[0]?.data ?? node.all[0]?.data,
      })),
    }));
  expect(serious, `${label}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1270, 710); // no hover state or tooltip in the picture
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, name) });
}

test('the director lands on the bureau overview and drills down from it', async ({ page }) => {
  test.setTimeout(60_000);
  await loginAs(page, 'director');
  await expect(page.getByTestId('dashboard-title')).toHaveText('全局总览');
  await expect(page.getByTestId('bureau-dashboard')).toBeVisible();

  // The three major targets, overall and per line, from the demo data.
  await expect(page.getByTestId('major-targets-overall')).toHaveText(percent);
  for (const category of ['IDEOLOGICAL', 'BUSINESS', 'MANAGEMENT']) {
    await expect(page.getByTestId(`major-targets-${category}`)).toHaveText(percent);
  }
  await expect(page.getByTestId('major-targets-lines')).toContainText('党群线');
  await expect(page.getByTestId('major-targets-lines')).toContainText('行政线');
  // Gaps and risks counted; the heatmap has a row per unit (its accessible table).
  await expect(page.getByTestId('kpi-gaps-value')).toHaveText(/^\d+处$/);
  await expect(page.getByTestId('kpi-at-risk-value')).toHaveText(/^[1-9]\d*项$/);
  const heatmapRows = page.getByTestId('bureau-heatmap').locator('table tbody tr');
  expect(await heatmapRows.count()).toBeGreaterThan(8);
  await expect(heatmapRows.first()).toContainText('局领导班子');
  await expect(page.getByTestId('bureau-grades')).toContainText('优秀');
  // The heatmap is HTML; the trend, the grades and the scoring are charts.
  await waitForCharts(page, 3);

  const requests = await countDashboardRequests(page);
  expect(requests.length, requests.join(', ')).toBeLessThanOrEqual(3);
  expect(requests).toContain('GET /api/dashboards/bureau');
  await waitForCharts(page, 3);

  await saveScreenshot(page, 'dashboard-director.png');
  await expectNoSeriousA11yViolations(page, 'bureau overview');
  // The data behind a chart, shown instead of it, passes too.
  await page.getByTestId('bureau-heatmap').getByRole('button', { name: '查看数据' }).click();
  await expect(page.getByTestId('bureau-heatmap').getByRole('link', { name: '医政科' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'bureau overview, heatmap as a table');
  await page.getByTestId('bureau-heatmap').getByRole('button', { name: '查看图表' }).click();
  await waitForCharts(page, 3);

  // A heatmap cell of a unit with no units below (the first unit's overall figure) opens its targets.
  const heatmap = page.getByTestId('bureau-heatmap-chart');
  await heatmap.getByRole('listitem').first().locator('span[title]').last().click();
  await expect(page).toHaveURL(/\/targets\?unit=[0-9a-f-]+&year=\d{4}/);
  await expect(page.getByTestId('targets-table')).toBeVisible();
  await page.goBack();

  // An at-risk target opens its page.
  const firstRisk = page.getByTestId('at-risk-list').getByRole('link').first();
  const riskTitle = (await firstRisk.textContent())?.trim() ?? '';
  await firstRisk.click();
  await expect(page).toHaveURL(/\/targets\/[0-9a-f-]+$/);
  await expect(page.getByTestId('target-title')).toHaveText(riskTitle);
});

test('the director drills the heatmap down the unit tree and back', async ({ page }) => {
  await loginAs(page, 'director');
  const heatmap = page.getByTestId('bureau-heatmap-chart');
  const breadcrumb = page.getByTestId('bureau-heatmap-breadcrumb');
  await expect(breadcrumb).toHaveText('全部单位');
  // 机关党支部 has its party groups below it: its row says so and opens their level.
  const branch = heatmap.getByRole('link', { name: '机关党支部 3 个下级单位' });
  await expect(branch).toContainText('3');
  await branch.click();
  await expect(page).toHaveURL(/[?&]unit=[0-9a-f-]+/);
  await expect(breadcrumb).toHaveText(/全部单位\s*\/?\s*机关党支部/);
  await expect(heatmap.getByRole('listitem')).toHaveCount(3);
  await expect(heatmap).toContainText('第一党小组');
  await expect(heatmap).not.toContainText('医政科');
  await expect(page.getByTestId('bureau-heatmap')).toContainText('机关党支部下设 3 个单位');
  await expectNoSeriousA11yViolations(page, 'bureau overview, heatmap one level down');
  // A party group has no units below: its row opens its targets.
  await expect(heatmap.getByRole('link', { name: /^第一党小组\s*，查看目标$/ })).toHaveAttribute(
    'href',
    /\/targets\?unit=[0-9a-f-]+&year=\d{4}/,
  );

  // Back up through the breadcrumb; down again from the keyboard; back with the browser.
  await breadcrumb.getByRole('link', { name: '全部单位' }).click();
  await expect(page).not.toHaveURL(/unit=/);
  await expect(heatmap).toContainText('医政科');
  await branch.focus();
  await page.keyboard.press('Enter');
  await expect(breadcrumb).toContainText('机关党支部');
  const shared = page.url();
  await page.goBack();
  await expect(breadcrumb).toHaveText('全部单位');
  await expect(heatmap).toContainText('医政科');
  // The level is in the link: opened afresh, it shows the same level.
  await page.goto(shared);
  await expect(breadcrumb).toContainText('机关党支部');
  await expect(heatmap.getByRole('listitem')).toHaveCount(3);
});

test('the bureau overview in English, remembered for the user', async ({ page, browser }) => {
  await loginAs(page, 'director');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('dashboard-title')).toHaveText('Bureau overview');
  await expect(page.getByTestId('bureau-heatmap')).toContainText('Completion by unit');
  await waitForCharts(page, 3);
  await saveScreenshot(page, 'dashboard-director-en.png');
  await expectNoSeriousA11yViolations(page, 'bureau overview (en-US)');

  // Another browser (nothing in its local storage) opens in the user's saved language.
  const context = await browser.newContext({
    baseURL: E2E_BASE_URL,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 720 },
  });
  const elsewhere = await context.newPage();
  await loginAs(elsewhere, 'director');
  await expect(elsewhere.getByTestId('dashboard-title')).toHaveText('Bureau overview');
  // Back to Chinese, which the other specs expect of this user.
  await elsewhere.getByRole('button', { name: '中文' }).click();
  await expect(elsewhere.getByTestId('dashboard-title')).toHaveText('全局总览');
  await expect
    .poll(async () => (await elsewhere.request.get('/api/auth/me')).json().then((me) => me.user.locale))
    .toBe('zh-CN');
  await context.close();
});

test('the bureau overview fits a tablet', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await loginAs(page, 'director');
  await waitForCharts(page, 3);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the deputy director sees the units in his charge side by side', async ({ page }) => {
  await loginAs(page, 'deputy');
  await expect(page.getByTestId('dashboard-title')).toHaveText('分管工作台');
  await expect(page.getByTestId('own-targets-overall')).toHaveText(percent);
  const units = page.getByTestId('supervised-units');
  await expect(units).toContainText('医政科');
  await expect(units).toContainText('疾控科');
  // The demo's overdue 医政科 finding is escalated to the deputy in charge (督导 → superior's dashboard).
  await expect(page.getByTestId('dashboard-supervision-alert')).toContainText('上报至您');
  await waitForCharts(page, 3);

  const requests = await countDashboardRequests(page);
  expect(requests.length, requests.join(', ')).toBeLessThanOrEqual(3);
  await waitForCharts(page, 3);
  await saveScreenshot(page, 'dashboard-deputy.png');
  await expectNoSeriousA11yViolations(page, 'supervisor dashboard');

  await units.getByRole('link', { name: '疾控科' }).click();
  await expect(page).toHaveURL(/\/targets\?unit=/);
  await expect(page.getByTestId('targets-table')).toBeVisible();
});

test('the section chief records progress inline and switches to his party-group post', async ({ page }) => {
  test.setTimeout(60_000);
  await loginAs(page, 'chief');
  await expect(page.getByTestId('dashboard-title')).toHaveText('医政科工作台');
  await expect(page.getByTestId('section-dashboard')).toContainText('医政科目标完成情况');
  await expect(page.getByTestId('section-progress-overall')).toHaveText(percent);
  await waitForCharts(page, 1);

  const requests = await countDashboardRequests(page);
  expect(requests.length, requests.join(', ')).toBeLessThanOrEqual(3);
  await waitForCharts(page, 1);
  await saveScreenshot(page, 'dashboard-chief.png');
  await expectNoSeriousA11yViolations(page, 'section dashboard');

  // A target the chief may record on, not yet complete and measured in percent (or points), that
  // no other spec relies on: reporting 100 completes it.
  const table = page.getByTestId('section-targets');
  const filter = page.getByTestId('section-targets-filter');
  const status = page.getByTestId('section-status');
  const doneCount = async () =>
    Number((await status.locator('dd').first().textContent())?.replace(/\D/g, ''));
  const doneBefore = await doneCount();
  await filter.getByText(/^可填报 \d+$/).click();
  const candidates = table
    .locator('tr.ant-table-row')
    .filter({ has: page.getByRole('button', { name: /^填报进展/ }) })
    .filter({ hasNot: page.getByTestId(/^target-progress-/).filter({ hasText: '100%' }) })
    .filter({ hasNotText: new RegExp(TITLES_OF_OTHER_SPECS.join('|')) });
  const drawer = page.getByTestId('inline-progress-form');
  let chosen: { title: string; owner: string } | undefined;
  for (let index = 0; index < (await candidates.count()) && !chosen; index += 1) {
    const candidate = candidates.nth(index);
    await candidate.getByRole('button', { name: /^填报进展/ }).click();
    await expect(drawer).toBeVisible();
    const label = (await drawer.locator('label').first().textContent()) ?? '';
    if (/完成率|定性评价/.test(label)) {
      chosen = {
        title: ((await candidate.getByRole('link').first().textContent()) ?? '').trim(),
        owner: ((await candidate.getByTestId('target-owner').textContent()) ?? '').trim(),
      };
    } else {
      await page.getByTestId('inline-progress-cancel').click();
      await expect(drawer).toBeHidden();
    }
  }
  if (!chosen) throw new Error('no unfinished target measured in percent or points on the first page');
  const row = table
    .locator('tr.ant-table-row')
    .filter({ hasText: chosen.title })
    .filter({ hasText: chosen.owner });

  await drawer.getByTestId('inline-progress-value').fill('100');
  await drawer.getByTestId('inline-progress-note').fill('11 月专项工作已全部办结。');
  await page.getByTestId('inline-progress-submit').click();
  await expect(page.getByText(`已记录“${chosen.title}”的进展`)).toBeVisible();

  // The dashboard refetches: the target shows 100 %, and the section's count of done targets grows.
  await expect(row.getByTestId(/^target-progress-/)).toContainText('100%');
  await expect.poll(doneCount).toBeGreaterThan(doneBefore);

  // A staff member's completion opens the person (the chart's table holds the links).
  await page.getByTestId('section-staff').getByRole('button', { name: '查看数据' }).click();
  await expectNoSeriousA11yViolations(page, 'section dashboard, staff as a table');
  await page.getByTestId('section-staff').getByRole('link', { name: '苏婷婷' }).click();
  await expect(page).toHaveURL(/\/people\//);
  await expect(page.getByTestId('person-name')).toHaveText('苏婷婷');

  // Back on the dashboard: switch to the party group he leads; the choice is kept in the URL.
  await page.getByRole('link', { name: '工作台', exact: true }).click();
  await page.getByTestId('post-switcher').getByText('第二党小组组长').click();
  await expect(page).toHaveURL(/[?&]post=[0-9a-f-]+/);
  await expect(page.getByTestId('dashboard-title')).toHaveText('第二党小组工作台');
  await expect(page.getByTestId('section-dashboard')).toContainText('第二党小组目标完成情况');
  await expect(page.getByTestId('section-progress-overall')).toHaveText(percent);
  await waitForCharts(page, 1);
  await expectNoSeriousA11yViolations(page, 'section dashboard, party group');
  await page.reload();
  await expect(page.getByTestId('section-dashboard')).toContainText('第二党小组目标完成情况');
});

test('a staff member sees their targets, progress history and results', async ({ page }) => {
  await loginAs(page, 'staff');
  await expect(page.getByTestId('dashboard-title')).toHaveText('我的工作台');
  await expect(page.getByTestId('personal-progress-overall')).toHaveText(percent);
  await expect(page.getByTestId('personal-history')).toContainText('政务值班到岗率');
  await expect(page.getByTestId('personal-results').locator('table tbody tr').first()).toContainText(/季度/);
  await waitForCharts(page, 1);

  const requests = await countDashboardRequests(page);
  expect(requests.length, requests.join(', ')).toBeLessThanOrEqual(3);
  await waitForCharts(page, 1);
  await saveScreenshot(page, 'dashboard-staff.png');
  await expectNoSeriousA11yViolations(page, 'personal dashboard');

  await page.getByTestId('personal-targets').getByRole('link', { name: '政务值班到岗率' }).click();
  await expect(page).toHaveURL(/\/my\/targets\/[0-9a-f-]+$/);
  await expect(page.getByTestId('target-title')).toHaveText('政务值班到岗率');
});

test('an assessor sees their own targets and, in a second tab, their scoring progress', async ({ page }) => {
  await loginAs(page, 'assessor');
  // Tier 4 and on the assessment group: both dashboards, as tabs.
  await expect(page.getByTestId('personal-dashboard')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'assessor, personal tab');

  await page.getByRole('tab', { name: '评分进度' }).click();
  await expect(page).toHaveURL(/view=assessor/);
  await expect(page.getByTestId('assessor-dashboard')).toBeVisible();
  await expect(page.getByTestId('assessor-cycles')).toContainText('第三季度');
  await expect(page.getByTestId('kpi-missing-value')).toHaveText(/^[1-9]\d*人$/);
  await expect(page.getByTestId('assessor-missing').locator('tr.ant-table-row').first()).toBeVisible();

  const requests = await countDashboardRequests(page);
  expect(requests.length, requests.join(', ')).toBeLessThanOrEqual(3);
  expect(requests).toContain('GET /api/dashboards/assessor');
  await expect(page.getByTestId('assessor-missing')).toBeVisible();
  await saveScreenshot(page, 'dashboard-assessor.png');
  await expectNoSeriousA11yViolations(page, 'assessor dashboard');

  // A published cycle: everyone submitted.
  await page
    .getByTestId(/^assessor-cycle-\d{4}-Q2$/)
    .first()
    .click();
  await expect(page.getByText('本周期您的评分已全部提交')).toBeVisible();

  await page
    .getByTestId(/^assessor-cycle-\d{4}-Q3$/)
    .first()
    .click();
  await page.getByTestId('assessor-workbench-link').click();
  await expect(page).toHaveURL(/\/evaluations\/workbench\?cycle=[0-9a-f-]+/);
});
