#!/usr/bin/env bash
# The page with the timeline's code split off into a chunk of its own (issue 27), built
# beside the release page and checked in Chromium: cargo with `--cfg sim_split` (the split
# point is `timeline::in_its_chunk`) and `--emit-relocs`, wasm-split-cli (crates.io's
# wasm_split_cli_support, installed here if missing), wasm-bindgen and wasm-opt as Trunk runs
# them, then the release `dist/` with its wasm and glue put in place under the same names.
# Prints the brotli-11 sizes against the page as shipped, and fails if the split page does not
# draw the timeline from its chunk, or does not offer "Try again" when the chunk cannot load.
# Not part of the test command (Trunk cannot split a wasm; the shipped page is not split yet).
# About two minutes after a release build: bash tests/bench/split.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
SPLITTER_VERSION=0.2.4
[ -n "$(ls dist/*_bg.wasm 2>/dev/null)" ] || { echo "split.sh: build the release page first (.ci/setup.sh build_release)" >&2; exit 1; }
if ! wasm-split-cli --version 2>/dev/null | grep -q "$SPLITTER_VERSION"; then
  cargo install --locked --quiet wasm_split_cli_support --version "$SPLITTER_VERSION" --features build-binary
fi
out=target/split
# Its own target folder: other flags would make cargo rebuild the page's in target/.
CARGO_TARGET_DIR=$out/cargo \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg sim_split -C link-arg=--emit-relocs" \
  cargo build --release --locked --quiet --target wasm32-unknown-unknown --bin sim-explorer
# The shipped page's names (Trunk's hash), so its start script and policy stay as they are.
stem=$(basename "$(ls dist/*_bg.wasm)" _bg.wasm)
rm -rf "$out/modules" "$out/page"
mkdir -p "$out/modules"
wasm-split-cli "$out/cargo/wasm32-unknown-unknown/release/sim-explorer.wasm" "$out/modules" --out-name "$stem"
wasm-bindgen "$out/modules/$stem.wasm" --out-dir "$out/modules" --out-name "$stem" --target web --keep-lld-exports --no-typescript
cp -r dist "$out/page"
cp "$out/modules/$stem.js" "$out/modules/__wasm_split.js" "$out/page/"
# As index.html's <link data-trunk rel=rust> has Trunk run wasm-opt.
opt() {
  wasm-opt -Oz --strip-debug --strip-producers --strip-target-features --enable-bulk-memory \
    --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue "$1" -o "$2"
}
opt "$out/modules/${stem}_bg.wasm" "$out/page/${stem}_bg.wasm"
for chunk in "$out"/modules/split_*.wasm; do opt "$chunk" "$out/page/$(basename "$chunk")"; done
node tests/bench/split.mjs dist "$out/page"
