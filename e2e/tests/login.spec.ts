import { expect, test } from '@playwright/test';

test('director logs in, sees name and tier, and logs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByTestId('login-username').fill('director');
  await page.getByTestId('login-password').fill('zeren-demo');
  await page.getByTestId('login-submit').click();

  await expect(page.getByTestId('current-user-tier')).toHaveText('一级责任人');
  const name = await page.getByTestId('current-user-name').textContent();
  expect(name?.trim().length).toBeGreaterThan(1);

  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
  // The session is gone on the server too: the app asks for a login again.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('a wrong password shows a Chinese error and stays on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('director');
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login/);
});
