// End-to-end tests of "Where the sources disagree" in the release build: reached from the
// home page, its state in the URL, positions side by side (stacked on a phone), each quote
// linked to its passage, markers from passages and disputed events, an actor's positions,
// citing, keyboard, bad links, the page without JavaScript, axe and screenshots.

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

const ITEM = 'article.disagreement';

describe('Disagreements', { timeout: TEST_TIMEOUT_MS * 12 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('reached from the home page: every disagreement, its positions quoted, sourced and credited', opts, () =>
    withPage(h.browser, {}, 'dis-list', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.click('.dis-entry a');
      await page.waitForSelector(ITEM);
      assert.match(page.url(), /#dis=all$/);
      assert.equal(await page.title(), 'Where the sources disagree – SIM Explorer');
      const items = await page.$$eval(ITEM, (list) =>
        list.map((a) => ({
          question: a.querySelector('h3').textContent,
          difference: a.querySelector('.difference').textContent,
          positions: [...a.querySelectorAll('.position')].map((p) => ({
            by: p.querySelector('.position-by a')?.getAttribute('href') ?? '',
            quotes: [...p.querySelectorAll('.dis-quote')].map((q) => ({
              text: q.querySelector('p').textContent,
              link: q.querySelector('.dis-source a').getAttribute('href'),
            })),
          })),
        })),
      );
      // Issue 23: at least 20 (there were 14), each with its kind of difference in the
      // contents, conflicts included.
      assert.ok(items.length >= 20, `${items.length} disagreements`);
      const tags = await page.$$eval('.dis-contents li', (list) =>
        list.map((li) => li.querySelector('.difference-tag')?.textContent ?? ''),
      );
      assert.equal(tags.length, items.length);
      for (const tag of tags) assert.match(tag, /^(conflict|differ in scope|differ in time|overlap)$/);
      assert.ok(tags.filter((t) => t === 'conflict').length >= 5, tags.join(', '));
      for (const d of items) {
        assert.ok(d.question.endsWith('?'), d.question);
        assert.ok(d.positions.length >= 2, d.question);
        for (const p of d.positions) {
          assert.match(p.by, /^#actor=/, `${d.question}: who says it`);
          assert.ok(p.quotes.length >= 1);
          for (const q of p.quotes) assert.match(q.link, /^#doc=[^&]+&p=[a-z0-9]{6}$/);
        }
      }
      // Each quote is the passage's own words: follow one and find them there.
      const first = items[0].positions[0].quotes[0];
      await page.click(`${ITEM} .dis-source a[href="${first.link}"]`);
      await page.waitForSelector('.passage.focused');
      const passage = await page.textContent('.passage.focused .passage-text');
      assert.ok(passage.includes(first.text.slice(1, -1)), `${first.text} not in ${passage}`);
      // Back returns to the list.
      await page.goBack();
      await page.waitForSelector(ITEM);
      s.assertClean();
    }));

  test('a link to one disagreement opens it, focused; a bad one says so and shows them all', opts, () =>
    withPage(h.browser, {}, 'dis-link', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#dis=all`);
      await page.waitForSelector(ITEM);
      const id = await page.$eval(`${ITEM}:nth-of-type(2)`, (a) => a.id.replace(/^dis-/, ''));
      await page.goto(`${h.url}#dis=${id}`);
      await page.reload();
      await page.waitForSelector(`${ITEM}.open`);
      await page.waitForFunction((i) => document.activeElement?.id === `dis-${i}`, id);
      await page.goto(`${h.url}#dis=no-such-question`);
      await page.reload();
      await page.waitForSelector('.notice');
      assert.match(await page.textContent('.notice'), /Disagreement not found/);
      assert.ok((await page.$$(ITEM)).length >= 20);
      s.assertClean();
    }));

  test('a passage involved carries a quiet marker to its disagreement; so does a disputed event', opts, () =>
    withPage(h.browser, {}, 'dis-markers', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#dis=all`);
      await page.waitForSelector(ITEM);
      const link = await page.$eval(`${ITEM} .dis-source a`, (a) => a.getAttribute('href'));
      const id = await page.$eval(ITEM, (a) => a.id.replace(/^dis-/, ''));
      await page.goto(`${h.url}${link}`);
      await page.waitForSelector('.passage.focused');
      // Keyboard: the marker is a Tab stop of the open passage, and Enter follows it.
      const marker = page.locator(`.passage.focused .dis-marker[href="#dis=${id}"]`);
      await marker.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector(`${ITEM}.open`);
      assert.match(page.url(), new RegExp(`#dis=${id}$`));
      // The disputed first pilot in the timeline's list links to its disagreement.
      await gotoList(page, h.url);
      await page.waitForSelector('.event-list li .dis-marker');
      const events = await page.$$eval('.event-list li .dis-marker', (m) => m.length);
      assert.ok(events >= 1);
      s.assertClean();
    }));

  test('an actor page lists the positions it takes; a disagreement cites both sides', opts, () =>
    withPage(h.browser, { permissions: ['clipboard-read', 'clipboard-write'] }, 'dis-actor-cite', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#actor=stopsim-coalition`);
      await page.waitForSelector('.actor-positions li a');
      const href = await page.$eval('.actor-positions li a', (a) => a.getAttribute('href'));
      assert.match(href, /^#dis=/);
      await page.click('.actor-positions li a');
      await page.waitForSelector(`${ITEM}.open`);
      await page.click(`${ITEM}.open .cite-tools button:has-text("Copy citation")`);
      await page.waitForFunction(() => /copied/.test(document.querySelector('.disagreement.open .cite-status')?.textContent));
      const text = await page.evaluate(() => navigator.clipboard.readText());
      const quotes = await page.$$eval(`${ITEM}.open .dis-quote > p:first-child`, (q) => q.map((x) => x.textContent.slice(1, -1)));
      assert.ok(quotes.length >= 2);
      for (const q of quotes) assert.ok(text.includes(q), `citation lacks ${q}`);
      assert.ok(text.includes('according to'));
      s.assertClean();
    }));

  test('without JavaScript the disagreements read in the record, their links land', opts, () =>
    withPage(h.browser, { javaScriptEnabled: false }, 'dis-no-js', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#dis=all`);
      const n = await page.$$eval('.static-disagreements article.disagreement', (a) => a.length);
      assert.ok(n >= 20);
      // Each contents link names an element of the page.
      const missing = await page.$$eval('.static-disagreements .dis-contents a', (links) =>
        links.map((a) => a.getAttribute('href').slice(1)).filter((id) => !document.getElementById(id)),
      );
      assert.deepEqual(missing, []);
    }));

  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no violations on the disagreements (${colorScheme})`, opts, () =>
      withPage(h.browser, { colorScheme, bypassCSP: true }, `dis-axe-${colorScheme}`, async (s) => {
        const { page } = s;
        await page.goto(`${h.url}#dis=all`);
        await page.waitForSelector(ITEM);
        await settle(page);
        const { violations } = await runAxe(page);
        assert.equal(violations.length, 0, formatAxeViolations(violations));
      }));
  }

  for (const width of [1280, 360]) {
    test(`screenshot of the disagreements at ${width}px; positions ${width > 600 ? 'side by side' : 'stacked'}`, opts, () =>
      withPage(h.browser, { viewport: { width, height: 900 } }, `dis-shot-${width}`, async (s) => {
        const { page } = s;
        await page.goto(`${h.url}#dis=all`);
        await page.waitForSelector(ITEM);
        await settle(page);
        const tops = await page.$eval(ITEM, (a) =>
          [...a.querySelectorAll('.position')].map((p) => Math.round(p.getBoundingClientRect().top)),
        );
        if (width > 600) assert.equal(new Set(tops.slice(0, 2)).size, 1, `side by side: ${tops}`);
        else assert.ok(tops[1] > tops[0], `stacked: ${tops}`);
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = join(SCREENSHOT_DIR, `disagreements-${width}.png`);
        await page.screenshot({ path: file, fullPage: false });
        assertScreenshot(file, { width });
      }));
  }
});
