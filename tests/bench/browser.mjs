// Browser benchmark of search, in headless Chromium against a release build of the page:
// per-query latency (p50, p95) of SIM Explorer's engine (wasm), MiniSearch, Fuse.js,
// FlexSearch, Orama and Pagefind on the same passages and the same queries, in the same page
// and run; recall@5 of each on the misspelt query set; word-form recall@30 (the passages
// holding any form of the word a query means); recall@5 and first result on what a person
// means (the 'hard' set: names in other forms, numbers written otherwise); index build
// times; the ratios between them.
// Every engine is fed one list of passages, `bench_texts` (src/bench.rs, from the compiled
// corpus), each passage under its position in it; each engine's own account of what it
// holds is checked against that list, and any disagreement fails the run. Pagefind indexes
// at build time (one small HTML page per passage from that list, `pagefind --site`; its
// Linux x86-64 binary from npm's @pagefind/linux-x64), so it runs on the record only, not
// on the 100,000 synthetic passages; FlexSearch and Orama too, to keep the quick run short,
// and MiniSearch and Fuse.js there in the full run only.
// Then "Check a quote" (engine::verify) on the record and on synthetic passages: p50 and p95
// per kind of quote (word for word, one word changed, left out or added, quote marks and
// dashes altered, not in the record; 5 to 60 words) over hundreds of quotes, against the
// issue's targets, and a count of wrong verdicts; on the record also the labelled set of
// true near-quotes and false claims (tests/fixtures/quotes.tsv): its precision and recall
// (a false claim called "in the record" is wrong), and its p50 and p95. Then the timeline
// with 10,000 events: first render and frames while zooming and panning, paint included. Prints figures and
// writes them to target/bench/browser.json; asserts nothing about time.
//
//   node tests/bench/browser.mjs            build target/bench-dist (--features bench), run
//   node tests/bench/browser.mjs --quick    fewer repetitions (what .ci/test runs)
//   node tests/bench/browser.mjs --no-build reuse the last bench build
//   node tests/bench/browser.mjs --build-only  build it and stop (.ci/test builds it while
//                                            the end-to-end tests leave a core idle)

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/helpers.mjs';
import { startServer } from '../e2e/server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'target', 'bench-dist');
const quick = process.argv.includes('--quick');
// Read by path: the packages' "exports" maps hide these files from require.
const pkg = (name, file) => join(ROOT, 'node_modules', name, file);
const version = (name) => JSON.parse(readFileSync(pkg(name, 'package.json'), 'utf8')).version;
const versions = {
  minisearch: version('minisearch'),
  fuse: version('fuse.js'),
  flexsearch: version('flexsearch'),
  orama: version('@orama/orama'),
  pagefind: version('@pagefind/linux-x64'),
};

