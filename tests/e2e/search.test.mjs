// End-to-end tests of search in the release build: typing into the real page, results,
// highlights, keyboard use, the opened passage, bad input, accessibility and screenshots.

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
  resultsWhole,
  runAxe,
  settle,
  startHarness,
  withPage,
} from './helpers.mjs';

const INPUT = '#search-input';
const RESULT = 'ol.results > li.result';
const COUNT = '.result-count[role=status]';

/** Types like a person (key by key) after focusing the box with "/". */
async function search(page, text) {
  await page.keyboard.press('/');
  await page.waitForFunction((sel) => document.activeElement?.matches(sel), INPUT);
  await page.keyboard.type(text, { delay: 15 });
}

describe('Search', { timeout: TEST_TIMEOUT_MS * 20 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('a misspelt word finds its passages, ranked and highlighted, as you type', opts, () =>
    withPage(h.browser, {}, 'search-typo', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      const historyBefore = await page.evaluate(() => history.length);
      await search(page, 'Jenings');
      await page.waitForSelector(RESULT);
      await resultsWhole(page);
      assert.match(await page.textContent(COUNT), /^\d+ passages? match\.$/);
      const rows = await page.$$eval(`${RESULT}`, (items) =>
        items.map((li) => ({
          marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
          titled: li.querySelector('.result-title') !== null,
        })),
      );
      assert.ok(rows.length > 0);
      for (const r of rows) assert.ok(r.marks.some((t) => /^jennings$/i.test(t)), JSON.stringify(r.marks));
      // The list is labelled for screen readers; every result names its document.
      assert.equal(await page.getAttribute('ol.results', 'aria-label'), 'Search results');
      assert.ok(rows.every((r) => r.titled));
      // The search is in the URL once typing pauses, but typing added no history entries.
      await page.waitForFunction(() => location.hash === '#q=Jenings');
      assert.equal(await page.evaluate(() => history.length), historyBefore);
      s.assertClean();
    }));

  test('every matched word is highlighted, phrases as a whole', opts, () =>
    withPage(h.browser, {}, 'search-highlights', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await search(page, 'Hampshire police');
      await page.waitForSelector(RESULT);
      // Neighbouring matches share one mark ("Hampshire police"); every word is inside one.
      const first = await page.$$eval(`${RESULT}:first-child mark`, (m) => m.map((x) => x.textContent.toLowerCase()));
      const words = first.join(' ').split(/\s+/);
      assert.ok(words.includes('hampshire') && words.includes('police'), JSON.stringify(first));

      await page.fill(INPUT, '');
      await search(page, '"high intensity users"');
      await page.waitForSelector(RESULT);
      await resultsWhole(page);
      const phrases = await page.$$eval(RESULT, (items) =>
        items.map((li) => [...li.querySelectorAll('mark')].map((m) => m.textContent.toLowerCase())),
      );
      for (const m of phrases) assert.ok(m.includes('high intensity users'), JSON.stringify(m));
      s.assertClean();
    }));

  test('keyboard: arrows move through results, Enter opens the passage, marked; Back returns', opts, () =>
    withPage(h.browser, {}, 'search-keyboard', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await search(page, 'Wesex');
      await page.waitForSelector(RESULT);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      const focusedHref = await page.evaluate(() => document.activeElement.getAttribute('href'));
      const firstHref = await page.getAttribute(`${RESULT}:first-child a.result-link`, 'href');
      assert.equal(focusedHref, firstHref);
      const key = new URLSearchParams(firstHref.slice(1)).get('p');
      await page.keyboard.press('Enter');
      await page.waitForSelector(`#p-${key}.focused`);
      // The opened passage shows the search's matches and has keyboard focus.
      const marked = await page.$$eval(`#p-${key} mark`, (m) => m.map((x) => x.textContent.toLowerCase()));
      assert.ok(marked.includes('wessex'), JSON.stringify(marked));
      assert.equal(await page.evaluate(() => document.activeElement.id), `p-${key}`);
      assert.ok(await page.isVisible('a.results-link'));
      await page.goBack();
      await page.waitForSelector(RESULT);
      assert.equal(await page.inputValue(INPUT), 'Wesex');
      s.assertClean();
    }));

  test('Enter in the box opens the first result; Escape clears the search', opts, () =>
    withPage(h.browser, {}, 'search-enter-escape', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await search(page, 'Kendall');
      await page.waitForSelector(RESULT);
      await page.keyboard.press('Enter');
      await page.waitForSelector('article.document .passage.focused');
      await page.focus(INPUT);
      await page.keyboard.press('Escape');
      await page.waitForSelector('ol.doc-list');
      assert.equal(await page.inputValue(INPUT), '');
      s.assertClean();
    }));

  test('no results: says so and offers the closest words, which search when chosen', opts, () =>
    withPage(h.browser, {}, 'search-none', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await search(page, 'Pxulx');
      await page.waitForSelector('button.suggestion');
      assert.equal(await page.textContent(COUNT), 'No passages match.');
      await page.click('button.suggestion:text-is("paul")');
      await page.waitForSelector(RESULT);
      assert.equal(await page.inputValue(INPUT), 'paul');
      s.assertClean();
    }));

  test('markup, scripts and huge input are text, never code; long input is cut with a notice', opts, () =>
    withPage(h.browser, {}, 'search-bad-input', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await search(page, '<img src=x onerror="window.__pwned=1"> police');
      await page.waitForSelector(RESULT);
      assert.equal(await page.$$eval('main img', (i) => i.length), 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      await page.fill(INPUT, `${'Jennings '.repeat(12_000)}`);
      await page.waitForSelector('text=Your search was cut to its first 200 characters.');
      await page.fill(INPUT, '\u202e\u0000 🙂 .*+?^${}()|[]\\ “');
      await page.waitForSelector(COUNT);
      s.assertClean();
    }));

  test('a shared search link opens the results', opts, () =>
    withPage(h.browser, {}, 'search-link', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#q=${encodeURIComponent('psychiatirsts')}`);
      await page.waitForSelector(RESULT);
      assert.equal(await page.inputValue(INPUT), 'psychiatirsts');
      const text = await page.textContent(`${RESULT}:first-child`);
      assert.match(text, /Psychiatrists/);
      s.assertClean();
    }));

  test('a name in another form, a word family and a number written otherwise are found (issue 24)', opts, () =>
    withPage(h.browser, {}, 'search-meaning', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#q=${encodeURIComponent('Hampshire police warned')}`);
      await page.waitForSelector(RESULT);
      const top = await page.$$eval(RESULT, (li) => li.slice(0, 5).map((x) => x.textContent));
      const force = top.find((t) => t.includes('The force has now confirmed'));
      assert.ok(force, JSON.stringify(top));
      assert.match(force, /Found by name: names Hampshire Constabulary in another form/);
      for (const [q, want] of [['apologised', /omitting an apology/], ['63k members', /Over 63,000 members/]]) {
        await page.goto(`${h.url}#q=${encodeURIComponent(q)}`);
        await page.waitForFunction((w) => [...document.querySelectorAll('ol.results > li.result')].slice(0, 5).some((li) => new RegExp(w).test(li.textContent)), want.source);
      }
      s.assertClean();
    }));

  test('a result can be cited and collected from the results, by keyboard, without moving the list', opts, () =>
    withPage(h.browser, {}, 'search-tools', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#q=Jenings`);
      await page.waitForSelector(RESULT);
      await settle(page);
      const first = `${RESULT}:first-child`;
      const second = `${RESULT}:nth-child(2)`;
      // Where the second result stands in the page (the browser may scroll to show the
      // focused button: that moves the view, not the list).
      const at = () => page.$eval(second, (li) => li.getBoundingClientRect().top + scrollY);
      const before = await at();
      // Tab from the result's link (past its actors' links) reaches its tools; nothing
      // appeared on focus.
      await page.focus(`${first} .result-link`);
      for (let i = 0; i < 8 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Cite'; i++) {
        await page.keyboard.press('Tab');
      }
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cite');
      assert.ok(await page.evaluate((sel) => document.querySelector(sel).contains(document.activeElement), first));
      assert.equal(await at(), before);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${first} .cite-tools`);
      assert.equal(await page.getAttribute(`${first} .result-tools button:first-child`, 'aria-expanded'), 'true');
      await page.keyboard.press('Tab');
      assert.match(await page.evaluate(() => document.activeElement?.textContent), /collection/i);
      await page.keyboard.press('Enter');
      await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'true', `${first} .add-button`);
      assert.match(await page.textContent(`${first} .add-status`), /Added/);
      const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => localStorage.getItem(k)).join('\n'));
      assert.ok(stored.trim().length > 0, 'the collection is stored');
      s.assertClean();
    }));

  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no violations in the search results (${colorScheme})`, opts, () =>
      withPage(h.browser, { colorScheme, bypassCSP: true }, `search-axe-${colorScheme}`, async (s) => {
        const { page } = s;
        await page.goto(`${h.url}#q=Hampshire%20police`);
        await page.waitForSelector(RESULT);
        await settle(page);
        let results = await runAxe(page);
        assert.equal(results.violations.length, 0, formatAxeViolations(results.violations));
        await page.goto(`${h.url}#q=Pxulx`);
        await page.waitForSelector('button.suggestion');
        results = await runAxe(page);
        assert.equal(results.violations.length, 0, formatAxeViolations(results.violations));
      }));
  }

  for (const width of [1280, 360]) {
    test(`screenshot of results at ${width}px`, opts, () =>
      withPage(h.browser, { viewport: { width, height: 800 } }, `search-shot-${width}`, async (s) => {
        const { page } = s;
        await page.goto(`${h.url}#q=Jenings%20police`);
        await page.waitForSelector(RESULT);
        await settle(page);
        // The first result's citations open, as a person would have them.
        await page.click(`${RESULT}:first-child .result-tools button:first-child`);
        await page.waitForSelector(`${RESULT}:first-child .cite-tools`);
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = join(SCREENSHOT_DIR, `search-${width}.png`);
        await page.screenshot({ path: file });
        assertScreenshot(file, { width });
        const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: innerWidth }));
        assert.ok(sw <= iw, `scrolls horizontally at ${width}px`);
      }));
  }
});
