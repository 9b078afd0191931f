// Lighthouse (npm `lighthouse`, mobile preset: a mid-range phone on a slow 4G link,
// simulated) against the release build served compressed, as a static host serves it.
// Prints the median of 3 runs of performance, largest contentful paint, layout shift and
// total blocking time, and the accessibility, best-practices and SEO scores; writes
// target/bench/lighthouse.json. Figures, not a test: it never fails on a score.
//
//   node tests/bench/lighthouse.mjs [dist]     (3 runs, about a minute)

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { Launcher } from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from '../e2e/helpers.mjs';
import { startServer } from '../e2e/server.mjs';

const dist = process.argv[2] ?? join(REPO_ROOT, 'dist');
const RUNS = 3;
const out = join(REPO_ROOT, 'target', 'bench');
mkdirSync(out, { recursive: true });
const bin = join(REPO_ROOT, 'node_modules', '.bin', 'lighthouse');

const server = await startServer({ root: dist });
const runs = [];
try {
  // A static host serves files compressed ahead of time; this server compresses on the first
  // request and keeps the result. Asked once here, so no run pays for the compression.
  for (const name of readdirSync(dist, { recursive: true }).filter((n) => statSync(join(dist, n)).isFile())) {
    await fetch(new URL(name === 'index.html' ? '' : name, server.url), {
      headers: { 'accept-encoding': 'br, gzip' },
    }).then((r) => r.arrayBuffer());
  }
  // The test browser's flags, its --disable-features (Playwright's list) exchanged for
  // chrome-launcher's own list: Chromium reads only the last, and Lighthouse's browser is
  // chrome-launcher's. Both leave out the address bar's pop-up pages, which loaded beside
  // the page measured and burned about 650 ms of CPU in its first second.
  const DISABLE = '--disable-features=';
  const features = (flags) => flags.filter((f) => f.startsWith(DISABLE)).flatMap((f) => f.slice(DISABLE.length).split(','));
  const FLAGS = [
    ...CHROMIUM_ARGS.filter((f) => !f.startsWith(DISABLE)),
    `${DISABLE}${[...features(Launcher.defaultFlags()), 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'].join(',')}`,
  ];
  for (let i = 0; i < RUNS; i++) {
    const report = join(out, `lighthouse-${i}.json`);
    // Asynchronously: the server answering Lighthouse runs in this very process.
    await promisify(execFile)(
      bin,
      [
        server.url,
        '--quiet',
        `--chrome-flags=--headless=new ${FLAGS.join(' ')}`,
        '--output=json',
        `--output-path=${report}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, maxBuffer: 64 * 1024 * 1024 },
    );
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const score = (c) => Math.round(r.categories[c].score * 100);
    runs.push({
      performance: score('performance'),
      lcp_ms: r.audits['largest-contentful-paint'].numericValue,
      fcp_ms: r.audits['first-contentful-paint'].numericValue,
      cls: r.audits['cumulative-layout-shift'].numericValue,
      tbt_ms: r.audits['total-blocking-time'].numericValue,
      accessibility: score('accessibility'),
      best_practices: score('best-practices'),
      seo: score('seo'),
      // How fast this machine ran Lighthouse's own little benchmark just before the run,
      // and how busy it was: the blocking time simulated for a phone is what this machine
      // measured, times 4, so a busy machine reads as a slower phone.
      benchmark_index: Math.round(r.environment.benchmarkIndex),
      load_average: Number(loadavg()[0].toFixed(1)),
    });
  }
} finally {
  await server.close();
}

const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
const m = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(k)]));
writeFileSync(join(out, 'lighthouse.json'), JSON.stringify({ runs, median: m }, null, 2));
const version = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
console.log(`Lighthouse ${version}, mobile preset, median of ${RUNS} runs against the compressed release build`);
console.log(
  `  performance ${m.performance}; first paint ${(m.fcp_ms / 1000).toFixed(1)} s, largest paint ${(m.lcp_ms / 1000).toFixed(1)} s; ` +
    `layout shift ${m.cls.toFixed(3)}; blocking time ${Math.round(m.tbt_ms)} ms`,
);
console.log(`  accessibility ${m.accessibility}, best practices ${m.best_practices}, SEO ${m.seo}`);
console.log(`  runs: ${runs.map((r) => `${r.performance}/${(r.lcp_ms / 1000).toFixed(1)}s/${Math.round(r.tbt_ms)}ms`).join(', ')}`);
console.log(
  `  this machine per run: Lighthouse's benchmark index ${runs.map((r) => r.benchmark_index).join(', ')}; ` +
    `load average ${runs.map((r) => r.load_average).join(', ')} (a lower index or a higher load stretches every task, and the blocking time with it)`,
);
