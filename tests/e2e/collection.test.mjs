// End-to-end tests of the collection in the release build: add a passage, an event and a
// disagreement, reload, reorder, annotate, remove and undo; export each format; open a
// shared collection and merge it only when asked; storage blocked and storage holding
// foreign data; axe in light and dark; screenshots at 1280 and 360 px.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  SCREENSHOT_DIR,
  TEST_TIMEOUT_MS,
  assertScreenshot,
  focusLandsOn,
  formatAxeViolations,
  gotoList,
  openDocumentFromList,
  runAxe,
  settle,
  startHarness,
  withPage,
} from './helpers.mjs';

const ITEMS = 'ol.collection-items > li.collection-item';
const EVENT = 'pilot-isle-of-wight';
const DIS = 'first-pilot-year';

/** Opens the first paragraph of the first document and adds it; returns its key. */
async function addFirstPassage(page, url) {
  await gotoList(page, url);
  await openDocumentFromList(page, 0);
  const passage = page.locator('article.document p.passage').first();
  const key = (await passage.getAttribute('id')).replace(/^p-/, '');
  await passage.locator('a.anchor').click();
  await page.waitForSelector('.cite-tools .add-button');
  await page.click('.cite-tools .add-button');
  await page.waitForSelector('.cite-tools .add-button[aria-pressed="true"]');
  assert.match(await page.textContent('.cite-tools .add-status'), /Added: your collection has 1 item\./);
  // While reading, the way to the collection stays beside the way back.
  assert.equal(await page.textContent('.reading-now .collection-link'), 'Your collection (1)');
  return key;
}

/** Adds the open event and the open disagreement from their own views. */
async function addEventAndDisagreement(page, url) {
  await page.goto(`${url}#ev=${EVENT}`);
  await page.waitForSelector('.event-detail .add-button');
  await page.click('.event-detail .add-button');
  await page.waitForSelector('.event-detail .add-button[aria-pressed="true"]');
  await page.goto(`${url}#dis=${DIS}`);
  const button = page.locator(`#dis-${DIS} .add-button`);
  await button.click();
  await page.waitForSelector(`#dis-${DIS} .add-button[aria-pressed="true"]`);
}

/** The collection's items as their titles (or the missing notice), in order. */
async function titles(page) {
  return page.$$eval(ITEMS, (items) =>
    items.map((li) => (li.querySelector('.collection-title') ?? li.querySelector('.collection-missing')).textContent.trim()),
  );
}

/** What a format's download link holds. */
async function download(page, key) {
  const link = page.locator(`#download-${key}`);
  assert.match(await link.getAttribute('download'), /^sim-explorer-collection\.\w+$/);
  const href = await link.getAttribute('href');
  assert.match(href, /^data:[^,]+;charset=utf-8,/);
  return decodeURIComponent(href.slice(href.indexOf(',') + 1));
}

