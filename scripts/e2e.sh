#!/usr/bin/env bash
# End-to-end tests of the browser app: release build into dist/, a tiny static server on a
# loopback port (tests/e2e/serve.mjs), Debian chromium driven by playwright-core, node's test
# runner. Screenshots land in tests/e2e/screenshots/ (git-ignored).
#   scripts/e2e.sh                  # build, then run every test file
#   scripts/e2e.sh --no-build       # reuse dist/
#   scripts/e2e.sh flows.test.mjs   # only these files (names inside tests/e2e)
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
files=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) files+=("$a") ;;
  esac
done
if [ "${SKIP_SETUP:-0}" != 1 ]; then bash scripts/setup.sh; fi
export PATH="$PWD/.tools/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ "$build" = 1 ]; then
  cargo fetch --quiet
  # Trunk runs scripts/postbuild.py after the build (Trunk.toml): CSP, SRI, service worker,
  # manifest, dist/claimcheck.html.
  trunk build --release --offline
fi
test -f dist/index.html || { echo "dist/index.html missing: build first" >&2; exit 1; }
grep -q 'claimcheck:postbuild' dist/index.html || { echo "dist/ was not post-processed (scripts/postbuild.py)" >&2; exit 1; }
# First-load size (what a person downloads), brotli -q 11 when available.
if command -v brotli >/dev/null 2>&1; then
  total=0
  . scripts/first-load.sh
  for f in $(first_load_files dist); do
    n=$(brotli -q 11 -c "$f" | wc -c); total=$((total + n))
    printf '[e2e] %-50s %8d bytes brotli\n' "$f" "$n"
  done
  printf '[e2e] first load (html+js+wasm+css+English texts, brotli -q 11): %d bytes (%d KB)\n' "$total" "$((total / 1024))"
  one=dist/claimcheck.html
  if [ -f "$one" ]; then
    printf '[e2e] one-file copy %s: %d bytes raw, %d bytes brotli -q 11\n' "$one" "$(wc -c <"$one")" "$(brotli -q 11 -c "$one" | wc -c)"
  fi
  # Regression guard. The goal is 100 KB and the issue's budget 200 KB, not yet met: Yew's
  # views and runtime and the bilingual rule pack dominate (see README "Size").
  printf '[e2e] budget 200 KB, goal 100 KB\n'
  limit_kb=${SIZE_LIMIT_KB:-245}
  if [ "$total" -gt $((limit_kb * 1024)) ]; then
    echo "[e2e] first load is above the ${limit_kb} KB guard" >&2
    exit 1
  fi
fi
cd tests/e2e
if [ ! -d node_modules ]; then npm ci --no-audit --no-fund; fi
if [ ${#files[@]} -eq 0 ]; then files=(*.test.mjs); fi
exec node --test --test-concurrency=1 "${files[@]}"
