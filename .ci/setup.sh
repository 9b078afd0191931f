# Installs what building and testing SIM Explorer needs, skipping whatever is already
# present at the right version. Sourced by .ci/serve and .ci/test; see ../shared/TOOLCHAIN.md
# for why each tool comes from where it does.
#   setup_build: wasm target, Trunk, wasm-bindgen-cli (= Cargo.lock), the wasm splitter,
#                Node.js, npm packages
#                (wasm-opt from npm's binaryen), crates fetched for Trunk's offline build.
#   build_release: the release page into dist/ (what serve and test build), its wasm split
#                (the timeline and the later pages chunks of their own; see build_split).
#   setup_test:  all of that, plus Chromium and chromedriver from Debian, and the two other
#                engines the journey runs in: WebKitGTK's WebKitWebDriver (with Xvfb, its
#                display) and Firefox ESR.

TRUNK_VERSION=0.21.14
# The splitter of the page's wasm (the timeline and later pages in chunks): crates.io's
# wasm_split_cli_support, whose command-line build cargo-leptos's splitting also runs.
SPLITTER_VERSION=0.2.4
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

APT_UPDATED=""
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_rust() {
  command -v cargo >/dev/null || fail "Rust is missing: install it with rustup (https://rustup.rs) and run this again"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

# The tools are built with little or no optimisation and no link-time optimisation: how fast
# they run barely shows in a build (Trunk mostly waits on cargo), but a fully optimised build
# of them took most of a fresh machine's ten minutes of installing. Measured: Trunk 196 s
# unoptimised, 298 s at opt-level 1, about 600 s fully; a release build with the unoptimised
# Trunk took 59 s, as before. wasm-bindgen rewrites the whole wasm, so it keeps opt-level 1.
# Usage: quick_install OPT-LEVEL CARGO-INSTALL-ARGS...
quick_install() {
  local opt=$1; shift
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=false \
    CARGO_PROFILE_RELEASE_STRIP=true cargo install "$@"
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "cargo install trunk $TRUNK_VERSION (a few minutes, once)"
    # Without its default features: a TLS stack (rustls and ring, C and assembly included)
    # and a check for new versions on crates.io, neither of any use to a build that never
    # downloads (Trunk.toml: offline = true). Both build and serve as before.
    quick_install 0 --locked trunk --version "$TRUNK_VERSION" --no-default-features
  fi
}

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly, or the glue breaks.
ensure_wasm_bindgen() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")
  [ -n "$want" ] || fail "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ] \
    || [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "cargo install wasm-bindgen-cli $want (a few minutes, once)"
    # No --locked: the registry mirror lacks one of its pinned transitive versions.
    quick_install 1 wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_splitter() {
  if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$SPLITTER_VERSION:"; then
    say "cargo install wasm_split_cli_support $SPLITTER_VERSION (a minute, once)"
    # It rewrites the whole wasm, as wasm-bindgen does: opt-level 1.
    quick_install 1 --locked wasm_split_cli_support --version "$SPLITTER_VERSION" --features build-binary
  fi
}

ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 18 ] || fail "Node.js $major is too old: 18 or newer is needed"
}

