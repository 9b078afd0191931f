// End-to-end tests of the timeline in the release build: keyboard through events, opening
// one and following its source, date ranges (fields and dragging across the axis) narrowing
// search results, zoom, the list view, bad links, narrow screens, reduced motion, axe.

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

const EVENT = '.timeline-svg g.ev';
const LIST = 'ol[aria-label="Timeline events"] > li';
const COUNT = '.result-count[role=status]';

const countOf = async (page) => Number((await page.textContent(COUNT)).match(/\d+/)[0]);
/** Event ids in the list's (date) order, from the list's links. */
const listIds = (page) =>
  page.$$eval(`${LIST} a[href*="ev="]`, (links) => links.map((a) => new URLSearchParams(a.getAttribute('href').slice(1)).get('ev')));

describe('Timeline', { timeout: TEST_TIMEOUT_MS * 20 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('the list view holds every event in date order, disputes said', opts, () =>
    withPage(h.browser, {}, 'timeline-list', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.waitForSelector(LIST);
      const items = await page.$$eval(LIST, (li) => li.map((x) => x.textContent));
      assert.ok(items.length > 20, `${items.length} events`);
      assert.ok(items.some((t) => /piloted.*disputed: also given as 2012/.test(t)), 'the pilot year is disputed');
      // The chart draws events (some may share a cluster), and its group is labelled.
      assert.ok((await page.$$(EVENT)).length > 10);
      assert.match(await page.getAttribute('.timeline-svg', 'aria-label'), /list below/);
      s.assertClean();
    }));

  test('keyboard: arrows move through events in date order, Enter opens one, its source opens', opts, () =>
    withPage(h.browser, {}, 'timeline-keys', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.waitForSelector(EVENT);
      const ids = await listIds(page);
      await page.focus(`#tl-${ids[0]}`);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((id) => document.activeElement?.id === `tl-${id}`, ids[1]);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((id) => document.activeElement?.id === `tl-${id}`, ids[2]);
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction((id) => document.activeElement?.id === `tl-${id}`, ids[1]);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#event-title');
      assert.match(new URL(page.url()).hash, new RegExp(`ev=${ids[1]}`));
      const title = await page.textContent('#event-title');
      const listed = await page.textContent(`${LIST} a[href*="ev=${ids[1]}"]`);
      assert.equal(title, listed);
      await page.click('.event-detail .sources a >> nth=0');
      await page.waitForSelector('article.document .passage.focused');
      s.assertClean();
    }));

  test('a date range from the fields narrows results and composes with a search', opts, () =>
    withPage(h.browser, {}, 'timeline-range', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#q=review`);
      await page.waitForSelector(COUNT);
      const all = await countOf(page);
      await page.fill('.timeline-controls input[type=date] >> nth=0', '2022-01-01');
      await page.dispatchEvent('.timeline-controls input[type=date] >> nth=0', 'change');
      await page.fill('.timeline-controls input[type=date] >> nth=1', '2022-12-31');
      await page.dispatchEvent('.timeline-controls input[type=date] >> nth=1', 'change');
      await page.waitForFunction(() => /to=2022-12-31/.test(location.hash));
      const narrowed = await countOf(page);
      assert.ok(narrowed > 0 && narrowed < all, `${narrowed} of ${all}`);
      // Events outside the dates leave the list, which says how many remain; clearing
      // restores the count.
      const hidden = (await page.$$(`${LIST}[hidden]`)).length;
      assert.ok(hidden > 0);
      assert.match(await page.textContent('.event-list summary'), new RegExp(`\\((${49 - hidden}) of 49 in the chosen dates\\)`));
      await page.click('.timeline-controls button:text-is("Clear dates")');
      await page.waitForFunction((n) => document.querySelector('.result-count')?.textContent.startsWith(`${n} `), all);
      s.assertClean();
    }));

  test('dragging across the axis chooses a range; zoom changes the years shown', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 } }, 'timeline-drag', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.locator('.timeline-svg').scrollIntoViewIfNeeded();
      const strip = await page.locator('.timeline-svg .axis-strip').boundingBox();
      const y = strip.y + strip.height / 2;
      await page.mouse.move(strip.x + strip.width * 0.6, y);
      await page.mouse.down();
      await page.mouse.move(strip.x + strip.width * 0.75, y, { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction(() => /from=\d{4}-\d{2}&to=\d{4}-\d{2}/.test(location.hash));
      await page.waitForSelector('.timeline-svg .range-band');
      assert.match(await page.textContent(COUNT), /passages? states? an event in the chosen dates/);

      const years = () => page.$$eval('.timeline-svg .year text', (t) => t.map((x) => x.textContent));
      // Choosing dates zooms the chart to them; "Show all" shows every year again.
      await page.waitForFunction(() => document.querySelectorAll('.timeline-svg .year').length <= 5);
      await page.click('.timeline-controls button:text-is("Show all")');
      await page.waitForFunction(() => document.querySelectorAll('.timeline-svg .year').length >= 10);
      const before = await years();
      await page.click('.timeline-controls button:text-is("Zoom in")');
      await page.click('.timeline-controls button:text-is("Zoom in")');
      await page.waitForFunction((n) => document.querySelectorAll('.timeline-svg .year').length < n, before.length);
      // The wheel zooms out again.
      const box = await page.locator('.timeline-svg').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height - 10);
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 200);
      await page.waitForFunction((n) => document.querySelectorAll('.timeline-svg .year').length >= n, before.length - 1);
      s.assertClean();
    }));

  test('a pinch zooms; PageDown and PageUp pan; + and - zoom from the keyboard', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 } }, 'timeline-pinch-keys', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.locator('.timeline-svg').scrollIntoViewIfNeeded();
      const ticks = () => page.$$eval('.timeline-svg .year text', (t) => t.map((x) => x.textContent).join(','));
      const all = await ticks();
      // Two fingers moving apart over the chart zoom in.
      await page.evaluate(() => {
        const svg = document.querySelector('.timeline-svg');
        const r = svg.getBoundingClientRect();
        const y = r.top + r.height - 20;
        const mid = r.left + r.width / 2;
        const fire = (type, id, x) =>
          svg.dispatchEvent(new PointerEvent(type, { pointerId: id, clientX: x, clientY: y, bubbles: true }));
        fire('pointerdown', 1, mid - 20);
        fire('pointerdown', 2, mid + 20);
        for (let k = 1; k <= 10; k++) fire('pointermove', 2, mid + 20 + k * 25);
        fire('pointerup', 1, mid - 20);
        fire('pointerup', 2, mid + 270);
      });
      await page.waitForFunction((before) => {
        const now = [...document.querySelectorAll('.timeline-svg .year text')].map((x) => x.textContent).join(',');
        return now !== before && now.split(',').length < before.split(',').length;
      }, all);
      // Keys on a focused event: PageDown pans later in time, PageUp back, - zooms out.
      const zoomed = await ticks();
      await page.focus('.timeline-svg g.ev');
      await page.keyboard.press('PageDown');
      await page.waitForFunction((before) => [...document.querySelectorAll('.timeline-svg .year text')].map((x) => x.textContent).join(',') !== before, zoomed);
      await page.keyboard.press('PageUp');
      // Each - zooms out by a quarter: more years come into view, with focus kept on an
      // event so the keys go on working.
      const before = (await ticks()).split(',').length;
      for (let i = 0; i < 8; i++) await page.keyboard.press('-');
      await page.waitForFunction((n) => document.querySelectorAll('.timeline-svg .year').length >= n + 3, before);
      assert.ok(await page.evaluate(() => document.activeElement?.matches('.timeline-svg g.ev')));
      s.assertClean();
    }));

  test('bad dates and events in links open the page with a notice', opts, () =>
    withPage(h.browser, {}, 'timeline-bad-links', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#from=someday&to=2021`);
      await page.waitForSelector('.notice');
      assert.match(await page.textContent('.notice'), /Date not understood/);
      await page.goto(`${h.url}#from=2023&to=2013`);
      await page.waitForSelector('.notice');
      assert.match(await page.textContent('.notice'), /turned round/);
      await page.goto(`${h.url}#ev=no-such-event`);
      await page.waitForSelector('.notice');
      assert.match(await page.textContent('.notice'), /Event not found/);
      s.assertNoPageErrors();
    }));

  test('narrow screens get the vertical chart; reduced motion has no transitions', opts, () =>
    withPage(h.browser, { viewport: { width: 360, height: 740 }, reducedMotion: 'reduce' }, 'timeline-narrow', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.waitForSelector('.timeline-chart.vertical');
      const transition = await page.$eval(`${EVENT} rect`, (r) => getComputedStyle(r).transitionDuration);
      assert.equal(transition, '0s');
      const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: innerWidth }));
      assert.ok(sw <= iw, 'scrolls horizontally at 360px');
      s.assertClean();
    }));

  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no violations with the timeline and an open event (${colorScheme})`, opts, () =>
      withPage(h.browser, { colorScheme, bypassCSP: true }, `timeline-axe-${colorScheme}`, async (s) => {
        const { page } = s;
        await page.goto(`${h.url}#a=paul-jennings&from=2021&to=2021&ev=pilot-isle-of-wight`);
        await page.waitForSelector('#event-title');
        await settle(page);
        const results = await runAxe(page);
        assert.equal(results.violations.length, 0, formatAxeViolations(results.violations));
      }));
  }

  for (const width of [1280, 360]) {
    test(`screenshot of the timeline at ${width}px`, opts, () =>
      withPage(h.browser, { viewport: { width, height: 900 } }, `timeline-shot-${width}`, async (s) => {
        const { page } = s;
        await page.goto(`${h.url}#a=paul-jennings&from=2021-04&to=2021-06&ev=pilot-isle-of-wight`);
        await page.waitForSelector('#event-title');
        await settle(page);
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = join(SCREENSHOT_DIR, `timeline-${width}.png`);
        await page.locator('section.timeline').screenshot({ path: file });
        assertScreenshot(file);
      }));
  }
});
