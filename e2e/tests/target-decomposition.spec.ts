import { expect, test } from '@playwright/test';
import { loginAs } from '../support/login-as';

// 疾控科's 传染病报告及时率 is decomposed with weights summing to 90 (a deliberate gap of the demo).
const TARGET_TITLE = '传染病报告及时率';

test('the decomposition editor keeps a live sum of the weights', async ({ page }) => {
  await loginAs(page, 'director');
  await page.goto('/targets?tier=3&q=' + encodeURIComponent(TARGET_TITLE));
  await page.getByTestId('targets-table').getByRole('link', { name: TARGET_TITLE, exact: true }).click();
  await expect(page.getByTestId('target-title')).toHaveText(TARGET_TITLE);

  const sum = page.getByTestId('weight-sum');
  await expect(sum).toContainText('90');
  await expect(sum).toHaveAttribute('data-state', 'under');

  await page.getByTestId('decompose-open').click();
  const editor = page.getByTestId('decomposition-editor');
  const firstWeight = editor.getByRole('spinbutton').first();
  const weight = Number(await firstWeight.inputValue());
  await firstWeight.fill(String(weight + 10));
  await expect(sum).toHaveAttribute('data-state', 'complete');
  await expect(sum).toContainText('100');
  await firstWeight.fill(String(weight + 25));
  await expect(sum).toHaveAttribute('data-state', 'over');
  await expect(sum).toContainText('超出 15');

  // Leave without saving: the demo's gap stays for the other journeys.
  await editor.getByRole('button', { name: /取\s*消/ }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.getByTestId('weight-sum')).toContainText('90');
});
