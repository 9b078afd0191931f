// End-to-end tests of the view state in the release build: what each action keeps, the
// search box acting only on its own results, the way back to a result, the line naming
// what is applied, and reading by keyboard. Regression tests name the defect they guard.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { TEST_TIMEOUT_MS, startHarness, waitForDocument, waitForScrollToSettle, withPage } from './helpers.mjs';

const INPUT = '#search-input';
const RESULT = 'ol.results > li.result';

const hashParams = (page) => new URLSearchParams(new URL(page.url()).hash.slice(1));

/** Opens the thirteenth result of a search for "the" (off the first screen at 360 × 800)
 * and waits for its passage; returns the result's link. */
async function openFarResult(page, url) {
  await page.goto(`${url}#q=the`);
  await page.waitForSelector(RESULT);
  const link = page.locator(`${RESULT} a.result-link`).nth(12);
  const href = await link.getAttribute('href');
  await link.click();
  await waitForDocument(page);
  return href;
}

describe('View state', { timeout: TEST_TIMEOUT_MS * 20 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  // Issue 9: typing once rebuilt the view from the query alone and lost the date range.
  test('typing a search keeps the date range', opts, () =>
    withPage(h.browser, {}, 'typing-keeps-range', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#from=2021-01-01&to=2021-12-31`);
      await page.waitForSelector('.result-count');
      await page.click(INPUT);
      await page.keyboard.type('police', { delay: 20 });
      await page.waitForFunction(() => location.hash.includes('q=police'));
      const params = hashParams(page);
      assert.equal(params.get('q'), 'police');
      assert.equal(params.get('from'), '2021-01-01');
      assert.equal(params.get('to'), '2021-12-31');
      // And the results are searched within it, said in the line of what is applied.
      const applied = await page.textContent('.active-view .chips');
      assert.match(applied, /Search: “police”/);
      assert.match(applied, /Dates: 1 January 2021 to 31 December 2021/);
      s.assertClean();
    }));

  // Found in issue 27's work: a search typed just before Back, Forward or a followed link was written under
  // the URL moved to once typing's pause ran out, so a reload or a copied link opened the
  // search instead of the page on screen (seen as a deep link lost after a reload offline).
  test('a search typed just before Back or a followed link stays with the entry it was typed in', opts, () =>
    withPage(h.browser, {}, 'typing-then-leaving', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#actor=nhs-england`);
      await page.waitForSelector('h2#actor-name');
      await page.goto(`${h.url}#q=police`);
      await page.waitForSelector(RESULT);
      await page.fill(INPUT, 'wessex');
      await page.goBack();
      await page.waitForSelector('h2#actor-name');
      // Longer than typing's pause before the URL is rewritten (300 ms).
      await page.waitForTimeout(700);
      assert.equal(new URL(page.url()).hash, '#actor=nhs-england');
      await page.goForward();
      await page.waitForSelector(RESULT);
      await page.fill(INPUT, 'care');
      await page.goto(`${h.url}#doc=2021-06-17-dodgy-data-warnings`);
      await waitForDocument(page);
      await page.waitForTimeout(700);
      assert.equal(new URL(page.url()).hash, '#doc=2021-06-17-dodgy-data-warnings');
      await page.reload();
      await waitForDocument(page);
      s.assertClean();
    }));

  // Issue 9: Enter in the box once clicked the first `.result-link` anywhere on the page,
  // such as a passage listed on an actor's page.
  test('Enter in an empty search box on an actor page opens nothing', opts, () =>
    withPage(h.browser, {}, 'enter-on-actor-page', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#actor=nhs-england`);
      await page.waitForSelector('h2#actor-name');
      const before = page.url();
      await page.click(INPUT);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      assert.equal(page.url(), before);
      assert.equal(await page.isVisible('h2#actor-name'), true);
      assert.equal(await page.$('article.document'), null);
      s.assertClean();
    }));

  test('Enter in the box opens the first result; Back returns to it', opts, () =>
    withPage(h.browser, {}, 'enter-and-back', async (s) => {
      const { page } = s;
      await page.goto(h.url);
      await page.click(INPUT);
      await page.keyboard.type('wessex', { delay: 20 });
      await page.waitForSelector(RESULT);
      const first = await page.getAttribute(`${RESULT} a.result-link`, 'href');
      await page.keyboard.press('Enter');
      await waitForDocument(page);
      assert.equal(hashParams(page).get('p'), new URLSearchParams(first.slice(1)).get('p'));
      // The search stays in the link, so its matches stay marked.
      assert.equal(hashParams(page).get('q'), 'wessex');
      assert.ok((await page.$$('article.document mark')).length > 0);
      await page.goBack();
      await page.waitForSelector(RESULT);
      await page.waitForFunction(() => document.activeElement?.classList.contains('result-link'));
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), first);
      s.assertClean();
    }));

  test('the way back from a result far down the list returns to that result', opts, () =>
    withPage(h.browser, { viewport: { width: 360, height: 800 } }, 'back-to-result', async (s) => {
      const { page } = s;
      const href = await openFarResult(page, h.url);
      // While reading, the title stays in view with the way back.
      const bar = await page.locator('.reading-now').boundingBox();
      assert.ok(bar && bar.y >= 0 && bar.y < 160, JSON.stringify(bar));
      await page.click('.reading-now a.results-link');
      await page.waitForSelector(RESULT);
      await page.waitForFunction((h) => document.activeElement?.getAttribute('href') === h, href);
      await waitForScrollToSettle(page);
      const box = await page.locator(`${RESULT} a.result-link`).nth(12).boundingBox();
      assert.ok(box.y > 0 && box.y < 800, `the result is on screen: ${JSON.stringify(box)}`);
      s.assertClean();
    }));

  // A review of the rows drawn a screenful first: Back with the search box focused (`/`, or
  // the box clicked, then the browser's Back) once drew only a screenful, and focus, going
  // to a row not yet drawn, stayed in the box.
  test('Back with the search box focused still returns to a result far down', opts, () =>
    withPage(h.browser, { viewport: { width: 360, height: 800 } }, 'back-focused-box', async (s) => {
      const { page } = s;
      const href = await openFarResult(page, h.url);
      await page.keyboard.press('/');
      await page.waitForFunction(() => document.activeElement?.id === 'search-input');
      await page.goBack();
      await page.waitForSelector(RESULT);
      await page.waitForFunction((h) => document.activeElement?.getAttribute('href') === h, href);
      s.assertClean();
    }));

  test('the line of what is applied removes each part, and chips name the role', opts, () =>
    withPage(h.browser, {}, 'active-view', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#q=review&a=paul-jennings,nhs-england&am=all&ar=said&from=2018`);
      await page.waitForSelector('.active-view');
      const chips = await page.$$eval('.active-view button.chip', (b) => b.map((x) => x.textContent.replace(' ×', '').replace('Remove ', '')));
      assert.deepEqual(chips, [
        'Search: “review”',
        'Said by: Paul Jennings',
        'Said by: NHS England',
        'Every chosen actor',
        'Dates: from 2018, passages stating an event then',
      ]);
      await page.click('button.chip:has-text("Every chosen actor")');
      await page.waitForFunction(() => !location.hash.includes('am=all'));
      await page.click('button.chip:has-text("Paul Jennings")');
      await page.waitForFunction(() => !location.hash.includes('paul-jennings'));
      assert.equal(hashParams(page).get('a'), 'nhs-england');
      await page.click('button.clear-all');
      await page.waitForFunction(() => location.hash.slice(1) === '');
      await page.waitForSelector('ol.doc-list');
      s.assertClean();
    }));

  test('a filter without a search is not called a search', opts, () =>
    withPage(h.browser, {}, 'no-search-heading', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#a=tim-kendall`);
      await page.waitForSelector(RESULT);
      assert.equal((await page.textContent('#results-heading')).trim(), 'Passages');
      s.assertClean();
    }));

  test('paragraphs are read by keyboard with arrow keys, not a Tab per link', opts, () =>
    withPage(h.browser, {}, 'reading-keys', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#doc=2021-04-29-activists-call-for-sim-halt`);
      await waitForDocument(page);
      const ids = await page.$$eval('article.document .passages > .passage', (ps) => ps.map((p) => p.id));
      // Tab from the document's title reaches the first paragraph within a few stops.
      await page.focus('#doc-title');
      let tabs = 0;
      while (tabs < 10) {
        await page.keyboard.press('Tab');
        tabs += 1;
        if (await page.evaluate(() => document.activeElement?.classList.contains('passage'))) break;
      }
      assert.equal(await page.evaluate(() => document.activeElement.id), ids[0], `after ${tabs} Tabs`);
      for (let i = 1; i < 10; i++) await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement.id), ids[9]);
      await page.keyboard.press('k');
      assert.equal(await page.evaluate(() => document.activeElement.id), ids[8]);
      // Enter opens it: citing appears, and the link names it.
      await page.keyboard.press('Enter');
      await page.waitForSelector('.cite-tools');
      assert.equal(hashParams(page).get('p'), ids[8].slice(2));
      // Going from paragraph 1 to 10 took 9 arrow presses and a few Tabs, not 33 Tabs.
      assert.ok(tabs <= 6, `${tabs} Tabs to the text`);
      s.assertClean();
    }));
});
