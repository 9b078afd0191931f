// End-to-end tests of the page's split wasm (issue 27): the timeline's code is a chunk of
// its own (`app-ID/split_timeline.wasm`, with a small one it shares with the pages), fetched
// once, after the page's wasm: as the app starts on a view that shows the timeline, else
// when it first shows; so are the pages a first view does not show (an actor's page, the
// disagreements, "Check a quote", the collection, two accounts side by side), one chunk for
// them all (`split_pages.wasm`), when the first of them opens. When a part cannot be
// fetched, its place says so with "Try again", the rest of the page goes on working, and
// trying again draws it. (Offline, the worker serves every chunk: offline.test.mjs.)

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { TEST_TIMEOUT_MS, formatAxeViolations, runAxe, startHarness, withPage } from './helpers.mjs';

const CHUNK = /\/app-[0-9a-f]+\/split_timeline\.wasm$/;
/** Any part's own chunk, its name captured. */
const PART = /\/app-[0-9a-f]+\/split_([a-z]+)\.wasm$/;
const partsFetched = (requests) => requests.map((u) => PART.exec(u)?.[1]).filter(Boolean);
const EVENT = '.timeline-svg g.ev';

/** Waits for the notice a part whose code could not load puts in its place, checks its words
 * (`deferred.rs`), and gives its "Try again" button. */
async function failedNotice(page, what) {
  const again = page.getByRole('button', { name: 'Try again' });
  await again.waitFor();
  const notice = page.locator('.notice[role=status]', { has: again });
  assert.equal(
    (await notice.locator('p').textContent()).trim(),
    `${what} could not load. Everything else on the page works; check the connection and try again.`,
  );
  return again;
}

describe('The split wasm: the timeline and the later pages in chunks', { timeout: TEST_TIMEOUT_MS * 4 }, () => {
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
      assert.match(wasm[0], /\/app-[0-9a-f]+\/sim-explorer_bg\.wasm$/, 'the page\'s wasm first');
      // Then the timeline's own chunk and the one it shares with the pages: not the pages'.
      assert.deepEqual(partsFetched(wasm), ['timeline'], wasm.join(', '));
      for (const u of wasm.slice(1)) assert.match(u, /\/app-[0-9a-f]+\/(split_timeline|chunk_\d+)\.wasm$/);
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

  test('the pages a first view does not show: their code when the first opens, then each heading takes focus', opts, async () => {
    const pages = [
      ['#actor=nhs-england', 'actor-name'],
      ['#dis=all', 'dis-heading'],
      ['#check=', 'check-heading'],
      ['#col=', 'collection-heading'],
      ['#cmp=2023-nhse-unpublished-sim-apology,2023-stopsim-statement', 'compare-heading'],
    ];
    await withPage(h.browser, { serviceWorkers: 'block' }, 'split-pages', async (s) => {
      const { page } = s;
      await page.goto(h.url);
      await page.locator(EVENT).first().waitFor({ state: 'attached' });
      await page.waitForTimeout(500);
      assert.deepEqual(partsFetched(s.requests), ['timeline'], 'the first view fetches no page\'s code');
      for (const [hash, heading] of pages) {
        // As a link in the page opens it: the app follows the fragment.
        await page.evaluate((h) => { location.hash = h; }, hash);
        await page.waitForFunction((id) => document.activeElement?.id === id, heading);
        assert.deepEqual(partsFetched(s.requests), ['timeline', 'pages'], `${hash}: the pages' chunk, once`);
        assert.equal(await page.locator('.deferred-note, .notice[role=status]').count(), 0);
      }
      // Back through them: each drawn again at once from the chunk already loaded.
      for (const [, heading] of pages.slice(0, -1).reverse()) {
        await page.goBack();
        await page.waitForSelector(`#${heading}`);
        assert.equal(await page.locator('.deferred-note').count(), 0);
      }
      assert.deepEqual(partsFetched(s.requests), ['timeline', 'pages'], 'not fetched again');
      s.assertNoPageErrors();
    });
  });

  test('a page whose code cannot load says so, and "Try again" opens it', opts, async () => {
    const PAGES = /\/app-[0-9a-f]+\/split_pages\.wasm$/;
    await withPage(h.browser, { serviceWorkers: 'block', bypassCSP: true }, 'split-page-failing', async (s) => {
      const { page } = s;
      await page.route(PAGES, (route) => route.abort('internetdisconnected'));
      await page.goto(`${h.url}#actor=nhs-england`);
      const again = await failedNotice(page, 'The actor\'s page');
      const { violations } = await runAxe(page);
      assert.equal(violations.length, 0, formatAxeViolations(violations));
      await page.unroute(PAGES);
      await again.click();
      await page.waitForSelector('#actor-name');
      assert.equal(await page.locator('.notice[role=status]').count(), 0);
      assert.deepEqual(s.pageErrors, []);
      for (const e of s.consoleErrors) assert.match(e, /split_pages|Failed to fetch|ERR_INTERNET_DISCONNECTED|TypeError/, e);
    });
  });

  test('a chunk that cannot load says so, the page goes on, and "Try again" draws it', opts, async () => {
    // Without the worker: its copy of the chunk would answer past the failing route.
    await withPage(h.browser, { serviceWorkers: 'block', bypassCSP: true }, 'split-chunk-failing', async (s) => {
      const { page } = s;
      await page.route(CHUNK, (route) => route.abort('internetdisconnected'));
      await page.goto(h.url);
      const again = await failedNotice(page, 'The timeline');
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
