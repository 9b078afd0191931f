// Shared helpers for the browser end-to-end tests: paths, launching Chromium through
// playwright-core, per-test contexts that collect console errors / page errors /
// requests, the page's DOM contract (selectors), and axe-core.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { colourCount, readPng } from './png.mjs';
import { startServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..', '..');
/** The built page. E2E_DIST overrides it (relative paths resolve against the cwd). */
export const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(REPO_ROOT, 'dist');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'target', 'screenshots');
export const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Default wait for any one selector / navigation (the wasm needs a moment to start). */
export const WAIT_MS = Number(process.env.E2E_WAIT_MS) || 30_000;
/** node:test timeout for a single test. */
export const TEST_TIMEOUT_MS = Number(process.env.E2E_TEST_TIMEOUT_MS) || 120_000;

/** The features playwright-core (1.64) disables in Chromium. Chromium reads only the last
 * `--disable-features`, so ours repeats these; `page.test.mjs` checks, in the browser's own
 * command line (chrome://version), that none of Playwright's is dropped. */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin',
  'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion',
];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Each context's window loaded the address bar's two pop-up pages (WebUI, out of
  // sight in headless), about 650 ms of CPU a context in its first second: more than the
  // page under test, and two-thirds of what a test's fresh context cost (blank context
  // held 1 s: 898 ms of CPU, 238 without them). The page never sees them.
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'].join(',')}`,
];

/** The DOM contract the tests rely on. Keep in step with the app. */
export const SEL = {
  heading: 'h1',
  docList: 'ol.doc-list',
  docItem: 'ol.doc-list > li.doc-item',
  docLink: 'ol.doc-list > li.doc-item a.doc-link',
  document: 'article.document',
  docTitle: 'h2#doc-title',
  passage: 'article.document .passage',
  // A paragraph (not a section heading); each carries a permalink (a.anchor).
  paragraphPassage: 'article.document p.passage',
  anchor: 'a.anchor',
  backLink: 'a.back-link',
  notice: '[role=status].notice, .notice',
};

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Fail early, with a useful message, when the page has not been built. */
export function assertDistBuilt(dist = DIST) {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(
      `No built page at ${dist} (index.html missing). Build it first (trunk build --release) ` +
        'or point E2E_DIST at a built dist directory.',
    );
  }
}

/** Chromium; `extraArgs` such as `--js-flags=--jitless` (no WebAssembly, as in Safari's
 *  Lockdown Mode). */
export async function launchBrowser(extraArgs = []) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH to override).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Start the static server on DIST and launch Chromium. */
export async function startHarness() {
  assertDistBuilt();
  const server = await startServer({ root: DIST });
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    server,
    browser,
    url: server.url,
    origin: new URL(server.url).origin,
    async close() {
      await browser?.close().catch(() => {});
      await server.close();
    },
  };
}

/** The app has taken the static record's place, or never will (no WebAssembly). */
const appStarted = () => typeof WebAssembly === 'undefined' || !document.getElementById('record');

/**
 * A fresh context + page that records console errors, page errors, every request URL and
 * failed requests. contextOptions go to browser.newContext (viewport, colorScheme, ...),
 * except `waitForApp`: unless false (or JavaScript is off), every load of the page
 * (goto, reload, back, forward) returns once the app has taken over. The static record has
 * the same classes (`article.document .passage`, `article.disagreement`) but other ids, so
 * a test that acted on the first match could act on the record the app was about to
 * replace (seen: a key read from another document, "Paragraph not found"). Tests of the
 * record before the app runs pass `waitForApp: false`.
 */
