import { expect, test } from '@playwright/test';
import { loginAs } from '../support/login-as';

test("the gaps page lists the demo bureau's deliberate gaps and blocks publishing", async ({ page }) => {
  await loginAs(page, 'director');
  await page.getByRole('link', { name: '链条缺口' }).click();

  const table = page.getByTestId('gaps-table');
  // (b) weights of 疾控科's 传染病报告及时率 children sum to 90
  await expect(table).toContainText('传染病报告及时率');
  await expect(table).toContainText('90');
  // (a) 规划信息科's planning post has no business target
  await expect(table.getByRole('row').filter({ hasText: '科员（规划）' })).toContainText('业务工作');
  // (c) a vacant post
  await expect(table.getByRole('row').filter({ hasText: '科员（国有资产管理）' })).toContainText('岗位空缺');
  // (d) a target nobody owns
  await expect(table.getByRole('row').filter({ hasText: '机关食堂外包服务合同监管' })).toContainText(
    '目标无人负责',
  );

  for (const kind of [
    'WEIGHTS_NOT_100',
    'POST_MISSING_CATEGORY',
    'POST_WITHOUT_HOLDER',
    'TARGET_WITHOUT_OWNER',
  ]) {
    await expect(page.getByTestId(`gap-count-${kind}`)).toContainText('1');
  }
  await expect(page.getByTestId('gaps-open-total')).toHaveText('4');
  await expect(page.getByTestId('publish-year')).toBeDisabled();
});

test('tier 1 waives a gap with a reason, sees it as waived, and withdraws the waiver', async ({ page }) => {
  await loginAs(page, 'director');
  await page.goto('/gaps');
  const row = page.getByTestId('gaps-table').getByRole('row').filter({ hasText: '科员（国有资产管理）' });
  await row.getByTestId('gap-waive').click();

  const reason = page.getByTestId('waive-reason');
  await expect(reason).toBeFocused();
  await page.getByRole('button', { name: '确认豁免' }).click();
  await expect(page.getByText('请填写豁免理由')).toBeVisible();
  await reason.fill('原岗位人员退休，新进人员将于下季度到岗');
  await page.getByRole('button', { name: '确认豁免' }).click();

  // Shown as waived, with reason and who — not hidden.
  await expect(row.getByTestId('gap-waiver')).toContainText('原岗位人员退休');
  await expect(row.getByTestId('gap-waiver')).toContainText('陈振华');
  await expect(page.getByTestId('gaps-open-total')).toHaveText('3');

  await row.getByRole('button', { name: '撤销豁免' }).click();
  await page
    .getByRole('button', { name: '撤 销' })
    .or(page.getByRole('button', { name: '撤销', exact: true }))
    .click();
  await expect(row.getByTestId('gap-waive')).toBeVisible();
  await expect(page.getByTestId('gaps-open-total')).toHaveText('4');
});