if (!process.argv.includes('--no-build')) {
  // The same release profile and wasm-opt as the shipped page, plus the bench exports.
  execFileSync('trunk', ['build', '--release', '--features', 'bench', '--dist', DIST], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (process.argv.includes('--build-only')) process.exit(0);
}

const queries = JSON.parse(readFileSync(join(ROOT, 'tests/bench/queries.json'), 'utf8'));
// The labelled quotes (label, document, edit, text a line; `#` comments): checked on the record.
const labelled = readFileSync(join(ROOT, 'tests/fixtures/quotes.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [label, , , text] = line.split('\t');
    return { kind: label === 'near' ? 'near' : 'false claim', words: text.split(/\s+/).length, text };
  });
const fuseSource = readFileSync(pkg('fuse.js', 'dist/fuse.mjs'), 'utf8').replace(
  /export\s*\{\s*entry_default as default\s*\};?/,
  'window.Fuse = entry_default;',
);
const miniSource = readFileSync(pkg('minisearch', 'dist/umd/index.js'), 'utf8');
const flexSource = readFileSync(pkg('flexsearch', 'dist/flexsearch.bundle.min.js'), 'utf8');

/** Copies Orama's browser build into the served folder. */
function prepareOrama() {
  cpSync(pkg('@orama/orama', 'dist/browser'), join(DIST, 'vendor-orama'), { recursive: true });
}

/** Pagefind's index of the record's passages (`texts`, the one list every engine is fed:
 * `bench_texts`, from the compiled corpus): one page per passage, its position as metadata
 * and a filter every page shares (so one filtered search lists them all, for the check that
 * Pagefind holds what the others hold), built with the `pagefind` CLI from npm into the
 * served folder. */
function preparePagefind(texts) {
  const site = join(DIST, 'pf-site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  texts.forEach((t, i) => {
    writeFileSync(
      join(site, `p${i}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>p${i}</title></head>` +
        `<body><main data-pagefind-body data-pagefind-filter="set:record"><p data-pagefind-meta="id:${i}">${esc(t)}</p></main></body></html>`,
    );
  });
  // Pagefind's own binary for this platform (Linux x86-64, as CI runs): the npm registry
  // this project installs from serves no other platform's, so the `pagefind` wrapper package,
  // which lists them all, cannot be locked.
  execFileSync(pkg('@pagefind/linux-x64', 'bin/pagefind_extended'), ['--site', site, '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Runs in the page: loads a corpus into every engine and measures them. */
async function measure({ n, peers, latency, recall, hard, forms, batch, rounds, fuseQueries, fuseBatch, fuseRounds }) {
  const W = window.wasmBindings;
  const now = () => performance.now();
  const out = { n, engines: {} };
  const ourBuild = W.bench_load(n);
  // The one list of passages every engine is fed (SIM Explorer's own index is built from
  // it, in bench_load), each under its position in it: recall reads a result's id as one.
  const texts = W.bench_texts();
  const docs = texts.map((text, id) => ({ id, text }));
  // What each engine says it holds, against that list: [id, text] pairs, the text null where
  // the engine keeps none (then its ids are checked). Any disagreement fails the run.
  out.disagreements = [];
  const agree = (name, held) => {
    const norm = (x) => x.replace(/\s+/g, ' ').trim();
    const seen = new Set();
    for (const [id, text] of held) {
      if (!Number.isInteger(id) || id < 0 || id >= texts.length || seen.has(id)) {
        out.disagreements.push(`${name}: ${JSON.stringify(id)} is not one passage's position`);
      } else if (text !== null && norm(text) !== norm(texts[id])) {
        out.disagreements.push(`${name}: passage ${id} is ${JSON.stringify(text.slice(0, 60))}, not ${JSON.stringify(texts[id].slice(0, 60))}`);
      }
      seen.add(id);
    }
    if (seen.size !== texts.length) out.disagreements.push(`${name} holds ${seen.size} passages, not ${texts.length}`);
  };

  const engines = {
    'SIM Explorer (wasm)': { build: ourBuild, top: (q, k = 5) => Array.from(W.bench_search(q, k)) },
  };
  let t;
  if (peers) {
    t = now();
    // MiniSearch's documented fuzzy set-up: prefix search plus edit distance 0.2 x length.
    const mini = new window.MiniSearch({ fields: ['text'], searchOptions: { prefix: true, fuzzy: 0.2 } });
    mini.addAll(docs);
    const miniBuild = now() - t;
    t = now();
    // Fuse.js over long text needs ignoreLocation, or it only looks near each text's start.
    const fuse = new window.Fuse(docs, { keys: ['text'], ignoreLocation: true, threshold: 0.4 });
    const fuseBuild = now() - t;
    agree('MiniSearch', docs.filter((d) => mini.has(d.id)).map((d) => [d.id, null]));
    if (mini.documentCount !== texts.length) out.disagreements.push(`MiniSearch counts ${mini.documentCount} documents`);
    agree('Fuse.js', fuse.getIndex().records.map((r) => [r.i, r.$[0].v]));
    engines.MiniSearch = { build: miniBuild, top: (q, k = 5) => mini.search(q).slice(0, k).map((r) => r.id) };
    engines['Fuse.js'] = { build: fuseBuild, top: (q, k = 5) => fuse.search(q, { limit: k }).map((r) => r.refIndex), fuse: true };
  }
  if (n === 0) {
    // FlexSearch's documented set-up for partial words and loose spelling: forward
    // tokenizing and its balanced Latin encoder.
    t = now();
    const flex = new window.FlexSearch.Index({ tokenize: 'forward', encoder: window.FlexSearch.Charset.LatinBalance });
    docs.forEach((d) => flex.add(d.id, d.text));
    engines.FlexSearch = { build: now() - t, top: (q, k = 5) => flex.search(q, { limit: k }) };
    agree('FlexSearch', docs.filter((d) => flex.contain(d.id)).map((d) => [d.id, null]));
    // Orama with its built-in English stemmer and typo tolerance of one edit.
    const orama = await import('/vendor-orama/index.js');
    t = now();
    const db = orama.create({ schema: { text: 'string' }, components: { tokenizer: { stemming: true, language: 'english' } } });
    orama.insertMultiple(db, docs.map((d) => ({ id: String(d.id), text: d.text })));
    const oramaBuild = now() - t;
    agree('Orama', docs.map((d) => { const doc = orama.getByID(db, String(d.id)); return [doc ? Number(doc.id) : NaN, doc?.text ?? null]; }));
    if (orama.count(db) !== texts.length) out.disagreements.push(`Orama counts ${orama.count(db)} documents`);
    engines.Orama = {
      build: oramaBuild,
      top: (q, k = 5) => orama.search(db, { term: q, tolerance: 1, limit: k }).hits.map((h) => Number(h.id)),
    };
    // Pagefind: its index was built ahead from the same list (see preparePagefind), out of
    // this page, so it is read back whole: every page carries the filter searched here.
    const pf = await import('/pf-site/pagefind/pagefind.js');
    await pf.init();
    const every = await pf.search(null, { filters: { set: 'record' } });
    const pages = await Promise.all(every.results.map((x) => x.data()));
    // Pagefind ends a block that has no closing punctuation (a heading) with a full stop.
    const unstopped = (d) => (d.content.endsWith('.') && !/[.!?]$/.test(texts[Number(d.meta.id)] ?? '') ? d.content.slice(0, -1) : d.content);
    agree('Pagefind', pages.map((d) => [Number(d.meta.id), unstopped(d)]));
    const pfTop = async (q, k = 5) => {
      const r = await pf.search(q);
      const data = await Promise.all(r.results.slice(0, k).map((x) => x.data()));
      return data.map((d) => Number(d.meta.id));
    };
    engines.Pagefind = { build: 0, top: null, asyncTop: pfTop };
  }
  const pct = (sorted, p) => sorted[Math.round((sorted.length - 1) * p)];
  // Word forms: of the passages holding any form a query means, the share in its top 30
  // (out of at most 30), averaged over the queries.
  function formRecall(top30, result) {
    let sum = 0;
    const per = {};
    for (const { query, forms: pattern } of forms) {
      const re = new RegExp(pattern, 'iu');
      const relevant = new Set(texts.map((t, i) => (re.test(t) ? i : -1)).filter((i) => i >= 0));
      const got = top30(query).filter((i) => relevant.has(i)).length;
      const r = got / Math.min(relevant.size, 30);
      per[query] = r;
      sum += r;
    }
    Object.assign(result, { forms_recall_at_30: sum / forms.length, forms_per_query: per });
  }
  // What a person means (the 'hard' set): recall@5 of its expected passages, and how many
  // queries with one answering passage put it first.
  function hardScore(top5, result) {
    let found = 0;
    let wanted = 0;
    let first = 0;
    let firsts = 0;
    const missed = [];
    for (const { query, expect, first: answer } of hard) {
      const top = top5(query).map((i) => texts[i]);
      for (const fragment of expect) {
        wanted += 1;
        if (top.some((t) => t.includes(fragment))) found += 1;
        else missed.push(query);
      }
      if (answer) {
        firsts += 1;
        if (top[0]?.includes(answer)) first += 1;
        else missed.push(`${query} (first)`);
      }
    }
    Object.assign(result, { hard_recall_at_5: found / wanted, hard_found: found, hard_wanted: wanted, hard_first: first, hard_firsts: firsts, hard_missed: missed });
  }
  async function scoreAsync(topAsync, result) {
    if (recall) {
      let found = 0;
      let wanted = 0;
      const missed = [];
      for (const { query, expect } of recall) {
        const top = (await topAsync(query)).map((i) => texts[i]);
        for (const fragment of expect) {
          wanted += 1;
          if (top.some((t) => t.includes(fragment))) found += 1;
          else missed.push(query);
        }
      }
      Object.assign(result, { recall_at_5: found / wanted, found, wanted, missed });
    }
    if (hard) {
      const answers = {};
      for (const { query } of hard) answers[query] = await topAsync(query);
      hardScore((q) => answers[q], result);
    }
    if (forms) {
      const answers = {};
      for (const { query } of forms) answers[query] = await topAsync(query, 30);
      formRecall((q) => answers[q], result);
    }
  }
  for (const [name, e] of Object.entries(engines)) {
    const qs = e.fuse ? latency.slice(0, fuseQueries) : latency;
    const b = e.fuse ? fuseBatch : batch;
    const r = e.fuse ? fuseRounds : rounds;
    if (e.asyncTop) {
      // Pagefind answers asynchronously (it loads index chunks on demand): each sample is
      // one awaited search, after a warm-up that loaded every chunk the queries need.
      for (const q of [...qs, ...(forms ?? []).map((f) => f.query)]) await e.asyncTop(q, 30);
      const samples = [];
      for (let round = 0; round < r; round++) {
        for (const q of qs) {
          const t0 = now();
          await e.asyncTop(q);
          samples.push(now() - t0);
        }
      }
      samples.sort((a, z) => a - z);
      const result = { build_ms: undefined, p50_ms: pct(samples, 0.5), p95_ms: pct(samples, 0.95), queries: qs.length, samples: samples.length };
      await scoreAsync(e.asyncTop, result);
      out.engines[name] = result;
      continue;
    }
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
    if (hard) hardScore((q) => e.top(q), result);
    if (forms) formRecall((q) => e.top(q, 30), result);
    out.engines[name] = result;
  }
  if (n === 0) {
    out.startup_index_ms = W.bench_startup_index_ms(20);
    out.filter_ms = W.bench_filter_ms(50);
  }
  return out;
}

/** Runs in the page: loads the record (`n` = 0) or `n` synthetic passages, makes quotes from
 * them (`bench_check_quotes`) and times checking each. */
function measureCheck({ n, perLength, rounds, extra }) {
  const W = window.wasmBindings;
  const now = () => performance.now();
  let t = now();
  const indexMs = W.bench_load(n);
  // bench_load times the index; the rest of its time is making the passages (for the
  // record, copying its texts).
  const textsMs = now() - t - indexMs;
  const passages = W.bench_texts().length;
  t = now();
  const quotes = W.bench_check_quotes(perLength).map((line) => {
    const [kind, words, ...text] = line.split('\t');
    return { kind, words: Number(words), text: text.join('\t'), samples: [] };
  }).concat(extra.map((q) => ({ ...q, samples: [] })));
  const quotesMs = now() - t;
  const VERDICTS = ['empty', 'exact', 'close', 'not found'];
  for (const q of quotes) {
    q.verdict = VERDICTS[W.bench_check(q.text)];
    // performance.now() is coarsened to 0.1 ms here: each sample is the mean of as many
    // checks of one quote as take 2 ms (one, at scale). Calibrating warms up too.
    q.batch = 0;
    const c0 = now();
    do {
      W.bench_check(q.text);
      q.batch += 1;
    } while (now() - c0 < 2);
  }
  for (let round = 0; round < rounds; round++) {
    for (const q of quotes) {
      const t0 = now();
      for (let i = 0; i < q.batch; i++) W.bench_check(q.text);
      q.samples.push((now() - t0) / q.batch);
    }
  }
  return { n, passages, texts_ms: textsMs, index_ms: indexMs, quotes_ms: quotesMs, quotes };
}

prepareOrama();
// The issue's targets: p95 at most 16 ms for quotes of up to 60 words on the record, at most
// 200 ms at 100,000 synthetic passages (the synthetic corpus and seed of the search run).
const CHECK_RUNS = [
  { label: 'the record', n: 0, target: 16 },
  { label: '100,000 synthetic passages', n: 100_000, target: 200 },
];
const CHECK_KINDS = {
  exact: { label: 'word for word', expect: 'exact' },
  changed: { label: 'one word changed', expect: null },
  'left out': { label: 'one word left out', expect: null },
  added: { label: 'one word added', expect: null },
  marks: { label: 'quote marks, dashes, case', expect: 'exact' },
  absent: { label: 'not in the record', expect: 'not found' },
  // The labelled set, on the record only: near-quotes should be in the record (recall), no
  // false claim may be (precision).
  near: { label: 'labelled near-quotes', expect: null },
  'false claim': { label: 'labelled false claims', expect: 'not found' },
};

/** Figures for one run of measureCheck: per kind of quote, over every quote, and over the
 * 60-word ones; whether the target is met (p95 over every quote); the wrong verdicts. */
function summariseCheck(r) {
  const pctOf = (s, p) => s[Math.round((s.length - 1) * p)];
  const row = (label, qs) => {
    const samples = qs.flatMap((q) => q.samples).sort((a, b) => a - b);
    const verdicts = {};
    for (const q of qs) verdicts[q.verdict] = (verdicts[q.verdict] ?? 0) + 1;
    return { label, count: qs.length, samples: samples.length, p50_ms: pctOf(samples, 0.5), p95_ms: pctOf(samples, 0.95), max_ms: samples[samples.length - 1], verdicts };
  };
  const kinds = Object.entries(CHECK_KINDS)
    .map(([kind, { label }]) => ({ kind, ...row(label, r.quotes.filter((q) => q.kind === kind)) }))
    .filter((k) => k.count > 0);
  const inRecord = (q) => q.verdict === 'exact' || q.verdict === 'close';
  const near = r.quotes.filter((q) => q.kind === 'near');
  const vouched = r.quotes.filter((q) => (q.kind === 'near' || q.kind === 'false claim') && inRecord(q));
  const labelled = near.length
    ? {
        near: near.length,
        claims: r.quotes.filter((q) => q.kind === 'false claim').length,
        precision: vouched.filter((q) => q.kind === 'near').length / Math.max(1, vouched.length),
        recall: near.filter(inRecord).length / near.length,
        ...row('labelled set', r.quotes.filter((q) => q.kind === 'near' || q.kind === 'false claim')),
      }
    : null;
  // The made quotes: the figures before the labelled set joined, comparable across runs.
  const made = r.quotes.filter((q) => q.kind !== 'near' && q.kind !== 'false claim');
  const all = row('every quote', made);
  const guarded = r.quotes.filter((q) => CHECK_KINDS[q.kind].expect);
  const brief = ({ kind, words, verdict, text }) => ({ kind, words, verdict, text });
  return {
    label: r.label,
    n: r.n,
    passages: r.passages,
    texts_ms: r.texts_ms,
    index_ms: r.index_ms,
    quotes_ms: r.quotes_ms,
    wall_s: r.wall_s,
    quotes: r.quotes.length,
    kinds,
    all,
    sixty: row('60-word quotes', made.filter((q) => q.words === 60)),
    target_ms: r.target_ms,
    met: all.p95_ms <= r.target_ms,
    labelled,
    guarded: guarded.length,
    wrong: guarded.filter((q) => q.verdict !== CHECK_KINDS[q.kind].expect).map(brief),
    missed: made.filter((q) => !CHECK_KINDS[q.kind].expect && q.verdict === 'not found').map(brief),
  };
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
  await page.addScriptTag({ content: flexSource });
  await page.waitForFunction(() => window.Fuse && window.MiniSearch && window.FlexSearch);
  // Pagefind indexes files, out of the page: it gets the list the page's engines get.
  preparePagefind(await page.evaluate(() => { window.wasmBindings.bench_load(0); return window.wasmBindings.bench_texts(); }));

  const runs = [
    { label: 'corpus', n: 0, peers: true, recall: queries.recall, hard: queries.hard, forms: queries.forms, batch: quick ? 5 : 20, rounds: quick ? 3 : 10, fuseQueries: queries.latency.length, fuseBatch: 2, fuseRounds: quick ? 1 : 3 },
    // The peers at this scale only in the full run: building MiniSearch's index and one
    // Fuse.js query took 20 of the quick run's 52-77 s; SIM Explorer's own figure (the
    // target: under 10 ms) is in both.
    { label: '100,000 synthetic passages', n: 100_000, peers: !quick, recall: null, hard: null, forms: null, batch: 1, rounds: quick ? 2 : 5, fuseQueries: quick ? 1 : 4, fuseBatch: 1, fuseRounds: 1 },
  ];
  for (const run of runs) {
    const r = await page.evaluate(measure, { ...run, latency: queries.latency });
    if (r.disagreements.length) {
      throw new Error(`The engines were not fed the same passages (${run.label}):\n  ${r.disagreements.slice(0, 20).join('\n  ')}`);
    }
    r.label = run.label;
    results.runs.push(r);
  }

  // "Check a quote", in a fresh page: the record, then synthetic passages.
  {
    const p = await context.newPage();
    await p.goto(server.url);
    await p.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_check, null, { timeout: 60_000 });
    results.check = [];
    for (const run of CHECK_RUNS) {
      const t0 = Date.now();
      const extra = run.n === 0 ? labelled : [];
      const r = await p.evaluate(measureCheck, { n: run.n, perLength: quick ? 2 : 6, rounds: quick ? 2 : 5, extra });
      results.check.push(summariseCheck({ ...r, label: run.label, target_ms: run.target, wall_s: (Date.now() - t0) / 1000 }));
    }
    await p.close();
  }

  // The timeline with 10,000 synthetic events, in three fresh pages: time to first render
  // (mount to the end of the frame that first shows the marks), then each frame while
  // zooming (wheel) and panning (drag), paint included. Chromium delivers wheel and pointer
  // moves at the start of a frame, before its animation-frame callbacks, so each step fires
  // its event from one; the chart redraws in the microtasks after it, and the sample ends
  // when a task posted from that callback runs, once the frame's style, layout, paint and
  // commit are done: the frame's main-thread work from the input to the pixels handed to
  // the compositor, without the idle wait for the display's next frame. A step whose redraw
  // comes in a later frame is timed to the end of that frame and counted as late. Long
  // Animation Frames (frames over 50 ms, rendering included, as Chromium itself times them)
  // are counted as a check. 120 frames a page in quick mode too (they take about two
  // seconds): a p95 over fewer is decided by one or two slow frames.
  const timelineRun = async ({ n, steps }) => {
    const W = window.wasmBindings;
    const post = (res) => { const c = new MessageChannel(); c.port1.onmessage = () => res(performance.now()); c.port2.postMessage(0); };
    const afterFrame = () => new Promise((res) => requestAnimationFrame(() => post(res)));
    const long = [];
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      new PerformanceObserver((l) => long.push(...l.getEntries())).observe({ type: 'long-animation-frame' });
    }
    const t0 = performance.now();
    W.bench_mount_timeline(n);
    // The marks wait for the chart's width, measured in the next animation frame.
    const marks = () => document.querySelectorAll('#bench-timeline g.ev, #bench-timeline g.cluster').length;
    let initial = null;
    for (let k = 0; k < 1000 && initial === null; k++) {
      const end = await afterFrame();
      if (marks() > 0) initial = end - t0;
    }
    const shown = [marks()];
    const svg = document.querySelector('#bench-timeline .timeline-svg');
    let changed = false;
    new MutationObserver(() => { changed = true; }).observe(svg.parentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    const r = svg.getBoundingClientRect();
    const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height - 10, bubbles: true, cancelable: true };
    const zoom = [];
    const pan = [];
    const stepsFrom = performance.now();
    let late = 0;
    let unchanged = 0;
    const frame = (into, fire) =>
      new Promise((res) =>
        requestAnimationFrame(() => {
          const s = performance.now();
          changed = false;
          fire();
          post(async (end) => {
            if (!changed) {
              for (let k = 0; k < 10 && !changed; k++) end = await afterFrame();
              if (changed) late += 1;
              else unchanged += 1;
            }
            if (changed) into.push(end - s);
            res();
          });
        }),
      );
    for (let i = 0; i < steps; i++) await frame(zoom, () => svg.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -100 })));
    shown.push(marks());
    svg.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerId: 1 }));
    for (let i = 0; i < steps * 2; i++) {
      await frame(pan, () => svg.dispatchEvent(new PointerEvent('pointermove', { ...at, pointerId: 1, clientX: at.clientX - (i + 1) * 6 })));
    }
    svg.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerId: 1 }));
    for (let i = 0; i < steps; i++) await frame(zoom, () => svg.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: 100 })));
    await afterFrame();
    const longFrames = long.filter((e) => e.startTime >= stepsFrom).map((e) => e.duration);
    return { initial_ms: initial, zoom, pan, late, unchanged, long_frames: longFrames, marks_drawn: shown };
  };
  const runsOfTimeline = [];
  for (let k = 0; k < 3; k++) {
    const p = await context.newPage();
    await p.goto(server.url);
    await p.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_mount_timeline, null, { timeout: 60_000 });
    runsOfTimeline.push(await p.evaluate(timelineRun, { n: 10_000, steps: 30 }));
    await p.close();
  }
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const pctOf = (xs, p) => { const s = sorted(xs); return s[Math.round((s.length - 1) * p)]; };
  const zoom = runsOfTimeline.flatMap((r) => r.zoom);
  const pan = runsOfTimeline.flatMap((r) => r.pan);
  const all = [...zoom, ...pan];
  results.timeline = {
    events: 10_000,
    initial_ms: runsOfTimeline.map((r) => r.initial_ms),
    initial_median_ms: pctOf(runsOfTimeline.map((r) => r.initial_ms), 0.5),
    frames: all.length,
    p50_ms: pctOf(all, 0.5),
    p95_ms: pctOf(all, 0.95),
    max_ms: Math.max(...all),
    zoom: { frames: zoom.length, p50_ms: pctOf(zoom, 0.5), p95_ms: pctOf(zoom, 0.95), max_ms: Math.max(...zoom) },
    pan: { frames: pan.length, p50_ms: pctOf(pan, 0.5), p95_ms: pctOf(pan, 0.95), max_ms: Math.max(...pan) },
    late: runsOfTimeline.reduce((a, r) => a + r.late, 0),
    unchanged: runsOfTimeline.reduce((a, r) => a + r.unchanged, 0),
    long_frames: runsOfTimeline.flatMap((r) => r.long_frames),
    marks_drawn: runsOfTimeline[0].marks_drawn,
  };
} finally {
  await browser.close();
  await server.close();
}

