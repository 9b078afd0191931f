// End-to-end tests of the labelled timeline in the release build: labels that never
// overlap (bounding boxes, at 1280 and 360 px), the share of events labelled at the whole
// span, the card on focus and hover, a year click zooming, the open event under the chart,
// publications and uncertain dates drawn apart, what a date range means, touch wording,
// axe with the card open (light and dark), and screenshots.

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
  waitForScrollToSettle,
  withPage,
} from './helpers.mjs';

const EVENT = '.timeline-svg g.ev';
const EVENTS_IN_RECORD = 49;

/** Every drawn label's box and text, and every bar's box with its mark's index. */
const boxes = (page) =>
  page.evaluate(() => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { l: r.left, t: r.top, r: r.right, b: r.bottom };
    };
    const labels = [...document.querySelectorAll('.timeline-svg text.label')].map((t, k) => ({
      ...box(t),
      text: t.textContent,
      mark: t.closest('g.ev, g.cluster'),
      k,
    }));
    const marks = [...document.querySelectorAll('.timeline-svg g.ev, .timeline-svg g.cluster')];
    const bars = [...document.querySelectorAll('.timeline-svg .bar')].map((b) => ({ ...box(b), mark: marks.indexOf(b.closest('g')) }));
    return {
      labels: labels.map((l) => ({ ...l, mark: marks.indexOf(l.mark) })),
      bars,
      titles: marks.map((m) => m.getAttribute('aria-label') || ''),
    };
  });

const overlaps = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;

/** Pairs of labels, or of a label and another mark's bar, whose boxes overlap. */
function collisions({ labels, bars }) {
  const found = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (overlaps(labels[i], labels[j])) found.push(`${labels[i].text} | ${labels[j].text}`);
    }
    for (const bar of bars) {
      if (bar.mark !== labels[i].mark && overlaps(labels[i], bar)) found.push(`${labels[i].text} | bar of mark ${bar.mark}`);
    }
  }
  return found;
}

