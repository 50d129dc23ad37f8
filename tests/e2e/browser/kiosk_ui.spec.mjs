// The kiosk touch UI at the kiosk's portrait 1080x1920: ops issue an activation code
// (admin API), the browser activates, a customer identifies with the on-screen keypad,
// then a bill is paid in cash by number (masked name confirmed; the notes come from the
// terminal's acceptor as signed device requests, the screen only shows their total), the
// receipt is shown, and the idle countdown (kiosk_ui.spec.env) returns to the start screen.
import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { runSpec } from './browser_session.mjs';

const portrait = { width: 1080, height: 1920 };
const terminal = 'KIOSK-0001';
const terminalKey = 'demo-kiosk-key-0001';

// What the terminal's cash acceptor sends for a note in escrow (docs/kiosk-cash.md), signed
// with the terminal's key as DESIGN §6 says; the browser has no part in it.
async function reportNote(hall, noteId, amountFen) {
  const path = '/kiosk/v1/cash/notes';
  const body = JSON.stringify({ note_id: noteId, amount_fen: amountFen });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const digest = createHash('sha256').update(body).digest('hex');
  const signature = createHmac('sha256', terminalKey)
    .update(['POST', path, timestamp, nonce, digest].join('\n'))
    .digest('hex');
  const response = await fetch(hall.url(path), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Terminal-Id': terminal,
      'X-Timestamp': timestamp,
      'X-Nonce': nonce,
      'X-Signature': signature,
    },
    body,
  });
  const reply = await response.json();
  assert.equal(response.status, 200, JSON.stringify(reply));
  assert.equal(reply.data.accepted, true);
}

async function activationCode(hall) {
  const response = await fetch(hall.url(`/admin/v1/terminals/${terminal}/activation_code`), {
    method: 'POST',
    headers: { Authorization: 'Bearer demo-admin-token' },
  });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.match(body.activation_code, /^\d{8}$/);
  return body.activation_code;
}

// Taps `field`, then the keypad keys for `digits`.
async function typeOnKeypad(page, field, digits) {
  await page.click(field);
  for (const digit of digits) await page.click(`[data-keypad] button[data-key="${digit}"]`);
}

await runSpec(
  async (hall) => {
    const { page } = hall;
    await page.goto(hall.url('/kiosk/ui'));
    assert.equal(new URL(page.url()).pathname, '/kiosk/ui/activate', 'no device cookie yet');
    await hall.shot('01-activate');

    await page.fill('#terminal_id', terminal);
    await typeOnKeypad(page, '#code', await activationCode(hall));
    await hall.shot('02-activation-code-typed');
    await Promise.all([page.waitForURL('**/kiosk/ui'), page.click('button[type=submit]')]);
    const device = (await hall.context.cookies()).find((c) => c.name === 'ehall_kiosk_device');
    assert.ok(device && device.httpOnly && device.sameSite === 'Strict', 'strict HttpOnly device cookie');
    await hall.shot('03-start');

    // Identify with the keypad only: a full number moves on to the password by itself.
    await page.click('#msisdn');
    for (const digit of '13800138000135790') await page.click(`[data-keypad] button[data-key="${digit}"]`);
    assert.equal(await page.inputValue('#msisdn'), '13800138000');
    assert.equal(await page.inputValue('#password'), '135790');
    await hall.shot('04-identify-on-keypad');
    await Promise.all([page.waitForURL('**/kiosk/ui/identify'), page.click('#identify')]);
    // Identification is a placement: the demo customer, in the target segment, gets the
    // recommended-offer popup first (its first contact this month).
    assert.match(await page.innerText('h1'), /张\*，您好/);
    const popup = page.locator('.offer-popup');
    assert.ok(await popup.isVisible(), 'the offer popup after identification');
    assert.ok((await popup.locator('#offer-title').innerText()).length > 0);
    await hall.shot('05-offer-popup');
    await Promise.all([page.waitForURL('**/kiosk/ui/services'), popup.locator('a').click()]);
    assert.equal(await page.locator('.offer-popup').count(), 0);
    const tiles = await page.locator('.kiosk-tiles a').allInnerTexts();
    assert.ok(tiles.some((tile) => tile.includes('交话费')), `tiles: ${tiles}`);
    await hall.shot('05-services');

    // Done with this customer: ending returns to the start screen without their data.
    await Promise.all([page.waitForURL('**/kiosk/ui'), page.click('#idle-end button[type=submit]')]);
    assert.equal(await page.inputValue('#msisdn'), '');
    assert.ok(!(await hall.context.cookies()).some((c) => c.name === 'ehall_kiosk_customer' && c.value));

    // Cash bill payment by number only.
    await Promise.all([page.waitForURL('**/kiosk/ui/cash'), page.click('#cash')]);
    await typeOnKeypad(page, '#msisdn', '13800138000');
    await hall.shot('06-cash-number');
    await Promise.all([page.waitForURL('**/kiosk/ui/cash'), page.click('button[type=submit]')]);
    assert.equal(await page.innerText('#masked-name'), '张*');
    await hall.shot('07-confirm-masked-name');
    await Promise.all([page.waitForURL('**/kiosk/ui/cash/intakes/*'), page.click('#confirm-payee')]);
    assert.equal(await page.innerText('#cash-total'), '0.00 元');
    assert.equal(await page.locator('input:not([type=hidden])').count(), 0, 'no amount to type');
    assert.equal(await page.locator('#pay').count(), 0, 'nothing to pay before notes go in');
    await hall.shot('08-insert-cash');
    for (const [noteId, fen] of [[1, 10000], [2, 2000], [3, 1000]]) await reportNote(hall, noteId, fen);
    // The screen reloads every 2 s and shows the total the acceptor reported.
    await page.waitForSelector('#pay', { timeout: 10000 });
    assert.equal(await page.innerText('#cash-total'), '130.00 元');
    await hall.shot('09-cash-reported');
    await Promise.all([page.waitForURL('**/kiosk/ui/cash/intakes/*/pay'), page.click('#pay')]);

    assert.equal(await page.innerText('#receipt-title'), '办理成功');
    assert.match(await page.innerText('#receipt-no'), /^K\d{14}[0-9A-F]{8}$/);
    assert.equal(await page.innerText('#receipt-amount'), '130.00 元');
    const receipt = await page.innerText('.receipt');
    for (const shown of ['交话费', 'FS-CC-01', terminal, '138****8000'])
      assert.ok(receipt.includes(shown), `receipt shows ${shown}`);
    assert.match(receipt, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await hall.shot('10-receipt');

    // Hands off: the countdown runs down and the start screen comes back.
    const before = Number(await page.innerText('#idle-left'));
    await page.waitForTimeout(2100);
    assert.ok(Number(await page.innerText('#idle-left')) < before, 'the countdown counts down');
    await hall.shot('11-countdown');
    await page.waitForURL((url) => url.pathname === '/kiosk/ui', { timeout: 30000 });
    await page.waitForSelector('#identify');
    assert.equal(await page.inputValue('#msisdn'), '');
    await hall.shot('12-back-to-start');
  },
  { viewport: portrait },
);
