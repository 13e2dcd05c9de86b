#!/usr/bin/env bash
# Builds the browser app (release) and serves it on http://127.0.0.1:8080.
# The build runs scripts/postbuild.py (a Trunk hook): the strict CSP, SRI, the service worker
# and the one-file copy dist/claimcheck.html. dist/ is then served as plain static files by
# tests/e2e/serve.mjs (node only), exactly as any static host would.
#   scripts/serve.sh            # build, then serve dist/ until Ctrl-C
#   scripts/serve.sh --no-build # serve the last build
#   PORT=9000 scripts/serve.sh  # another port
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) echo "unknown option: $a" >&2; exit 2 ;;
  esac
done
bash scripts/setup.sh
export PATH="$PWD/.tools/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ "$build" = 1 ]; then
  cargo fetch
  trunk build --release --offline
fi
test -f dist/index.html || { echo "dist/index.html missing: build first" >&2; exit 1; }
exec node tests/e2e/serve.mjs dist "${PORT:-8080}"
