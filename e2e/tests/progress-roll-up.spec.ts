import { expect, test, type Page } from '@playwright/test';
import { loginAs, logout } from '../support/login-as';

// The demo bureau's business target at the top, and a 医政科 target three tiers below it: the
// deputy section chief's share of 医疗质量安全检查覆盖率, at 44.8 % in the seed.
const ROOT_TITLE = '全面完成年度卫生健康业务工作目标';
const CHIEF_TARGET_TITLE = '医疗质量安全检查覆盖率';
const LEAF_TITLE = '二级以上医院医疗质量检查覆盖率';
const LEAF_OWNER = '医政科副科长';

/** The progress shown on a target's detail page, as a number (e.g. "85.64%" → 85.64). */
async function shownProgress(page: Page): Promise<number> {
  const text = (await page.getByTestId('target-progress-value').textContent()) ?? '';
  const value = Number.parseFloat(text.replace('%', ''));
  expect(value, `progress text "${text}"`).not.toBeNaN();
  return value;
}

async function openRootTargetAsDirector(page: Page): Promise<number> {
  await page.getByRole('link', { name: '目标管理' }).click();
  await page.getByRole('link', { name: ROOT_TITLE }).click();
  await expect(page.getByTestId('target-title')).toHaveText(ROOT_TITLE);
  return shownProgress(page);
}

test('a section chief records progress on a 医政科 target and the bureau-level target rolls it up', async ({
  page,
}) => {
  // Three logins and five pages: more than the default 30 s on a busy CI machine.
  test.setTimeout(90_000);
  await loginAs(page, 'director');
  const rootBefore = await openRootTargetAsDirector(page);
  await logout(page);

  // The chief opens 目标管理 (his section's targets first), expands his target and opens the
  // child he decomposed to his deputy.
  await loginAs(page, 'chief');
  await page.getByRole('link', { name: '目标管理' }).click();
  const table = page.getByTestId('targets-table');
  const chiefRow = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: CHIEF_TARGET_TITLE, exact: true }) });
  await chiefRow.getByRole('button', { name: /展开/ }).click();
  const leafRow = table.getByRole('row').filter({ hasText: LEAF_OWNER }).filter({ hasText: LEAF_TITLE });
  await leafRow.getByRole('link', { name: LEAF_TITLE }).click();
  await expect(page.getByTestId('target-title')).toHaveText(LEAF_TITLE);
  const leafBefore = await shownProgress(page);
  expect(leafBefore).toBeLessThan(100);

  const form = page.getByTestId('target-progress-form');
  await form.getByTestId('progress-value').fill('100');
  await form.getByTestId('progress-note').fill('11 月专项检查完成，二级以上医院已全部覆盖。');
  await form.getByTestId('progress-submit').click();
  await expect(page.getByTestId('target-progress-value')).toHaveText('100%');
  // The new update heads the history.
  await expect(page.getByText('11 月专项检查完成，二级以上医院已全部覆盖。')).toBeVisible();
  await logout(page);

  // The director sees the bureau-level target moved.
  await loginAs(page, 'director');
  const rootAfter = await openRootTargetAsDirector(page);
  expect(rootAfter).toBeGreaterThan(rootBefore);
});

test('the progress form refuses an empty note with the contract message', async ({ page }) => {
  await loginAs(page, 'staff');
  await page.getByRole('link', { name: '我的目标' }).click();
  // Any target of the staff member's own: open the first one that takes progress.
  await page.getByTestId('targets-table').getByRole('link', { name: '政务值班到岗率' }).first().click();
  const form = page.getByTestId('target-progress-form');
  await form.getByTestId('progress-value').fill('98');
  await form.getByTestId('progress-submit').click();
  await expect(form.getByText('请填写进展说明')).toBeVisible();
});
