// Keystroke benchmark, as a person feels it: types a fixed set of searches into the release
// page (with an actor and a date range chosen, so every panel is on screen) and times each
// key to the frame that shows its results ("to results", the headline) and to the frame that
// shows its letter ("to letter"), at full speed and with the CPU slowed 4x through the
// DevTools protocol (a mid-range phone), beside a plain <input> in the same run as the floor.
// Several builds can be measured side by side (before and after a change), in alternation,
// so a busy machine weighs on each alike. Also reads Event Timing (the browser's own key to
// next paint) and counts the DOM mutations typing makes in each panel, which should be only
// where something changed. Prints figures and writes target/bench/keystroke.json; asserts
// nothing about time, but fails when it cannot tell which search the page shows.
//
//   node tests/bench/keystroke.mjs                   the release build in dist/, 3 rounds
//   node tests/bench/keystroke.mjs --quick           fewer searches, 1 round (.ci/test)
//   node tests/bench/keystroke.mjs --rounds 5        more rounds (pooled)
//   node tests/bench/keystroke.mjs --dist before=../old/dist --dist after=dist
//                                                    several builds side by side
//
// How "shown" is detected (both measures by one method, so they compare):
// - A frame is shown when a task posted from its animation-frame callback runs: rAF
//   callbacks run before the frame's style, layout and paint, and a task posted from one
//   runs once that frame's rendering (paint and commit included) is done. A timestamp taken
//   in the rAF callback itself would leave out the rendering of the very results measured.
// - To letter: from the key's event timestamp to the end of the next frame (the box's new
//   value is in the DOM before that frame).
// - To results: the page paints the letter first and searches after, and a person typing
//   faster than it searches skips the searches in between. So a key's results are shown in
//   the first frame whose results panel shows the search as typed at that key or at a later
//   one: a MutationObserver reads, after every change of the DOM, which search the results
//   panel states (its "Search: “…”" line, drawn from the same state change as the count and
//   the list, in the same task), and every key still waiting whose search that is, or that
//   came before it, gets the end of the next frame. Keys skipped over this way (superseded)
//   are counted in, with the wait they had: leaving them out would drop the slowest keys.
//   A key that leaves the search's words as they were (a space, select-all) shows nothing
//   new in the results and is not a sample of "to results"; clearing the box is (the panel
//   then states no search).
// - Event Timing (a PerformanceObserver on `event` entries, durationThreshold 16, the least
//   it takes) ends at the frame's presentation, rounded to 8 ms, and reports nothing under
//   16 ms; it is printed as a check on the letter figures.

import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT, launchBrowser } from '../e2e/helpers.mjs';
import { startServer } from '../e2e/server.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const builds = [];
let rounds = quick ? 1 : 3;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dist') {
    const [label, path] = args[++i].includes('=') ? args[i].split('=') : ['this build', args[i]];
    builds.push({ label, dist: resolve(path) });
  } else if (args[i] === '--rounds') {
    rounds = Number(args[++i]);
  }
}
if (!builds.length) builds.push({ label: 'SIM Explorer', dist: join(REPO_ROOT, 'dist') });
const PLAIN = 'plain <input> (floor)';

// What a person might look for; each is typed, then cleared with select-all and Backspace.
const SEARCHES = quick
  ? ['police', 'wessex ahsn', 'jennings']
  : ['police', 'wessex ahsn', 'high intensity', 'jennings', 'self-harm', 'data', 'review'];
const VIEW = '#a=nhs-england&from=2018-01-01&to=2021-12-31';
const RATES = [1, 4];
const KEY_DELAY_MS = 80;
const FRAME_MS = 16;

/** Runs in the page: times every key to the frame showing its letter and to the frame showing
 * its results (see the header), and records Event Timing and DOM mutations per panel. */