describe('Collection', { timeout: TEST_TIMEOUT_MS * 12 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('add three items, reload, reorder, annotate, remove and undo', opts, () =>
    withPage(h.browser, {}, 'collection-basics', async (s) => {
      const { page } = s;
      const key = await addFirstPassage(page, h.url);
      await addEventAndDisagreement(page, h.url);
      await gotoList(page, h.url);
      assert.match(await page.textContent('.collection-entry'), /3 items, kept on this device/);
      await page.click('.collection-entry a');
      await page.waitForSelector(ITEMS);
      // The title is set in the frame that focus lands in, or before.
      await focusLandsOn(page, 'collection-heading');
      assert.equal(await page.title(), 'Your collection – SIM Explorer');
      const first = await titles(page);
      assert.equal(first.length, 3);
      assert.match(first[0], /, paragraph 1$/);
      assert.match(first[1], /Isle of Wight/i);
      assert.match(first[2], /\?$/);

      // Survives a reload: kept on the device.
      await page.reload();
      await page.waitForSelector(ITEMS);
      assert.deepEqual(await titles(page), first);

      // Move the passage down: the order changes, focus stays on the button, and it lasts.
      // Issue 22: the list is keyed, so a move keeps every row's own nodes (each row was
      // drawn anew before); tag each row's element and see the tags move with the rows.
      await page.$$eval(ITEMS, (items) => items.forEach((li, i) => { li.dataset.drawn = String(i); }));
      await page.click(`#down-p\\.${key}`);
      await page.waitForFunction((k) => document.activeElement?.id === `down-p.${k}`, key);
      assert.deepEqual(await titles(page), [first[1], first[0], first[2]]);
      assert.deepEqual(await page.$$eval(ITEMS, (items) => items.map((li) => li.dataset.drawn)), ['1', '0', '2']);
      assert.equal(await page.isDisabled(`#down-p\\.${key}`), false, 'second of three can move down');
      assert.equal(await page.locator(ITEMS).first().locator('button', { hasText: 'Move up' }).isDisabled(), true);
      assert.match(await page.textContent('.collection-status'), /Moved down to position 2\./);

      // A note, kept as typed (quotes, braces, a line break).
      const note = 'Check with “the trust” {page 2}\nand 100% sure';
      await page.fill(`#note-p\\.${key}`, note);
      await page.reload();
      await page.waitForSelector(ITEMS);
      assert.deepEqual(await titles(page), [first[1], first[0], first[2]]);
      assert.equal(await page.inputValue(`#note-p\\.${key}`), note);

      // Remove, then undo: back where it was, note and all.
      await page.locator(ITEMS).nth(1).locator('button', { hasText: 'Remove' }).click();
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, ITEMS);
      await page.click('.collection-status button');
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 3, ITEMS);
      assert.deepEqual(await titles(page), [first[1], first[0], first[2]]);
      assert.equal(await page.inputValue(`#note-p\\.${key}`), note);
      s.assertClean();
    }));

  test('export each format: verbatim quote, metadata, the note; a shared link without notes', opts, () =>
    withPage(h.browser, {}, 'collection-export', async (s) => {
      const { page, context } = s;
      const key = await addFirstPassage(page, h.url);
      await addEventAndDisagreement(page, h.url);
      await page.goto(`${h.url}#col=`);
      await page.waitForSelector(ITEMS);
      await page.fill(`#note-p\\.${key}`, 'My {note} with "quotes" & 50%');
      await page.waitForTimeout(100);

      const md = await download(page, 'md');
      assert.match(md, /My \\\{note\\\}|My \{note\}/);
      assert.match(md, /^> /m);
      const txt = await download(page, 'txt');
      assert.match(txt, /“/);
      assert.match(txt, /My \{note\} with "quotes" & 50%/);
      const csl = JSON.parse(await download(page, 'csl'));
      assert.ok(Array.isArray(csl) && csl.length >= 3, `CSL-JSON entries: ${csl.length}`);
      for (const entry of csl) {
        assert.equal(typeof entry.id, 'string');
        assert.equal(typeof entry.type, 'string');
      }
      assert.equal(new Set(csl.map((e) => e.id)).size, csl.length, 'CSL ids unique');
      const ris = await download(page, 'ris');
      assert.match(ris, /^TY {2}- /);
      assert.equal((ris.match(/^TY {2}- /gm) ?? []).length, (ris.match(/^ER {2}- ?/gm) ?? []).length);
      // A real download, as a person clicks it: the file arrives, named, with the same text.
      const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-ris')]);
      assert.equal(file.suggestedFilename(), 'sim-explorer-collection.ris');
      assert.equal(readFileSync(await file.path(), 'utf8'), ris);
      const bib = await download(page, 'bib');
      assert.match(bib, /^@\w+\{sim-/m);
      assert.match(bib, /50\\%/);

      // The share link carries the ids in order, never the note.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.url).origin });
      await page.click('#share-collection');
      await page.waitForSelector('.export-status:has-text("copied")');
      const link = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(link, new RegExp(`#col=p\\.${key},e\\.${EVENT},d\\.${DIS}$`));
      assert.doesNotMatch(link, /note/i);
      s.assertClean();
    }));

  test('cite from where you are: tools on hover and on keyboard focus; a click on the words opens the passage', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 } }, 'collection-passage-tools', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await openDocumentFromList(page, 0);
      const passages = page.locator('article.document p.passage');
      const third = passages.nth(2);
      const tools = third.locator('.passage-tools');
      assert.equal(await tools.evaluate((t) => getComputedStyle(t).visibility), 'hidden');
      await third.hover();
      assert.equal(await tools.evaluate((t) => getComputedStyle(t).visibility), 'visible');
      // Beside the text where there is room: it covers no words.
      const [text, box] = await Promise.all([
        third.locator('.passage-text').boundingBox(),
        tools.boundingBox(),
      ]);
      assert.ok(box.x >= text.x + text.width, `tools at ${box.x}, text ends at ${text.x + text.width}`);
      await tools.locator('.add-button').click();
      await page.waitForSelector('.passage-tools .add-button[aria-pressed="true"]');

      // Keyboard: the passage in focus shows its tools, and Tab reaches them.
      await page.mouse.move(5, 5);
      await passages.nth(3).focus();
      const fourth = passages.nth(3).locator('.passage-tools');
      assert.equal(await fourth.evaluate((t) => getComputedStyle(t).visibility), 'visible');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cite');
      await page.keyboard.press('Enter');
      await page.waitForSelector('article.document p.passage.focused + .cite-tools');

      // A click on the words of another passage opens it, with every citation tool.
      await passages.nth(0).locator('.passage-text').click({ position: { x: 30, y: 8 } });
      await page.waitForFunction(() => document.querySelector('article.document p.passage')?.classList.contains('focused'));
      assert.match(await page.evaluate(() => location.hash), /&p=/);
      s.assertClean();
    }));

  test('touch screens: a tap opens the passage, every tool at least 44 px tall', opts, () =>
    withPage(h.browser, { viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true }, 'collection-touch', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await openDocumentFromList(page, 0);
      await page.locator('article.document p.passage').nth(2).locator('.passage-text').tap();
      await page.waitForSelector('.cite-tools .add-button');
      const heights = await page.$$eval('.cite-tools button', (bs) => bs.map((b) => b.getBoundingClientRect().height));
      assert.ok(heights.length >= 4 && heights.every((h) => h >= 44), `button heights ${heights}`);
      s.assertClean();
    }));

  test('a shared collection: shown apart, a missing item flagged, merged only when asked', opts, () =>
    withPage(h.browser, {}, 'collection-shared', async (s) => {
      const { page } = s;
      const key = await addFirstPassage(page, h.url);
      const shared = `p.${key},e.${EVENT},p.gone00,bad!part`;
      await page.goto(`${h.url}#col=${shared}`);
      await page.waitForSelector(ITEMS);
      assert.equal(await page.textContent('#collection-heading'), 'A shared collection');
      assert.equal(await page.locator(ITEMS).count(), 3);
      assert.match(await page.textContent('.notice'), /could not be read \(1 item\)/);
      assert.match(await page.locator(ITEMS).nth(2).textContent(), /No longer in the record/);
      assert.match(await page.locator(ITEMS).nth(0).textContent(), /In your collection/);
      // Nothing merged until asked.
      assert.equal(
        await page.evaluate(() => localStorage.getItem('sim-explorer.collection').split('\n').length),
        2,
      );
      await page.click('#merge-collection');
      await page.waitForSelector('.collection-status:has-text("Added 2 items")');
      await page.click('.collection-merge a');
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 3, ITEMS);
      assert.match(await page.textContent('.collection'), /1 item is no longer in this version of the record/);
      assert.match(await page.locator(ITEMS).nth(2).textContent(), /No longer in the record: the paragraph “gone00”/);
      s.assertClean();
    }));

  test('two tabs: an item added in one shows in the other, so neither writes over the other', opts, () =>
    withPage(h.browser, {}, 'collection-two-tabs', async (s) => {
      const { page } = s;
      const other = await s.newPage();
      await other.goto(`${h.url}#col=`);
      await other.waitForSelector('#collection-heading');
      assert.equal(await other.locator(ITEMS).count(), 0);
      await addFirstPassage(page, h.url);
      await other.waitForFunction((sel) => document.querySelectorAll(sel).length === 1, ITEMS);
      s.assertClean();
    }));

  // Storage that refuses: reading it throws (blocked, as some private windows do), or
  // writing it throws (full). Either way a notice, and the collection kept in the tab.
  const refusals = [
    {
      name: 'storage blocked',
      refuse: () => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      },
      notice: /lasts only while this tab is open/,
    },
    {
      name: 'storage full',
      refuse: () => {
        Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      },
      notice: /could not be saved on this device/,
    },
  ];
  for (const { name, refuse, notice } of refusals) {
    test(`${name}: a notice, and the collection kept for the session`, opts, () =>
      withPage(h.browser, {}, `collection-${name.replace(' ', '-')}`, async (s) => {
        const { page, context } = s;
        await context.addInitScript(refuse);
        await addFirstPassage(page, h.url);
        await page.click('.cite-tools .add-status a');
        await page.waitForSelector(ITEMS);
        assert.equal(await page.locator(ITEMS).count(), 1);
        assert.match(await page.textContent('.collection-notice'), notice);
        s.assertNoPageErrors();
      }));
  }

  test('print view: the items and notes, without the controls', opts, () =>
    withPage(h.browser, {}, 'collection-print', async (s) => {
      const { page } = s;
      const key = await addFirstPassage(page, h.url);
      await page.goto(`${h.url}#col=`);
      await page.waitForSelector(ITEMS);
      await page.fill(`#note-p\\.${key}`, 'For the letter to the trust');
      await page.emulateMedia({ media: 'print' });
      const shown = (sel) => page.$eval(sel, (e) => getComputedStyle(e).display !== 'none');
      assert.equal(await shown('.collection-quote'), true);
      assert.equal(await shown('.collection-note-print'), true);
      assert.equal(await page.textContent('.collection-note-print'), 'For the letter to the trust');
      assert.equal(await shown('.collection-actions'), false);
      assert.equal(await shown('.export'), false);
      assert.equal(await shown('.collection-note'), false);
    }));

  test('foreign data in storage: reset with a notice, the unreadable copy kept', opts, () =>
    withPage(h.browser, {}, 'collection-foreign', async (s) => {
      const { page, context } = s;
      await context.addInitScript(() => {
        if (!sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem('sim-explorer.collection', '{"items":[1,2,3]}');
        }
      });
      await page.goto(`${h.url}#col=`);
      await page.waitForSelector('.collection-notice');
      assert.match(await page.textContent('.collection-notice'), /not in a form this page can read/);
      assert.equal(
        await page.evaluate(() => localStorage.getItem('sim-explorer.collection.unreadable')),
        '{"items":[1,2,3]}',
      );
      assert.equal(await page.locator(ITEMS).count(), 0);
      s.assertClean();
    }));

  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no violations on a collection (${colorScheme})`, opts, () =>
      withPage(h.browser, { colorScheme, bypassCSP: true }, `collection-axe-${colorScheme}`, async (s) => {
        const { page } = s;
        await addFirstPassage(page, h.url);
        await addEventAndDisagreement(page, h.url);
        await page.goto(`${h.url}#col=`);
        await page.waitForSelector(ITEMS);
        await settle(page);
        const { violations } = await runAxe(page);
        assert.equal(violations.length, 0, formatAxeViolations(violations));
      }));
  }

  for (const width of [1280, 360]) {
    test(`screenshot of a collection at ${width}px`, opts, () =>
      withPage(h.browser, { viewport: { width, height: 900 } }, `collection-shot-${width}`, async (s) => {
        const { page } = s;
        await addFirstPassage(page, h.url);
        await addEventAndDisagreement(page, h.url);
        await page.goto(`${h.url}#col=`);
        await page.waitForSelector(ITEMS);
        await settle(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no sideways scroll: ${overflow}px`);
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = join(SCREENSHOT_DIR, `collection-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        assertScreenshot(file, { width });
      }));
  }
});
