// The record opens anywhere: end-to-end tests of the release build with WebAssembly (the
// app takes the static record's place), without it (Chromium `--js-flags=--jitless`, as in
// Safari's Lockdown Mode), without JavaScript, and the one-file edition opened from disk;
// the passage pages that preview a shared link; and the static record against the app.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import {
  DIST,
  TEST_TIMEOUT_MS,
  formatAxeViolations,
  launchBrowser,
  runAxe,
  startHarness,
  waitForDocument,
  withPage,
} from './helpers.mjs';

const DOC = '2021-06-17-dodgy-data-warnings';
const page = readFileSync(join(DIST, 'index.html'), 'utf8');
/** A passage of DOC that the static record holds, from the built page itself. */
const KEY = page.match(new RegExp(`id="doc=${DOC}&amp;p=([a-z0-9]+)"`))[1];

/** Holds the page's wasm back, as a slow network does, until the returned function is
 * called: the static record stays on the page meanwhile. */
async function holdWasm(p) {
  let release;
  const held = new Promise((r) => (release = r));
  await p.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

async function noAxeViolations(p, where) {
  const { violations } = await runAxe(p);
  assert.equal(violations.length, 0, `axe, ${where}:\n${formatAxeViolations(violations)}`);
}

describe('The record opens anywhere', { timeout: TEST_TIMEOUT_MS * 20 }, () => {
  let h;
  let jitless;
  before(async () => {
    h = await startHarness();
    jitless = await launchBrowser(['--js-flags=--jitless']);
  }, { timeout: 60_000 });
  after(async () => {
    await jitless?.close();
    await h?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  test('the built page holds the whole record, found and previewed as the record', opts, async () => {
    assert.match(page, /<title>SIM Explorer: the public record of Serenity Integrated Mentoring \(SIM\)<\/title>/);
    assert.match(page, /property=og:title|property="og:title"/);
    for (const heading of ['The record: 5 documents', 'People and organisations', 'Events (']) {
      assert.ok(page.includes(heading), heading);
    }
    // No passage twice, and the page's own script is pinned by hash (no 'unsafe-inline').
    const ids = [...page.matchAll(/id="p-([a-z0-9]+)"/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length > 150, `${ids.length} passages`);
    assert.ok(!page.includes('unsafe-inline'));
  });

  test('the static passages are the app’s passages, under the same ids', opts, () =>
    withPage(h.browser, { javaScriptEnabled: false }, 'static-vs-app', async (s) => {
      await s.page.goto(h.url);
      const readStatic = () =>
        s.page.$$eval('article.document', (docs) =>
          Object.fromEntries(
            docs.map((d) => [
              d.id.slice('doc='.length),
              [...d.querySelectorAll('.passage')].map((p) => [p.id, p.querySelector('.passage-text').textContent]),
            ]),
          ),
        );
      const record = await readStatic();
      assert.equal(Object.keys(record).length, 5);
      await withPage(h.browser, {}, 'app-passages', async (a) => {
        for (const [doc, passages] of Object.entries(record)) {
          await a.page.goto(`${h.url}#doc=${doc}`);
          await waitForDocument(a.page);
          await a.page.waitForFunction((d) => document.title !== 'SIM Explorer' && location.hash.includes(d), doc);
          const live = await a.page.$$eval('article.document .passage', (ps) =>
            ps.map((p) => [p.id, p.querySelector('.passage-text').textContent]),
          );
          assert.deepEqual(live, passages, doc);
        }
        a.assertClean();
      });
    }));

  test('without JavaScript: the record reads as a document, contents and deep links work', opts, () =>
    withPage(h.browser, { javaScriptEnabled: false }, 'no-js', async (s) => {
      const p = s.page;
      await p.goto(`${h.url}#doc=${DOC}&p=${KEY}`);
      // The link's target is the passage's own anchor; the passage is marked and on screen
      // (once the browser has scrolled to it, after the page has loaded).
      for (let i = 0; i < 50 && (await p.$eval(`#p-${KEY}`, (el) => el.getBoundingClientRect().top)) > 900; i++) {
        await p.waitForTimeout(100);
      }
      const marked = await p.$eval(`#p-${KEY}`, (el) => ({
        target: el.matches(':has(> a.anchor:target)'),
        top: el.getBoundingClientRect().top,
      }));
      assert.ok(marked.target, 'the passage is the target');
      assert.ok(marked.top >= 0 && marked.top < 900, `on screen: ${marked.top}`);
      // The list of documents doubles as the contents: its links land on each document.
      await p.click(`a.doc-link[href="#doc=2023-stopsim-statement"]`);
      assert.equal(await p.evaluate(() => document.querySelector(':target')?.id), 'doc=2023-stopsim-statement');
      // The search box, which needs a script, is not offered; the note says what is here.
      assert.equal(await p.isVisible('#search-input'), false);
      assert.match(await p.textContent('noscript'), /whole record on one page/);
    }));

  // axe needs a script: the page as a browser without JavaScript has it is the page with its
  // scripts taken out (the static record, no `js` class), checked light and dark.
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: no violations without JavaScript (${colorScheme})`, opts, () =>
      withPage(h.browser, { colorScheme, bypassCSP: true, waitForApp: false }, `no-js-axe-${colorScheme}`, async (s) => {
        await s.page.route(/\/(index\.html)?$/, async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(/<script[\s\S]*?<\/script>/g, '');
          await route.fulfill({ response, body });
        });
        await s.page.goto(h.url);
        assert.equal(await s.page.$('#app'), null);
        assert.equal(await s.page.isVisible('#search-input'), false);
        await noAxeViolations(s.page, `without JavaScript, ${colorScheme}`);
      }));
    test(`axe: no violations without WebAssembly (${colorScheme})`, opts, () =>
      withPage(jitless, { colorScheme, bypassCSP: true }, `jitless-axe-${colorScheme}`, async (s) => {
        await s.page.goto(`${h.url}#q=wessex`);
        await s.page.waitForSelector('#static-results:not([hidden]) li.result');
        await noAxeViolations(s.page, `without WebAssembly, ${colorScheme}`);
      }));
  }

  test('without WebAssembly: a deep link shows its passage, a plain search works, bad links say so', opts, () =>
    withPage(jitless, {}, 'jitless', async (s) => {
      const p = s.page;
      await p.goto(`${h.url}#doc=${DOC}&p=${KEY}`);
      assert.equal(await p.evaluate(() => typeof WebAssembly), 'undefined');
      await p.waitForSelector(`#p-${KEY}.focused`);
      assert.equal(await p.$('#app'), null, 'no app');
      await p.goto(`${h.url}#q=wessex%20police`);
      await p.waitForSelector('#static-results:not([hidden]) li.result');
      assert.equal(await p.inputValue('#search-input'), 'wessex police');
      assert.match(await p.textContent('#static-results .result-count'), /^\d+ passages? match\.$/);
      assert.match(await p.textContent('#static-search-note'), /does not run WebAssembly/);
      for (const text of await p.$$eval('#static-results li.result a', (a) => a.map((x) => x.textContent.toLowerCase()))) {
        assert.ok(text.includes('wessex') && text.includes('police'), text);
      }
      // A result is an in-page link to its passage.
      await p.click('#static-results li.result a');
      await p.waitForSelector('.passage.focused');
      // Links naming what the record lacks open the record with a notice.
      for (const bad of ['doc=no-such-document', `doc=${DOC}&p=zzzzzz`, 'actor=nobody', 'ev=never']) {
        await p.goto(`${h.url}#${bad}`);
        await p.waitForSelector('#static-notice:not([hidden])');
        assert.ok(await p.isVisible('ol.doc-list'), bad);
        await p.goto(`${h.url}#`);
      }
      s.assertClean();
    }));

  test('with WebAssembly the app takes the record’s place: once, without a shift', opts, () =>
    withPage(h.browser, {}, 'takeover', async (s) => {
      const p = s.page;
      await p.addInitScript(() => {
        window.__shift = 0;
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await p.goto(h.url);
      await p.waitForSelector('#app');
      await p.waitForTimeout(300);
      assert.equal(await p.$('#record'), null);
      assert.equal(await p.$$eval('main', (m) => m.length), 1);
      assert.equal(await p.$$eval('h1', (m) => m.length), 1);
      assert.equal(await p.evaluate(() => window.__shift), 0, 'cumulative layout shift');
      s.assertClean();
    }));

  test('what a person did before the app ran is kept: the text typed and the place read', opts, () =>
    withPage(h.browser, { viewport: { width: 1280, height: 900 }, waitForApp: false }, 'takeover-kept', async (s) => {
      const p = s.page;
      // Hold the wasm back, as a slow network does, while the person reads and types.
      const release = await holdWasm(p);
      await p.goto(h.url);
      await p.waitForSelector('#record');
      await p.evaluate((key) => document.getElementById(`p-${key}`).scrollIntoView({ block: 'start', behavior: 'instant' }), KEY);
      await p.evaluate(() => window.scrollBy({ top: -200, behavior: 'instant' }));
      const tops = await p.$$eval('article.document .passage', (ps) =>
        Object.fromEntries(ps.map((el) => [el.id, el.getBoundingClientRect().top])),
      );
      release();
      await p.waitForSelector('#app');
      await p.waitForFunction(() => document.querySelector('#app article.document') && location.hash.includes('p='));
      await p.waitForTimeout(400);
      const [key, top] = await p.evaluate(() => {
        const k = new URLSearchParams(location.hash.slice(1)).get('p');
        return [k, document.getElementById(`p-${k}`).getBoundingClientRect().top];
      });
      // The app opened the passage at the top of the screen, and it stands where it stood.
      assert.ok(`p-${key}` in tops, key);
      assert.ok(tops[`p-${key}`] > 0 && tops[`p-${key}`] < 500, `it was on screen: ${tops[`p-${key}`]}`);
      assert.ok(Math.abs(top - tops[`p-${key}`]) <= 2, `passage ${key} was at ${tops[`p-${key}`]}, now ${top}`);

      // Typed before the app ran: the search carries over.
      await withPage(h.browser, { waitForApp: false }, 'takeover-typed', async (t) => {
        const go = await holdWasm(t.page);
        await t.page.goto(h.url);
        await t.page.fill('#search-input', 'jennings');
        go();
        await t.page.waitForSelector('#app ol.results li.result');
        assert.equal(await t.page.inputValue('#search-input'), 'jennings');
        assert.equal(await t.page.evaluate(() => document.activeElement?.id), 'search-input');
        t.assertClean();
      });
      s.assertClean();
    }));

  // The record's far sections skip layout (content-visibility) only while the app is
  // coming: elsewhere the record is the page, and all of it is laid out, read and printed.
  test('the record waits to lay out its far sections only while the app is coming', opts, async () => {
    const laidOut = (p) =>
      p.$$eval('#record main > :is(article.document, section, .static-disagreements)', (els) =>
        Object.fromEntries(els.map((el) => [el.id || el.className, getComputedStyle(el).contentVisibility])),
      );
    // Those after the list of documents; the filter and the list above them show at once.
    const farSections = (seen) => Object.entries(seen).filter(([k]) => !/doc-list-section|actor-filter|static-results/.test(k));
    await withPage(h.browser, { waitForApp: false }, 'record-coming', async (s) => {
      const release = await holdWasm(s.page);
      await s.page.goto(h.url);
      await s.page.waitForSelector('#record');
      const seen = await laidOut(s.page);
      assert.ok(farSections(seen).length >= 8, JSON.stringify(seen));
      for (const [k, v] of farSections(seen)) assert.equal(v, 'auto', `${k} while the app is coming`);
      assert.equal(seen['doc-list-section'], 'visible', 'the list of documents is laid out at once');
      assert.equal(seen['actor-filter'], 'visible', 'the filter above it too');
      release();
      await s.page.waitForSelector('#app');
      s.assertClean();
    });
    await withPage(jitless, { waitForApp: false }, 'record-no-wasm', async (s) => {
      await s.page.goto(h.url);
      await s.page.waitForSelector('#record');
      for (const [k, v] of Object.entries(await laidOut(s.page))) assert.equal(v, 'visible', `${k} without WebAssembly`);
      s.assertClean();
    });
    // The wasm refused: the start says so and the page is one without WebAssembly, laid
    // out in full, on the link's target (the last document's passage, below parts that
    // were not laid out until then), its search working as without WebAssembly.
    const last = [...page.matchAll(/id="doc=([a-z0-9-]+)&amp;p=([a-z0-9]+)"/g)].at(-2);
    await withPage(h.browser, { waitForApp: false, viewport: { width: 360, height: 740 } }, 'record-wasm-failed', async (s) => {
      await s.page.route('**/*.wasm', (route) => route.abort());
      await s.page.goto(`${h.url}#doc=${last[1]}&p=${last[2]}`);
      await s.page.waitForFunction(() => document.documentElement.classList.contains('no-wasm'));
      assert.ok(await s.page.$('#record'), 'the record stays');
      for (const [k, v] of Object.entries(await laidOut(s.page))) assert.equal(v, 'visible', `${k} after a failed start`);
      assert.equal(await s.page.locator('#record .actor-filter').isVisible(), false, 'the filter needs the app');
      const target = s.page.locator(`[id="p-${last[2]}"]`);
      await s.page.waitForTimeout(200);
      const box = await target.boundingBox();
      assert.ok(box && box.y > 0 && box.y < 740, `the linked passage is on screen: ${JSON.stringify(box)}`);
      assert.match(await target.getAttribute('class'), /focused/);
      await s.page.fill('#search-input', 'jennings');
      await s.page.waitForSelector('#static-results:not([hidden]) li.result');
      assert.ok(s.pageErrors.length + s.consoleErrors.length > 0, 'the failure is still reported');
    });
  });

  test('a passage’s own page previews it and goes on to it in the record', opts, () =>
    withPage(h.browser, {}, 'passage-page', async (s) => {
      const html = readFileSync(join(DIST, 'p', `${KEY}.html`), 'utf8');
      assert.match(html, /<meta property="og:title" content="“[^"]+”/);
      assert.match(html, /<meta name="description" content="“/);
      assert.match(html, new RegExp(`<meta http-equiv="refresh" content="0; url=../#doc=${DOC}&amp;p=${KEY}">`));
      await s.page.goto(`${h.url}p/${KEY}.html`);
      await s.page.waitForURL(new RegExp(`#doc=${DOC}&p=${KEY}$`));
      await s.page.waitForSelector(`#p-${KEY}.focused`);
      // Precached, so a shared link opens offline; the one-file edition (a download) is not.
      const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
      assert.ok(sw.includes(`"./p/${KEY}.html"`) && !sw.includes('sim-explorer.html'));
      s.assertClean();
    }));

  test('the one-file edition opens from disk: search, a deep link, a citation', opts, () =>
    withPage(h.browser, {}, 'one-file', async (s) => {
      const p = s.page;
      const file = pathToFileURL(join(DIST, 'sim-explorer.html')).href;
      await p.goto(`${file}#q=Jenings`);
      await p.waitForSelector('#app ol.results li.result mark');
      await p.goto(`${file}#doc=${DOC}&p=${KEY}`);
      await p.waitForSelector(`#app #p-${KEY}.focused`);
      await p.click('.cite-tools button:text-is("Copy citation")');
      // The clipboard may refuse a file page: then the citation is shown to copy by hand.
      await p.waitForSelector('.cite-status:text-is("Citation copied."), textarea.cite-fallback');
      const requests = s.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
      assert.deepEqual(requests, [], 'nothing fetched');
      s.assertClean();
    }));
});
