// End-to-end tests of every kind of link a person shares (issue 21): each opened fresh, by a
// returning visitor with the service worker in control, and offline; each lands on its
// target, on screen below the sticky search bar with focus on it, styled, with the app
// running and nothing failing to load. Then: landing at phone size, the view following any
// change of the address, links that need the app saying so without WebAssembly or
// JavaScript, and citations from the one-file edition opened from disk.

import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { DIST, TEST_TIMEOUT_MS, launchBrowser, openPage, waitForScrollToSettle, withPage } from './helpers.mjs';
import { startServer } from './server.mjs';

// What the links name, read from the built record so the tests follow the corpus.
const RECORD = readFileSync(join(DIST, 'index.html'), 'utf8');
const DOC = '2021-06-17-dodgy-data-warnings';
const KEY = RECORD.match(new RegExp(`id="doc=${DOC}&amp;p=([a-z0-9]+)"`))[1];
const EV = RECORD.match(/<li id="?ev=([a-z0-9-]+)/)[1];
const DIS = RECORD.match(/<article id="?dis=([a-z0-9-]+)/)[1];
const ACTOR = 'nhs-england';
const QUOTE = 'For this, NHS England is sorry.';
const PASSAGE_HASH = `#doc=${DOC}&p=${KEY}`;

/** Every kind of link: where it is opened, the fragment it ends on, and what it lands on
 *  (`whole`: the part that must be in view, when larger than the focused element). */
const KINDS = [
  { name: 'passage page', path: `p/${KEY}.html`, hash: PASSAGE_HASH, target: `#p-${KEY}` },
  { name: 'passage fragment', path: PASSAGE_HASH, hash: PASSAGE_HASH, target: `#p-${KEY}` },
  { name: 'document', path: `#doc=${DOC}`, hash: `#doc=${DOC}`, target: '#doc-title' },
  { name: 'actor', path: `#actor=${ACTOR}`, hash: `#actor=${ACTOR}`, target: '#actor-name' },
  { name: 'event', path: `#ev=${EV}`, hash: `#ev=${EV}`, target: '#event-title', whole: '.event-detail' },
  { name: 'disagreement', path: `#dis=${DIS}`, hash: `#dis=${DIS}`, target: `#dis-${DIS}` },
  {
    name: 'collection',
    path: `#col=p.${KEY},e.${EV},d.${DIS}`,
    hash: `#col=p.${KEY},e.${EV},d.${DIS}`,
    target: '#collection-heading',
    check: async (page) => assert.equal(await page.locator('.collection-items > li').count(), 3),
  },
  {
    name: 'check',
    path: `#check=${encodeURIComponent(QUOTE)}`,
    hash: `#check=${encodeURIComponent(QUOTE)}`,
    target: '#check-heading',
    check: async (page) => assert.match(await page.textContent('.check-verdict'), /In the record word for word/),
  },
];

/** Opens `url` in a new tab of `context` and asserts it landed as `kind` says. */
async function openAndLand(context, url, kind, { offline = false } = {}) {
  const page = await context.newPage();
  const bad = [];
  const notFromWorker = [];
  const errors = [];
  page.on('response', (r) => {
    if (r.status() >= 400) bad.push(`${r.status()} ${r.url()}`);
    if (!r.fromServiceWorker() && !r.url().startsWith('data:')) notFromWorker.push(r.url());
  });
  page.on('requestfailed', (r) => bad.push(`failed ${r.url()}: ${r.failure()?.errorText}`));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.goto(url);
    await page.waitForFunction(
      (hash) => decodeURIComponent(location.hash) === decodeURIComponent(hash),
      kind.hash,
    );
    // The app has taken the static record's place.
    await page.waitForFunction(() => document.getElementById('app') && !document.getElementById('record'));
    await page.waitForSelector(kind.target);
    await page.waitForFunction((t) => document.activeElement === document.querySelector(t), kind.target);
    await waitForScrollToSettle(page);
    const seen = await page.evaluate(
      ({ target, whole }) => {
        const el = document.querySelector(target);
        const box = (whole ? el.closest(whole) : el).getBoundingClientRect();
        const bar = document.querySelector('.search-bar');
        return {
          top: box.top,
          bottom: box.bottom,
          below: bar.getBoundingClientRect().bottom,
          height: innerHeight,
          // Styled: the stylesheet's sticky bar and the page's own font size are in force.
          sticky: getComputedStyle(bar).position,
          path: location.pathname,
          controlled: navigator.serviceWorker?.controller != null,
        };
      },
      { target: kind.target, whole: kind.whole },
    );
    const where = `${kind.name}: ${JSON.stringify(seen)}`;
    assert.equal(seen.sticky, 'sticky', `styled (${where})`);
    assert.ok(seen.top >= seen.below - 1, `not under the search bar (${where})`);
    assert.ok(seen.top < seen.height - 60, `on screen (${where})`);
    assert.ok(!seen.path.includes('/p/'), `the record itself, not the passage page (${where})`);
    await kind.check?.(page);
    assert.deepEqual(bad, [], `nothing failed to load (${kind.name})`);
    assert.deepEqual(errors, [], `no errors (${kind.name})`);
    if (offline) assert.deepEqual(notFromWorker, [], `offline, every response from the worker (${kind.name})`);
    return seen;
  } finally {
    await page.close();
  }
}

/** A context that has visited the record once and whose service worker now controls it. */
async function returningVisitor(browser, url, viewport) {
  const s = await openPage(browser, { viewport });
  await s.page.goto(url);
  await s.page.waitForSelector('ol.doc-list > li.doc-item');
  await s.page.evaluate(() => navigator.serviceWorker.ready);
  await s.page.reload();
  await s.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return s;
}

describe('Every link works, every time', { timeout: TEST_TIMEOUT_MS * 30 }, () => {
  let browser;
  let server;
  before(async () => {
    browser = await launchBrowser();
    server = await startServer({ root: DIST });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS * 4 };
  const desktop = { width: 1280, height: 900 };

  test('each kind of link lands on its target, opened fresh', opts, async () => {
    for (const kind of KINDS) {
      const s = await openPage(browser, { viewport: desktop });
      try {
        await openAndLand(s.context, server.url + kind.path, kind);
      } finally {
        await s.close();
      }
    }
  });

  // Issue 21: a returning visitor's worker answered p/KEY.html with the record's index.html,
  // whose stylesheet, script and icon then resolved under p/: three 404s, no app, no passage.
  test('each kind of link lands on its target for a returning visitor (worker in control)', opts, async () => {
    const s = await returningVisitor(browser, server.url, desktop);
    try {
      for (const kind of KINDS) {
        const seen = await openAndLand(s.context, server.url + kind.path, kind);
        assert.ok(seen.controlled, `${kind.name}: the worker controls the page`);
      }
    } finally {
      await s.close();
    }
  });

  test('each kind of link lands on its target offline, after one visit', opts, async () => {
    const s = await returningVisitor(browser, server.url, desktop);
    try {
      await s.context.setOffline(true);
      for (const kind of KINDS) {
        await openAndLand(s.context, server.url + kind.path, kind, { offline: true });
      }
    } finally {
      await s.close();
    }
  });

  test('offline, an address the copy on this device lacks says so, never the record under it', opts, async () => {
    const s = await returningVisitor(browser, server.url, desktop);
    try {
      await s.context.setOffline(true);
      const page = await s.context.newPage();
      const response = await page.goto(`${server.url}p/nothing-here.html`);
      assert.equal(response.status(), 503);
      assert.match(await page.textContent('body'), /not part of the copy of SIM Explorer kept on this device/);
      await page.click('a');
      await page.waitForSelector('ol.doc-list > li.doc-item');
    } finally {
      await s.close();
    }
  });

  test('the one-file edition lands on its targets from disk: first open, reopened, with no network', opts, async () => {
    const file = pathToFileURL(join(DIST, 'sim-explorer.html')).href;
    const s = await openPage(browser, { viewport: desktop });
    try {
      const lands = KINDS.filter((k) => k.name !== 'passage page');
      for (const kind of lands) await openAndLand(s.context, file + kind.path, kind);
      for (const kind of lands.slice(0, 3)) await openAndLand(s.context, file + kind.path, kind);
      await s.context.setOffline(true);
      for (const kind of lands) await openAndLand(s.context, file + kind.path, kind);
      const fetched = s.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
      assert.deepEqual(fetched, [], 'nothing fetched from anywhere');
    } finally {
      await s.close();
    }
  });

  // Issue 21: an event link landed at the foot of the page, the event 3,150 px above the
  // screen at 1280 x 900 and 5,700 px on a phone; a disagreement's heading sat under the bar.
  test('links land in view below the search bar on a phone (390 x 844)', opts, async () => {
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
    for (const kind of KINDS) {
      const s = await openPage(browser, phone);
      try {
        await openAndLand(s.context, server.url + kind.path, kind);
      } finally {
        await s.close();
      }
    }
  });

  // Issue 21: changing the address to a new `#check=…` kept the old quote and its verdict.
  test('the view follows the address: edited, Back and Forward, the quote check included', opts, () =>
    withPage(browser, { viewport: desktop }, 'follows-address', async (s) => {
      const { page } = s;
      const shows = async (hash, selector, text) => {
        await page.waitForFunction(
          ({ hash, selector, text }) => {
            const el = document.querySelector(selector);
            return decodeURIComponent(location.hash) === decodeURIComponent(hash) && el && el.textContent.includes(text);
          },
          { hash, selector, text },
        );
      };
      const edit = (hash) => page.evaluate((h) => { location.hash = h; }, hash);
      await page.goto(`${server.url}#check=${encodeURIComponent(QUOTE)}`);
      await shows(`#check=${encodeURIComponent(QUOTE)}`, '.check-verdict', 'In the record word for word');
      const moon = 'the moon is made of green cheese';
      await edit(`#check=${encodeURIComponent(moon)}`);
      await shows(`#check=${encodeURIComponent(moon)}`, '.check-verdict', 'Not in the record');
      assert.equal(await page.inputValue('#check-text'), moon);
      await edit(`#doc=${DOC}`);
      await shows(`#doc=${DOC}`, '#doc-title', 'NHS bodies continued');
      await edit(`#actor=${ACTOR}`);
      await shows(`#actor=${ACTOR}`, '#actor-name', 'NHS England');
      await edit('#q=Wessex');
      await shows('#q=Wessex', '.result-count', 'passage');
      assert.equal(await page.inputValue('#search-input'), 'Wessex');
      await page.goBack();
      await shows(`#actor=${ACTOR}`, '#actor-name', 'NHS England');
      await page.goBack();
      await page.goBack();
      await shows(`#check=${encodeURIComponent(moon)}`, '.check-verdict', 'Not in the record');
      await page.goBack();
      await shows(`#check=${encodeURIComponent(QUOTE)}`, '.check-verdict', 'In the record word for word');
      assert.equal(await page.inputValue('#check-text'), QUOTE);
      await page.goForward();
      await shows(`#check=${encodeURIComponent(moon)}`, '.check-verdict', 'Not in the record');
      s.assertClean();
    }));

  // Issue 21: lists of 10 or more showed "0.", "1." with their first digit clipped.
  for (const width of [1280, 390]) {
    test(`numbered lists show their numbers whole at ${width} px`, opts, () =>
      withPage(browser, { viewport: { width, height: 900 } }, `numbers-${width}`, async (s) => {
        const { page } = s;
        for (const hash of ['#', '#dis=all', `#col=${[...RECORD.matchAll(/<li id="?ev=([a-z0-9-]+)/g)].slice(0, 12).map((m) => `e.${m[1]}`).join(',')}`]) {
          await page.goto(server.url + hash);
          await page.waitForFunction(() => document.getElementById('app') && !document.getElementById('record'));
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
          await page.waitForTimeout(300);
          const clipped = await page.evaluate(() => {
            const canvas = document.createElement('canvas').getContext('2d');
            const out = [];
            for (const ol of document.querySelectorAll('ol')) {
              const items = [...ol.children].filter((li) => li.tagName === 'LI');
              const style = getComputedStyle(ol);
              if (items.length < 10 || style.listStyleType !== 'decimal' || style.listStylePosition !== 'outside') continue;
              const li = items[items.length - 1];
              const s = getComputedStyle(li);
              canvas.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
              // The marker stands left of the item, within the list's padding.
              const marker = canvas.measureText(`${items.length}. `).width;
              const room = li.getBoundingClientRect().left - ol.getBoundingClientRect().left;
              if (room < marker) out.push(`${ol.className || ol.getAttribute('aria-label')}: ${room} px for ${marker} px`);
            }
            return out;
          });
          assert.deepEqual(clipped, [], `${hash} at ${width} px`);
        }
        s.assertClean();
      }));
  }

  test('paragraph counts agree: the list of documents, the reader and the last paragraph', opts, () =>
    withPage(browser, { viewport: desktop }, 'paragraph-counts', async (s) => {
      const { page } = s;
      await page.goto(`${server.url}#doc=2023-stopsim-statement`);
      await page.waitForSelector('#doc-title');
      const numbers = await page.$$eval('article.document p.passage a.anchor', (as) => as.map((a) => Number(a.textContent)));
      const count = await page.$$eval('article.document .doc-meta > div', (rows) =>
        Number(rows.find((r) => r.querySelector('dt').textContent === 'Paragraphs').querySelector('dd').textContent),
      );
      assert.equal(Math.max(...numbers), count, `numbered to ${Math.max(...numbers)}, said ${count}`);
      await page.goto(server.url);
      const listed = await page.textContent('ol.doc-list > li:has(a[href="#doc=2023-stopsim-statement"])');
      assert.match(listed, new RegExp(`${count} paragraphs`));
      s.assertClean();
    }));
});

describe('Links that need the app, where it cannot run', { timeout: TEST_TIMEOUT_MS * 10 }, () => {
  let jitless;
  let browser;
  let server;
  before(async () => {
    jitless = await launchBrowser(['--js-flags=--jitless']);
    browser = await launchBrowser();
    server = await startServer({ root: DIST });
  });
  after(async () => {
    await jitless?.close();
    await browser?.close();
    await server?.close();
  });
  const opts = { timeout: TEST_TIMEOUT_MS };

  // Issue 21: without WebAssembly a shared collection or a quote-check link silently showed
  // the home page.
  test('without WebAssembly, a shared collection says so at the top and lists its items', opts, () =>
    withPage(jitless, {}, 'no-wasm-collection', async (s) => {
      const { page } = s;
      await page.goto(`${server.url}#col=p.${KEY},e.${EV},d.${DIS},p.zzzzzz`);
      const notice = page.locator('#static-notice');
      await notice.waitFor();
      assert.match(await notice.textContent(), /shares a collection of 4 items\. Collections need WebAssembly/);
      assert.ok((await notice.boundingBox()).y < 700, 'on the first screen');
      const links = await notice.locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, [PASSAGE_HASH, `#ev=${EV}`, `#dis=${DIS}`]);
      assert.match(await notice.textContent(), /p\.zzzzzz: not in this record/);
      await notice.locator('li a').first().click();
      await page.waitForSelector(`#p-${KEY}.focused`);
      s.assertClean();
    }));

  test('without WebAssembly, a quote check says so at the top and checks word for word', opts, () =>
    withPage(jitless, {}, 'no-wasm-check', async (s) => {
      const { page } = s;
      await page.goto(`${server.url}#check=${encodeURIComponent(QUOTE.toUpperCase())}`);
      const notice = page.locator('#static-notice');
      await notice.waitFor();
      const text = await notice.textContent();
      assert.match(text, /asks to check a quote\. The full check.*needs WebAssembly/);
      assert.match(text, /In the record word for word \(case, punctuation and spacing aside\), in:/);
      assert.equal(await notice.locator('li a').count(), 1);
      await page.evaluate(() => { location.hash = `#check=${encodeURIComponent('nowhere in the record at all')}`; });
      await page.waitForFunction(() => document.getElementById('static-notice').textContent.includes('Not found word for word'));
      s.assertClean();
    }));

  // Issue 21: without JavaScript the only word on what is missing was at the foot of the page.
  test('without JavaScript, the note on what needs it is at the top', opts, () =>
    withPage(browser, { javaScriptEnabled: false }, 'no-js-note-top', async (s) => {
      const { page } = s;
      await page.goto(`${server.url}#col=p.${KEY}`);
      const box = await page.locator('.noscript-note').boundingBox();
      assert.ok(box && box.y < 80, `at the top: ${JSON.stringify(box)}`);
      assert.match(await page.textContent('.noscript-note'), /a shared collection need JavaScript/);
    }));

  // Issue 21: the one-file edition opened from disk put file:///… paths in citations.
  test('citations from the one-file edition on disk: the published address, or "a local copy"', opts, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-one-file-'));
    try {
      const html = readFileSync(join(DIST, 'sim-explorer.html'), 'utf8');
      const bare = join(dir, 'bare.html');
      writeFileSync(bare, html.replace(/<link rel="?canonical"?[^>]*>/, ''));
      // As the build writes it when told SITE_URL (src/bin/record.rs).
      const site = join(dir, 'site.html');
      writeFileSync(site, html.replace(/<link rel="?canonical"?[^>]*>/, '').replace('</head>', '<link rel="canonical" href="https://sim.example.org/record/"></head>'));
      for (const [file, expect] of [
        [bare, { address: null }],
        [site, { address: `https://sim.example.org/record/p/${KEY}.html` }],
      ]) {
        await withPage(browser, {}, 'one-file-citation', async (s) => {
          const { page } = s;
          // What the buttons copy, caught where it is written.
          await page.addInitScript(() => {
            window.__copied = [];
            Object.defineProperty(navigator, 'clipboard', {
              value: { writeText: async (text) => { window.__copied.push(text); } },
            });
          });
          await page.goto(`${pathToFileURL(file).href}${PASSAGE_HASH}`);
          await page.waitForSelector(`#app #p-${KEY}.focused`);
          await page.click('.cite-tools button:text-is("Copy citation")');
          await page.waitForSelector('.cite-status:text-is("Citation copied.")');
          await page.click('.cite-tools button:text-is("Copy link")');
          await page.waitForFunction(() => document.querySelector('.cite-status').textContent !== 'Citation copied.');
          const [citation, link] = await page.evaluate(() => window.__copied);
          const status = await page.textContent('.cite-status');
          assert.ok(citation && !citation.includes('file:'), citation);
          if (expect.address) {
            assert.ok(citation.endsWith(`. ${expect.address}`), citation);
            assert.equal(link, expect.address);
          } else {
            assert.ok(citation.endsWith('. From a local copy of SIM Explorer.'), citation);
            assert.equal(link, undefined, 'no link copied');
            assert.match(status, /local copy of SIM Explorer with no published address/);
          }
          s.assertClean();
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
