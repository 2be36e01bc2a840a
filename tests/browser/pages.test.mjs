// Browser test of the main pages, as a reader and as a chair, at 1280 and
// 375 px wide: each answers 200 with one <h1>, nothing wider than the screen
// (tables scroll inside .table-responsive), a header of at most two lines,
// the keyboard reaches a visible skip link first, and axe-core finds no
// serious or critical WCAG 2 A/AA violation (labels, contrast, names).
// A screenshot of every page at both widths goes to the artifact directory.
// (Axe and the screenshots only where the run checks the look: browser.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { baseUrl, checkAccessibility, launchBrowser, screenshot, signIn } from './browser.mjs';

const widths = [1280, 375];
const publicPages = [
  '/', '/meetings/125', '/meetings/125/dispatch', '/meetings/124/dispatch',
  '/meetings/124/dispatch?venue=dispatch', '/drafts/draft-smith-event-feeds/history',
  '/telechats', '/login', '/no/such/page', '/groups', '/groups/secdispatch', '/groups/quic',
  '/meetings/125/agenda', '/meetings/125/agenda?tz=Europe/Berlin&show=sec', '/meetings/125/schedules',
  '/meetings/125/schedules/draft-1', '/meetings/125/timeslots', '/meetings/125/session-requests',
  '/drafts', '/drafts?q=event',
];
const chairPages = ['/', '/me', '/meetings/125/dispatch', '/meetings/125/dispatch/request', '/telechats',
  '/meetings/125/session-requests/new'];

let context;
let page;

before(async () => {
  // The pages' Content-Security-Policy forbids scripts; axe is injected by the test.
  ({ context, page } = await launchBrowser({ bypassCSP: true }));
});

after(async () => {
  if (context) await context.close();
});

// The first informal telechat on the list, so that one telechat page is checked too.
async function aTelechat() {
  await page.goto(`${baseUrl}/telechats`);
  return page.locator('table a[href^="/telechats/"]').first().getAttribute('href');
}

// How many lines the header's items (brand, menu, person, sign in/out) sit on.
async function headerLines() {
  return page.evaluate(() => {
    const tops = [...document.querySelectorAll('header .navbar-brand, header .nav-link, header .who > *')]
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => r.top + r.height / 2);
    const lines = [];
    for (const t of tops.sort((a, b) => a - b))
      if (!lines.length || t - lines[lines.length - 1] > 12) lines.push(t);
    return lines.length;
  });
}

async function check(role, pathname) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const response = await page.goto(baseUrl + pathname);
    const where = `${pathname} (${role}, ${width} px)`;
    const expected = pathname === '/no/such/page' ? 404 : 200;
    assert.equal(response.status(), expected, where);
    const name = `${role}-${width}-${pathname.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}.png`;
    await screenshot(page, name);
    assert.equal(await page.locator('h1').count(), 1, `${where}: one <h1>`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${where}: the page is ${overflow} px wider than the screen`);
    assert.ok(await headerLines() <= 2, `${where}: the header takes more than two lines`);
    if (width === widths[0]) await checkAccessibility(page, where);
  }
}

test('public pages: one <h1>, fit 375 px, two-line header, no serious axe violation', async () => {
  for (const pathname of [...publicPages, await aTelechat()]) await check('reader', pathname);
});

test('a chair\'s pages: the same, with the chair\'s forms', async () => {
  await signIn(page, 'dispatch-chair@example.org');
  for (const pathname of chairPages) await check('chair', pathname);
});

test('the keyboard reaches a visible skip link first, with a focus ring', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}/meetings/125/dispatch`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const e = document.activeElement;
    const r = e.getBoundingClientRect();
    return { text: e.textContent, width: r.width, outline: getComputedStyle(e).outlineStyle };
  });
  assert.equal(focused.text, 'Skip to the content');
  assert.ok(focused.width > 1, 'the focused skip link is visible');
  assert.notEqual(focused.outline, 'none', 'the focused link has an outline');
});
