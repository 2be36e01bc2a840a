// Browser test of the IESG's telechat forms (issue 13): an IESG member signs
// in, makes the agenda of a series date that has none yet, adds an item,
// parks it, makes the next informal telechat and finds the item carried over
// to its parking lot. Every page on the way is checked at 1280 and 375 px as
// pages.test.mjs checks pages (status 200, one <h1>, nothing wider than the
// screen, no serious or critical axe-core WCAG 2 A/AA violation) and
// screenshotted into the artifact directory.
//
// It uses the two farthest informal series dates without an agenda, about a
// year ahead, which no other browser test touches. Then it moves the formal
// series to 11:00 through the series form on the list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { baseUrl, checkCurrentPage, launchBrowser, signIn } from './browser.mjs';

const topic = 'Browser-made topic on shepherd templates';

let context;
let page;

before(async () => {
  // The pages' Content-Security-Policy forbids scripts; axe is injected by the test.
  ({ context, page } = await launchBrowser({ bypassCSP: true }));
});

after(async () => {
  if (context) await context.close();
});

// The page at `pathname`: 200, then browser.mjs's checks at both widths.
async function check(name, pathname) {
  const response = await page.goto(baseUrl + pathname);
  assert.equal(response.status(), 200, `${pathname} (iesg)`);
  await checkCurrentPage(page, `iesg-${name}`);
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

test('an IESG member moves the formal telechats to 11:00 with the series form and sees it on the list', async () => {
  await signIn(page, 'gen-ad@example.org');
  await page.goto(`${baseUrl}/telechats`);
  const series = page.locator('#series-formal');
  await series.getByLabel('Start time (local)').fill('11:00');
  await submit(series.getByRole('button', { name: 'Save the Formal series' }));
  assert.equal(new URL(page.url()).pathname, '/telechats');
  assert.match(await page.locator('#series-formal .cadence').innerText(),
               /^Formal telechats: every 14 days on Thursday, 11:00–13:00 America\/New_York, from /);
  const formalTimes = await page.locator('table tbody tr').evaluateAll((rows) => rows
    .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim()))
    .filter((cells) => cells[1] === 'Formal')
    .map((cells) => cells[2]));
  assert.ok(formalTimes.length > 0 && formalTimes.every((t) => t.startsWith('11:00–13:00 America/New_York')),
            `the formal rows' times: ${formalTimes}`);
  await check('series', '/telechats');
});
