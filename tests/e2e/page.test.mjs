// Browser end-to-end tests for the built page (dist/), run with `npm run test:e2e`.
// Needs: a built dist/ (or E2E_DIST), Chromium at /usr/bin/chromium (or CHROMIUM_PATH),
// and `npm install` (playwright-core, axe-core). See helpers.mjs for the DOM contract.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  SCREENSHOT_DIR,
  SEL,
  TEST_TIMEOUT_MS,
  assertScreenshot,
  formatAxeViolations,
  gotoList,
  openDocumentFromList,
  parseHashLink,
  runAxe,
  settle,
  startHarness,
  waitForDocument,
  waitForScrollToSettle,
  withPage,
} from './helpers.mjs';

const EXPECTED_DOCUMENTS = 5;
const MIN_PASSAGES = 10;

describe('SIM Explorer page', { timeout: TEST_TIMEOUT_MS * 20 }, () => {
  /** @type {Awaited<ReturnType<typeof startHarness>>} */
  let h;

  before(async () => {
    h = await startHarness();
  }, { timeout: 60_000 });

  after(async () => {
    await h?.close();
  });

  const opts = { timeout: TEST_TIMEOUT_MS };

  // The harness, not the page: the test browser's own flags (helpers.mjs CHROMIUM_ARGS).
  test('the test browser keeps Playwright’s disabled features and opens no address-bar pages', opts, async () => {
    const page = await h.browser.newPage();
    try {
      await page.goto('chrome://version');
      const line = await page.textContent('#command_line');
      const lists = [...line.matchAll(/--disable-features=(\S+)/g)].map((m) => m[1].split(','));
      assert.ok(lists.length >= 1, line);
      // Chromium reads the last: it must hold Playwright's (the first) and ours.
      const [theirs, read] = [lists[0], lists.at(-1)];
      assert.deepEqual(theirs.filter((f) => !read.includes(f)), [], 'Playwright’s disabled features kept');
      assert.ok(read.includes('WebUIOmniboxPopup') && read.includes('WebUIOmniboxAimPopup'), read.join(','));
      const cdp = await h.browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      assert.deepEqual(targetInfos.filter((t) => t.url.startsWith('chrome://omnibox')).map((t) => t.url), []);
      await cdp.detach();
    } finally {
      await page.close();
    }
  });

  test('loads without errors and renders the heading', opts, () =>
    withPage(h.browser, {}, 'load', async (s) => {
      await gotoList(s.page, h.url);
      const heading = await s.page.locator(SEL.heading).first().innerText();
      assert.match(heading, /SIM Explorer/, `h1 text was ${JSON.stringify(heading)}`);
      s.assertClean();
    }));

  test(`lists the ${EXPECTED_DOCUMENTS} documents`, opts, () =>
    withPage(h.browser, {}, 'list', async (s) => {
      await gotoList(s.page, h.url);
      const items = s.page.locator(SEL.docItem);
      assert.equal(await items.count(), EXPECTED_DOCUMENTS, `count of ${SEL.docItem}`);
      for (let i = 0; i < EXPECTED_DOCUMENTS; i++) {
        const links = items.nth(i).locator('a.doc-link');
        assert.ok((await links.count()) >= 1, `doc item ${i} has no a.doc-link`);
        const text = (await links.first().innerText()).trim();
        assert.ok(text.length > 0, `doc item ${i}: a.doc-link has empty text`);
      }
      s.assertClean();
    }));

  test('opening a document shows its passages, and the back link returns to the list', opts, () =>
    withPage(h.browser, {}, 'document', async (s) => {
      const { page } = s;
      await gotoList(page, h.url);
      await openDocumentFromList(page, 0);

      const title = (await page.locator(SEL.docTitle).innerText()).trim();
      assert.ok(title.length > 0, 'h2#doc-title is empty');

      const report = await page.evaluate((sel) => {
        const passages = [...document.querySelectorAll(sel.passage)];
        const paragraphs = new Set(document.querySelectorAll(sel.paragraphPassage));
        const out = { count: passages.length, paragraphCount: paragraphs.size, problems: [], ids: [] };
        for (const [i, el] of passages.entries()) {
          const id = el.id;
          out.ids.push(id);
          if (!id) {
            out.problems.push(`passage #${i} <${el.tagName.toLowerCase()}> has no id`);
            continue;
          }
          if (!paragraphs.has(el)) continue;
          if (!id.startsWith('p-')) {
            out.problems.push(`paragraph passage id ${JSON.stringify(id)} does not start with "p-"`);
            continue;
          }
          const key = id.slice(2);
          const hrefs = [...el.querySelectorAll(sel.anchor)].map((a) => a.getAttribute('href') ?? '');
          const ok = hrefs.some((href) => {
            const at = href.indexOf(`p=${key}`);
            if (at < 0) return false;
            const before = at === 0 ? '' : href[at - 1];
            const afterCh = href[at + 2 + key.length] ?? '';
            return ['', '#', '&', '?'].includes(before) && ['', '&'].includes(afterCh);
          });
          if (!ok) {
            out.problems.push(
              `paragraph passage ${id}: no ${sel.anchor} with href containing "p=${key}" (hrefs: ${JSON.stringify(hrefs)})`,
            );
          }
        }
        return out;
      }, SEL);

      assert.ok(report.count >= MIN_PASSAGES, `expected >= ${MIN_PASSAGES} passages, found ${report.count}`);
      assert.ok(report.paragraphCount >= 1, `no paragraph passages matched ${SEL.paragraphPassage}`);
      const dupes = report.ids.filter((id, i) => id && report.ids.indexOf(id) !== i);
      assert.deepEqual(dupes, [], 'duplicate passage ids');
      assert.deepEqual(report.problems, [], 'passage problems');

      await page.locator(SEL.backLink).first().click();
      await page.waitForSelector(SEL.docItem);
      await page.waitForSelector(SEL.document, { state: 'detached' });
      assert.equal(await page.locator(SEL.docItem).count(), EXPECTED_DOCUMENTS);
      s.assertClean();
    }));

  test('a deep link opens the passage, focused and in view', opts, async () => {
    // Collect a real permalink from a document view: the last paragraph passage's anchor,
    // so that reaching it needs scrolling.
    const link = await withPage(h.browser, {}, 'deep-link-collect', async (s) => {
      await gotoList(s.page, h.url);
      await openDocumentFromList(s.page, 0);
      const hrefs = await s.page.$$eval(`${SEL.passage} ${SEL.anchor}`, (as) => as.map((a) => a.getAttribute('href')));
      const parsed = hrefs.map((href) => ({ href, ...parseHashLink(href ?? '') })).filter((x) => x.doc && x.p);
      assert.ok(parsed.length > 0, `no usable anchors (#doc=..&p=..) found; hrefs: ${JSON.stringify(hrefs.slice(0, 5))}`);
      return parsed[parsed.length - 1];
    });

    await withPage(h.browser, {}, 'deep-link', async (s) => {
      const { page } = s;
      const target = `${h.url}#doc=${encodeURIComponent(link.doc)}&p=${encodeURIComponent(link.p)}`;
      await page.goto(target, { waitUntil: 'load' });
      await waitForDocument(page);
      const selector = `[id=${JSON.stringify(`p-${link.p}`)}]`;
      await page.waitForSelector(`${selector}.focused`);
      await waitForScrollToSettle(page);
      const box = await page.locator(selector).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, vw: innerWidth, vh: innerHeight };
      });
      const inView = box.bottom > 0 && box.top < box.vh && box.right > 0 && box.left < box.vw;
      assert.ok(inView, `#p-${link.p} is not in the viewport after the deep link: ${JSON.stringify(box)}`);
      s.assertClean();
    });
  });

  test('an unknown document id shows the list and a not-found notice', opts, () =>
    withPage(h.browser, {}, 'unknown-doc', async (s) => {
      const { page } = s;
      await page.goto(`${h.url}#doc=no-such-doc`, { waitUntil: 'load' });
      await page.waitForSelector(SEL.docItem);
      const notice = page.locator(SEL.notice).first();
      await notice.waitFor({ state: 'visible' });
      const text = await notice.innerText();
      assert.match(text, /not\s+found/i, `notice text: ${JSON.stringify(text)}`);
      assert.equal(await page.locator(SEL.docItem).count(), EXPECTED_DOCUMENTS);
      s.assertNoPageErrors();
    }));

  test('every request goes to the page origin', opts, () =>
    withPage(h.browser, {}, 'origin', async (s) => {
      await gotoList(s.page, h.url);
      await openDocumentFromList(s.page, 0);
      await s.page.waitForLoadState('networkidle').catch(() => {});
      assert.ok(s.requests.length > 0, 'no requests were recorded');
      const foreign = s.requests.filter((u) => {
        const url = new URL(u);
        if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
        return url.origin !== h.origin;
      });
      assert.deepEqual(foreign, [], `requests outside ${h.origin}`);
      s.assertClean();
    }));

  for (const view of ['list', 'document']) {
    for (const colorScheme of ['light', 'dark']) {
      test(`axe: no violations in the ${view} view (${colorScheme})`, opts, () =>
        withPage(
          h.browser,
          { colorScheme, bypassCSP: true, reducedMotion: 'reduce' },
          `axe-${view}-${colorScheme}`,
          async (s) => {
            await gotoList(s.page, h.url);
            if (view === 'document') await openDocumentFromList(s.page, 0);
            await settle(s.page);
            const results = await runAxe(s.page);
            assert.equal(
              results.violations.length,
              0,
              `axe found ${results.violations.length} violation(s) in the ${view} view (${colorScheme}):\n` +
                formatAxeViolations(results.violations),
            );
            s.assertNoPageErrors();
          },
        ));
    }
  }

  // Issue 22: the screenshot check was "the file is not empty", which a screenshot of a
  // blank page passes. It must refuse a blank page and a page of the wrong width.
  test('the screenshot check refuses a blank page', opts, () =>
    withPage(h.browser, { viewport: { width: 640, height: 480 } }, 'blank-shot', async (s) => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = join(SCREENSHOT_DIR, 'check-blank.png');
      await s.page.setContent('<body style="background:#fafaf7"></body>');
      await s.page.screenshot({ path: file });
      assert.throws(() => assertScreenshot(file), /colours: the page drew nothing/);
      await s.page.goto(h.url);
      await s.page.waitForSelector(SEL.docItem);
      await s.page.screenshot({ path: file });
      assert.deepEqual(assertScreenshot(file, { width: 640 }), { width: 640, height: 480 });
      assert.throws(() => assertScreenshot(file, { width: 1280 }), /640 px wide, expected 1280/);
    }));

  const SHOTS = [
    { width: 1280, height: 800, colorScheme: 'light', suffix: '' },
    { width: 360, height: 740, colorScheme: 'light', suffix: '' },
    // The narrowest phone the page supports: checked for overflow like the others.
    { width: 320, height: 640, colorScheme: 'light', suffix: '' },
    { width: 1280, height: 800, colorScheme: 'dark', suffix: '-dark', only: ['document'] },
  ];
  for (const shot of SHOTS) {
    test(`screenshots at ${shot.width}x${shot.height} (${shot.colorScheme})`, opts, () =>
      withPage(
        h.browser,
        { viewport: { width: shot.width, height: shot.height }, colorScheme: shot.colorScheme, reducedMotion: 'reduce' },
        `shots-${shot.width}${shot.suffix}`,
        async (s) => {
          const { page } = s;
          mkdirSync(SCREENSHOT_DIR, { recursive: true });
          await gotoList(page, h.url);
          for (const view of ['list', 'document']) {
            if (view === 'document') await openDocumentFromList(page, 0);
            if (shot.only && !shot.only.includes(view)) continue;
            await settle(page);
            const file = join(SCREENSHOT_DIR, `${view}-${shot.width}${shot.suffix}.png`);
            await page.screenshot({ path: file, fullPage: true });
            assertScreenshot(file, { width: shot.width });
            const { scrollWidth, innerWidth } = await page.evaluate(() => ({
              scrollWidth: document.documentElement.scrollWidth,
              innerWidth: window.innerWidth,
            }));
            assert.ok(
              scrollWidth <= innerWidth,
              `${view} view at ${shot.width}px scrolls horizontally: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`,
            );
          }
          s.assertNoPageErrors();
        },
      ));
  }
});