function observe() {
  window.__durations = new Map();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.interactionId) continue;
      const was = window.__durations.get(e.interactionId) ?? 0;
      window.__durations.set(e.interactionId, Math.max(was, e.duration));
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });

  const afterFrame = (f) =>
    requestAnimationFrame(() => {
      const c = new MessageChannel();
      c.port1.onmessage = () => f(performance.now());
      c.port2.postMessage(0);
    });
  // One entry per key: when it was pressed, the search it leaves (null when it leaves the
  // words as they were), and its two waits.
  const keys = (window.__keys = []);
  let searched = '';
  addEventListener(
    'keydown',
    (e) => {
      // Ctrl of select-all is held, not typed: its A is the key.
      if (['Control', 'Shift', 'Alt', 'Meta'].includes(e.key)) return;
      const key = { i: keys.length, at: e.timeStamp, search: null, letter_ms: null, results_ms: null, shown_by: null };
      keys.push(key);
      afterFrame((t) => { key.letter_ms = t - key.at; });
    },
    true,
  );
  addEventListener(
    'input',
    (e) => {
      const key = keys[keys.length - 1];
      const text = e.target.value.trim();
      if (key && text !== searched) key.search = text;
      searched = text;
    },
    true,
  );
  // The search the results panel states: '' for none, null when there is no results panel.
  const shownSearch = () => {
    const panel = document.querySelector('.results-section');
    if (!panel) return null;
    for (const chip of panel.querySelectorAll('.chip')) {
      const t = chip.textContent;
      const at = t.indexOf('Search: “');
      if (at >= 0) return t.slice(at + 'Search: “'.length, t.lastIndexOf('”'));
    }
    return '';
  };
  new MutationObserver(() => {
    const shown = shownSearch();
    if (shown === null) return;
    let by = keys.length - 1;
    while (by >= 0 && keys[by].search !== shown) by -= 1;
    const waiting = keys.slice(0, by + 1).filter((k) => k.search !== null && k.shown_by === null);
    if (!waiting.length) return;
    for (const k of waiting) k.shown_by = by;
    afterFrame((t) => { for (const k of waiting) k.results_ms = t - k.at; });
  }).observe(document.body, { subtree: true, childList: true, characterData: true });

  // DOM mutations per panel while typing.
  window.__mutations = {};
  const panels = { results: '.results-section', 'actor filter': '.actor-filter', 'event list': '.event-list', 'timeline chart': '.timeline-svg', 'document list': '.doc-list-section' };
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      for (const [name, sel] of Object.entries(panels)) {
        if (el?.closest(sel)) window.__mutations[name] = (window.__mutations[name] ?? 0) + 1;
      }
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
}

async function typeSearches(page, input) {
  for (const text of SEARCHES) {
    for (const ch of text) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(KEY_DELAY_MS);
    }
    await input.press('Control+A');
    await input.press('Backspace');
    await page.waitForTimeout(KEY_DELAY_MS * 2);
  }
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
const sortNum = (xs) => [...xs].sort((a, b) => a - b);

/** One page at one CPU rate: the first key, then every key of SEARCHES. */
async function measure(context, url, rate, { plain = false } = {}) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (plain) {
    await page.setContent('<!doctype html><meta name=viewport content="width=device-width"><label>Search <input id=q type=search></label>');
  } else {
    await page.goto(url);
    await page.waitForSelector('#search-input');
    await page.waitForSelector('.event-list li', { state: 'attached' });
  }
  const input = page.locator(plain ? '#q' : '#search-input');
  await page.evaluate(observe);
  await input.click();
  await page.waitForTimeout(200);
  await page.evaluate(() => { window.__durations.clear(); window.__keys.length = 0; });
  // The first keystroke builds the search index and switches the view.
  await page.keyboard.type('p');
  await page.waitForTimeout(500);
  const first = await page.evaluate(() => ({ event_ms: Math.max(0, ...window.__durations.values()), ...window.__keys[0] }));
  await input.press('Backspace');
  await page.waitForTimeout(300);
  await page.evaluate(() => { window.__durations.clear(); window.__mutations = {}; window.__keys.length = 0; });
  await typeSearches(page, input);
  await page.waitForTimeout(500);
  const got = await page.evaluate(() => ({ keys: window.__keys, events: [...window.__durations.values()], mutations: window.__mutations }));
  await page.close();
  return { first, ...got };
}

/** Figures for one page and rate, over every round's keys. */
function summarise(label, rate, samples, plain) {
  const keys = samples.flatMap((s) => s.keys);
  const searches = keys.filter((k) => k.search !== null);
  const waited = searches.filter((k) => k.results_ms !== null);
  if (!plain && waited.length < searches.length) {
    // Each search ends in results the panel states; a key never shown means the page's
    // results panel no longer says which search it shows, and the figure would be wrong.
    throw new Error(`${label} at ${rate}x: ${searches.length - waited.length} of ${searches.length} keys never showed their results`);
  }
  const stats = (xs) => {
    const s = sortNum(xs);
    return { p50_ms: Math.round(pct(s, 0.5)), p98_ms: Math.round(pct(s, 0.98)), max_ms: Math.round(s[s.length - 1]) };
  };
  // Event Timing: every key not reported took under 16 ms; counted as 8 (its rounding step).
  const events = samples.flatMap((s) => [...s.events, ...Array(Math.max(0, s.keys.length - s.events.length)).fill(8)]);
  const over = samples.flatMap((s) => s.events).filter((d) => d > FRAME_MS).length;
  const median = (xs) => sortNum(xs)[Math.floor(xs.length / 2)];
  return {
    label,
    rate,
    rounds: samples.length,
    keys: keys.length,
    to_results: plain ? null : { samples: waited.length, superseded: waited.filter((k) => k.shown_by !== k.i).length, ...stats(waited.map((k) => k.results_ms)) },
    to_letter: stats(keys.filter((k) => k.letter_ms !== null).map((k) => k.letter_ms)),
    event_timing: { ...stats(events), over_frame: over, share_over_frame: over / keys.length },
    first_key: {
      letter_ms: Math.round(median(samples.map((s) => s.first.letter_ms ?? 0))),
      results_ms: plain ? null : Math.round(median(samples.map((s) => s.first.results_ms ?? Infinity))),
      event_ms: median(samples.map((s) => s.first.event_ms || 8)),
    },
    mutations: samples[0].mutations,
    // Which keys the tail is made of: the search as typed at each of the slowest.
    slowest: plain ? [] : [...waited].sort((a, b) => b.results_ms - a.results_ms).slice(0, 6).map((k) => ({ search: k.search, results_ms: Math.round(k.results_ms) })),
  };
}

