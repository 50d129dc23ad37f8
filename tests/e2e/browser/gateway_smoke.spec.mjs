// The browser tooling itself: Chromium reaches the gateway and a screenshot is saved.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { runSpec } from './browser_session.mjs';

await runSpec(async (hall) => {
  const response = await hall.page.goto(hall.url('/healthz'));
  assert.equal(response.status(), 200);
  assert.deepEqual(JSON.parse(await hall.page.innerText('body')), { status: 'ok' });
  assert.ok(existsSync(await hall.shot('01-healthz')));
});
