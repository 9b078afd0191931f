// End-to-end tests of what a keystroke redraws in the release build: a hit that stays in the
// results keeps its element, and its snippet's nodes when its snippet did not change; the
// search's chip and the count change their text in place; the event list is not rebuilt and
// the chart keeps its marks (only which stand out changes); a letter that replaces the rows
// draws a screenful before its frame and the rest after it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { TEST_TIMEOUT_MS, startHarness, waitForScrollToSettle, withPage } from './helpers.mjs';

const INPUT = '#search-input';

/** Waits until the results panel states `text` as its search (its chip), which is drawn in
 * the same task as the count and the list. */
async function shown(page, text) {
  await page.waitForFunction(
    (t) => [...document.querySelectorAll('.results-section .chip')].some((c) => c.textContent.includes(`Search: “${t}”`)),
    text,
  );
}

/** Tags the page's elements with JS properties a rebuilt element would not carry. */
function tag() {
  window.__before = [...document.querySelectorAll('ol.results a.result-link')].map((a) => a.getAttribute('href'));
  for (const li of document.querySelectorAll('ol.results > li.result')) {
    const a = li.querySelector('a.result-link');
    li.__hit = a.getAttribute('href');
    a.__snippet = a.innerHTML;
    a.__first = a.firstChild;
  }
  const chip = [...document.querySelectorAll('.results-section .chip')].find((c) => c.textContent.includes('Search:'));
  chip.__chip = true;
  document.querySelector('.result-count').firstChild.__count = true;
  for (const li of document.querySelectorAll('.event-list li')) li.__event = true;
}

/** What survived: hits kept (same element, same href), those rebuilt, snippets kept. */
function survivors() {
  const rows = [...document.querySelectorAll('ol.results > li.result')];
  const out = { kept: 0, rebuilt: 0, stale: 0, snippetsKept: 0, snippetsRedrawn: 0, wrongHits: 0 };
  const tagged = new Set(rows.filter((li) => li.__hit).map((li) => li.__hit));
  for (const li of rows) {
    const a = li.querySelector('a.result-link');
    const href = a.getAttribute('href');
    if (li.__hit === undefined) {
      // A new element for a hit the last letter showed: rebuilt instead of kept.
      if (window.__before.includes(href) && !tagged.has(href)) out.rebuilt += 1;
      continue;
    }
    out.kept += 1;
    if (li.__hit !== href) out.wrongHits += 1;
    if (a.innerHTML === a.__snippet) {
      if (a.firstChild === a.__first) out.snippetsKept += 1;
      else out.stale += 1;
    } else {
      out.snippetsRedrawn += 1;
    }
  }
  const chip = [...document.querySelectorAll('.results-section .chip')].find((c) => c.textContent.includes('Search:'));
  out.chipKept = chip?.__chip === true;
  out.countKept = document.querySelector('.result-count').firstChild.__count === true;
  out.eventsKept = [...document.querySelectorAll('.event-list li')].every((li) => li.__event === true);
  return out;
}

