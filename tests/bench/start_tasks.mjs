// Where the page's start spends the main thread: a Chromium trace of a first visit at 4x CPU
// throttling (as Lighthouse's mobile preset slows the CPU), against the release build served
// compressed. Prints every main-thread task of 20 ms or more until the app has started and
// the page is quiet, with what filled it (HTML parsing, script, the wasm's compile, timers,
// frames, layout), the blocking time they add up to (each task's time beyond 50 ms, as
// Lighthouse counts it), and the median over the runs. Figures, not a test.
//
//   node tests/bench/start_tasks.mjs [dist] [runs=3]

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from '../e2e/helpers.mjs';
import { startServer } from '../e2e/server.mjs';

const dist = process.argv[2] ?? join(REPO_ROOT, 'dist');
const RUNS = Number(process.argv[3] ?? 3);
const LONG_MS = 20;

/** Trace events that name the work a task did, by the label printed for it. */
const KINDS = {
  ParseHTML: 'parse HTML',
  EvaluateScript: 'script',
  'v8.compile': 'compile JS',
  'v8.wasm.compiledModule': 'wasm compile',
  'v8.wasm.streamFromResponseCallback': 'wasm stream',
  'wasm.CompileLazy': 'wasm lazy compile',
  TimerFire: 'timer',
  FireAnimationFrame: 'frame callback',
  FunctionCall: 'call',
  EventDispatch: 'event',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  Paint: 'paint',
  PrePaint: 'pre-paint',
  'V8.GC_SCAVENGER': 'gc',
  MajorGC: 'gc',
  MinorGC: 'gc',
  v8_wasm_compile: 'wasm compile',
};

async function once(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.wasm,blink.user_timing,loading',
    transferMode: 'ReportEvents',
  });
  await page.goto(url);
  await page.waitForSelector('#app', { state: 'attached', timeout: 60_000 });
  // Then quiet: the deferred work after the first view runs within this time.
  await page.waitForTimeout(3000);
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  return summarise(events, url);
}

function summarise(events, url) {
  const meta = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // The page's renderer: the main thread that parsed the page's HTML.
  const parse = events.find((e) => e.name === 'ParseHTML');
  const main = meta.find((m) => m.pid === parse?.pid) ?? meta[0];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  // From the request of the page's HTML, where the trace's clock starts for this visit.
  const nav = events.find((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url?.startsWith(url))?.ts ?? parse.ts;
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts >= nav && e.dur >= LONG_MS * 1000).sort((a, b) => a.ts - b.ts);
  const rows = tasks.map((t) => {
    const inner = onMain.filter((e) => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e !== t);
    const by = new Map();
    for (const e of inner) {
      const kind = KINDS[e.name];
      if (!kind) continue;
      // Nested events of one kind are counted once, at the outermost.
      const parent = inner.find((p) => p !== e && KINDS[p.name] === kind && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur);
      if (parent) continue;
      by.set(kind, (by.get(kind) ?? 0) + e.dur / 1000);
    }
    const what = [...by].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ');
    if (process.env.DETAIL) {
      const names = new Map();
      for (const e of inner) names.set(e.name, (names.get(e.name) ?? 0) + e.dur / 1000);
      console.log(t.dur / 1000, [...names].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('; '));
    }
    return { at: (t.ts - nav) / 1000, ms: t.dur / 1000, what };
  });
  const blocking = rows.reduce((s, r) => s + Math.max(0, r.ms - 50), 0);
  return { rows, blocking };
}

const server = await startServer({ root: dist });
// The server compresses a file on its first request: asked once here, as Lighthouse's bench does.
for (const name of readdirSync(dist, { recursive: true }).filter((n) => statSync(join(dist, n)).isFile())) {
  await fetch(new URL(name === 'index.html' ? '' : name, server.url), {
    headers: { 'accept-encoding': 'br, gzip' },
  }).then((r) => r.arrayBuffer());
}
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const totals = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const { rows, blocking } = await once(browser, server.url);
    totals.push(blocking);
    console.log(`run ${i + 1}: ${rows.length} tasks of ${LONG_MS} ms or more, blocking ${blocking.toFixed(0)} ms (4x)`);
    for (const r of rows) console.log(`  at ${r.at.toFixed(0).padStart(5)} ms  ${r.ms.toFixed(0).padStart(4)} ms  ${r.what}`);
  }
} finally {
  await browser.close();
  await server.close();
}
const sorted = [...totals].sort((a, b) => a - b);
console.log(`median blocking ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms over ${RUNS} runs (4x CPU)`);
