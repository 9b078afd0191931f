// End-to-end tests of care and finding (issue 26) in the release build: the content note
// and support line wherever someone may land first (every view, the static record, the
// one-file edition, a passage page), the actor filter's name box, "Go to" by keyboard
// alone, "About this record", and axe in light and dark at 1280 and 360 px.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  DIST,
  SCREENSHOT_DIR,
  TEST_TIMEOUT_MS,
  assertScreenshot,
  focusLandsOn,
  formatAxeViolations,
  gotoList,
  runAxe,
  settle,
  startHarness,
  withPage,
} from './helpers.mjs';

const NOTE = 'Content note: this record discusses suicide, self-harm and coercion in mental health care.';

/** The views someone may land on from a shared link, and what shows each has arrived. */
const LANDINGS = [
  ['', 'ol.doc-list'],
  ['#doc=2021-04-29-activists-call-for-sim-halt', 'h2#doc-title'],
  ['passage' /* a passage page's own link, read from it below */, 'h2#doc-title'],
  ['#ev=published-2021-06-17-dodgy-data-warnings', '#event-title'],
  ['#dis=all', '#dis-heading'],
  ['#dis=first-pilot-year', '#dis-heading'],
  ['#actor=hampshire-constabulary', 'h2#actor-name'],
  ['#about', 'h2#about-heading'],
];

/** The care note on the page now: shown, ours (outside any passage or quotation), and
 *  with its support line's number as a link to dial. */
async function assertCare(page, where) {
  const care = page.locator('.care');
  assert.equal(await care.count(), 1, `${where}: one care note`);
  assert.ok(await care.isVisible(), `${where}: the care note is shown`);
  const text = (await care.textContent()).replace(/\s+/g, ' ');
  assert.ok(text.includes(NOTE), `${where}: ${text}`);
  assert.match(text, /If this affects you: Samaritans, call 116 123, free, any time/);
  assert.equal(await care.locator('a[href="tel:116123"]').count(), 1, where);
  assert.equal(
    await care.evaluate((e) => Boolean(e.closest('.passage, blockquote, article, main'))),
    false,
    `${where}: the note sits in the header, apart from the record's words`,
  );
}

