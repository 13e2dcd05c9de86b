#!/usr/bin/env bash
# Builds the browser app and serves it on http://127.0.0.1:8080 (rebuilds on change).
#   scripts/serve.sh            # trunk serve (debug build, live reload)
#   scripts/serve.sh --release  # release build served from dist/ by trunk
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.tools/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch
exec trunk serve --offline --address 127.0.0.1 --port 8080 "$@"
