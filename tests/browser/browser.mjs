// What the browser tests share: the server and scratch directory they are
// given, chromium launched through playwright-core, and signing in.
//
// Needs CONVENE_BASE_URL (a running `convene serve` over demo data) and
// CONVENE_ARTIFACT_DIR (a scratch directory for browser profiles and
// screenshots). tests/browser/run.sh sets both.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export const baseUrl = process.env.CONVENE_BASE_URL;
export const artifactDir = process.env.CONVENE_ARTIFACT_DIR;
const chromiumPath = process.env.CONVENE_CHROMIUM || '/usr/bin/chromium';
// Whether this run also checks how the pages look: screenshots and axe-core.
// They depend only on the HTML, which is the same whatever the store and the
// build, so CI checks them in one run (plain build, SQLite) and sets
// CONVENE_BROWSER_LOOK=off in the others (PostgreSQL; ASan), which check
// what the pages do: statuses, journeys, one <h1>, the width at 375 px.
export const checkLook = process.env.CONVENE_BROWSER_LOOK !== 'off';
const timeoutMs = 30_000;

const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch (err) {
    throw new Error('playwright-core is not installed: run `npm ci` in tests/browser ' +
                    `(scripts/test.sh does this). Cause: ${err.message}`);
  }
}

// Chromium with a fresh profile in the artifact directory; `options` are
// more playwright context options. Returns { context, page }.
export async function launchBrowser(options = {}) {
  assert.ok(baseUrl, 'CONVENE_BASE_URL must name the running server (use tests/browser/run.sh)');
  assert.ok(artifactDir, 'CONVENE_ARTIFACT_DIR must name a scratch directory (use tests/browser/run.sh)');
  assert.ok(fs.existsSync(chromiumPath), `chromium not found at ${chromiumPath}`);
  const { chromium } = await loadPlaywright();
  const profileDir = fs.mkdtempSync(path.join(artifactDir, 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    timeout: timeoutMs,
    ...options,
  });
  context.setDefaultNavigationTimeout(timeoutMs);
  context.setDefaultTimeout(timeoutMs);
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page };
}

// Signs in through the form; fails the test if the browser stays on /login.
export async function signIn(page, email, password = 'convene-demo') {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  assert.ok(!new URL(page.url()).pathname.startsWith('/login'),
            `sign-in did not leave the login page (now at ${page.url()})`);
}

const axeSource = createRequire(import.meta.url)('axe-core').source;

// A full-page screenshot `<name>` in the artifact directory's screenshots,
// when this run checks the look.
export async function screenshot(page, name) {
  if (!checkLook) return;
  const shots = path.join(artifactDir, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, name), fullPage: true });
}

// No serious or critical axe-core WCAG 2 A/AA violation on the page (the
// context must bypass the pages' CSP so axe can be injected), when this run
// checks the look; `where` names the page in the failure.
export async function checkAccessibility(page, where) {
  if (!checkLook) return;
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [],
                   `${where}: accessibility violations`);
}

// The page the browser is on, at 1280 and 375 px: nothing wider than the
// screen and one <h1>; when this run checks the look, a screenshot
// `<prefix>-<width>.png` at each width and checkAccessibility at 1280 px.
// Leaves the page at 1280 px.
export async function checkCurrentPage(page, prefix) {
  const where = new URL(page.url()).pathname;
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${prefix}-${width}.png`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${where} at ${width} px: the page is ${overflow} px wider than the screen`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await page.locator('h1').count(), 1, `${where}: one <h1>`);
  await checkAccessibility(page, where);
}
