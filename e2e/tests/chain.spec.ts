import { expect, test } from '@playwright/test';
import { loginAs } from '../support/login-as';

test('the director opens the chain, switches to the party line and drills down to a person', async ({
  page,
}) => {
  await loginAs(page, 'director');
  await page.getByRole('link', { name: '责任链', exact: true }).click();

  const tree = page.getByTestId('chain-tree');
  await expect(tree).toContainText('党组书记、局长');
  // The administrative line: sections under the deputy directors.
  await expect(tree).toContainText('医政科科长');
  await expect(tree).not.toContainText('第二党小组组长');
  // Supervision findings overlay the chain: the demo's overdue 医政科 finding is on the chief's post.
  await expect(tree.getByTestId('chain-finding-badge').first()).toContainText('逾期整改');

  await page.getByTestId('chain-line-switch').getByText('党群线').click();
  await expect(page).toHaveURL(/line=PARTY/);
  // The party line: party groups, the branch, the union, the youth league, the women's federation.
  await expect(tree).toContainText('第二党小组组长');
  await expect(tree).toContainText('机关工会主席');

  // 许文涛 leads the second party group (and 医政科 on the other line).
  await tree.getByRole('link', { name: '许文涛' }).first().click();
  await expect(page).toHaveURL(/\/people\//);
  await expect(page.getByTestId('person-name')).toHaveText('许文涛');
  await expect(page.getByRole('heading', { name: /医政科科长/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /第二党小组组长/ })).toBeVisible();
  await expect(page.getByText('党群线上级').first()).toBeVisible();

  // And on to one of the person's targets.
  await page.getByRole('link', { name: '医疗质量安全检查覆盖率' }).click();
  await expect(page.getByTestId('target-title')).toHaveText('医疗质量安全检查覆盖率');
});

test('a tier-4 staff member has no chain in the menu and is refused the page', async ({ page }) => {
  await loginAs(page, 'staff');
  await expect(page.getByRole('link', { name: '责任链', exact: true })).toHaveCount(0);
  await page.goto('/chain');
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();
});