describe('Typing redraws only what changed', { timeout: TEST_TIMEOUT_MS * 4 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('a hit that stays keeps its element, and its snippet when that did not change', opts, () =>
    withPage(h.browser, {}, 'typing-keyed', async (s) => {
      const { page } = s;
      // An actor and dates chosen, as in the keystroke benchmark: the timeline's list is on
      // the page beside the results.
      await page.goto(`${h.url}#a=nhs-england&from=2018-01-01&to=2021-12-31`, { waitUntil: 'load' });
      // The app in the static record's place, with its timeline's list.
      await page.waitForFunction(() => !document.getElementById('record'));
      await page.waitForSelector('.event-list li', { state: 'attached' });
      await page.click(INPUT);
      // Letter by letter, as a person types: each letter's results against the last one's.
      const typed = 'wessex ahsn';
      const total = { kept: 0, rebuilt: 0, stale: 0, snippetsKept: 0, snippetsRedrawn: 0, wrongHits: 0 };
      await page.keyboard.type(typed[0]);
      await shown(page, typed[0]);
      await page.evaluate(tag);
      for (let i = 1; i < typed.length; i++) {
        await page.keyboard.type(typed[i]);
        const now = typed.slice(0, i + 1).trim();
        // A space leaves the search as it was: nothing to compare.
        if (now === typed.slice(0, i).trim()) continue;
        await shown(page, now);
        const got = await page.evaluate(survivors);
        for (const k of Object.keys(total)) total[k] += got[k];
        assert.ok(got.chipKept, `the search chip was drawn anew at “${now}”`);
        assert.ok(got.countKept, `the count was drawn anew at “${now}”`);
        assert.ok(got.eventsKept, `the event list was drawn anew at “${now}”`);
        await page.evaluate(tag);
      }
      const got = JSON.stringify(total);
      assert.equal(total.rebuilt, 0, `a hit of two letters in a row was drawn anew: ${got}`);
      assert.equal(total.wrongHits, 0, got);
      assert.equal(total.stale, 0, `a snippet that did not change was drawn anew: ${got}`);
      // Both happened: snippets that changed were redrawn in their kept row, others kept.
      assert.ok(total.snippetsRedrawn >= 1 && total.snippetsKept >= 1, got);
      // The same hits in another letter's order are still the right passages, each once.
      const hrefs = await page.$$eval('ol.results a.result-link', (a) => a.map((x) => x.getAttribute('href')));
      assert.equal(new Set(hrefs).size, hrefs.length);
      s.assertClean();
    }));

  test('a letter that replaces the rows draws a screenful first and the rest after the results paint', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 800 } }, 'typing-screenful', async (s) => {
      const { page } = s;
      // From the list of documents: the first letter opens the results with every row new.
      await page.goto(h.url, { waitUntil: 'load' });
      await page.waitForFunction(() => !document.getElementById('record'));
      await page.click(INPUT);
      // The rows in the list after each task that changed them, and whether a frame was
      // painted before that task (a rAF callback ran since the last change).
      await page.evaluate(() => {
        window.__batches = [];
        let framed = false;
        // And what each frame shows: its rows and whether the list says it is busy.
        window.__frames = [];
        const frames = () => requestAnimationFrame(() => {
          framed = true;
          const list = document.querySelector('ol.results');
          const seen = { rows: list?.children.length ?? 0, busy: list?.getAttribute('aria-busy') === 'true' };
          const prev = window.__frames.at(-1);
          if (!prev || prev.rows !== seen.rows || prev.busy !== seen.busy) window.__frames.push(seen);
          frames();
        });
        frames();
        let last = 0;
        new MutationObserver(() => {
          const rows = document.querySelectorAll('ol.results > li.result').length;
          if (rows === last) return;
          last = rows;
          window.__batches.push({ rows, afterFrame: framed });
          framed = false;
        }).observe(document.body, { childList: true, subtree: true });
      });
      await page.keyboard.type('w');
      await shown(page, 'w');
      // Every row, once the rest has come.
      const total = Number((await page.textContent('.result-count')).match(/\d+/)[0]);
      const all = Math.min(total, 20);
      await page.waitForFunction((n) => document.querySelectorAll('ol.results > li.result').length === n, all, { timeout: 5000 })
        .catch(async (e) => { throw new Error(`${all} rows never came: ${JSON.stringify(await page.evaluate(() => window.__batches))}; ${e.message}`); });
      const batches = await page.evaluate(() => window.__batches);
      // A screen 800 px tall holds at most ceil(800 / 130) + 1 = 8 rows (search.rs).
      assert.ok(all > 8, `the search must bring more rows than a screenful to tell: ${all}`);
      assert.ok(batches.length >= 2, JSON.stringify(batches));
      assert.ok(batches[0].rows <= 8, `the first drawing holds a screenful: ${JSON.stringify(batches)}`);
      assert.ok(batches.at(-1).afterFrame, `the rest comes after a painted frame: ${JSON.stringify(batches)}`);
      // Every frame showing part of the list says it is busy; the whole list does not.
      const painted = (await page.evaluate(() => window.__frames)).filter((f) => f.rows > 0);
      assert.ok(painted.some((f) => f.rows < all), `a frame showed a screenful: ${JSON.stringify(painted)}`);
      for (const f of painted) assert.equal(f.busy, f.rows < all, JSON.stringify(painted));
      assert.equal(await page.getAttribute('ol.results', 'aria-busy'), null);
      // In rank order, each once, the same as a fresh page for this search shows.
      const hrefs = await page.$$eval('ol.results a.result-link', (a) => a.map((x) => x.getAttribute('href')));
      assert.equal(new Set(hrefs).size, hrefs.length);
      const fresh = await page.context().newPage();
      await fresh.goto(`${h.url}#q=w`);
      await fresh.waitForFunction((n) => document.querySelectorAll('ol.results > li.result').length === n, all);
      assert.deepEqual(await fresh.$$eval('ol.results a.result-link', (a) => a.map((x) => x.getAttribute('href'))), hrefs);
      await fresh.close();
      s.assertClean();
    }));

  test('a first letter over a list on screen draws the rows from where the list stands to the screen\'s bottom', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 800 } }, 'typing-from-the-list', async (s) => {
      const { page } = s;
      // A search that finds nothing leaves the list on the page, empty, under the words it
      // offers instead; a new search typed over it builds every row it shows.
      await page.goto(`${h.url}#a=nhs-england&q=qqqq`, { waitUntil: 'load' });
      await page.waitForFunction(() => !document.getElementById('record'));
      await page.waitForSelector('ol.results', { state: 'attached' });
      const top = await page.evaluate(() => document.querySelector('ol.results').getBoundingClientRect().top);
      assert.ok(top > 300 && top < 700, `the list starts down the screen: ${top}`);
      await page.evaluate(() => {
        // Rows a hit keeps are not built again (`rows_first`): only the new ones count.
        for (const li of document.querySelectorAll('ol.results > li.result')) li.__kept = true;
        window.__built = [];
        window.__short = [];
        let last = null;
        new MutationObserver(() => {
          const rows = [...document.querySelectorAll('ol.results > li.result')];
          if (!rows.length || rows.length === last) return;
          last = rows.length;
          window.__built.push(rows.filter((li) => !li.__kept).length);
          // What the frame after this change shows: never a gap under the last row.
          requestAnimationFrame(() => {
            const now = [...document.querySelectorAll('ol.results > li.result')];
            const busy = document.querySelector('ol.results')?.getAttribute('aria-busy') === 'true';
            const bottom = now.at(-1)?.getBoundingClientRect().bottom ?? 0;
            if (busy && bottom < innerHeight) window.__short.push({ rows: now.length, bottom });
          });
        }).observe(document.body, { childList: true, subtree: true });
      });
      await page.click(INPUT);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('w');
      await shown(page, 'w');
      await page.waitForFunction(() => document.querySelector('ol.results')?.getAttribute('aria-busy') === null);
      const built = await page.evaluate(() => window.__built);
      const most = Math.ceil((800 - top) / 130) + 1;
      assert.ok(built[0] <= most, `the first drawing builds what reaches the screen from the list's top (${most}): ${built}`);
      assert.ok(built.at(-1) > built[0], `the rest came after: ${built}`);
      assert.deepEqual(await page.evaluate(() => window.__short), [], 'no frame showed a gap under the rows');
      s.assertClean();
    }));

  // A review of the screenful: it was counted from the list's top, so a reader scrolled
  // down the results saw, for a frame, the timeline where their rows had been, and the page
  // jumped as the rows came back.
  test('typing while scrolled down the results draws every row the screen reaches at once', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 800 } }, 'typing-scrolled', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#q=the`);
      await page.waitForFunction(() => document.querySelectorAll('ol.results > li.result').length === 20);
      await page.locator('ol.results > li.result').nth(14).evaluate((li) => li.scrollIntoView({ block: 'start' }));
      await waitForScrollToSettle(page);
      const y = await page.evaluate(() => scrollY);
      assert.ok(y > 1500, `scrolled down the results: ${y}`);
      await page.evaluate(() => {
        window.__batches = [];
        let last = document.querySelectorAll('ol.results > li.result').length;
        new MutationObserver(() => {
          const rows = document.querySelectorAll('ol.results > li.result').length;
          if (rows !== last) window.__batches.push({ rows, y: scrollY });
          last = rows;
        }).observe(document.body, { childList: true, subtree: true });
      });
      // The box is in the sticky bar: typing there scrolls nothing.
      await page.keyboard.press('/');
      await page.keyboard.press('End');
      await page.keyboard.type('m');
      await shown(page, 'them');
      await page.waitForTimeout(400);
      const batches = await page.evaluate(() => window.__batches);
      const total = Number((await page.textContent('.result-count')).match(/\d+/)[0]);
      assert.ok(total >= 20, `“them” must fill the page to tell: ${total}`);
      // One drawing, every row: never fewer rows than reach the screen, so nothing jumps.
      for (const b of batches) assert.equal(b.rows, 20, JSON.stringify(batches));
      s.assertClean();
    }));

  test('the chart keeps its marks while typing: only which stand out changes', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 } }, 'typing-chart', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#a=nhs-england&from=2018-01-01&to=2021-12-31`, { waitUntil: 'load' });
      await page.waitForFunction(() => !document.getElementById('record'));
      await page.waitForSelector('.timeline-svg g.ev', { state: 'attached' });
      await page.waitForSelector('.event-list li', { state: 'attached' });
      // Each mark stands out exactly when its event's item in the list does (the list
      // marks the same events, and hides those outside the dates).
      const agree = () => page.evaluate(() => {
        const items = [...document.querySelectorAll('.event-list ol > li')];
        return [...document.querySelectorAll('.timeline-svg g.ev[data-i]')]
          .filter((g) => !items[Number(g.dataset.i)].hidden)
          .map((g) => [g.dataset.i, g.classList.contains('stand-out'), items[Number(g.dataset.i)].classList.contains('stand-out')]);
      });
      await page.evaluate(() => { for (const g of document.querySelectorAll('.timeline-svg g.ev')) g.__kept = true; });
      const before = await agree();
      await page.click(INPUT);
      await page.keyboard.type('hampshire');
      await shown(page, 'hampshire');
      await page.waitForTimeout(200);
      const after = await agree();
      for (const [i, mark, item] of [...before, ...after]) assert.equal(mark, item, `event ${i}: the mark and the list disagree`);
      // Typing changed which stand out, and drew no mark anew.
      const standing = (xs) => xs.filter((x) => x[1]).map((x) => x[0]).join();
      assert.notEqual(standing(before), standing(after));
      assert.ok(await page.evaluate(() => [...document.querySelectorAll('.timeline-svg g.ev')].every((g) => g.__kept)));
      s.assertClean();
    }));
});