describe('Care and finding', { timeout: TEST_TIMEOUT_MS * 20 }, () => {
  let h;
  let passageKey;
  let passageLink;
  before(async () => {
    h = await startHarness();
    passageKey = readdirSync(join(DIST, 'p')).find((f) => f.endsWith('.html')).replace('.html', '');
    const page = readFileSync(join(DIST, 'p', `${passageKey}.html`), 'utf8');
    passageLink = page.match(/<a href="\.\.\/(#doc=[^"]+)">/)[1].replaceAll('&amp;', '&');
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('the content note and support line are on every view someone may land on', opts, () =>
    withPage(h.browser, {}, 'care-landings', async (s) => {
      const { page } = s;
      for (const [fragment, ready] of LANDINGS) {
        const at = fragment === 'passage' ? passageLink : fragment;
        await page.goto(`${h.url}${at}`);
        await page.waitForFunction(() => !document.getElementById('record'));
        await page.waitForSelector(ready);
        await assertCare(page, at || 'home');
        // No request leaves the page's origin for it.
        assert.ok(s.requests.every((u) => u.startsWith(h.url.replace(/\/$/, ''))), s.requests.join('\n'));
      }
      s.assertClean();
    }));

  test('the static record, the one-file edition and a passage page carry the same note', opts, () =>
    withPage(h.browser, { javaScriptEnabled: false }, 'care-static', async (s) => {
      const { page } = s;
      await page.goto(h.url);
      await assertCare(page, 'the static record');
      // The static record's "About this record" is where the header's link lands.
      await page.click('.header-links a[href="#about"]');
      assert.ok(await page.locator('section#about h2').isVisible());
      assert.match(await page.textContent('section#about'), /The \d+ documents/);
      const edition = readFileSync(join(DIST, 'sim-explorer.html'), 'utf8');
      assert.ok(edition.includes(NOTE) && edition.includes('href="tel:116123"'), 'one-file edition');
      const passage = readFileSync(join(DIST, 'p', `${passageKey}.html`), 'utf8');
      const note = passage.indexOf(NOTE);
      assert.ok(note > 0 && note < passage.indexOf('<blockquote>'), 'passage page: the note before the quote');
      assert.ok(passage.includes('<a href="tel:116123">116 123</a>'));
    }));

  test('"hamp" in the actor filter\'s name box puts Hampshire Constabulary first, marked', opts, () =>
    withPage(h.browser, {}, 'care-actor-finder', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.click('.actor-filter summary');
      await page.fill('#actor-find', 'hamp');
      await page.waitForSelector('.actor-matches li');
      const first = page.locator('.actor-matches li').first();
      assert.match(await first.locator('label').textContent(), /^Hampshire Constabulary \(\d+\)$/);
      assert.equal(await first.locator('mark').first().textContent(), 'Hamp');
      assert.match(await page.textContent('.find-count'), /actors? found/);
      // The groups give way to the ranked list, and come back when the box is cleared.
      assert.equal(await page.locator('.actor-group').count(), 0);
      await first.locator('input[type=checkbox]').check();
      await page.waitForFunction(() => location.hash.includes('a=hampshire-constabulary'));
      await page.fill('#actor-find', '');
      await page.waitForSelector('.actor-group');
      assert.ok(await page.locator('#filter-hampshire-constabulary').isChecked());
      s.assertClean();
    }));

  test('"Go to" reaches a named thing in three keys, by keyboard alone, as a combobox', opts, () =>
    withPage(h.browser, {}, 'care-go-to', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      const input = page.locator('#go-to-input');
      // `g` typed in a field is a letter, not the shortcut.
      await page.focus('#search-input');
      await page.keyboard.press('g');
      assert.equal(await page.locator('dialog.go-to[open]').count(), 0);
      await page.fill('#search-input', '');
      await page.locator('h1 a').focus();
      // Three keys: open, a letter, Enter.
      await page.keyboard.press('g');
      await page.waitForSelector('dialog.go-to[open]');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'go-to-input');
      assert.equal(await input.getAttribute('role'), 'combobox');
      assert.equal(await input.getAttribute('aria-expanded'), 'false');
      await page.keyboard.press('w');
      await page.waitForSelector('#go-to-list [role=option]');
      assert.equal(await input.getAttribute('aria-expanded'), 'true');
      assert.equal(await input.getAttribute('aria-controls'), 'go-to-list');
      assert.equal(await input.getAttribute('aria-activedescendant'), 'go-to-option-0');
      const before = page.url();
      await page.keyboard.press('Enter');
      await page.waitForFunction((b) => location.href !== b, before);
      assert.equal(await page.locator('dialog.go-to[open]').count(), 0);
      assert.match(new URL(page.url()).hash, /^#(doc|actor|ev|dis)=/);

      // Ctrl+K opens it too; Up and Down move the active option; Enter opens it.
      await page.locator('h1 a').focus();
      await page.keyboard.press('Control+k');
      await page.waitForSelector('dialog.go-to[open]');
      await page.keyboard.type('hamp');
      await page.waitForSelector('#go-to-option-1');
      assert.match(await page.textContent('#go-to-option-0'), /Actor\s*Hampshire Constabulary/);
      await page.keyboard.press('ArrowDown');
      assert.equal(await input.getAttribute('aria-activedescendant'), 'go-to-option-1');
      assert.equal(await page.getAttribute('#go-to-option-1', 'aria-selected'), 'true');
      await page.keyboard.press('ArrowUp');
      assert.equal(await input.getAttribute('aria-activedescendant'), 'go-to-option-0');
      await page.keyboard.press('Enter');
      await page.waitForSelector('h2#actor-name');
      assert.match(await page.textContent('h2#actor-name'), /Hampshire Constabulary/);
      await focusLandsOn(page, 'actor-name');

      // Escape clears what was typed, then closes; the header's button opens it.
      await page.click('.go-to-open');
      await page.waitForSelector('dialog.go-to[open]');
      await page.keyboard.type('zz');
      await page.keyboard.press('Escape');
      assert.equal(await input.inputValue(), '');
      assert.equal(await page.locator('dialog.go-to[open]').count(), 1);
      await page.keyboard.press('Escape');
      await page.waitForSelector('dialog.go-to[open]', { state: 'detached' });
      s.assertClean();
    }));

  test('"About this record" lists the documents from the record and says what stays on the device', opts, () =>
    withPage(h.browser, {}, 'care-about', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      const documents = await page.locator('ol.doc-list > li.doc-item').count();
      await page.click('.header-links a[href="#about"]');
      await page.waitForSelector('h2#about-heading');
      await focusLandsOn(page, 'about-heading');
      assert.equal(await page.title(), 'About this record – SIM Explorer');
      assert.equal(await page.locator('.about-documents > li').count(), documents);
      const text = await page.textContent('section.about');
      for (const words of ['inferred', 'supplied', 'How to cite', 'Check a quote', 'local storage']) {
        assert.ok(text.includes(words), words);
      }
      await page.goBack();
      await page.waitForSelector('ol.doc-list');
      s.assertClean();
    }));

  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 360]) {
      test(`axe and screenshots: the note, "Go to", the name box and About (${colorScheme}, ${width}px)`, opts, () =>
        withPage(
          h.browser,
          { colorScheme, bypassCSP: true, viewport: { width, height: 900 } },
          `care-axe-${colorScheme}-${width}`,
          async (s) => {
            const { page } = s;
            mkdirSync(SCREENSHOT_DIR, { recursive: true });
            const check = async (name) => {
              await settle(page);
              const results = await runAxe(page);
              assert.equal(results.violations.length, 0, `${name}:\n${formatAxeViolations(results.violations)}`);
              const file = join(SCREENSHOT_DIR, `care-${name}-${colorScheme}-${width}.png`);
              await page.screenshot({ path: file });
              assertScreenshot(file, { width });
            };
            await gotoList(page, h.url);
            await check('home');
            await page.locator('h1 a').focus();
            await page.keyboard.press('g');
            await page.keyboard.type('hamp');
            await page.waitForSelector('#go-to-option-0');
            await check('go-to');
            await page.keyboard.press('Escape');
            await page.keyboard.press('Escape');
            await page.click('.actor-filter summary');
            await page.fill('#actor-find', 'hamp');
            await page.waitForSelector('.actor-matches li');
            await check('actor-finder');
            await page.goto(`${h.url}#about`);
            await page.waitForSelector('h2#about-heading');
            await check('about');
            await page.goto(`${h.url}#doc=2021-06-17-dodgy-data-warnings`);
            await page.waitForSelector('h2#doc-title');
            await check('document');
          },
        ));
    }
  }
});