export async function openPage(browser, contextOptions = {}) {
  const { waitForApp = contextOptions.javaScriptEnabled !== false, ...options } = contextOptions;
  const context = await browser.newContext(options);
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS * 2);
  const session = {
    context,
    page: null,
    consoleErrors: [],
    pageErrors: [],
    requests: [],
    failedRequests: [],
    async newPage() {
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (msg.type() === 'error') {
          const loc = msg.location();
          session.consoleErrors.push(`${msg.text()}${loc?.url ? ` (at ${loc.url}:${loc.lineNumber})` : ''}`);
        }
      });
      page.on('pageerror', (err) => session.pageErrors.push(err.stack || String(err)));
      if (waitForApp) {
        for (const name of ['goto', 'reload', 'goBack', 'goForward']) {
          const load = page[name].bind(page);
          page[name] = async (...args) => {
            const response = await load(...args);
            await page.waitForFunction(appStarted);
            return response;
          };
        }
      }
      return page;
    },
    /** Everything collected so far, for assertion messages. */
    diagnostics() {
      return [
        `console errors: ${JSON.stringify(session.consoleErrors, null, 2)}`,
        `page errors: ${JSON.stringify(session.pageErrors, null, 2)}`,
        `failed requests: ${JSON.stringify(session.failedRequests, null, 2)}`,
      ].join('\n');
    },
    assertNoPageErrors() {
      if (session.pageErrors.length) {
        throw new Error(`Uncaught page error(s):\n${session.pageErrors.join('\n---\n')}\n${session.diagnostics()}`);
      }
    },
    assertNoConsoleErrors() {
      if (session.consoleErrors.length) {
        throw new Error(`Console error(s):\n${session.consoleErrors.join('\n')}\n${session.diagnostics()}`);
      }
    },
    assertClean() {
      session.assertNoPageErrors();
      session.assertNoConsoleErrors();
    },
    close: () => context.close().catch(() => {}),
  };
  context.on('request', (req) => session.requests.push(req.url()));
  context.on('requestfailed', (req) =>
    session.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`),
  );
  session.page = await session.newPage();
  return session;
}

/**
 * Run fn(session) in a fresh context; always close it. On failure, save a screenshot to
 * target/screenshots/failure-<name>.png and append what was collected to the error.
 */
export async function withPage(browser, contextOptions, name, fn) {
  const session = await openPage(browser, contextOptions);
  try {
    return await fn(session);
  } catch (err) {
    try {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = join(SCREENSHOT_DIR, `failure-${name.replace(/[^a-z0-9-]+/gi, '_')}.png`);
      await session.page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
      err.message += `\n(failure screenshot: ${file})`;
    } catch {
      /* best effort */
    }
    err.message += `\n${session.diagnostics()}`;
    throw err;
  } finally {
    await session.close();
  }
}

/** Load the list view at `url` and wait until the app has rendered the document list. The
 * static record shows the same list before the app starts: wait for the app to have taken
 * its place (the static `#record` gone), or keys pressed next may reach no handler. */
export async function gotoList(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(SEL.docItem);
  await page.waitForFunction(() => typeof WebAssembly === 'undefined' || !document.getElementById('record'));
}

/** Wait for focus to land on `#id`, and say where it is if it never does. A page whose code
 * comes in a chunk (`deferred.rs`) is drawn as the chunk arrives and its heading focused in
 * the next animation frame, before that frame is painted (`when_drawn`, `app/mod.rs`): a
 * check read straight after the heading appears can fall between the two. */
export async function focusLandsOn(page, id, timeout = 5_000) {
  try {
    await page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout });
  } catch {
    assert.equal(await page.evaluate(() => document.activeElement?.id ?? null), id, 'focus');
  }
}

/** Wait until a document view has rendered (title and at least one passage). */
export async function waitForDocument(page) {
  await page.waitForSelector(SEL.document);
  await page.waitForSelector(SEL.docTitle);
  await page.waitForSelector(SEL.passage);
}

/** From the list view, open the index-th document by clicking its link. */
export async function openDocumentFromList(page, index = 0) {
  await page.locator(SEL.docLink).nth(index).click();
  await waitForDocument(page);
}

/** Parse `#doc=ID&p=KEY` (or a full URL ending in it) into { doc, p }. */
export function parseHashLink(href) {
  const i = href.indexOf('#');
  const params = new URLSearchParams(i >= 0 ? href.slice(i + 1) : href);
  return { doc: params.get('doc'), p: params.get('p') };
}

/** Resolve once window.scrollY / scrollX stopped changing (smooth scrolling finished). */
export async function waitForScrollToSettle(page, { stableFrames = 10, maxMs = 5_000 } = {}) {
  await page.evaluate(
    ({ stableFrames, maxMs }) =>
      new Promise((done) => {
        const start = performance.now();
        let last = `${scrollX},${scrollY}`;
        let stable = 0;
        const tick = () => {
          const now = `${scrollX},${scrollY}`;
          stable = now === last ? stable + 1 : 0;
          last = now;
          if (stable >= stableFrames || performance.now() - start > maxMs) done();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { stableFrames, maxMs },
  );
}

/**
 * Wait until the results list is whole: after a typed letter the rows past the screen come
 * once typing pauses, and the list is `aria-busy` until they do (search.rs, `rows_to_draw`).
 * A test that reads every row after typing waits for this, or it reads a screenful.
 */
export async function resultsWhole(page) {
  await page.waitForSelector('ol.results:not([aria-busy])', { state: 'attached' });
}

/** Wait for web fonts and a couple of frames so screenshots / contrast checks are stable. */
export async function settle(page) {
  await page.evaluate(async () => {
    await document.fonts?.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** Inject axe-core and run it over the whole document. Returns the axe results. */
export async function runAxe(page, tags = AXE_TAGS) {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(
    (values) => axe.run(document, { runOnly: { type: 'tag', values } }),
    tags,
  );
}

export function formatAxeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`)
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Asserts a screenshot shows a page: a PNG `width` pixels wide where given (a viewport
 *  shot; element shots vary), of some height, and not one flat colour (a page that drew
 *  nothing, or only its background). Returns its size in pixels. */
export function assertScreenshot(file, { width } = {}) {
  if (!existsSync(file)) throw new Error(`expected a screenshot at ${file}`);
  const png = readPng(file);
  if (width !== undefined && png.width !== width) {
    throw new Error(`${file}: ${png.width} px wide, expected ${width}`);
  }
  if (png.height < 40) throw new Error(`${file}: only ${png.height} px tall`);
  const colours = colourCount(png, 64);
  if (colours < 8) throw new Error(`${file}: ${colours} colours: the page drew nothing`);
  return { width: png.width, height: png.height };
}
