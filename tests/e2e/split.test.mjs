// End-to-end tests of the page's split wasm (issue 27): the timeline's code is a chunk of
// its own (`app-ID/split_timeline.wasm`), fetched once, after the page's wasm: as the app
// starts on a view that shows the timeline, else when it first shows; when it cannot be
// fetched, the timeline's place says so with "Try again", the rest of the page goes on
// working, and trying again draws it. (Offline, the worker serves it: offline.test.mjs.)

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { TEST_TIMEOUT_MS, formatAxeViolations, runAxe, startHarness, withPage } from './helpers.mjs';

const CHUNK = /\/app-[0-9a-f]+\/split_timeline\.wasm$/;
const EVENT = '.timeline-svg g.ev';

describe('The timeline, a chunk of its own', { timeout: TEST_TIMEOUT_MS * 4 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('its code comes after the page\'s, once, and draws the timeline', opts, async () => {
    // Without the worker, whose precaching would ask for every file itself.
    await withPage(h.browser, { serviceWorkers: 'block' }, 'split-chunk', async (s) => {
      const { page } = s;
      await page.goto(h.url);
      await page.locator(EVENT).first().waitFor({ state: 'attached' });
      const wasm = s.requests.filter((u) => u.endsWith('.wasm'));
      assert.equal(wasm.length, 2, `the page's wasm, then the chunk: ${wasm.join(', ')}`);
      assert.match(wasm[0], /\/app-[0-9a-f]+\/sim-explorer_bg\.wasm$/);
      assert.match(wasm[1], CHUNK);
      assert.equal(await page.locator('ol[aria-label="Timeline events"] > li').count(), 49);
      // Away (a document has no timeline) and back: drawn again from the chunk already loaded.
      await page.click('ol.doc-list > li.doc-item a');
      await page.waitForSelector('article.document .passage');
      assert.equal(await page.locator(EVENT).count(), 0);
      await page.goBack();
      await page.locator(EVENT).first().waitFor({ state: 'attached' });
      assert.equal(s.requests.filter((u) => CHUNK.test(u)).length, 1, 'fetched once');
      assert.equal(await page.locator('.deferred-note').count(), 0);
      s.assertNoPageErrors();
    });
  });

  test('opened on a view without the timeline, the page leaves the chunk until it shows', opts, async () => {
    await withPage(h.browser, { serviceWorkers: 'block' }, 'split-chunk-later', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#doc=2021-06-17-dodgy-data-warnings`);
      await page.waitForSelector('article.document .passage');
      await page.waitForTimeout(1_000);
      assert.equal(s.requests.filter((u) => CHUNK.test(u)).length, 0, 'not fetched for a document');
      await page.click('a.back-link');
      await page.locator(EVENT).first().waitFor({ state: 'attached' });
      assert.equal(s.requests.filter((u) => CHUNK.test(u)).length, 1);
      s.assertNoPageErrors();
    });
  });

  test('a chunk that cannot load says so, the page goes on, and "Try again" draws it', opts, async () => {
    // Without the worker: its copy of the chunk would answer past the failing route.
    await withPage(h.browser, { serviceWorkers: 'block', bypassCSP: true }, 'split-chunk-failing', async (s) => {
      const { page } = s;
      await page.route(CHUNK, (route) => route.abort('internetdisconnected'));
      await page.goto(h.url);
      const again = page.getByRole('button', { name: 'Try again' });
      await again.waitFor();
      const notice = page.locator('.notice[role=status]', { has: again });
      assert.equal(
        (await notice.locator('p').textContent()).trim(),
        'The timeline could not load. Everything else on the page works; check the connection and try again.',
      );
      assert.equal(await page.locator(EVENT).count(), 0);
      const { violations } = await runAxe(page);
      assert.equal(violations.length, 0, formatAxeViolations(violations));
      // Everything else works meanwhile: a search and its results.
      await page.fill('#search-input', 'Wessex');
      await page.waitForSelector('ol.results > li.result mark');
      // The search keeps the timeline's place (results and the timeline share the page).
      await again.waitFor();
      await page.unroute(CHUNK);
      // By keyboard: focus goes on to the timeline as it comes, not back to the page's start.
      await again.focus();
      await page.keyboard.press('Enter');
      await page.locator(EVENT).first().waitFor({ state: 'attached' });
      await page.waitForFunction(() => document.activeElement?.matches('.deferred') && document.activeElement.contains(document.querySelector('#timeline-heading')));
      assert.equal(await page.locator('.notice[role=status]').count(), 0);
      assert.ok(
        s.requests.filter((u) => CHUNK.test(u)).length >= 2,
        'the chunk asked for again, not a failure remembered',
      );
      // Its only complaints are the failed fetch's own: no crash, nothing else.
      assert.deepEqual(s.pageErrors, []);
      for (const e of s.consoleErrors) assert.match(e, /split_timeline|Failed to fetch|ERR_INTERNET_DISCONNECTED|TypeError/, e);
    });
  });
});
