import { expect, type Page } from '@playwright/test';

/** Every demo account shares this password (README). */
export const DEMO_PASSWORD = 'zeren-demo';

/** Logs in through the login page, as a person would, and waits for the shell. */
export async function loginAs(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('current-user-name')).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
}
