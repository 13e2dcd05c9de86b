#!/usr/bin/env bash
# Builds the rule studio (studio.html, its JS/CSS, its own wasm, its service worker and the
# preview page made from the built checker's dist/claimcheck.html) into dist-studio/ and runs its
# Chromium test. The studio is a page of its own: nothing here writes into dist/ (the test
# publishes into a copy of it).
#
#   bash scripts/studio.sh          build, print sizes, run tests/studio (node --test, Chromium)
#   bash scripts/studio.sh --build  build and print sizes only
#   bash scripts/studio.sh --no-build   test the dist-studio/ already built
#
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli 0.2.130, node, /usr/bin/chromium
# (or CHROMIUM=/path), and tests/e2e/node_modules (playwright-core, @axe-core/playwright).
# wasm-opt is used when found.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/binaryen/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

step() { printf '\n=== %s\n' "$*"; }

if [ "${1:-}" != "--no-build" ]; then
  step "studio: build (release, wasm32)"
  cargo build --release --target wasm32-unknown-unknown -p claimcheck-studio
  rm -rf dist-studio
  wasm-bindgen --target web --no-typescript --out-dir dist-studio \
    target/wasm32-unknown-unknown/release/claimcheck_studio.wasm
  if command -v wasm-opt >/dev/null 2>&1; then
    # The release profile strips the target_features section, so name the features rustc's
    # wasm32 target enables by default.
    wasm-opt -Oz \
      --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
      dist-studio/claimcheck_studio_bg.wasm -o dist-studio/claimcheck_studio_bg.opt.wasm
    mv dist-studio/claimcheck_studio_bg.opt.wasm dist-studio/claimcheck_studio_bg.wasm
  else
    echo "wasm-opt not found: the .wasm is left unoptimised"
  fi
  cp studio/web/* dist-studio/
  # The preview page: the built checker's one-file copy, taking its pack from the studio that
  # frames it (publish/src/preview.rs). It needs the checker built first.
  if [ ! -f dist/claimcheck.html ]; then
    echo "dist/claimcheck.html not found: build the checker first (trunk build --release --offline)" >&2
    exit 1
  fi
  cargo run -q --offline -p claimcheck-publish --bin preview-page -- dist/claimcheck.html dist-studio/preview.html
  # The service worker's file list and version (a hash of every file it keeps).
  python3 - <<'PY'
import hashlib, json, pathlib, re
d = pathlib.Path("dist-studio")
files = sorted(p.name for p in d.iterdir() if p.is_file() and p.name != "studio-sw.js")
h = hashlib.sha256()
for n in files:
    h.update(n.encode() + b"\0" + (d / n).read_bytes() + b"\0")
sw = (d / "studio-sw.js").read_text(encoding="utf-8")
sw = re.sub(r'^const VERSION = .*;$', f'const VERSION = "{h.hexdigest()[:16]}";', sw, count=1, flags=re.M)
sw = re.sub(r'^const FILES = .*;$', "const FILES = " + json.dumps(["./" + n for n in files]) + ";", sw, count=1, flags=re.M)
(d / "studio-sw.js").write_text(sw, encoding="utf-8")
print(f"studio-sw.js: {len(files)} files, version {h.hexdigest()[:16]}")
PY
fi

step "studio: sizes"
total=0
for f in dist-studio/*; do
  raw=$(wc -c <"$f")
  if command -v brotli >/dev/null 2>&1; then
    br=$(brotli -c -q 11 "$f" | wc -c)
    total=$((total + br))
    printf '%-44s %9d bytes raw, %8d brotli\n' "$f" "$raw" "$br"
  else
    printf '%-44s %9d bytes raw\n' "$f" "$raw"
  fi
done
[ "$total" -gt 0 ] && printf 'studio total: %d bytes brotli\n' "$total"

if [ "${1:-}" = "--build" ]; then
  exit 0
fi

step "studio: Chromium test (tests/studio)"
node --test tests/studio/studio.test.mjs tests/studio/publish.test.mjs
