// Browser test of the dispatch journeys after a request is filed (issue 13),
// at IETF 128 (the demo's upcoming meeting, dated from today):
//  - a proponent files a request through the form, finds it under "Your
//    requests", edits it and withdraws it;
//  - a chair declines a request, undoes the decline, accepts it, records an
//    outcome and corrects it, the earlier outcome staying visible.
// The pages of both journeys are checked at 1280 and 375 px (nothing wider
// than the screen) and with axe-core (no serious or critical WCAG 2 A/AA
// violation); screenshots go to the artifact directory.
//
// Needs a running server: see browser.mjs and tests/browser/run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { baseUrl, checkCurrentPage, launchBrowser, signIn } from './browser.mjs';

const meeting = '128';
// Drafts no other browser test touches.
const withdrawnDraft = 'draft-weber-http-resumable-tokens';
const chairsDraft = 'draft-li-ip-address-privacy';

let context;
let page;

before(async () => {
  // The pages' Content-Security-Policy forbids scripts; axe is injected by the test.
  ({ context, page } = await launchBrowser({ bypassCSP: true }));
});

after(async () => {
  if (context) await context.close();
});

async function checkPage(name) {
  await checkCurrentPage(page, `journey-${name}`);
}

// Clicks `button` and waits for the page it leads to.
async function submit(button) {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

// Files a request through the form; returns its id (from the agenda's notice).
async function askForTime(draft, question) {
  await page.goto(`${baseUrl}/meetings/${meeting}/dispatch/request`);
  await page.fill('input[name="draft"]', draft);
  await page.fill('input[name="rev"]', '00');
  await page.fill('textarea[name="question"]', question);
  await page.check('input[name="area_sec"]');
  await submit(page.getByRole('button', { name: 'Ask for time' }));
  assert.equal(new URL(page.url()).pathname, `/meetings/${meeting}/dispatch`);
  const submitted = new URL(page.url()).searchParams.get('submitted');
  assert.ok(submitted, `no request id after filing ${draft} (now at ${page.url()})`);
  return submitted;
}

test('a proponent files, finds, edits and withdraws a request', async () => {
  await signIn(page, 'carol@example.org');
  const id = await askForTime(withdrawnDraft, 'Where should resumable upload tokens go (journey test)?');

  await page.goto(`${baseUrl}/me`);
  await submit(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Your requests' }));
  const row = page.locator(`#request-${id}`);
  assert.match(await row.innerText(), new RegExp(`${withdrawnDraft}-00[\\s\\S]*ALLDISPATCH[\\s\\S]*Pending`));
  await checkPage('my-requests');

  await submit(row.getByRole('link', { name: `Edit request ${id}` }));
  await page.fill('textarea[name="question"]', 'A sharper question about resumable upload tokens?');
  await page.uncheck('input[name="area_sec"]');
  await submit(page.getByRole('button', { name: 'Save the request' }));
  assert.match(await page.locator('[role="alert"]').innerText(), /tick at least one/);
  assert.equal(await page.inputValue('textarea[name="question"]'),
               'A sharper question about resumable upload tokens?', 'the typed question is kept');
  await checkPage('edit-refused');
  await page.check('input[name="area_art"]');
  await submit(page.getByRole('button', { name: 'Save the request' }));
  assert.match(await page.locator(`#request-${id}`).innerText(), /A sharper question/);

  await submit(page.locator(`#request-${id}`).getByRole('button', { name: `Withdraw request ${id}` }));
  assert.match(await page.locator(`#request-${id}`).innerText(), /Withdrawn by the proponent/);
  await page.goto(`${baseUrl}/meetings/${meeting}/dispatch`);
  assert.ok(!(await page.locator('body').innerText()).includes(withdrawnDraft),
            'a withdrawn request is not on the agenda page');
});

test('a chair declines, undoes the decline, accepts, records and corrects an outcome', async () => {
  await signIn(page, 'bob@example.org');
  const id = await askForTime(chairsDraft, 'Is IP address privacy for INTAREA or a new WG (journey test)?');
  await signIn(page, 'dispatch-chair@example.org');
  await page.goto(`${baseUrl}/meetings/${meeting}/dispatch`);
  const item = () => page.locator(`#item-${id}`);

  await item().locator(`#reason-${id}`).fill('Needs a clearer question first.');
  await submit(item().getByRole('button', { name: 'Decline' }));
  assert.match(await page.locator('#declined').innerText(), /Needs a clearer question first/);
  await checkPage('chair-declined');
  await submit(item().getByRole('button', { name: 'Undo decline' }));
  assert.equal(await page.locator('#declined').count(), 0, 'the declined section is gone');
  assert.match(await page.locator('#pending').innerText(), new RegExp(chairsDraft));

  await submit(item().getByRole('button', { name: 'Accept' }));
  await item().locator(`#outcome-${id}`).selectOption('existing-wg');
  await item().locator(`#target-${id}`).fill('intarea');
  await submit(item().getByRole('button', { name: 'Record outcome' }));
  assert.match(await item().innerText(), /Direct to an existing WG → intarea/);
  assert.equal(await item().getByRole('button', { name: 'Move up' }).count(), 0, 'a dispatched item is fixed');

  await item().locator(`#correct-outcome-${id}`).selectOption('bof');
  await item().locator(`#correct-reason-${id}`).fill('The session asked for a BoF first.');
  await submit(item().getByRole('button', { name: 'Correct outcome' }));
  const text = await item().innerText();
  assert.match(text, /Outcome: Hold a BoF/);
  assert.match(text, /Earlier outcome: Direct to an existing WG → intarea; corrected .* The session asked for a BoF first/);
  await checkPage('chair-corrected');

  await page.goto(`${baseUrl}/drafts/${chairsDraft}/history`);
  assert.match(await page.locator('body').innerText(), /Outcome corrected/);
});
