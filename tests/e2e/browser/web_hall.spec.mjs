// The online hall in a real browser: log in as the demo customer, see the balance, pay 10
// yuan by card, see the new balance and the payment in "my records", open the family
// package page; then the same pages at phone width, and log out.
import assert from 'node:assert/strict';
import { runSpec, viewports } from './browser_session.mjs';

async function text(page, selector) {
  return (await page.locator(selector).innerText()).trim();
}

await runSpec(async (hall) => {
  const { page } = hall;

  await page.goto(hall.url('/'));
  assert.equal(new URL(page.url()).pathname, '/login', 'a visitor is sent to the login page');
  await hall.shot('01-login');
  await page.fill('#msisdn', '13800138000');
  await page.fill('#password', '135790');
  await Promise.all([page.waitForURL(hall.url('/')), page.click('main button[type=submit]')]);
  assert.equal(await text(page, '#balance'), '58.60');
  assert.equal(await text(page, '#due'), '128.50');
  assert.match(await text(page, 'h1'), /张\*/);
  await hall.shot('02-home');

  await Promise.all([page.waitForURL(/\/services\/billing\/pay$/), page.click('a[href="/services/billing/pay"]')]);
  await page.fill('#field-amount_fen', '1000');
  await page.selectOption('#field-method', 'card');
  await hall.shot('03-pay-form');
  await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
  assert.equal(await text(page, '#outcome'), '办理成功');
  assert.match(await page.locator('main').innerText(), /68\.60 元/);
  await hall.shot('04-pay-result');

  await Promise.all([page.waitForURL(hall.url('/')), page.click('main a[href="/"]')]);
  assert.equal(await text(page, '#balance'), '68.60');
  await hall.shot('05-home-after-payment');

  await Promise.all([page.waitForURL(hall.url('/records')), page.click('nav a[href="/records"]')]);
  const payment = page.locator('#records tbody tr', { hasText: '交话费' });
  assert.equal(await payment.count(), 1, 'one payment in my records');
  assert.match(await payment.innerText(), /网上营业厅/);
  assert.match(await payment.innerText(), /10\.00/);
  await hall.shot('06-my-records');

  await page.goto(hall.url('/'));
  await Promise.all([page.waitForURL(/\/services\/family\/open$/), page.click('a[href="/services/family/open"]')]);
  assert.equal(await text(page, 'h1'), '开通亲情包');
  assert.match(await text(page, 'main'), /3元亲情包/);
  await hall.shot('07-family-package');
  await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
  assert.equal(await text(page, '#outcome'), '办理成功');
  assert.match(await text(page, 'main'), /3\.00 元/);
  await hall.shot('08-family-opened');

  await hall.setViewport(viewports.phone);
  for (const [route, name] of [['/', '09-phone-home'], ['/services/billing/pay', '10-phone-pay-form'],
                               ['/records', '11-phone-my-records']]) {
    await page.goto(hall.url(route));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${route} fits a 360 px screen (overflows by ${overflow} px)`);
    await hall.shot(name);
  }

  await page.goto(hall.url('/services/family/show'));
  await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
  assert.match(await text(page, 'main'), /本月剩余免费分钟/);
  await hall.shot('12-phone-family-show');

  await Promise.all([page.waitForURL(/\/login\?bye=1$/), page.click('.logout button')]);
  assert.match(await text(page, 'main'), /您已安全退出/);
  await hall.shot('13-logged-out');
});
