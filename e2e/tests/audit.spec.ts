// 审计日志 (DOMAIN rule 10, docs/security.md item 7): the administrator sees the hash chain intact and
// the log, newest first, with an action this test performs itself at the top; each entry's hash is
// recomputable from what the page shows. Other people get neither the menu entry nor the page.
import { createHash, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { loginAs } from '../support/login-as';

const HEADERS = { 'X-Requested-With': 'zeren' };

test('an administrator sees the chain intact and the entry of a change just made, with its hash link', async ({
  page,
}) => {
  await loginAs(page, 'admin');
  await page.getByRole('link', { name: '审计日志' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole('heading', { name: '审计日志', level: 1 })).toBeVisible();
  const chain = page.getByTestId('audit-chain-state');
  await expect(chain.getByRole('heading', { name: '链完整' })).toBeVisible();
  const checkedBefore = Number(
    (await page.getByTestId('audit-chain-checked').innerText()).replace(/\D/g, ''),
  );

  // A change of our own, leaving the organisation as it was: a unit created, then deleted.
  const name = `审计测试组${randomUUID().slice(0, 6)}`;
  const created = await page.request.post('/api/org/units', {
    headers: HEADERS,
    data: { name, kind: 'SECTION' },
  });
  expect(created.status()).toBe(201);
  const unitId = ((await created.json()) as { id: string }).id;
  const deleted = await page.request.delete(`/api/org/units/${unitId}`, { headers: HEADERS });
  expect(deleted.status()).toBe(204);

  // 重新校验 re-reads the chain and the log: two more entries, still intact, ours on top.
  await page.getByTestId('audit-reverify').click();
  await expect(page.getByTestId('audit-chain-checked')).toHaveText(`${checkedBefore + 2} 条`);
  await expect(chain.getByRole('heading', { name: '链完整' })).toBeVisible();
  const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('删除机构');
  await expect(rows.first()).toContainText(name); // named from its snapshot: the unit is gone
  await expect(rows.first()).toContainText('何静');
  await expect(rows.nth(1)).toContainText('新建机构');
  await expect(rows.nth(1)).toContainText(name);
  // Time in China time, to the second.
  await expect(rows.first().locator('td').nth(1)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

  // Expanded by keyboard: the fields it held, its hash, and the previous one.
  await rows.first().getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('audit-entry-detail');
  await expect(detail).toBeVisible();
  await expect(detail).toContainText(name);
  await detail.getByText('规范化记录（RFC 8785）').click();
  const hash = await detail.getByTestId('audit-hash').innerText();
  const prevHash = await detail.getByTestId('audit-prev-hash').innerText();
  const canonical = await detail.getByTestId('audit-canonical').innerText();
  expect(hash.trim()).toMatch(/^[0-9a-f]{64}$/);
  // Anyone can check the link from what the page shows: hash = SHA-256(previous hash + canonical text).
  expect(createHash('sha256').update(prevHash.trim()).update(canonical).digest('hex')).toBe(hash.trim());
  expect(JSON.parse(canonical)).toMatchObject({ action: 'unit.delete', entityId: unitId, after: null });

  // Filtering by actor keeps our entry and puts the filter in the address.
  await page.getByPlaceholder('操作人姓名或账号').fill('admin');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/actor=admin/);
  await expect(rows.first()).toContainText('删除机构');
  await expect(page.getByText(/^共 \d+ 条$/)).toBeVisible();
});

test('a section chief has no audit log in the menu and is refused the page and its data', async ({
  page,
}) => {
  await loginAs(page, 'chief');
  await expect(page.getByRole('link', { name: '审计日志' })).toHaveCount(0);
  await page.goto('/admin/audit');
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();
  await expect(page.getByTestId('audit-chain-state')).toHaveCount(0);
  expect((await page.request.get('/api/audit', { headers: HEADERS })).status()).toBe(403);
  expect((await page.request.get('/api/audit/verify', { headers: HEADERS })).status()).toBe(403);
});
