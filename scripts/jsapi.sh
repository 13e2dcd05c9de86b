#!/usr/bin/env bash
# Builds claimcheck's JavaScript API into dist-jsapi/ and runs its Chromium test.
#
#   bash scripts/jsapi.sh          build, print sizes, run tests/jsapi (node --test, Chromium)
#   bash scripts/jsapi.sh --build  build and print sizes only
#
# Needs the app built into dist/ (scripts/test.sh builds it first): `claimcheck pack` publishes
# the pack files tests/jsapi loads into a copy of it.
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli 0.2.130 (the version jsapi/Cargo.toml
# pins), node and /usr/bin/chromium (or CHROMIUM=/path). wasm-opt is used when found.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/binaryen/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

step() { printf '\n=== %s\n' "$*"; }

step "jsapi: build (release, wasm32)"
cargo build --release --target wasm32-unknown-unknown -p claimcheck-jsapi
rm -rf dist-jsapi
wasm-bindgen --target web --out-dir dist-jsapi \
  target/wasm32-unknown-unknown/release/claimcheck_jsapi.wasm

if command -v wasm-opt >/dev/null 2>&1; then
  # The release profile strips the target_features section, so name the features rustc's
  # wasm32 target enables by default.
  wasm-opt -Oz \
    --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    dist-jsapi/claimcheck_jsapi_bg.wasm -o dist-jsapi/claimcheck_jsapi_bg.opt.wasm
  mv dist-jsapi/claimcheck_jsapi_bg.opt.wasm dist-jsapi/claimcheck_jsapi_bg.wasm
else
  echo "wasm-opt not found: the .wasm is left unoptimised"
fi

# validateRulesAsync: validation on a worker thread (jsapi/js/, plain files, copied as they are).
cp jsapi/js/validate-worker.js jsapi/js/validate-async.js dist-jsapi/

# loadPack(): the published pack files, written by `claimcheck pack` as a host would (into a
# copy of the built app, dist/, which it needs: the loader, service worker and one-file copy it
# rewrites), for tests/jsapi to read.
step "jsapi: the published pack of rules/ (claimcheck pack into a copy of dist/)"
test -f dist/index.html || { echo "dist/ missing: build the app first (trunk build --release, or scripts/e2e.sh)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -a dist "$tmp/dist"
cargo run -q -p claimcheck-cli -- pack rules --out "$tmp/dist" >/dev/null
mkdir -p dist-jsapi/pack dist-jsapi/pack-more
cp "$tmp"/dist/claimcheck-pack-*.bin "$tmp"/dist/claimcheck-texts-*.bin dist-jsapi/pack/
# And a catalogue the API was not built with: rules/ and one more settlement (scripts/synth.py).
have=$(find rules -mindepth 2 -name settlement.toml | wc -l)
python3 scripts/synth.py "$tmp/rules-more" --settlements $((have + 1)) --organisations 0 >/dev/null
cargo run -q -p claimcheck-cli -- pack "$tmp/rules-more" --out "$tmp/dist" >/dev/null
cp "$tmp"/dist/claimcheck-pack-*.bin "$tmp"/dist/claimcheck-texts-*.bin dist-jsapi/pack-more/
ls dist-jsapi/pack dist-jsapi/pack-more

step "jsapi: sizes"
for f in dist-jsapi/claimcheck_jsapi_bg.wasm dist-jsapi/claimcheck_jsapi.js; do
  raw=$(wc -c <"$f")
  if command -v brotli >/dev/null 2>&1; then
    br=$(brotli -c -q 11 "$f" | wc -c)
    printf '%-40s %9d bytes raw, %8d brotli\n' "$f" "$raw" "$br"
  else
    printf '%-40s %9d bytes raw\n' "$f" "$raw"
  fi
done

if [ "${1:-}" = "--build" ]; then
  exit 0
fi

step "jsapi: Chromium test (tests/jsapi)"
cd tests/jsapi
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund
fi
node --test jsapi.test.mjs
