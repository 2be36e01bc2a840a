// Browser test of the IESG's telechat forms (issue 13): an IESG member signs
// in, makes the agenda of a series date that has none yet, adds an item,
// parks it, makes the next informal telechat and finds the item carried over
// to its parking lot. Every page on the way is checked at 1280 and 375 px as
// pages.test.mjs checks pages (status 200, one <h1>, nothing wider than the
// screen, no serious or critical axe-core WCAG 2 A/AA violation) and
// screenshotted into the artifact directory.
//
// It uses the two farthest informal series dates without an agenda, about a
// year ahead, which no other browser test touches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

import { artifactDir, baseUrl, launchBrowser, signIn } from './browser.mjs';

const axeSource = createRequire(import.meta.url)('axe-core').source;
const widths = [1280, 375];
const topic = 'Browser-made topic on shepherd templates';

let context;
let page;
let shots;

before(async () => {
  // The pages' Content-Security-Policy forbids scripts; axe is injected by the test.
  ({ context, page } = await launchBrowser({ bypassCSP: true }));
  shots = path.join(artifactDir, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
});

after(async () => {
  if (context) await context.close();
});

// The page at `pathname` at both widths: 200, one <h1>, fits, screenshot,
// and axe at 1280 px. Leaves the browser at 1280 px on that page.
async function check(name, pathname) {
  for (const width of [...widths].reverse()) {
    await page.setViewportSize({ width, height: 900 });
    const response = await page.goto(baseUrl + pathname);
    const where = `${pathname} (iesg, ${width} px)`;
    assert.equal(response.status(), 200, where);
    await page.screenshot({ path: path.join(shots, `iesg-${width}-${name}.png`), fullPage: true });
    assert.equal(await page.locator('h1').count(), 1, `${where}: one <h1>`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${where}: the page is ${overflow} px wider than the screen`);
    if (width !== widths[0]) continue;
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [],
                     `${where}: accessibility violations`);
  }
}

// The list's informal dates whose agenda is not made yet, in date order.
async function unmadeInformalDates() {
  await page.goto(`${baseUrl}/telechats`);
  return page.locator('table tbody tr').evaluateAll((rows) => rows
    .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim()).concat(
      r.querySelector('a').getAttribute('href')))
    .filter((cells) => cells[1] === 'Informal' && cells[3] === 'Agenda not made yet')
    .map((cells) => cells[4].replace('/telechats/', '')));
}

async function submit(button) {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

test('an IESG member makes an agenda, adds an item, parks it and finds it on the next informal telechat', async () => {
  await signIn(page, 'gen-ad@example.org');
  const dates = await unmadeInformalDates();
  assert.ok(dates.length >= 2, `two informal series dates without an agenda, got ${dates}`);
  const [first, next] = dates.slice(-2);

  // A series date without an agenda: when it meets, and the create form with its date.
  await check('scheduled', `/telechats/${first}`);
  assert.match(await page.locator('main').innerText(), /Its agenda is not made yet\./);
  assert.match(await page.locator('main').innerText(), /America\/New_York \(\d\d:\d\d–\d\d:\d\d UTC\)/);
  assert.equal(await page.getByLabel('Date', { exact: true }).inputValue(), first);
  await submit(page.getByRole('button', { name: 'Create the telechat' }));
  assert.equal(new URL(page.url()).pathname, `/telechats/${first}`);

  // An item in Management Issues, then parked.
  await page.getByLabel('Section', { exact: true }).selectOption({ label: 'Management Issues' });
  await page.getByLabel('Title', { exact: true }).fill(topic);
  await page.getByLabel('Owner (optional)').fill('Gabriel General');
  await submit(page.getByRole('button', { name: 'Add the item' }));
  const item = page.locator('#management-issues li', { hasText: topic });
  assert.equal(await item.count(), 1, 'the item is in Management Issues');
  await item.getByLabel('Move to').selectOption({ label: 'Parking Lot' });
  await submit(item.getByRole('button', { name: 'Move', exact: true }));
  assert.equal(await page.locator('#parking-lot li', { hasText: topic }).count(), 1, 'the item is parked');
  await check('telechat', `/telechats/${first}`);

  // The next informal telechat, made from the list's form, carries it over.
  await check('list', '/telechats');
  await page.getByLabel('Date', { exact: true }).fill(next);
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Informal' });
  await submit(page.getByRole('button', { name: 'Create the telechat' }));
  assert.equal(new URL(page.url()).pathname, `/telechats/${next}`);
  assert.equal(await page.locator('#parking-lot li', { hasText: topic }).count(), 1,
               'the parked item is on the next informal telechat');
  await check('next', `/telechats/${next}`);
});
