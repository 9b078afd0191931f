#!/usr/bin/env bash
# What each feature adds to the page's wasm, compressed: builds the release page once as
# shipped and once without each feature's panels (`--cfg sim_without="…"`, see
# src/app/mod.rs), and prints the brotli-11 size of each wasm and the difference. About a
# minute per build; figures, not a test. Run from the repository: bash tests/bench/sizes.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
brotli_size() {
  node -e "const z=require('zlib');const b=require('fs').readFileSync(process.argv[1]);
    console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length)" "$1"
}
build() { # label, extra rustflags
  local out="target/size-dist/$1"
  RUSTFLAGS="--cfg erase_components $2" trunk build --release --dist "$out" >/dev/null 2>&1
  brotli_size "$(ls "$out"/*.wasm)"
}
full=$(build full "")
printf '%-32s %9s brotli\n' "the page as shipped" "$full"
for feature in timeline actors cite; do
  without=$(build "without-$feature" "--cfg sim_without=\"$feature\"")
  printf '%-32s %9s brotli  (%s adds %s bytes)\n' "without $feature" "$without" "$feature" "$((full - without))"
done
# The embedded corpus, compressed on its own.
corpus=$(ls -t target/wasm32-unknown-unknown/release/build/sim-explorer-*/out/corpus.postcard | head -1)
printf '%-32s %9s brotli\n' "the corpus (postcard, alone)" "$(brotli_size "$corpus")"
