#!/usr/bin/env node
// Bundle-size report for the built page.
//
//   node tests/bundle_size.mjs [dist]
//
// Prints every file under dist/ with its raw, brotli (quality 11) and gzip -9 sizes, then
// the cost of a first visit: index.html, the files its <link>/<script> tags (href/src)
// and inline scripts reference, and, transitively, the files those JS/CSS files name
// (e.g. the wasm-bindgen `*_bg.wasm`); then, apart, the wasm chunks the splitter's loader
// fetches once the app runs, which the first view does not wait for. Exits non-zero if dist is missing or empty.
// Without an argument, dist is the repository's dist/ (next to this tests/ folder).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressed } from './compressed.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const arg = process.argv[2];
if (arg === '-h' || arg === '--help') {
  console.log('usage: node tests/bundle_size.mjs [dist]');
  process.exit(0);
}
const dist = arg ? resolve(arg) : resolve(HERE, '..', 'dist');

function fail(msg) {
  console.error(`bundle_size: ${msg}`);
  process.exit(1);
}

let distStat;
try {
  distStat = statSync(dist);
} catch {
  fail(`${dist} does not exist (build the page first, e.g. trunk build --release)`);
}
if (!distStat.isDirectory()) fail(`${dist} is not a directory`);

// ---- collect files -----------------------------------------------------------------------
const toPosix = (p) => p.split(sep).join('/');

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
    else if (entry.isSymbolicLink()) {
      try {
        if (statSync(full).isFile()) out.push(full);
      } catch {
        /* dangling link */
      }
    }
  }
  return out;
}

const files = walk(dist)
  .map((full) => {
    const buf = readFileSync(full);
    return {
      rel: toPosix(relative(dist, full)),
      buf,
      raw: buf.length,
      br: compressed(buf, 'br').length,
      gz: compressed(buf, 'gzip').length,
    };
  })
  .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));

if (files.length === 0) fail(`${dist} is empty`);
const byRel = new Map(files.map((f) => [f.rel, f]));

// ---- formatting ---------------------------------------------------------------------------
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const cell = (n) => `${n.toLocaleString('en-US')} (${kib(n)})`;

/** Plain-text table; the first `textCols` columns are left-aligned, the rest (numbers) right-aligned. */
function table(rows, headers, textCols = 1) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) =>
    r.map((c, i) => (i < textCols ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.slice(0, -1).map(line), rule, line(rows[rows.length - 1])].join('\n');
}

const sum = (list, key) => list.reduce((acc, f) => acc + f[key], 0);

console.log(`Files in ${dist}\n`);
console.log(
  table(
    [
      ...files.map((f) => [f.rel, cell(f.raw), cell(f.br), cell(f.gz)]),
      [`total (${files.length} files)`, cell(sum(files, 'raw')), cell(sum(files, 'br')), cell(sum(files, 'gz'))],
    ],
    ['path', 'raw bytes', 'brotli-11 bytes', 'gzip-9 bytes'],
  ),
);

// ---- first visit --------------------------------------------------------------------------
const index = byRel.get('index.html');
if (!index) {
  console.log('\nNo index.html at the top of dist: cannot compute the first visit.');
  process.exit(2);
}

const unresolved = new Set();