const browser = await launchBrowser();
const pages = [...builds.map((b) => b.label), PLAIN];
const collected = Object.fromEntries(pages.flatMap((p) => RATES.map((r) => [`${p}@${r}`, []])));
const load = [];
try {
  const servers = await Promise.all(builds.map((b) => startServer({ root: b.dist })));
  try {
    for (let round = 0; round < rounds; round++) {
      load.push(loadavg()[0]);
      for (const [i, { label }] of builds.entries()) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
        for (const rate of RATES) collected[`${label}@${rate}`].push(await measure(context, servers[i].url + VIEW, rate));
        await context.close();
      }
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      for (const rate of RATES) collected[`${PLAIN}@${rate}`].push(await measure(context, null, rate, { plain: true }));
      await context.close();
    }
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
} finally {
  await browser.close();
}

const runs = pages.flatMap((p) => RATES.map((r) => summarise(p, r, collected[`${p}@${r}`], p === PLAIN)));
const results = { quick, rounds, searches: SEARCHES, view: VIEW, load_average_1min: load, runs };
const n = (x, w) => String(x ?? '').padStart(w);
console.log(`Keystroke benchmark: ${SEARCHES.length} searches typed with ${VIEW}, ${rounds} round${rounds > 1 ? 's' : ''}${quick ? ', quick' : ''} (load average ${load.map((x) => x.toFixed(1)).join(', ')})`);
console.log('  key to the frame that shows its results, and its letter (ms); Event Timing: key to next paint');
console.log('  page                        CPU  keys | to results p50  p98  max  superseded | to letter p50  p98 | Event Timing p98, over 16 ms | first key: results, letter');
for (const r of runs) {
  const res = r.to_results ? `${n(r.to_results.p50_ms, 14)} ${n(r.to_results.p98_ms, 4)} ${n(r.to_results.max_ms, 4)} ${n(`${r.to_results.superseded}/${r.to_results.samples}`, 11)}` : n('', 35);
  const share = `${r.event_timing.over_frame} (${(100 * r.event_timing.share_over_frame).toFixed(0)}%)`;
  const first = r.first_key.results_ms === null ? `${n('', 8)} ${r.first_key.letter_ms}` : `${n(r.first_key.results_ms, 8)}, ${r.first_key.letter_ms}`;
  console.log(`  ${r.label.padEnd(26)} ${n(r.rate + 'x', 4)} ${n(r.keys, 5)} | ${res} | ${n(r.to_letter.p50_ms, 13)} ${n(r.to_letter.p98_ms, 4)} | ${n(r.event_timing.p98_ms, 16)}, ${share.padStart(10)} | ${first}`);
}
for (const r of runs.filter((x) => x.rate === 1 && x.label !== PLAIN)) {
  const m = Object.entries(r.mutations).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  console.log(`  DOM mutations while typing (first round), ${r.label}: ${m}`);
}
for (const r of runs.filter((x) => x.rate === 4 && x.label !== PLAIN)) {
  const keys = r.slowest.map((k) => `“${k.search}” ${k.results_ms}`).join(', ');
  console.log(`  slowest keys at 4x, ${r.label} (the search as typed, ms to results): ${keys}`);
}
console.log('  (superseded: keys whose results came with a later key\'s; Event Timing counts keys under 16 ms as 8)');
mkdirSync(join(REPO_ROOT, 'target', 'bench'), { recursive: true });
writeFileSync(join(REPO_ROOT, 'target', 'bench', 'keystroke.json'), JSON.stringify(results, null, 2));
