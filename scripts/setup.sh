#!/usr/bin/env bash
# Installs what building and testing claimcheck needs, skipping whatever is already there at the
# right version. Safe to run again. Used by both README commands (serve.sh and test.sh).
#   scripts/setup.sh          # everything: Rust wasm target, trunk, wasm-bindgen-cli, wasm-opt, chromium, node deps
#   scripts/setup.sh --native # only what the native engine tests need (nothing beyond cargo)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml
BINARYEN_VERSION=132

say() { printf '[setup] %s\n' "$*"; }

if [ "${1:-}" = "--native" ]; then exit 0; fi

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Node packages (playwright-core, axe, binaryen for wasm-opt) live in tests/e2e.
if [ -f tests/e2e/package.json ]; then
  if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules ]; then
    say "installing node packages for the end-to-end tests"
    (cd tests/e2e && npm ci --no-audit --no-fund)
  fi
fi

# wasm-opt from npm binaryen; trunk finds it on PATH.
WASM_OPT_DIR="$PWD/.tools/binaryen"
if ! "$WASM_OPT_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  mkdir -p "$WASM_OPT_DIR"
  (cd "$WASM_OPT_DIR" && npm install --no-audit --no-fund --no-save "binaryen@$BINARYEN_VERSION" >/dev/null)
fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing Debian chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if ! command -v brotli >/dev/null 2>&1; then
  say "installing brotli (size budget)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq brotli >/dev/null
fi
# nginx (Debian's, with the brotli_static module) for tests/e2e/deploy.test.mjs, which serves
# dist/ with the deploy kit's config. Installed without starting the system's nginx service:
# the test runs its own on a loopback port.
if [ ! -x /usr/sbin/nginx ] || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  say "installing nginx and its brotli_static module (deploy kit test)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && made_policy=1
  fi
  apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null
  if [ "$made_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
fi
say "ready"
