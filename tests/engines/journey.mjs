// The page's main journey in the two browser engines besides Chromium (issue 21): about
// half of phone readers in the UK use Safari, whose engine is WebKit; Firefox's is Gecko.
// Against the release build, served compressed on 127.0.0.1, each engine: opens the page,
// lets the app take over, searches with a typo, follows a deep link, opens an event on the
// timeline, opens an actor page, checks a quote, keeps a collection over a reload, is
// controlled by the service worker and opens a passage page as a returning visitor, and
// reads at phone width (WebKit: the page in a 390 px frame, as MiniBrowser's window is at
// least 447 px wide; Gecko: a 390 x 844 viewport). Exits non-zero on the first failure,
// saying which engine and step; a screenshot of the failure goes to target/screenshots/.
//
//   node tests/engines/journey.mjs [webkit|gecko ...]   (default: both)

import { mkdirSync, mkdtempSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../e2e/server.mjs';
import { gecko, webkit } from './drivers.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, 'dist');
const SHOTS = join(ROOT, 'target', 'screenshots');

const RECORD = readFileSync(join(DIST, 'index.html'), 'utf8');
const DOC = '2021-06-17-dodgy-data-warnings';
const KEY = RECORD.match(new RegExp(`id="doc=${DOC}&amp;p=([a-z0-9]+)"`))[1];
const QUOTE = 'For this, NHS England is sorry.';

/** Each step: a name and what it does with the driver `d` at the served address `url`. */
const STEPS = [
  ['open, and the app takes over', async (d, url) => {
    await d.goto(url);
    await d.waitFor(() => !!document.querySelector('ol.doc-list > li.doc-item'), [], 'the list of documents');
    await d.waitFor(() => !!document.getElementById('app') && !document.getElementById('record'), [], 'the app in the static record’s place');
  }],
  ['search with a typo', async (d) => {
    await d.click('#search-input');
    await d.type('#search-input', 'Jenings');
    // Results follow each letter; the whole word's first result marks the name it means.
    await d.waitFor(
      () => location.hash.includes('q=Jenings') && /^jennings/i.test(document.querySelector('ol.results > li.result mark')?.textContent ?? ''),
      [],
      '“Jennings” marked first for “Jenings”',
    );
  }],
  ['a deep link lands on its passage', async (d, url) => {
    // Opened as a new page load, not a change of fragment in the open one.
    await d.goto(`${url}#doc=${DOC}&p=${KEY}`);
    await d.reload();
    const seen = await d.waitFor(
      (key) => {
        const p = document.querySelector(`#app #p-${key}.focused`);
        if (!p || document.activeElement !== p) return null;
        const r = p.getBoundingClientRect();
        return { top: r.top, below: document.querySelector('.search-bar').getBoundingClientRect().bottom, height: innerHeight };
      },
      [KEY],
      'the focused passage',
    );
    await d.waitFor(
      (key) => {
        const r = document.getElementById(`p-${key}`).getBoundingClientRect();
        return r.top >= document.querySelector('.search-bar').getBoundingClientRect().bottom - 1 && r.top < innerHeight - 60;
      },
      [KEY],
      `the passage on screen below the bar (${JSON.stringify(seen)})`,
    );
  }],
  ['the timeline opens an event', async (d, url) => {
    await d.goto(url);
    await d.waitFor(() => document.querySelectorAll('.timeline-chart g.ev[data-i]').length > 10, [], 'the chart’s marks');
    await d.click('.timeline-chart g.ev[data-i]');
    await d.waitFor(() => !!document.getElementById('event-title') && location.hash.includes('ev='), [], 'the event opened by a click');
  }],
  ['an actor page', async (d, url) => {
    await d.goto(`${url}#actor=nhs-england`);
    await d.waitFor(() => document.getElementById('actor-name')?.textContent === 'NHS England', [], 'the actor’s name');
  }],
  ['check a quote', async (d, url) => {
    await d.goto(`${url}#check=${encodeURIComponent(QUOTE)}`);
    await d.waitFor(() => /In the record word for word/.test(document.querySelector('.check-verdict')?.textContent ?? ''), [], 'the verdict');
  }],
  ['a collection is kept over a reload', async (d, url) => {
    await d.goto(`${url}#doc=${DOC}&p=${KEY}`);
    await d.waitFor(() => !!document.querySelector('.cite-tools'), [], 'the citation tools');
    await d.eval(() => [...document.querySelectorAll('.cite-tools button')].find((b) => /Add to collection/.test(b.textContent)).click());
    await d.waitFor(() => /Added/.test(document.querySelector('.cite-tools .add-status')?.textContent ?? ''), [], 'the item added');
    await d.goto(`${url}#col=`);
    await d.reload();
    await d.waitFor(() => document.querySelectorAll('.collection-items > li').length === 1, [], 'one item after the reload');
  }],
  ['the service worker controls the page; a passage page opens for a returning visitor', async (d, url) => {
    await d.goto(url);
    await d.waitFor(async () => {
      await navigator.serviceWorker.ready;
      return true;
    }, [], 'the worker ready');
    await d.reload();
    await d.waitFor(() => navigator.serviceWorker.controller !== null, [], 'the worker in control');
    await d.goto(`${url}p/${KEY}.html`);
    await d.waitFor((key) => location.hash.includes(`p=${key}`) && !!document.querySelector(`#app #p-${key}.focused`), [KEY], 'the passage, from the passage page');
    const styled = await d.eval(() => getComputedStyle(document.querySelector('.search-bar')).position);
    if (styled !== 'sticky') throw new Error(`unstyled: the search bar is ${styled}`);
  }],
  ['phone width', async (d, url) => {
    if (d.setViewport) {
      await d.setViewport(390, 844);
      await d.goto(`${url}#doc=${DOC}`);
    } else {
      // MiniBrowser's window is at least 447 px wide: the page at 390 px, in a frame.
      await d.goto(`${url}phone-frame.html`);
    }
    const seen = await d.waitFor(
      (inFrame) => {
        const w = inFrame ? document.querySelector('iframe')?.contentWindow : window;
        if (!w || !w.document.querySelector('#app article.document')) return null;
        return { width: w.innerWidth, scroll: w.document.documentElement.scrollWidth };
      },
      [!d.setViewport],
      'the document at phone width',
    );
    if (seen.width !== 390) throw new Error(`the page is ${seen.width} px wide, not 390`);
    if (seen.scroll > seen.width) throw new Error(`the page scrolls sideways: ${seen.scroll} px in ${seen.width}`);
  }],
];

async function run(engine, url) {
  const started = Date.now();
  const d = await (engine === 'webkit' ? webkit() : gecko());
  console.log(`${d.name} ${d.version ?? ''}`);
  try {
    for (const [name, step] of STEPS) {
      const t = Date.now();
      try {
        await step(d, url);
      } catch (err) {
        mkdirSync(SHOTS, { recursive: true });
        const shot = join(SHOTS, `failure-${engine}-${name.replace(/[^a-z0-9]+/gi, '_')}.png`);
        await d.screenshot(shot).catch(() => {});
        err.message = `${d.name}: ${name}: ${err.message} (screenshot: ${shot})`;
        throw err;
      }
      console.log(`  ok  ${name} (${Date.now() - t} ms)`);
    }
  } finally {
    await d.close();
  }
  console.log(`  ${d.name}: ${STEPS.length} steps in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// A copy of the build with the frame page beside it, so the frame shares the page's origin.
const root = mkdtempSync(join(tmpdir(), 'sim-engines-'));
cpSync(DIST, root, { recursive: true });
writeFileSync(
  join(root, 'phone-frame.html'),
  `<!doctype html><meta charset="utf-8"><title>390 px</title><style>body{margin:0}iframe{border:0;width:390px;height:844px}</style><iframe src="./#doc=${DOC}"></iframe>`,
);
const server = await startServer({ root });
const engines = process.argv.slice(2).length ? process.argv.slice(2) : ['webkit', 'gecko'];
let failed = false;
try {
  for (const engine of engines) {
    try {
      await run(engine, server.url);
    } catch (err) {
      failed = true;
      console.error(err.stack || String(err));
    }
  }
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