describe('Labelled timeline', { timeout: TEST_TIMEOUT_MS * 20 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('at 1280 px the chart is wider than the reading column, nine in ten events are labelled, and no labels overlap', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 } }, 'labels-1280', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.waitForSelector(`${EVENT} text.label`);
      await settle(page);
      const chart = await page.locator('.timeline-chart').boundingBox();
      const column = await page.locator('ol.doc-list').boundingBox();
      assert.ok(chart.width > column.width + 300, `chart ${chart.width} px, column ${column.width} px`);
      assert.ok(chart.width >= 1180, `chart ${chart.width} px`);
      const b = await boxes(page);
      assert.deepEqual(collisions(b), []);
      // Readable: the whole title, or at least ten characters of it before the ellipsis.
      const labelled = new Set(
        b.labels
          .filter((l) => b.titles[l.mark] && (l.text.replace('…', '').length >= 10 || !l.text.endsWith('…')))
          .map((l) => l.mark),
      );
      assert.ok(labelled.size >= Math.ceil(EVENTS_IN_RECORD * 0.9), `${labelled.size} of ${EVENTS_IN_RECORD} labelled`);
      // Each label is the start of its mark's name, whole words (a cut one with an
      // ellipsis): what a screen reader or voice control hears matches what is shown.
      for (const l of b.labels.filter((x) => b.titles[x.mark])) {
        const shown = l.text.replace(/…$/, '');
        const name = b.titles[l.mark];
        assert.ok(name.startsWith(shown), `${l.text} / ${name}`);
        if (l.text.endsWith('…')) assert.match(name.slice(shown.length), /^[ ,:;]/, `${l.text} cut inside a word`);
      }
      // A sensible height: the chart fits on the screen.
      assert.ok(chart.height < 700, `chart ${chart.height} px high`);
      s.assertClean();
    }));

  test('zooming in reveals every label, and none overlap at any step', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 } }, 'labels-zoom', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.waitForSelector(`${EVENT} text.label`);
      for (let i = 0; i < 4; i++) {
        await page.click('.timeline-controls button:text-is("Zoom in")');
        await settle(page);
        assert.deepEqual(collisions(await boxes(page)), [], `after zooming in ${i + 1} times`);
      }
      // In a crowded year, every event drawn alone has a label.
      await page.click('.timeline-controls button:text-is("Show all")');
      await page.click('.timeline-svg g.year[data-year="2021"] text');
      await settle(page);
      const b = await boxes(page);
      assert.deepEqual(collisions(b), []);
      const alone = await page.$$eval(EVENT, (e) => e.length);
      const withLabel = await page.$$eval(`${EVENT}:has(text.label)`, (e) => e.length);
      assert.equal(withLabel, alone);
      s.assertClean();
    }));

  test('a year clicked on the axis zooms to that year', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 } }, 'labels-year', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.waitForSelector(`${EVENT} text.label`);
      const years = () => page.$$eval('.timeline-svg g.year', (g) => g.map((x) => x.dataset.year));
      assert.ok((await years()).length >= 11);
      await page.click('.timeline-svg g.year[data-year="2018"] text');
      await page.waitForFunction(() => document.querySelectorAll('.timeline-svg g.year').length <= 2);
      assert.ok((await years()).includes('2018'));
      // Zoomed to a year, the axis names its months.
      const months = await page.$$eval('.timeline-svg .tick.month text', (t) => t.map((x) => x.textContent));
      assert.ok(months.length >= 4 && months.every((m) => /^[A-Z][a-z]{2} 201[78]$/.test(m)), months.join(', '));
      // The events drawn are 2018's (and spans reaching into it), not 2021's.
      const drawn = await page.$$eval(EVENT, (e) => e.map((x) => x.getAttribute('aria-label')));
      assert.ok(drawn.some((t) => /2018/.test(t)));
      assert.ok(!drawn.some((t) => /, (\d+ )?\w+ 2021$/.test(t)), drawn.join('\n'));
      // Still no hash change: zooming is not a filter.
      assert.equal(await page.evaluate(() => location.hash), '');
      s.assertClean();
    }));

  test('a card on focus and hover gives the date in words, title, disagreement, sources and actors; Enter opens the event under the chart', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 } }, 'labels-card', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.waitForSelector(`${EVENT} text.label`);
      // The disputed pilot: the card names the disagreement.
      await page.focus('#tl-pilot-isle-of-wight');
      await page.waitForSelector('#tl-card');
      const card = await page.textContent('#tl-card');
      assert.match(card, /^2013 \(known to the year\)/);
      assert.match(card, /SIM first piloted on the Isle of Wight/);
      assert.match(card, /Sources disagree: In which year was SIM first piloted/);
      assert.match(card, /Stated in \d+ passages?/);
      assert.equal(await page.getAttribute('#tl-pilot-isle-of-wight', 'aria-describedby'), 'tl-card');
      // The card sits under its mark, inside the chart.
      // (Both measured at once: the page below is still settling as the list renders.)
      const [mark, box] = await page.evaluate(() =>
        ['#tl-pilot-isle-of-wight', '#tl-card'].map((sel) => {
          const r = document.querySelector(sel).getBoundingClientRect();
          return { y: r.top, height: r.height, x: r.left };
        }),
      );
      assert.ok(box.y >= mark.y + mark.height - 1 && box.y < mark.y + mark.height + 30, `card at ${box.y}, mark from ${mark.y} to ${mark.y + mark.height}`);
      assert.ok(Math.abs(box.x - mark.x) < 40, `card at x ${box.x}, mark at ${mark.x}`);
      // Hover another: the card follows the pointer.
      await page.hover('#tl-published-2021-06-17-dodgy-data-warnings');
      await page.waitForFunction(() => /17 June 2021/.test(document.querySelector('#tl-card')?.textContent ?? ''));
      assert.match(await page.textContent('#tl-card'), /publication/);
      assert.match(await page.textContent('#tl-card'), /Disability News Service/);
      await page.mouse.move(5, 5);
      await page.waitForSelector('#tl-card', { state: 'detached' });
      // Enter opens the event; it shows directly under the chart, both on screen.
      await page.focus('#tl-pilot-isle-of-wight');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#event-title');
      await waitForScrollToSettle(page);
      const chart = await page.locator('.timeline-chart').boundingBox();
      const title = await page.locator('#event-title').boundingBox();
      assert.ok(title.y - (chart.y + chart.height) < 60, `the event is ${title.y - (chart.y + chart.height)} px below the chart`);
      assert.ok(chart.y + chart.height > 0 && title.y + title.height <= 900, `chart at ${chart.y}, title at ${title.y}`);
      assert.ok(await page.evaluate(() => document.activeElement?.id === 'event-title'));
      s.assertClean();
    }));

  test('clicking a mark opens its event without leaving the chart', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 800 } }, 'labels-click', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.waitForSelector(`${EVENT} text.label`);
      await page.locator('.timeline-chart').scrollIntoViewIfNeeded();
      await page.click('#tl-wessex-ahsn-statement-june-2021');
      await page.waitForSelector('#event-title');
      await waitForScrollToSettle(page);
      assert.match(await page.textContent('#event-title'), /Wessex AHSN issues a statement/);
      const chart = await page.locator('.timeline-chart').boundingBox();
      assert.ok(chart.y + chart.height > 100, `chart bottom at ${chart.y + chart.height}`);
      assert.ok(await page.locator('#tl-wessex-ahsn-statement-june-2021.open').count(), 'the open event is marked on the chart');
      s.assertClean();
    }));

  test('publications and uncertain dates are drawn apart, with a legend', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 } }, 'labels-kinds', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.waitForSelector(`${EVENT} text.label`);
      assert.equal(await page.locator(`${EVENT}.pub`).count(), 5);
      // One publication line per document (in pieces: it stops short of the labels it crosses).
      const rules = await page.$$eval('.timeline-svg line.pub-rule', (ls) => new Set(ls.map((l) => l.getAttribute('x1'))).size);
      assert.equal(rules, 5);
      // A year-only date is hatched (within a period, not lasting it); "by" and "or
      // later" fade towards their open end; a known day is a dot.
      const fill = (sel) => page.$eval(`${sel} .bar`, (b) => getComputedStyle(b).fill);
      assert.match(await fill('#tl-pilot-isle-of-wight'), /url\("?#tl-hatch"?\)/);
      assert.match(await fill('#tl-stopsim-coalition-launched'), /url\("?#tl-fade-start"?\)/);
      assert.match(await fill(`${EVENT}.or-later`), /url\("?#tl-fade-end"?\)/);
      assert.equal(await page.$eval(`${EVENT}.day .bar`, (b) => b.tagName), 'circle');
      const legend = await page.textContent('.timeline-legend');
      for (const words of ['A known day', 'Sometime within this period', 'Open end', 'published', 'other dates', 'Several events']) {
        assert.ok(legend.includes(words), words);
      }
      s.assertClean();
    }));

  test('a range says what it means; the reader chooses stated events or publication', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 } }, 'labels-range-rule', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#from=2013&to=2013`);
      await page.waitForSelector('.result-count');
      assert.match(await page.textContent('.result-count'), /passages? states? an event in the chosen dates/);
      assert.match(await page.textContent('.active-view'), /Dates: 2013 to 2013, passages stating an event then/);
      const stated = Number((await page.textContent('.result-count')).match(/\d+/)[0]);
      assert.ok(stated > 0);
      await page.check('.range-rule input[type=radio] >> nth=1');
      await page.waitForFunction(() => location.hash.includes('by=published'));
      await page.waitForFunction(() => /No passages|^0 /.test(document.querySelector('.result-count')?.textContent ?? ''));
      assert.match(await page.textContent('.active-view'), /documents published then/);
      // 2021 by publication: every passage of the two 2021 reports.
      await page.goto(`${h.url}#from=2021&to=2021&by=published`);
      await page.waitForFunction(() => /^82 passages come from documents published/.test(document.querySelector('.result-count')?.textContent ?? ''));
      // The list of events narrows to the dates, with its count.
      assert.match(await page.textContent('.event-list summary'), /\(\d+ of 49 in the chosen dates\)/);
      s.assertClean();
    }));

  test('on a phone: touch wording, labels beside the marks, none overlapping, and a chart of a screen or so', opts, () =>
    withPage(h.browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }, 'labels-phone', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.waitForSelector('.timeline-chart.vertical text.label');
      await settle(page);
      assert.ok(await page.isVisible('.hint-touch'));
      assert.ok(!(await page.isVisible('.hint-pointer')));
      const hint = await page.textContent('.hint-touch');
      assert.doesNotMatch(hint, /wheel|arrow keys/i);
      const chart = await page.locator('.timeline-chart').boundingBox();
      assert.ok(chart.height <= 800, `chart ${chart.height} px long`);
      const b = await boxes(page);
      assert.ok(b.labels.length >= 8, `${b.labels.length} labels`);
      assert.deepEqual(collisions(b), []);
      // A cluster says how many events it holds and what the first is.
      const cluster = await page.$$eval('.timeline-svg g.cluster text.label', (t) => t.map((x) => x.textContent));
      for (const c of cluster) assert.match(c, /^\d+ events: \S/);
      const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: innerWidth }));
      assert.ok(sw <= iw, 'scrolls horizontally at 360px');
      s.assertClean();
    }));

  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no violations with the card shown on a focused event (${colorScheme})`, opts, () =>
      withPage(h.browser, { colorScheme, bypassCSP: true, viewport: { width: 1280, height: 900 } }, `labels-axe-${colorScheme}`, async (s) => {
        const { page } = s;
        await page.goto(`${h.url}#from=2021&to=2021`);
        await page.waitForSelector(`${EVENT} text.label`);
        await page.focus(`${EVENT} >> nth=3`);
        await page.waitForSelector('#tl-card');
        await settle(page);
        const results = await runAxe(page);
        assert.equal(results.violations.length, 0, formatAxeViolations(results.violations));
      }));
  }

  for (const [width, dark] of [[1280, false], [360, false], [1280, true]]) {
    test(`screenshot of the labelled chart at ${width}px${dark ? ', dark' : ''}`, opts, () =>
      withPage(h.browser, { viewport: { width, height: 900 }, colorScheme: dark ? 'dark' : 'light' }, `labels-shot-${width}`, async (s) => {
        const { page } = s;
        await gotoList(page, h.url);
        await page.waitForSelector(`${EVENT} text.label`);
        // The card over one event where the chart draws it (a phone's chart is another
        // layout, without it): waiting for a mark that is not there cost 30 s a run.
        const mark = page.locator('#tl-police-warn-wessex-ahsn-and-iow-trust');
        if (width > 360) await mark.hover();
        await settle(page);
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = join(SCREENSHOT_DIR, `labels-${width}${dark ? '-dark' : ''}.png`);
        await page.locator('.timeline-wide').screenshot({ path: file });
        assertScreenshot(file);
      }));
  }
});
