// Browser test of the secretariat's record forms (issue 13): the secretariat
// signs in, makes a meeting from the home page (first with its last day
// before its first, which the form refuses keeping what was typed), a group
// from the groups page, and records a draft revision; then reads the audit
// log, where all three are in words. Each page is checked at 1280 and 375 px
// and with axe-core (browser.mjs checkCurrentPage).
//
// It makes IETF 132, group "browsergrp" and draft-browser-secretariat-record,
// which no other browser test touches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { baseUrl, checkCurrentPage, launchBrowser, signIn } from './browser.mjs';

let context;
let page;

before(async () => {
  // The pages' Content-Security-Policy forbids scripts; axe is injected by the test.
  ({ context, page } = await launchBrowser({ bypassCSP: true }));
});

after(async () => {
  if (context) await context.close();
});

async function submit(label) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: label }).click()]);
}

test('the secretariat makes a meeting, a group and a draft record, and finds them in the audit log', async () => {
  await signIn(page, 'secretariat@example.org');

  await page.goto(`${baseUrl}/`);
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'New meeting' }).click()]);
  await checkCurrentPage(page, 'secretariat-new-meeting');
  await page.getByLabel('Number').fill('132');
  await page.getByLabel('City').fill('Vienna');
  await page.getByLabel('First day').fill('2028-07-22');
  await page.getByLabel('Last day').fill('2028-07-20');
  await page.getByLabel('Time zone').fill('Europe/Vienna');
  await page.getByLabel('Internet-Draft cutoff').fill('2028-07-10T23:59:00Z');
  await submit('Create the meeting');
  await assert.doesNotReject(page.locator('.alert-danger').waitFor());
  assert.equal(await page.getByLabel('City').inputValue(), 'Vienna', 'what was typed is kept');
  await checkCurrentPage(page, 'secretariat-meeting-refused');
  await page.getByLabel('Last day').fill('2028-07-28');
  await submit('Create the meeting');
  assert.equal(new URL(page.url()).pathname, '/meetings/132');
  assert.match(await page.locator('h1').innerText(), /IETF 132/);
  await checkCurrentPage(page, 'secretariat-meeting');

  await page.goto(`${baseUrl}/groups`);
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'New group' }).click()]);
  await checkCurrentPage(page, 'secretariat-new-group');
  await page.getByLabel('Acronym').fill('browsergrp');
  await page.locator('#f-name').fill('Browser Group');
  await page.locator('#f-area').selectOption('gen');
  await submit('Save the group');
  assert.equal(new URL(page.url()).pathname, '/groups/browsergrp');
  assert.match(await page.locator('main').innerText(), /Working group/);

  await page.goto(`${baseUrl}/drafts/new`);
  await checkCurrentPage(page, 'secretariat-new-draft');
  await page.getByLabel('Draft name').fill('draft-browser-secretariat-record');
  await page.getByLabel('Revision').fill('00');
  await page.getByLabel('Title').fill('A Record Made in the Browser');
  await page.getByLabel('Submitted').fill('2026-02-20T10:00:00Z');
  await page.getByLabel('Authors').fill('Sam Secretariat\nAlice Smith');
  await submit('Record the revision');
  assert.equal(new URL(page.url()).pathname, '/drafts/draft-browser-secretariat-record/history');

  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Audit log' }).click()]);
  await checkCurrentPage(page, 'secretariat-audit');
  const log = await page.locator('main').innerText();
  for (const words of ['Recorded a draft revision', 'Saved a group', 'Created a meeting'])
    assert.match(log, new RegExp(words), `the audit log says "${words}"`);
});
