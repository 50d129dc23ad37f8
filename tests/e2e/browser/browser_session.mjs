// Shared by every browser spec: drives the Debian Chromium against a gateway that
// run_browser_spec.sh started (this module starts nothing itself).
//
//   const hall = await openBrowser();            // EHALL_BASE_URL, EHALL_ARTIFACTS_DIR
//   await hall.page.goto(hall.url('/login'));
//   await hall.shot('01-login');                 // <artifacts>/01-login.png
//   await hall.close();                          // throws if the page misbehaved
//
// A spec fails on any page error, console error, failed request, 5xx reply or missing
// asset, not only on its own assertions.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const chromiumPath = '/usr/bin/chromium';
const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export const viewports = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
};

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run specs through run_browser_spec.sh`);
  return value;
}

// node_modules lives in the build tree (installed by the runner), not next to the specs.
function loadPlaywright() {
  const modules = requiredEnv('EHALL_NODE_MODULES');
  return createRequire(path.join(modules, 'package.json'))('playwright-core');
}

export async function openBrowser({
  baseUrl = requiredEnv('EHALL_BASE_URL'),
  artifactsDir = requiredEnv('EHALL_ARTIFACTS_DIR'),
  viewport = viewports.desktop,
} = {}) {
  const { chromium } = loadPlaywright();
  mkdirSync(artifactsDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
  });
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15000);
  const problems = [];
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Failed loads are judged by the response handler below, which knows the URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    const status = response.status();
    const isPage = response.request().resourceType() === 'document';
    const isFavicon = new URL(response.url()).pathname === '/favicon.ico';
    // A page may answer 4xx on purpose (a refused form); its CSS or images may not.
    if (status >= 500 || (status >= 400 && !isPage && !isFavicon))
      problems.push(`HTTP ${status}: ${response.request().method()} ${response.url()}`);
  });

  return {
    page,
    context,
    url: (route) => new URL(route, baseUrl).toString(),
    async setViewport(size) {
      await page.setViewportSize(size);
    },
    async shot(name) {
      const file = path.join(artifactsDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`screenshot ${file}`);
      return file;
    },
    async close() {
      await browser.close();
      if (problems.length > 0) throw new Error(`the page misbehaved:\n  ${problems.join('\n  ')}`);
    },
  };
}

// Runs a spec body with a browser, closing it on every path; exits non-zero on failure.
export async function runSpec(body, options) {
  const hall = await openBrowser(options);
  try {
    await body(hall);
  } catch (error) {
    await hall.shot('failure').catch(() => {});
    await hall.close().catch((closeError) => console.error(closeError.message));
    throw error;
  }
  await hall.close();
}