# npm packages from the committed lockfile; reinstalled only when the lockfile changes.
ensure_npm_packages() {
  local stamp="$ROOT/node_modules/.lock-sha256" want
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "npm ci (playwright-core, axe-core, binaryen's wasm-opt)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
  [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" = "132" ] \
    || fail "wasm-opt on PATH is not binaryen 132 from npm: $(command -v wasm-opt)"
}

ensure_crates() {
  # Trunk builds offline, so every crate must be in cargo's cache first.
  (cd "$ROOT" && cargo fetch --locked -q)
}

ensure_browser() {
  apt_install chromium chromium-driver webkit2gtk-driver firefox-esr xvfb
  local browser driver
  browser=$(/usr/bin/chromium --version 2>/dev/null | grep -oE '[0-9]+' | head -1)
  driver=$(/usr/bin/chromedriver --version 2>/dev/null | grep -oE '[0-9]+' | head -1)
  [ -n "$browser" ] && [ "$browser" = "$driver" ] \
    || fail "chromium ($browser) and chromedriver ($driver) versions differ"
  command -v WebKitWebDriver >/dev/null && command -v Xvfb >/dev/null \
    || fail "WebKitWebDriver or Xvfb is missing after installing webkit2gtk-driver and xvfb"
  [ -x /usr/bin/firefox-esr ] || fail "/usr/bin/firefox-esr is missing after installing firefox-esr"
}

setup_build() {
  ensure_rust
  ensure_node
  ensure_npm_packages
  ensure_crates
  # The wasm compiles while the tools do: it needs neither, and cargo keeps what it built,
  # so Trunk's own `cargo build` (the same command: Trunk 0.21 runs exactly this for
  # index.html's `data-bin`, in a release build) finds it done. Its errors, if any, show
  # when Trunk runs it again.
  # Arguments name more feature sets to compile after it the same way (the test command's
  # `bench`, for the browser benchmark's build).
  ( renice -n 5 -p "$BASHPID" >/dev/null
    cd "$ROOT"
    for features in "" "$@"; do
      cargo build --quiet --target=wasm32-unknown-unknown --release --offline --locked \
        --bin sim-explorer ${features:+--features "$features"} >/dev/null 2>&1
    done
    split_cargo_build >/dev/null 2>&1 ) &
  local wasm=$!
  # Trunk and wasm-bindgen-cli compile side by side: each leaves a core idle for long
  # stretches (its largest crates, linking) that the other fills.
  ensure_trunk &
  local trunk=$!
  ensure_wasm_bindgen || { wait "$trunk"; wait "$wasm"; fail "installing wasm-bindgen-cli failed"; }
  ensure_splitter || { wait "$trunk"; wait "$wasm"; fail "installing wasm_split_cli_support failed"; }
  wait "$trunk" || { wait "$wasm"; fail "installing Trunk failed"; }
  wait "$wasm" || true
}

# The release page. The build step after Trunk (src/bin/post_build) is a native program:
# compiled while Trunk compiles the wasm (cargo locks each target folder apart, so neither
# waits), it fills the core that the wasm's single-threaded link and wasm-opt leave idle,
# and Trunk's post-build hook finds it built.
build_release() {
  cargo build --quiet --locked --offline --bin sim-post-build &
  local post_build=$!
  build_split || { wait "$post_build"; return 1; }
  say "trunk build --release"
  SIM_SPLIT_DIR="$ROOT/target/split/out" trunk build --release || { wait "$post_build"; return 1; }
  wait "$post_build"
}

# The page's wasm as cargo links it for splitting: with the split point compiled in
# (`--cfg sim_split`, src/app/deferred.rs) and the linker's relocations kept, which the
# splitter reads. Its own target folder: other flags in target/ would rebuild Trunk's wasm.
split_cargo_build() {
  CARGO_TARGET_DIR="$ROOT/target/split/cargo" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --cfg sim_split -C link-arg=--emit-relocs" \
    cargo build --quiet --locked --offline --release --target wasm32-unknown-unknown --bin sim-explorer
}

# The served page's wasm with the timeline and the pages a first view does not show split
# off into chunks of their own (issue 27): cargo (above), the splitter (the main module,
# `split_timeline.wasm`, `split_pages.wasm`, what they share, and the loader
# `__wasm_split.js`), wasm-bindgen on the main module, and wasm-opt on every module with
# the level and flags index.html gives Trunk. Into target/split/out, which the build
# step after Trunk puts into dist/ (src/bin/post_build); Trunk's own, whole wasm goes into
# the one-file edition, which cannot fetch a chunk.
build_split() {
  say "the page's wasm with the timeline and later pages split off"
  local out="$ROOT/target/split" level params
  level=$(sed -n 's/.*data-wasm-opt="\([a-z0-9]*\)".*/\1/p' "$ROOT/index.html")
  params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$ROOT/index.html")
  [ -n "$level" ] && [ -n "$params" ] || fail "index.html names no data-wasm-opt and data-wasm-opt-params"
  split_cargo_build || return 1
  rm -rf "$out/modules" "$out/out"
  mkdir -p "$out/modules" "$out/out"
  wasm-split-cli "$out/cargo/wasm32-unknown-unknown/release/sim-explorer.wasm" "$out/modules" \
    --out-name sim-explorer || return 1
  wasm-bindgen "$out/modules/sim-explorer.wasm" --out-dir "$out/modules" --out-name sim-explorer \
    --target web --keep-lld-exports --no-typescript || return 1
  cp "$out/modules/sim-explorer.js" "$out/modules/__wasm_split.js" "$out/out/"
  local module
  # The chunks: one per split point (`split_NAME.wasm`), and code two of them share
  # (`chunk_N.wasm`), which the loader fetches beside either.
  for module in "$out/modules/sim-explorer_bg.wasm" "$out"/modules/split_*.wasm "$out"/modules/chunk_*.wasm; do
    [ -e "$module" ] || continue  # no shared chunk: the pattern itself
    # shellcheck disable=SC2086 # the flags are words
    wasm-opt "-O$level" --strip-debug $params "$module" -o "$out/out/$(basename "$module")" || return 1
  done
}

# Chromium comes from apt (network) while cargo compiles the tools (CPU): side by side.
setup_test() {
  local log status=0
  ensure_rust
  ensure_node  # may use apt itself, so before the background apt
  log=$(mktemp)
  ensure_browser > "$log" 2>&1 &
  local apt=$!
  # The browser benchmark's wasm too: it differs from the page's by one feature, so only our
  # crate compiles again (about a minute, link-time optimisation on one core), and here it
  # fills the cores the tools leave idle rather than stand alone after the release build.
  setup_build bench || status=$?
  wait "$apt" || { cat "$log" >&2; fail "installing Chromium failed"; }
  cat "$log"; rm -f "$log"
  return "$status"
}
