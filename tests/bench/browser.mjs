// Browser benchmark of search, in headless Chromium against a release build of the page:
// per-query latency (p50, p95) of SIM Explorer's engine (wasm), MiniSearch and Fuse.js on
// the same passages and the same queries, in the same page and run; recall@5 of each on the
// misspelt query set; index build times; the ratios between them. Prints figures and writes
// them to target/bench/browser.json; asserts nothing about time.
//
//   node tests/bench/browser.mjs            build target/bench-dist (--features bench), run
//   node tests/bench/browser.mjs --quick    fewer repetitions (what .ci/test runs)
//   node tests/bench/browser.mjs --no-build reuse the last bench build

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/helpers.mjs';
import { startServer } from '../e2e/server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'target', 'bench-dist');
const quick = process.argv.includes('--quick');
// Read by path: the packages' "exports" maps hide these files from require.
const pkg = (name, file) => join(ROOT, 'node_modules', name, file);
const versions = {
  minisearch: JSON.parse(readFileSync(pkg('minisearch', 'package.json'), 'utf8')).version,
  fuse: JSON.parse(readFileSync(pkg('fuse.js', 'package.json'), 'utf8')).version,
};

if (!process.argv.includes('--no-build')) {
  // The same release profile and wasm-opt as the shipped page, plus the bench exports.
  execFileSync('trunk', ['build', '--release', '--features', 'bench', '--dist', DIST], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const queries = JSON.parse(readFileSync(join(ROOT, 'tests/bench/queries.json'), 'utf8'));
const fuseSource = readFileSync(pkg('fuse.js', 'dist/fuse.mjs'), 'utf8').replace(
  /export\s*\{\s*entry_default as default\s*\};?/,
  'window.Fuse = entry_default;',
);
const miniSource = readFileSync(pkg('minisearch', 'dist/umd/index.js'), 'utf8');

/** Runs in the page: loads a corpus into every engine and measures them. */
async function measure({ n, latency, recall, batch, rounds, fuseQueries, fuseBatch, fuseRounds }) {
  const W = window.wasmBindings;
  const now = () => performance.now();
  const out = { n, engines: {} };
  const ourBuild = W.bench_load(n);
  const texts = W.bench_texts();
  const docs = texts.map((text, id) => ({ id, text }));

  let t = now();
  // MiniSearch's documented fuzzy set-up: prefix search plus edit distance 0.2 x length.
  const mini = new window.MiniSearch({ fields: ['text'], searchOptions: { prefix: true, fuzzy: 0.2 } });
  mini.addAll(docs);
  const miniBuild = now() - t;
  t = now();
  // Fuse.js over long text needs ignoreLocation, or it only looks near each text's start.
  const fuse = new window.Fuse(docs, { keys: ['text'], ignoreLocation: true, threshold: 0.4 });
  const fuseBuild = now() - t;

  const engines = {
    'SIM Explorer (wasm)': { build: ourBuild, top: (q) => Array.from(W.bench_search(q, 5)) },
    MiniSearch: { build: miniBuild, top: (q) => mini.search(q).slice(0, 5).map((r) => r.id) },
    'Fuse.js': { build: fuseBuild, top: (q) => fuse.search(q, { limit: 5 }).map((r) => r.refIndex), fuse: true },
  };
  const pct = (sorted, p) => sorted[Math.round((sorted.length - 1) * p)];
  for (const [name, e] of Object.entries(engines)) {
    const qs = e.fuse ? latency.slice(0, fuseQueries) : latency;
    const b = e.fuse ? fuseBatch : batch;
    const r = e.fuse ? fuseRounds : rounds;
    for (const q of qs) e.top(q); // warm up
    // performance.now() is coarsened to 0.1 ms here, so each sample is the mean of a batch
    // of runs of one query.
    const samples = [];
    for (let round = 0; round < r; round++) {
      for (const q of qs) {
        const t0 = now();
        for (let i = 0; i < b; i++) e.top(q);
        samples.push((now() - t0) / b);
      }
    }
    samples.sort((a, z) => a - z);
    const result = { build_ms: e.build, p50_ms: pct(samples, 0.5), p95_ms: pct(samples, 0.95), queries: qs.length, samples: samples.length };
    if (recall) {
      let found = 0;
      let wanted = 0;
      const missed = [];
      for (const { query, expect } of recall) {
        const top = e.top(query).map((i) => texts[i]);
        for (const fragment of expect) {
          wanted += 1;
          if (top.some((t) => t.includes(fragment))) found += 1;
          else missed.push(query);
        }
      }
      Object.assign(result, { recall_at_5: found / wanted, found, wanted, missed });
    }
    out.engines[name] = result;
  }
  if (n === 0) {
    out.startup_index_ms = W.bench_startup_index_ms(20);
    out.filter_ms = W.bench_filter_ms(50);
  }
  return out;
}

const server = await startServer({ root: DIST });
const browser = await launchBrowser();
const results = { versions, quick, runs: [] };
try {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_load, null, { timeout: 60_000 });
  await page.addScriptTag({ content: miniSource });
  await page.addScriptTag({ type: 'module', content: fuseSource });
  await page.waitForFunction(() => window.Fuse && window.MiniSearch);

  const runs = [
    { label: 'corpus', n: 0, recall: queries.recall, batch: quick ? 5 : 20, rounds: quick ? 3 : 10, fuseQueries: queries.latency.length, fuseBatch: 2, fuseRounds: quick ? 1 : 3 },
    { label: '100,000 synthetic passages', n: 100_000, recall: null, batch: 1, rounds: quick ? 2 : 5, fuseQueries: quick ? 2 : 4, fuseBatch: 1, fuseRounds: 1 },
  ];
  for (const run of runs) {
    const r = await page.evaluate(measure, { ...run, latency: queries.latency });
    r.label = run.label;
    results.runs.push(r);
  }

  // The timeline with 10,000 synthetic events: time to first render (mount, style,
  // layout), then the work of each frame while zooming (wheel) and panning (drag). Each
  // sample is the time from the input event to the updated layout, measured after a
  // macrotask so Leptos's update has run, without waiting for the display's next frame.
  results.timeline = await page.evaluate(async ({ n, steps }) => {
    const W = window.wasmBindings;
    const tick = () => new Promise((res) => { const c = new MessageChannel(); c.port1.onmessage = () => res(); c.port2.postMessage(0); });
    const t0 = performance.now();
    W.bench_mount_timeline(n);
    await tick();
    const svg = document.querySelector('#bench-timeline .timeline-svg');
    svg.getBoundingClientRect();
    const initial = performance.now() - t0;
    const marks = () => svg.querySelectorAll('g.ev, g.cluster').length;
    const shown = [marks()];
    const r = svg.getBoundingClientRect();
    const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height - 10, bubbles: true, cancelable: true };
    const frames = [];
    const frame = async (fire) => {
      const s = performance.now();
      fire();
      await tick();
      svg.getBoundingClientRect();
      frames.push(performance.now() - s);
    };
    for (let i = 0; i < steps; i++) await frame(() => svg.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -100 })));
    shown.push(marks());
    svg.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerId: 1 }));
    for (let i = 0; i < steps * 2; i++) {
      await frame(() => svg.dispatchEvent(new PointerEvent('pointermove', { ...at, pointerId: 1, clientX: at.clientX - i * 6 })));
    }
    svg.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerId: 1 }));
    for (let i = 0; i < steps; i++) await frame(() => svg.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: 100 })));
    frames.sort((a, b) => a - b);
    const pct = (p) => frames[Math.round((frames.length - 1) * p)];
    return { events: n, initial_ms: initial, frames: frames.length, p50_ms: pct(0.5), p95_ms: pct(0.95), max_ms: frames[frames.length - 1], marks_drawn: shown };
  }, { n: 10_000, steps: quick ? 10 : 30 });
} finally {
  await browser.close();
  await server.close();
}

