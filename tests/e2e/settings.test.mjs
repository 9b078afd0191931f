// End-to-end checks of the page in the settings people use (issue 26): forced colours in
// light and dark (screenshots at 1280 and 360 px, marks still distinct), WCAG 1.4.12 text
// spacing with nothing clipped, 400% zoom (320 CSS px), reduced motion, and print.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { SCREENSHOT_DIR, TEST_TIMEOUT_MS, assertScreenshot, gotoList, settle, startHarness, waitForDocument, withPage } from './helpers.mjs';

/** The text spacing bookmarklet's values (WCAG 1.4.12). */
const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/** Elements whose words are clipped: content taller or wider than a box that hides it. */
const clipped = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('button, .chip, .result-link, .doc-link, label, summary, .search-input, h1, h2, h3')]
      .filter((el) => el.offsetParent !== null)
      // A label kept for screen readers only (1 px, clipped by design) shows no words.
      .filter((el) => el.getBoundingClientRect().width > 2)
      .filter((el) => {
        const s = getComputedStyle(el);
        const hides = (o) => o === 'hidden' || o === 'clip';
        return (
          (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 2) ||
          (hides(s.overflowX) && el.scrollWidth > el.clientWidth + 2)
        );
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );

describe('Every setting', { timeout: TEST_TIMEOUT_MS * 20 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 360]) {
      test(`forced colours (${colorScheme}, ${width}px): marks and the chart stay visible`, opts, () =>
        withPage(h.browser, { viewport: { width, height: 900 }, colorScheme }, `forced-${colorScheme}-${width}`, async (s) => {
          const { page } = s;
          await page.emulateMedia({ forcedColors: 'active', colorScheme });
          await page.goto(`${h.url}#q=police&from=2021&to=2021`);
          await page.waitForSelector('mark');
          await page.waitForSelector('.timeline-svg g.ev');
          await settle(page);
          assert.ok(await page.evaluate(() => matchMedia('(forced-colors: active)').matches));
          // A match is marked by a system colour pair, not the page's background.
          const { mark, page: bg } = await page.evaluate(() => ({
            mark: getComputedStyle(document.querySelector('mark')).backgroundColor,
            page: getComputedStyle(document.body).backgroundColor,
          }));
          assert.notEqual(mark, bg, 'a search match is still marked');
          // The chart's labels and bars are drawn in system colours, not erased.
          const label = await page.$eval('.timeline-svg .label', (t) => getComputedStyle(t).fill);
          assert.notEqual(label, 'none');
          mkdirSync(SCREENSHOT_DIR, { recursive: true });
          const file = join(SCREENSHOT_DIR, `forced-${colorScheme}-${width}.png`);
          await page.screenshot({ path: file });
          assertScreenshot(file, { width });
          s.assertClean();
        }));
    }
  }

  for (const width of [1280, 360]) {
    test(`text spacing overrides clip nothing (${width}px)`, opts, () =>
      withPage(h.browser, { viewport: { width, height: 900 }, bypassCSP: true }, `spacing-${width}`, async (s) => {
        const { page } = s;
        await page.goto(`${h.url}#q=police`);
        await page.waitForSelector('mark');
        await page.addStyleTag({ content: SPACING });
        await settle(page);
        assert.deepEqual(await clipped(page), []);
        const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: innerWidth }));
        assert.ok(sw <= iw, `scrolls sideways: ${sw} > ${iw}`);
      }));
  }

  test('400% zoom (320 CSS px): no sideways scroll on the list, a search, a document', opts, () =>
    withPage(h.browser, { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 }, 'zoom-400', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      for (const hash of ['', '#q=police', '#doc=2021-06-17-dodgy-data-warnings']) {
        await page.goto(`${h.url}${hash}`);
        await page.waitForSelector('h1');
        await settle(page);
        const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: innerWidth }));
        assert.ok(sw <= iw, `${hash}: ${sw} > ${iw}`);
      }
      s.assertClean();
    }));

  test('reduced motion: no smooth scrolling, no transitions', opts, () =>
    withPage(h.browser, { reducedMotion: 'reduce' }, 'reduced-motion', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      const style = await page.evaluate(() => ({
        scroll: getComputedStyle(document.documentElement).scrollBehavior,
        moving: [...document.querySelectorAll('*')].filter((el) => {
          const c = getComputedStyle(el);
          return parseFloat(c.transitionDuration) > 0 || c.animationName !== 'none';
        }).length,
      }));
      assert.deepEqual(style, { scroll: 'auto', moving: 0 });
    }));

  test('print: a document keeps its words and its citation, its controls are left off', opts, () =>
    withPage(h.browser, {}, 'print-document', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#doc=2021-06-17-dodgy-data-warnings`);
      await waitForDocument(page);
      await page.emulateMedia({ media: 'print' });
      const seen = await page.evaluate(() => ({
        title: document.querySelector('#doc-title')?.checkVisibility(),
        passages: [...document.querySelectorAll('article.document .passage')].filter((p) => p.checkVisibility()).length,
        buttons: [...document.querySelectorAll('button')].filter((b) => b.checkVisibility()).length,
        search: document.querySelector('.search-input')?.checkVisibility() ?? false,
        citation: document.querySelector('.doc-citation')?.checkVisibility() ? document.querySelector('.doc-citation').textContent : '',
      }));
      assert.ok(seen.title && seen.passages > 3, JSON.stringify(seen));
      // The paper says where its words come from: the document's citation and its link.
      assert.match(seen.citation, /^Cite as: “NHS bodies continued .*” \[News report\], Disability News Service, John Pring, 17 June 2021\. http:\/\/127\.0\.0\.1:\d+\/#doc=2021-06-17-dodgy-data-warnings$/);
      assert.equal(seen.buttons, 0, 'buttons on paper');
      assert.equal(seen.search, false);
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 10_000);
    }));
});
