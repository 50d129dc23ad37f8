// The ops console in a real browser: sign in with the admin token, switch billing off on
// the web channel in the matrix (with its confirmation), see the web hall lose the service,
// switch it back on, and find both changes in the audit log.
import assert from 'node:assert/strict';
import { runSpec } from './browser_session.mjs';

const adminToken = 'demo-admin-token';

async function webServices(hall) {
  const response = await hall.page.request.get(hall.url('/api/v1/services'));
  assert.equal(response.status(), 200);
  return (await response.json()).services.map((service) => `${service.plugin}.${service.operation}`);
}

async function switchBillingOnWeb(hall, expectedAction, shotPrefix) {
  await hall.page.goto(hall.url('/admin/plugins'));
  const cell = hall.page.locator('tr[data-plugin="billing"] td[data-channel="web"]');
  await cell.locator('a.switch').click();
  await hall.page.waitForURL(/\/admin\/plugins\/billing\/web/);
  assert.match(await hall.page.innerText('h1'), new RegExp(`确认${expectedAction}`));
  await hall.shot(`${shotPrefix}-confirm`);
  await hall.page.click('#confirm');
  await hall.page.waitForURL(/\/admin\/plugins\?changed=billing/);
  assert.match(await hall.page.innerText('.notice'), new RegExp(`已${expectedAction} billing 在 web 渠道`));
  assert.equal((await cell.locator('span').innerText()).trim(), expectedAction);
  await hall.shot(`${shotPrefix}-matrix`);
}

await runSpec(async (hall) => {
  const page = hall.page;
  await page.goto(hall.url('/admin'));
  await page.waitForURL(/\/admin\/login/);
  await hall.shot('01-login');
  await page.fill('#password', adminToken);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin\/plugins$/);
  await hall.shot('02-matrix');
  assert.ok((await webServices(hall)).includes('billing.balance'));

  await switchBillingOnWeb(hall, '关闭', '03-disable');
  assert.ok(!(await webServices(hall)).some((service) => service.startsWith('billing.')));

  await switchBillingOnWeb(hall, '开启', '04-enable');
  assert.ok((await webServices(hall)).includes('billing.balance'));

  await page.goto(hall.url('/admin/audit'));
  await page.fill('#target', 'billing');
  await page.click('form[action="/admin/audit"] button[type=submit]');
  const actions = await page.locator('#audit tbody tr td:nth-child(3)').allInnerTexts();
  assert.deepEqual(actions.slice(0, 2), ['plugin.enable', 'plugin.disable']);
  await hall.shot('05-audit');

  await page.goto(hall.url('/admin/terminals'));
  assert.ok(await page.locator('tr[data-terminal="KIOSK-0001"]').isVisible());
  await hall.shot('06-terminals');
  await page.goto(hall.url('/admin/traffic'));
  assert.ok((await page.locator('svg.chart').count()) >= 4);
  await hall.shot('07-traffic');
});