const f = (x, d = 3) => (x === undefined ? '' : x.toFixed(d));
console.log(`Search benchmark in headless Chromium (release build; MiniSearch ${versions.minisearch}, Fuse.js ${versions.fuse}${quick ? ', quick' : ''})`);
for (const run of results.runs) {
  console.log(`\n${run.label}`);
  console.log('  engine                 build ms     p50 ms     p95 ms   recall@5');
  for (const [name, e] of Object.entries(run.engines)) {
    const recall = e.recall_at_5 === undefined ? '' : `${e.found}/${e.wanted} = ${f(e.recall_at_5)}`;
    console.log(`  ${name.padEnd(20)} ${f(e.build_ms, 1).padStart(10)} ${f(e.p50_ms, 4).padStart(10)} ${f(e.p95_ms, 4).padStart(10)}   ${recall}`);
  }
  const ours = run.engines['SIM Explorer (wasm)'];
  for (const other of ['MiniSearch', 'Fuse.js']) {
    const e = run.engines[other];
    console.log(`  ${other} / SIM Explorer p95: ${f(e.p95_ms / ours.p95_ms, 1)}x   p50: ${f(e.p50_ms / ours.p50_ms, 1)}x`);
  }
  for (const [name, e] of Object.entries(run.engines)) {
    if (e.missed && e.missed.length) console.log(`  ${name} missed: ${e.missed.join('; ')}`);
  }
  if (run.startup_index_ms !== undefined) console.log(`  page start-up index build (compiled corpus): ${f(run.startup_index_ms)} ms`);
  if (run.filter_ms !== undefined) console.log(`  one selection (search planned once, actor filter, dates, results with snippets, every actor and event count), mean: ${f(run.filter_ms, 4)} ms`);
}
const t = results.timeline;
console.log(`\ntimeline with ${t.events.toLocaleString('en')} synthetic events`);
console.log(`  first render ${f(t.initial_ms, 1)} ms; per frame while zooming and panning: p50 ${f(t.p50_ms, 2)} ms, p95 ${f(t.p95_ms, 2)} ms, max ${f(t.max_ms, 2)} ms (${t.frames} frames; marks drawn ${t.marks_drawn.join(' -> ')})`);
mkdirSync(join(ROOT, 'target', 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'target', 'bench', 'browser.json'), JSON.stringify(results, null, 2));
