// Browser test: a proponent signs in, asks for dispatch time at IETF 128
// (the demo's upcoming meeting, dated from today) through the web form, and
// sees the request on the dispatch agenda; IETF 125 is over and its request
// page says requests are closed, with no form. (A draft submitted after the
// cutoff is refused on the form page: tests/http/web_pages_test.cpp, whose
// server clock stands before IETF 125.)
//
// Needs a running server: see browser.mjs and tests/browser/run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { baseUrl, launchBrowser, screenshot, signIn } from './browser.mjs';

const question = 'Which working group should take on delegation hints for DNS (browser test)?';

let context;
let page;

before(async () => {
  ({ context, page } = await launchBrowser());
});

after(async () => {
  if (context) await context.close();
});

async function askForTime({ draft, rev, text, areas, minutes }) {
  await page.goto(`${baseUrl}/meetings/128/dispatch/request`);
  await page.fill('input[name="draft"]', draft);
  await page.fill('input[name="rev"]', rev);
  await page.fill('textarea[name="question"]', text);
  for (const area of areas) await page.check(`input[name="area_${area}"]`);
  await page.fill('input[name="minutes"]', String(minutes));
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Ask for time' }).click(),
  ]);
}

test('proponent signs in and the request shows on the dispatch agenda', async () => {
  await signIn(page, 'alice@example.org');

  await askForTime({
    draft: 'draft-kumar-dns-delegation-hints', rev: '01', text: question,
    areas: ['int', 'ops'], minutes: 10,
  });

  assert.equal(new URL(page.url()).pathname, '/meetings/128/dispatch');
  const body = await page.locator('body').innerText();
  assert.match(body, /Your request \d+ is in/);
  const heading = 'Requests awaiting the chairs';
  const at = body.indexOf(heading);
  assert.ok(at >= 0, `the agenda has no "${heading}" section`);
  const pending = body.slice(at);
  assert.ok(pending.includes('draft-kumar-dns-delegation-hints-01'),
            `draft-kumar-dns-delegation-hints-01 is not under "${heading}"`);
  assert.ok(pending.includes(question), `the dispatch question is not under "${heading}"`);

  await screenshot(page, 'dispatch-agenda.png');
});

test('a meeting that is over takes no requests', async () => {
  await signIn(page, 'alice@example.org');
  await page.goto(`${baseUrl}/meetings/125/dispatch/request`);
  const body = await page.locator('body').innerText();
  assert.match(body, /IETF 125 is over/);
  assert.match(body, /Requests are closed/);
  assert.equal(await page.locator('form textarea[name="question"]').count(), 0, 'no request form');
});
