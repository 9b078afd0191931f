// End-to-end tests of "Check a quote" in the release build: reached from the home page, a
// quote found word for word (with where and whose words), a sentence with a changed word
// marked, one not in the record, the claims of issue 24 (not in the record, the nearest
// wording holding the apology paragraph), the quote kept in the link, a huge paste cut with
// a notice, axe in light and dark, and screenshots at 1280 and 360 px.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  SCREENSHOT_DIR,
  TEST_TIMEOUT_MS,
  assertScreenshot,
  focusLandsOn,
  formatAxeViolations,
  gotoList,
  runAxe,
  settle,
  startHarness,
  waitForDocument,
  withPage,
} from './helpers.mjs';

const BOX = '#check-text';
const VERDICT = '.check-verdict';
// The 2023 report's second sentence with "have" for "had": a true near-quote.
const CHANGED =
  'Senior NHS executives have secured widespread backing for a document in which the organisation admitted its failings had harmed service-users who were subjected to the Serenity Integrated Mentoring (SIM) scheme.';
// The paragraph of the 2023 report that speaks to the claims of issue 24.
const APOLOGY = 'in a co-produced document it has refused to publish';

describe('Check a quote', { timeout: TEST_TIMEOUT_MS * 10 }, () => {
  let h;
  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });
  after(async () => {
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('a quote word for word: found, where, and in whose words; the link keeps it', opts, () =>
    withPage(h.browser, {}, 'check-exact', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await page.click('.check-entry a');
      await page.waitForSelector(BOX);
      await focusLandsOn(page, 'check-heading');
      assert.equal(await page.title(), 'Check a quote – SIM Explorer');
      await page.fill(BOX, '“The organisation ADMITTED its failings — had harmed service users”');
      await page.waitForSelector(VERDICT);
      assert.match(await page.textContent(VERDICT), /^In the record word for word, in one place\.$/);
      const place = await page.$eval('.check-place', (li) => ({
        source: li.querySelector('.check-source a').textContent,
        href: li.querySelector('.check-source a').getAttribute('href'),
        marked: [...li.querySelectorAll('mark')].map((m) => m.textContent).join(''),
        whose: li.querySelector('.check-whose').textContent,
      }));
      assert.match(place.source, /paragraph \d+$/);
      assert.match(place.href, /doc=2023-nhse-unpublished-sim-apology&p=/);
      assert.equal(place.marked, 'the organisation admitted its failings had harmed service-users');
      assert.match(place.whose, /^(The words of .+\.|The document’s own words \(.+\); no one quoted\.)$/);
      // The quote is in the URL: reloading shows the same answer.
      await page.waitForFunction(() => location.hash.startsWith('#check=') && location.hash.includes('ADMITTED'));
      await page.reload();
      await page.waitForSelector(VERDICT);
      assert.match(await page.textContent(VERDICT), /word for word, in one place/);
      assert.match(await page.inputValue(BOX), /ADMITTED/);
      // The passage opens from its link.
      await page.click('.check-source a');
      await waitForDocument(page);
    }));

  test('one changed word: in the record with 1 word changed, aligned to its sentence, the change marked both ways', opts, () =>
    withPage(h.browser, {}, 'check-changed', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#check=${encodeURIComponent(CHANGED)}`);
      await page.waitForSelector(VERDICT);
      assert.equal(
        await page.textContent(VERDICT),
        'Not word for word: in the record with 1 word changed, in the closest passage below.',
      );
      const first = page.locator('.check-place').first();
      assert.equal(await first.locator('del').textContent(), 'the record has had');
      assert.equal(await first.locator('ins').textContent(), ', the quote has have');
      assert.match(await first.locator('.check-differs').textContent(), /Differs by 1 word changed\./);
      // The marks run over the whole sentence but its one changed word.
      const marked = (await first.locator('mark').allTextContents()).join(' ');
      assert.match(marked, /^Senior NHS executives /);
      assert.match(marked, / Serenity Integrated Mentoring \(SIM\) scheme$/);
    }));

  test('issue 24: claims that reuse the record\'s words are not in the record; the nearest wording holds the apology', opts, () =>
    withPage(h.browser, {}, 'check-claims', async (s) => {
      const { page } = s;
      for (const claim of ['NHS England published the apology', 'NHS England apologised for SIM and published the apology']) {
        await page.goto(`${h.url}#check=${encodeURIComponent(claim)}`);
        await page.waitForFunction((c) => document.querySelector('#check-text')?.value === c, claim);
        await page.waitForSelector('.check-verdict.not-found');
        assert.equal(
          await page.textContent(VERDICT),
          'Not in the record. The nearest wording the record has is below, the differences marked.',
          claim,
        );
        assert.equal(await page.textContent('.check-nearest'), 'Nearest wording');
        // Each passage as the record has it: without the quote's words and the hidden labels.
        const passages = await page.$$eval('.check-place .check-passage', (quotes) =>
          quotes.map((q) => {
            const copy = q.cloneNode(true);
            copy.querySelectorAll('ins, .visually-hidden').forEach((el) => el.remove());
            return copy.textContent;
          }),
        );
        assert.ok(passages.length >= 1 && passages.length <= 3, `${claim}: ${passages.length} places`);
        assert.ok(passages.some((t) => t.includes(APOLOGY)), `${claim}: ${passages.join(' | ')}`);
        // Each says what it has of the claim, never "differs by 3 words changed", which
        // beside a long paragraph reads as nearly the same words.
        const words = claim.split(' ').length;
        for (const line of await page.$$eval('.check-place .check-differs', (ps) => ps.map((p) => p.textContent))) {
          assert.match(line, new RegExp(`^Has [1-9]\\d* of the quote’s ${words} words\\.$`), claim);
        }
        assert.equal(await page.locator('.check-verdict.close').count(), 0);
      }
    }));

  test('a quote not in the record says so; a huge paste is cut with a notice', opts, () =>
    withPage(h.browser, {}, 'check-not-found', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#check=`);
      await page.waitForSelector(BOX);
      await page.fill(BOX, 'NHS England admitted SIM was a triumph and promised to expand it nationwide');
      await page.waitForSelector('.check-verdict.not-found');
      assert.match(await page.textContent(VERDICT), /^Not in the record/);
      await page.fill(BOX, 'zebras juggle marmalade '.repeat(200));
      await page.waitForSelector('.check .notice');
      assert.match(await page.textContent('.check .notice'), /longer than 2000 characters/);
      assert.match(await page.textContent(VERDICT), /^Not in the record/);
    }));

  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no violations on a checked quote (${colorScheme})`, opts, () =>
      withPage(h.browser, { colorScheme, bypassCSP: true }, `check-axe-${colorScheme}`, async (s) => {
        const { page } = s;
        await page.goto(`${h.url}#check=${encodeURIComponent(CHANGED)}`);
        await page.waitForSelector(VERDICT);
        await settle(page);
        const { violations } = await runAxe(page);
        assert.equal(violations.length, 0, formatAxeViolations(violations));
      }));
  }

  for (const width of [1280, 360]) {
    test(`screenshot of a checked quote at ${width}px`, opts, () =>
      withPage(h.browser, { viewport: { width, height: 900 } }, `check-shot-${width}`, async (s) => {
        const { page } = s;
        await page.goto(`${h.url}#check=${encodeURIComponent(CHANGED)}`);
        await page.waitForSelector(VERDICT);
        await settle(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no sideways scroll: ${overflow}px`);
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = join(SCREENSHOT_DIR, `check-${width}.png`);
        await page.screenshot({ path: file, fullPage: false });
        assertScreenshot(file, { width });
      }));
  }
});