/** Map a URL as written in the page to a file in dist (rel path), or null. */
function resolveRef(ref, fromRel = 'index.html', { quiet = false } = {}) {
  let s = String(ref).trim();
  if (!s || s.startsWith('#')) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(s) || s.startsWith('//')) return null; // other origins, data:, blob:
  s = s.replace(/[?#].*$/, '');
  try {
    s = decodeURIComponent(s);
  } catch {
    return null;
  }
  let candidates;
  if (s.startsWith('/')) {
    // Root-relative. The page may be built for a sub-path (Trunk --public-url /x/), so also
    // try with leading path segments removed.
    const parts = s.split('/').filter(Boolean);
    candidates = parts.map((_, i) => parts.slice(i).join('/'));
  } else {
    const base = dirname(fromRel) === '.' ? '' : `${dirname(fromRel)}/`;
    candidates = [toPosix(relative(dist, resolve(dist, base + s)))];
  }
  for (const c of candidates) {
    if (!c || c.startsWith('..') || isAbsolute(c)) continue;
    if (byRel.has(c)) return c;
  }
  if (!quiet) unresolved.add(`${ref} (from ${fromRel})`);
  return null;
}

function parseAttributes(text) {
  const attrs = {};
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  let m;
  while ((m = re.exec(text))) attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return attrs;
}

const firstVisit = new Map(); // rel -> reason
const add = (rel, reason) => {
  if (rel && !firstVisit.has(rel)) firstVisit.set(rel, reason);
};
add('index.html', 'the page');

const html = index.buf.toString('utf8').replace(/<!--[\s\S]*?-->/g, '');
let hasIcon = false;
for (const m of html.matchAll(/<(link|script)\b([^>]*)>/gi)) {
  const tag = m[1].toLowerCase();
  const attrs = parseAttributes(m[2]);
  const ref = tag === 'link' ? attrs.href : attrs.src;
  const rel = (attrs.rel || '').toLowerCase();
  if (tag === 'link' && /\bicon\b/.test(rel)) hasIcon = true;
  if (ref !== undefined) add(resolveRef(ref), tag === 'link' ? `<link rel=${rel || '?'}>` : '<script src>');
}

// Names quoted in inline scripts and in inline/linked styles' url(...).
const QUOTED = /(["'`])((?:(?!\1)[^\\\n]|\\.)*?)\1/g;
const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
for (const code of inline) {
  for (const m of code.matchAll(QUOTED)) {
    const s = m[2];
    // Only path-like strings; others (or ones naming no file) are ordinary strings.
    if (/^[^\s<>]+\.[a-z0-9]+([?#].*)?$/i.test(s)) add(resolveRef(s, 'index.html', { quiet: true }), 'named in an inline <script>');
  }
}
for (const m of html.matchAll(/url\(\s*(["']?)([^)"']+)\1\s*\)/gi)) add(resolveRef(m[2]), 'url() in index.html');

// Browsers ask for /favicon.ico by themselves when the page declares no icon.
if (!hasIcon && byRel.has('favicon.ico')) add('favicon.ico', 'implicit /favicon.ico');

// Transitively: JS/CSS files naming other dist files (the wasm-bindgen glue names its _bg.wasm).
const TEXT_EXT = new Set(['.js', '.mjs', '.css']);
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nameRes = new Map(
  files.map((f) => {
    const base = f.rel.split('/').pop();
    const names = [...new Set([f.rel, base])].map(escapeRe).join('|');
    return [f.rel, new RegExp(`(^|[\\s/'"\`(=,])(?:${names})(?=$|[\\s'"\`)?#,;])`)];
  }),
);
// The wasm splitter's loader names the chunks it fetches only once the app runs: a part's
// when it first shows (the timeline's as the app starts on a view that shows it). The first
// view waits for none of them: counted apart.
const SPLIT_LOADER = '__wasm_split.js';
const later = new Map(); // rel -> reason
const queue = [...firstVisit.keys()].filter((rel) => TEXT_EXT.has(extname(rel)));
while (queue.length) {
  const from = queue.shift();
  const text = byRel.get(from).buf.toString('utf8');
  for (const f of files) {
    if (firstVisit.has(f.rel) || later.has(f.rel) || f.rel === 'index.html') continue;
    if (nameRes.get(f.rel).test(text)) {
      if (from.split('/').pop() === SPLIT_LOADER && extname(f.rel) === '.wasm') {
        later.set(f.rel, `fetched by ${from} once the app runs`);
        continue;
      }
      add(f.rel, `named in ${from}`);
      if (TEXT_EXT.has(extname(f.rel))) queue.push(f.rel);
    }
  }
}

const visit = [...firstVisit.entries()].map(([rel, reason]) => ({ ...byRel.get(rel), reason }));
console.log('\nFirst visit (index.html and what it loads)\n');
console.log(
  table(
    [
      ...visit.map((f) => [f.rel, f.reason, cell(f.raw), cell(f.br), cell(f.gz)]),
      [`first visit total (${visit.length} files)`, '', cell(sum(visit, 'raw')), cell(sum(visit, 'br')), cell(sum(visit, 'gz'))],
    ],
    ['path', 'why', 'raw bytes', 'brotli-11 bytes', 'gzip-9 bytes'],
    2,
  ),
);
console.log(
  `\nFirst visit: ${cell(sum(visit, 'raw'))} raw, ${cell(sum(visit, 'br'))} brotli, ${cell(sum(visit, 'gz'))} gzip.`,
);
if (later.size) {
  // The loader says which parts share each shared chunk (`/* actors, timeline */` above
  // `const __chunk_N`): a part fetches its own chunk (`split_NAME.wasm`) and those.
  const sharedBy = new Map(); // chunk file name -> part names
  const loaders = [...firstVisit.keys()].filter((r) => r.split('/').pop() === SPLIT_LOADER);
  for (const loader of loaders) {
    const text = byRel.get(loader).buf.toString('utf8');
    for (const m of text.matchAll(/\/\*\s*([^*]+?)\s*\*\/\s*const __chunk_(\d+)\b/g)) {
      sharedBy.set(`chunk_${m[2]}.wasm`, m[1].split(/,\s*/));
    }
  }
  const partOf = (rel) => {
    const base = rel.split('/').pop();
    const own = /^split_(.+)\.wasm$/.exec(base);
    return own ? [own[1]] : sharedBy.get(base) ?? [];
  };
  const chunks = [...later.entries()].map(([rel]) => {
    const parts = partOf(rel);
    const own = /^split_/.test(rel.split('/').pop());
    const reason = own ? `the ${parts[0]} part's own` : `shared by ${parts.join(', ') || '(not named)'}`;
    return { ...byRel.get(rel), reason, parts };
  });
  console.log('\nAfter the first view: chunks the app fetches once it runs (each part\'s own and those it shares, when the part first shows; the timeline\'s as the app starts on a view that shows it)\n');
  console.log(
    table(
      [
        ...chunks.map((f) => [f.rel, f.reason, cell(f.raw), cell(f.br), cell(f.gz)]),
        [`total (${chunks.length} files)`, '', cell(sum(chunks, 'raw')), cell(sum(chunks, 'br')), cell(sum(chunks, 'gz'))],
      ],
      ['path', 'why', 'raw bytes', 'brotli-11 bytes', 'gzip-9 bytes'],
      2,
    ),
  );
  const parts = [...new Set(chunks.flatMap((f) => (/^split_/.test(f.rel.split('/').pop()) ? f.parts : [])))].sort();
  console.log('\nEach part as it first shows (its own chunk and those it shares), brotli:');
  for (const part of parts) {
    const its = chunks.filter((f) => f.parts.includes(part));
    console.log(`  ${part}: ${cell(sum(its, 'br'))} in ${its.length} files`);
  }
  const timeline = chunks.filter((f) => f.parts.includes('timeline'));
  if (timeline.length) {
    console.log(`\nWith the timeline's, a visit that shows it: ${cell(sum(visit, 'br') + sum(timeline, 'br'))} brotli.`);
  }
  console.log(`With every chunk: ${cell(sum(visit, 'br') + sum(chunks, 'br'))} brotli.`);
}
if (unresolved.size) {
  console.log(`\nReferences not found in dist (not counted):\n${[...unresolved].map((u) => `  ${u}`).join('\n')}`);
}
