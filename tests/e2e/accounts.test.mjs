// End-to-end tests of how the accounts tell the events (issue 25), in the release build: an
// open event shows each document's account side by side (stacked on a phone), in order of
// publication, with whose words and the date each gives; a draft's words are credited as
// the draft's; the timeline's table of which accounts tell which events, its sort in the
// URL; nothing scrolls sideways at 360 px; axe in light and dark at 1280 and 360.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  SCREENSHOT_DIR,
  TEST_TIMEOUT_MS,
  assertScreenshot,
  formatAxeViolations,
  gotoList,
  runAxe,
  settle,
  startHarness,
  withPage,
} from './helpers.mjs';

const ACCOUNT = '.event-detail .account';
const TABLE = '.accounts-table table';
const REVIEWS = 'nhse-orders-trust-reviews';

/** Whether the page scrolls sideways. */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('How the accounts tell the events', { timeout: TEST_TIMEOUT_MS * 12 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  for (const width of [1280, 360]) {
    test(`an event's accounts in order of publication, ${width > 600 ? 'side by side' : 'stacked'} at ${width}px, each with its date`, opts, () =>
      withPage(h.browser, { viewport: { width, height: 900 } }, `accounts-event-${width}`, async (s) => {
        const { page } = s;
        await page.goto(`${h.url}#ev=${REVIEWS}`);
        await page.waitForSelector(ACCOUNT);
        await settle(page);
        const accounts = await page.$$eval(ACCOUNT, (list) =>
          list.map((a) => ({
            doc: a.querySelector('h5 a').getAttribute('href'),
            date: a.querySelector('.account-date').textContent,
            top: Math.round(a.getBoundingClientRect().top),
            passages: a.querySelectorAll('blockquote').length,
          })),
        );
        assert.deepEqual(
          accounts.map((a) => a.doc),
          [
            '#doc=2021-06-17-dodgy-data-warnings',
            '#doc=2022-04-14-nhs-england-blocks-sim-reviews',
            '#doc=2023-nhse-unpublished-sim-apology',
            '#doc=2023-stopsim-statement',
          ],
        );
        assert.ok(accounts.every((a) => a.passages > 0));
        // The June 2021 report says only that the letter was sent; the April 2022 report's
        // "last spring" is inferred; the statement states May 2021.
        assert.match(accounts[0].date, /^Gives no date of its own; the other accounts give May 2021 supplied$/);
        assert.match(accounts[1].date, /^Gives May 2021 inferred, from “last spring”$/);
        assert.match(accounts[3].date, /^Gives May 2021: “in May 2021”$/);
        if (width > 600) assert.equal(new Set(accounts.map((a) => a.top)).size, 1, `side by side: ${accounts.map((a) => a.top)}`);
        else assert.ok(accounts.every((a, i) => i === 0 || a.top > accounts[i - 1].top), `stacked: ${accounts.map((a) => a.top)}`);
        assert.equal(await sideways(page), false);
        // A passage's link opens it in its document.
        await page.click(`${ACCOUNT} .sources a >> nth=0`);
        await page.waitForSelector('article.document .passage.focused');
        s.assertClean();
      }));
  }

  test('a draft’s words are credited as the draft’s in an account, never as plain words', opts, () =>
    withPage(h.browser, {}, 'accounts-draft', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#ev=published-2023-nhse-unpublished-sim-apology`);
      await page.waitForSelector(ACCOUNT);
      const who = await page.$$eval(`${ACCOUNT} .account-who`, (list) => list.map((p) => p.textContent));
      assert.ok(who.some((t) => /in a draft co-produced|reported from a draft co-produced/.test(t)), who.join('\n'));
      for (const line of who) {
        const plain = line.split(' · ').find((part) => part.startsWith('Words of: '));
        assert.ok(!plain || !plain.includes('NHS England'), line);
      }
      s.assertClean();
    }));

  test('the table of which accounts tell which events: opened by its button, sorted by date, kept in the URL', opts, () =>
    withPage(h.browser, {}, 'accounts-table', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      const open = page.locator('.timeline-views button');
      await open.waitFor();
      assert.equal(await open.getAttribute('aria-expanded'), 'false');
      await open.click();
      await page.waitForSelector(TABLE);
      assert.match(page.url(), /#accounts=oldest$/);
      assert.equal(await open.getAttribute('aria-expanded'), 'true');
      // Two columns of its own and one per document; a row per event.
      assert.equal(await page.$$eval(`${TABLE} thead th[scope=col]`, (l) => l.length), 7);
      const rows = () => page.$$eval(`${TABLE} tbody th[scope=row]`, (l) => l.map((th) => th.textContent));
      const oldest = await rows();
      assert.equal(oldest.length, 49);
      const sorted = `${TABLE} th[aria-sort]`;
      assert.equal(await page.getAttribute(sorted, 'aria-sort'), 'ascending');
      // The text twin: a sentence per document.
      const sentences = await page.$$eval('.accounts-summary li', (l) => l.map((li) => li.textContent));
      assert.equal(sentences.length, 5);
      assert.ok(sentences.includes('The news report of 17 June 2021 tells 24 of 49 events, first for 23.'), sentences.join('\n'));
      // The first event in the record, first told by the June 2021 report, and told again by
      // the 2023 report.
      assert.equal(oldest[0], 'NHS England sets up the Academic Health Science Networks');
      const first = await page.$$eval(`${TABLE} tbody tr:first-child td`, (l) => l.map((td) => td.textContent));
      assert.deepEqual(first.slice(1), ['–not told', '●first', '–not told', '○later', '–not told']);
      // Sorting: newest first, the button keeps the focus, the URL keeps the order.
      await page.click(`${sorted} button`);
      await page.waitForFunction(() => /accounts=newest/.test(location.hash));
      assert.equal(await page.getAttribute(sorted, 'aria-sort'), 'descending');
      assert.deepEqual(await rows(), [...oldest].reverse());
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('sort')), true);
      await page.reload();
      await page.waitForSelector(TABLE);
      assert.equal(await page.getAttribute(sorted, 'aria-sort'), 'descending');
      // Closed again by the same button.
      await page.click('.timeline-views button');
      await page.waitForFunction(() => !/accounts=/.test(location.hash));
      assert.equal(await page.$(TABLE), null);
      s.assertClean();
    }));

  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 360]) {
      test(`axe: no violations on an event's accounts and the table (${colorScheme}, ${width}px)`, opts, () =>
        withPage(
          h.browser,
          { colorScheme, bypassCSP: true, viewport: { width, height: 900 } },
          `accounts-axe-${colorScheme}-${width}`,
          async (s) => {
            const { page } = s;
            await page.goto(`${h.url}#accounts=oldest&ev=${REVIEWS}`);
            await page.waitForSelector(ACCOUNT);
            await page.waitForSelector(TABLE);
            await settle(page);
            assert.equal(await sideways(page), false, 'nothing scrolls sideways');
            const { violations } = await runAxe(page);
            assert.equal(violations.length, 0, formatAxeViolations(violations));
            mkdirSync(SCREENSHOT_DIR, { recursive: true });
            for (const [name, selector] of [['event', '.event-detail'], ['table', '.accounts-table']]) {
              const file = join(SCREENSHOT_DIR, `accounts-${name}-${colorScheme}-${width}.png`);
              await page.locator(selector).screenshot({ path: file });
              assertScreenshot(file, {});
            }
          },
        ));
    }
  }
});
