import { expect, test, type Page } from '@playwright/test';
import { loginAs, logout } from '../support/login-as';

// 督导 in one journey: the assessor records a hygiene finding for 医政科 (the responsible post is
// the section chief's), the chief reports the rectification, the assessor re-inspects and closes
// it. The demo bureau's weekly hygiene plan is due on 2026-11-27 (or late, later on).
test.describe.configure({ mode: 'serial' });

const problem = `窗台积灰，地面有纸屑（e2e ${Date.now().toString(36)}）`;

async function openFinding(page: Page) {
  await page.getByRole('link', { name: problem }).first().click();
  await expect(page.getByTestId('finding-detail')).toContainText(problem);
}

test('the assessor records a hygiene inspection of 医政科 with one finding', async ({ page }) => {
  await loginAs(page, 'assessor');
  await page.getByRole('link', { name: '督导检查' }).click();
  await page.getByRole('tab', { name: '待检查' }).click();
  const row = page
    .getByTestId('due-inspections')
    .getByRole('row')
    .filter({ hasText: '机关每周五卫生检查' })
    .filter({ hasText: '医政科' });
  await row.getByRole('button', { name: '登记检查' }).click();

  const items = page.getByTestId('inspection-item');
  await expect(items).toHaveCount(4);
  const second = items.nth(1);
  await second.getByText('发现问题', { exact: true }).click();
  await second.getByRole('textbox').first().fill(problem);
  const post = second.getByRole('combobox', { name: '责任岗位' });
  await post.click();
  await post.fill('医政科科长');
  await page.keyboard.press('Enter');
  await expect(second).toContainText('医政科科长（');
  await page.getByTestId('inspection-submit').click();

  const report = page.getByTestId('inspection-report');
  await expect(report).toContainText('督导检查记录单（卫生检查）');
  await expect(report).toContainText(problem);
  await expect(report).toContainText('待整改');
  await logout(page);
});

test('the chief reports the rectification from 我的整改', async ({ page }) => {
  await loginAs(page, 'chief');
  await page.getByRole('link', { name: '我的整改' }).click();
  await expect(page.getByTestId('tasks-to-rectify')).toContainText(problem);
  await openFinding(page);
  await expect(page.getByTestId('finding-status')).toHaveText('待整改');
  const form = page.getByTestId('rectify-form');
  await form.getByRole('textbox').fill('已组织科室人员彻底清扫窗台和地面，安排每日值日检查');
  await form.getByRole('button', { name: '报送整改' }).click();
  await expect(page.getByTestId('finding-status')).toHaveText('待复查');
  await expect(page.getByTestId('finding-history')).toContainText('报送整改');
  await expect(page.getByTestId('rectify-form')).toHaveCount(0);
  await logout(page);
});

test('the assessor re-inspects and closes it', async ({ page }) => {
  await loginAs(page, 'assessor');
  await page.getByRole('link', { name: '我的整改' }).click();
  await expect(page.getByTestId('tasks-to-reinspect')).toContainText(problem);
  await openFinding(page);
  const form = page.getByTestId('reinspect-form');
  await expect(form.getByRole('radio', { name: '整改到位，销号' })).toBeChecked();
  await form.getByRole('textbox').fill('复查合格，予以销号');
  await form.getByRole('button', { name: '确认销号' }).click();
  await expect(page.getByTestId('finding-status')).toHaveText('已销号');
  const history = page.getByTestId('finding-history');
  await expect(history).toContainText('发现问题');
  await expect(history).toContainText('报送整改');
  await expect(history).toContainText('复查销号');
  await expect(page.getByTestId('reinspect-form')).toHaveCount(0);
});
