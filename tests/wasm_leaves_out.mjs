#!/usr/bin/env node
// What the page's WebAssembly must leave out: code that one careless line brings back and
// no test of behaviour would notice. Reads the release build's wasm before wasm-bindgen
// (cargo's output, which still names its functions) and fails, naming what it found.
//
//   node tests/wasm_leaves_out.mjs [path to cargo's release wasm]
//
// - The float formatter (`core::num::flt2dec`, about 15 KB): writing an f64 with `{}` or
//   into a view's attribute, or `f64::clamp` (its panic message). The chart writes its
//   numbers with `Px` and bounds them with `within` (src/engine/timeline).
// - The float parser (`core::num::dec2flt`, about 10 KB): `str::parse::<f64>`.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const wasm = resolve(process.argv[2] ?? `${root}/target/wasm32-unknown-unknown/release/sim-explorer.wasm`);
let bytes;
try {
  bytes = readFileSync(wasm);
} catch (e) {
  console.error(`wasm_leaves_out: ${wasm}: ${e.code ?? e.message} (build the release page first)`);
  process.exit(1);
}
const names = bytes.toString('latin1');
if (!names.includes('sim_explorer')) {
  console.error(`wasm_leaves_out: ${wasm} names no functions; it cannot be checked`);
  process.exit(1);
}
const left = [
  ['flt2dec', 'the float formatter: an f64 written with {} or as an attribute, or f64::clamp; use timeline::Px and viewport::within'],
  ['dec2flt', 'the float parser: str::parse::<f64>; parse integers'],
];
let failed = false;
for (const [needle, what] of left) {
  const n = names.split(needle).length - 1;
  if (n > 0) {
    console.error(`wasm_leaves_out: ${wasm}: ${n} names of ${what}`);
    failed = true;
  } else {
    console.log(`left out: ${needle} (${what.split(':')[0]})`);
  }
}
process.exit(failed ? 1 : 0);
