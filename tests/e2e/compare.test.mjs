// End-to-end tests of two accounts side by side (#cmp=A,B, issue 25) in the release build:
// reached from a document's "Read beside another account", two columns at 1280 px with
// their aligned rows on one line under a visible reason, a link that reopens it after a
// reload, one column at a time on a phone with the other account a tap away and nothing
// scrolling sideways, the static record's two links, axe in light and dark at 1280 and 360.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  DIST,
  SCREENSHOT_DIR,
  TEST_TIMEOUT_MS,
  assertScreenshot,
  formatAxeViolations,
  runAxe,
  settle,
  startHarness,
  waitForDocument,
  withPage,
} from './helpers.mjs';

const REPORT = '2023-nhse-unpublished-sim-apology';
const STATEMENT = '2023-stopsim-statement';
const LINK = `#cmp=${REPORT},${STATEMENT}`;

/** Open `hash` and wait for the app's comparison (not the static record's links). */
async function openCompare(page, url, hash = LINK) {
  await page.goto(`${url}${hash}`, { waitUntil: 'load' });
  await page.waitForSelector('article.compare .cmp-reason');
  await page.waitForFunction(() => !document.getElementById('record'));
  await settle(page);
}

/** Each aligned row: its reason's text and box, and the tops of its two passages. */
function rows(page) {
  return page.$$eval('.compare-grid > .cmp-reason', (reasons) =>
    reasons.map((r) => {
      const left = r.nextElementSibling;
      const right = left.nextElementSibling;
      const box = r.getBoundingClientRect();
      return {
        text: r.innerText.trim(),
        visible: box.width > 0 && box.height > 0 && getComputedStyle(r).visibility === 'visible',
        left: left.classList.contains('cmp-left') && left.getBoundingClientRect(),
        right: right.classList.contains('cmp-right') && right.getBoundingClientRect(),
      };
    }),
  );
}

function noSidewaysScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

describe('Two accounts side by side', { timeout: TEST_TIMEOUT_MS * 10 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('at 1280 px: picked from a document, two columns, five aligned rows or more, each reason shown; the link reopens it', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 } }, 'cmp-wide', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#doc=${REPORT}`, { waitUntil: 'load' });
      await waitForDocument(page);
      await page.waitForFunction(() => !document.getElementById('record'));
      await page.click('.read-beside summary');
      await page.click(`.read-beside a[href="${LINK}"]`);
      await page.waitForSelector('article.compare .cmp-reason');
      assert.equal(new URL(page.url()).hash, LINK);
      const found = await rows(page);
      assert.ok(found.length >= 5, `${found.length} aligned rows`);
      for (const row of found) {
        assert.ok(row.visible && row.text.length > 10, `reason shown: ${JSON.stringify(row.text)}`);
        assert.match(row.text, /^(Both state|Both answer|Both quote|Shared rare words)/);
        // Side by side: the two passages start on one line, the left column left of the right.
        assert.ok(Math.abs(row.left.top - row.right.top) < 2, `one row: ${row.left.top} ${row.right.top}`);
        assert.ok(row.left.right <= row.right.left, 'two columns');
      }
      // The layout widens beyond the reading column for two texts.
      const width = await page.$eval('.compare-grid', (g) => g.getBoundingClientRect().width);
      assert.ok(width > 1000, `grid ${width}px wide`);
      // A disagreement is one step away.
      const dis = await page.$$eval('.cmp-reason a[href^="#dis="]', (a) => a.length);
      assert.ok(dis >= 1);
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('article.compare .cmp-reason');
      assert.equal((await rows(page)).length, found.length, 'the link reopens the same comparison');
      // The title is set in the frame after the place changes, which a chunk already
      // cached may beat.
      await page.waitForFunction(() => document.title.startsWith('Two accounts'));
      assert.equal(await page.title(), 'Two accounts side by side – SIM Explorer');
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = join(SCREENSHOT_DIR, 'compare-1280.png');
      await page.screenshot({ path: file, fullPage: false });
      assertScreenshot(file, { width: 1280 });
      s.assertClean();
    }));

  for (const width of [390, 360]) {
    test(`at ${width} px: one column at a time, the other account a tap away, nothing scrolls sideways`, opts, () =>
      withPage(h.browser, { viewport: { width, height: 800 }, isMobile: true, hasTouch: true }, `cmp-phone-${width}`, async (s) => {
        const { page } = s;
        await openCompare(page, h.url);
        assert.ok(await noSidewaysScroll(page), 'no horizontal scroll');
        const pressed = () => page.$$eval('.compare-switch button', (b) => b.map((x) => x.getAttribute('aria-pressed')));
        assert.deepEqual(await pressed(), ['true', 'false']);
        const shown = (side) => page.$eval(`.compare-grid .cmp-${side}.cmp-aligned`, (e) => e.getBoundingClientRect().height > 0);
        assert.ok(await shown('left'));
        assert.ok(!(await shown('right')));
        // The aligned passage of the other account: one tap, and it is in view with focus.
        await page.locator('.cmp-left.cmp-aligned .cmp-beside').first().tap();
        await page.waitForFunction(() => document.activeElement?.closest('.cmp-right'));
        assert.deepEqual(await pressed(), ['false', 'true']);
        assert.ok(await noSidewaysScroll(page), 'no horizontal scroll on the other column');
        await page.locator('.compare-switch button').first().tap();
        assert.deepEqual(await pressed(), ['true', 'false']);
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = join(SCREENSHOT_DIR, `compare-${width}.png`);
        await page.screenshot({ path: file, fullPage: false });
        assertScreenshot(file, { width });
        s.assertClean();
      }));
  }

  test('the static record holds each comparison as two links under the id its link names', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const at = html.indexOf(`id="cmp=${REPORT},${STATEMENT}"`);
    assert.ok(at > 0, 'the comparison is in the static record');
    const item = html.slice(at, html.indexOf('</li>', at));
    assert.ok(item.includes(`href="#doc=${REPORT}"`) && item.includes(`href="#doc=${STATEMENT}"`), item);
  });

  for (const width of [1280, 360]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`axe: no violations side by side at ${width} px (${colorScheme})`, opts, () =>
        withPage(h.browser, { colorScheme, bypassCSP: true, viewport: { width, height: 900 } }, `cmp-axe-${width}-${colorScheme}`, async (s) => {
          const { page } = s;
          await openCompare(page, h.url);
          const { violations } = await runAxe(page);
          assert.equal(violations.length, 0, formatAxeViolations(violations));
        }));
    }
  }
});