const f = (x, d = 3) => (x === undefined ? '' : x.toFixed(d));
console.log(
  `Search benchmark in headless Chromium (release build; MiniSearch ${versions.minisearch}, Fuse.js ${versions.fuse}, ` +
    `FlexSearch ${versions.flexsearch}, Orama ${versions.orama}, Pagefind ${versions.pagefind}${quick ? ', quick' : ''})`,
);
for (const run of results.runs) {
  console.log(`\n${run.label}`);
  console.log('  engine                 build ms     p50 ms     p95 ms   typo recall@5    word-form recall@30');
  for (const [name, e] of Object.entries(run.engines)) {
    const recall = e.recall_at_5 === undefined ? '' : `${e.found}/${e.wanted} = ${f(e.recall_at_5)}`;
    const forms = e.forms_recall_at_30 === undefined ? '' : f(e.forms_recall_at_30);
    console.log(`  ${name.padEnd(20)} ${f(e.build_ms, 1).padStart(10)} ${f(e.p50_ms, 4).padStart(10)} ${f(e.p95_ms, 4).padStart(10)}   ${recall.padEnd(15)}  ${forms}`);
  }
  const ours = run.engines['SIM Explorer (wasm)'];
  for (const other of Object.keys(run.engines).filter((x) => x !== 'SIM Explorer (wasm)')) {
    const e = run.engines[other];
    console.log(`  ${other} / SIM Explorer p95: ${f(e.p95_ms / ours.p95_ms, 1)}x   p50: ${f(e.p50_ms / ours.p50_ms, 1)}x`);
  }
  for (const [name, e] of Object.entries(run.engines)) {
    if (e.missed && e.missed.length) console.log(`  ${name} missed: ${e.missed.join('; ')}`);
    if (e.hard_wanted) {
      console.log(`  ${name} what a person means: recall@5 ${e.hard_found}/${e.hard_wanted}, first ${e.hard_first}/${e.hard_firsts}${e.hard_missed.length ? `; missed: ${e.hard_missed.join('; ')}` : ''}`);
    }
    if (e.forms_per_query) {
      const per = Object.entries(e.forms_per_query).map(([q, r]) => `${q} ${f(r, 2)}`);
      console.log(`  ${name} word forms: ${per.join(', ')}`);
    }
  }
  if (run.startup_index_ms !== undefined) console.log(`  page start-up index build (compiled corpus): ${f(run.startup_index_ms)} ms`);
  if (run.filter_ms !== undefined) console.log(`  one selection (search planned once, actor filter, dates, results with snippets, every actor and event count), mean: ${f(run.filter_ms, 4)} ms`);
}
for (const run of results.check) {
  console.log(`\nCheck a quote, ${run.label}${run.n === 0 ? ` (${run.passages.toLocaleString('en')} passages)` : ''}`);
  console.log(`  ${run.n === 0 ? 'texts read' : 'passages made'} in ${f(run.texts_ms, 0)} ms, indexed in ${f(run.index_ms, 0)} ms; ${run.quotes} quotes made in ${f(run.quotes_ms, 0)} ms; whole run ${f(run.wall_s, 1)} s`);
  console.log('  quotes                          count   samples     p50 ms     p95 ms     max ms   verdicts');
  for (const row of [...run.kinds, run.all, run.sixty]) {
    const verdicts = Object.entries(row.verdicts).map(([v, k]) => `${k} ${v}`).join(', ');
    console.log(`  ${row.label.padEnd(30)} ${String(row.count).padStart(6)} ${String(row.samples).padStart(9)} ${f(row.p50_ms, 4).padStart(10)} ${f(row.p95_ms, 4).padStart(10)} ${f(row.max_ms, 4).padStart(10)}   ${verdicts}`);
  }
  const slowest = run.kinds.reduce((a, b) => (b.p95_ms > a.p95_ms ? b : a));
  console.log(
    `  target p95 <= ${run.target_ms} ms for quotes of up to 60 words: ${run.met ? 'met' : 'NOT met'} ` +
      `(p95 over every quote ${f(run.all.p95_ms, 4)} ms; slowest kind, ${slowest.label}, ${f(slowest.p95_ms, 4)} ms)`,
  );
  if (run.labelled) {
    const l = run.labelled;
    console.log(
      `  labelled set (${l.near} near-quotes, ${l.claims} false claims): precision ${f(l.precision)}, recall ${f(l.recall)}; ` +
        `p50 ${f(l.p50_ms, 4)} ms, p95 ${f(l.p95_ms, 4)} ms`,
    );
  }
  console.log(`  wrong verdicts: ${run.wrong.length} of ${run.guarded} (word for word and altered marks must be exact; not in the record and false claims not found)`);
  for (const w of run.wrong) console.log(`    ${w.kind}, ${w.words} words, ${w.verdict}: ${JSON.stringify(w.text)}`);
  if (run.missed.length) {
    // Runs cut anywhere in a passage, not sentences, with a word changed at random: "in the
    // record with N words changed" is said only of most of a sentence, with no change of
    // meaning (engine::verify), so these are often not in the record, by design.
    console.log(`  changed or left out, called not in the record (fragments, or a changed word that changes the meaning): ${run.missed.length}`);
  }
}
const t = results.timeline;
console.log(`\ntimeline with ${t.events.toLocaleString('en')} synthetic events (three fresh pages; frames timed from the input to the end of the frame's paint and commit)`);
console.log(`  first render (mount to the frame that shows the marks): ${t.initial_ms.map((x) => f(x, 1)).join(', ')} ms (median ${f(t.initial_median_ms, 1)})`);
console.log(`  zooming (wheel): p50 ${f(t.zoom.p50_ms, 2)} ms, p95 ${f(t.zoom.p95_ms, 2)} ms, max ${f(t.zoom.max_ms, 2)} ms (${t.zoom.frames} frames)`);
console.log(`  panning (drag):  p50 ${f(t.pan.p50_ms, 2)} ms, p95 ${f(t.pan.p95_ms, 2)} ms, max ${f(t.pan.max_ms, 2)} ms (${t.pan.frames} frames)`);
console.log(`  both: p50 ${f(t.p50_ms, 2)} ms, p95 ${f(t.p95_ms, 2)} ms; marks drawn ${t.marks_drawn.join(' -> ')}; redrawn a frame late: ${t.late}; steps that changed nothing: ${t.unchanged}`);
console.log(`  long animation frames (over 50 ms, Chromium's own timing): ${t.long_frames.length}${t.long_frames.length ? `, longest ${f(Math.max(...t.long_frames), 0)} ms` : ''}`);
mkdirSync(join(ROOT, 'target', 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'target', 'bench', 'browser.json'), JSON.stringify(results, null, 2));
