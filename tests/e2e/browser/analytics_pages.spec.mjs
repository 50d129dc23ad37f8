// The analyst pages in Chromium: log in with the analyst token, choose a report, and check
// that the SVG charts render with the same numbers the JSON API returns.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { runSpec, viewports } from './browser_session.mjs';

const source = process.env.EHALL_SOURCE_DIR;
const query = 'business=payment&from=hall&base=2026-03&months=2026-04,2026-05';

// The hand-computed fixture of the analytics tests, into the running gateway's journal.
execFileSync(process.env.EHALL_BINARY, [
  'import', 'events', path.join(source, 'tests/fixtures/analytics/events.csv'),
  '--config', path.join(source, 'config/ehall.json'), '--data-dir', process.env.EHALL_DATA_DIR,
], { stdio: 'inherit' });

await runSpec(async (hall) => {
  const { page } = hall;
  await page.goto(hall.url('/analytics'));
  assert.match(page.url(), /\/analytics\/login$/);
  await hall.shot('01-login');
  await page.fill('#token', 'demo-analyst-token');
  await Promise.all([page.waitForURL(/\/analytics$/), page.click('button[type=submit]')]);

  await page.goto(hall.url(`/analytics?${query}`));
  await hall.shot('02-dashboard-desktop');
  const api = await page.request.get(hall.url(`/analytics/v1/reports/diversion?${query}`), {
    headers: { Authorization: 'Bearer demo-analyst-token' },
  });
  assert.equal(api.status(), 200);
  const report = await api.json();

  // The line chart: one point per month, at the JSON's rate.
  const points = await page.$$eval('#diversion circle.point', (circles) =>
    circles.map((c) => ({ label: c.dataset.label, value: c.dataset.value })));
  assert.deepEqual(points, report.months.map((m) => ({ label: m.month, value: (m.rate * 100).toFixed(1) })));
  const box = await page.locator('#diversion svg').boundingBox();
  assert.ok(box && box.height > 100 && box.width > 200, `chart drawn at ${JSON.stringify(box)}`);

  // The bars: where the last month's diverted customers went.
  const bars = await page.$$eval('#by-channel rect.bar', (rects) =>
    Object.fromEntries(rects.map((r) => [r.dataset.label, Number(r.dataset.value)])));
  assert.deepEqual(bars, report.months.at(-1).by_channel);

  // The tables carry the same numbers.
  const rows = await page.$$eval('#diversion tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));
  assert.deepEqual(rows, report.months.map((m) => [m.month, String(m.diverted)]));

  await hall.setViewport(viewports.phone);
  await hall.shot('03-dashboard-phone');
});
