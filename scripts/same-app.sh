#!/usr/bin/env bash
# Proof that the app carries no settlement data: the app's wasm and JS glue built from scratch
# with another rules folder are the same bytes as dist/'s; only the pack files differ.
#   scripts/same-app.sh            # compares against dist/ (build it first)
# It cleans the app crate's wasm build (so build.rs and the crate really run again), builds into
# a temp dist with CLAIMCHECK_RULES_DIR pointing at rules/ without one settlement and with one
# more organisation, and compares. Takes a release build's time (a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"
test -f dist/index.html || { echo "dist/ missing: build first" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cp -a rules "$T/rules"
rm -r "$T/rules/23andme"
printf '\n[[organisation]]\nid = "same-app-test"\nname = "Same App Test Organisation"\naliases = ["SATO"]\n' >>"$T/rules/organisations.toml"
cargo clean --release --target wasm32-unknown-unknown -p claimcheck-app
CLAIMCHECK_RULES_DIR="$T/rules" trunk build --release --offline --dist "$T/dist" >/dev/null
status=0
for pattern in 'claimcheck-app-*_bg.wasm' 'claimcheck-app-*[0-9a-f].js'; do
  a=$(find dist -maxdepth 1 -name "$pattern" | head -1)
  b=$(find "$T/dist" -maxdepth 1 -name "$pattern" | head -1)
  if cmp -s "$a" "$b"; then
    echo "[same-app] identical: $a and $b ($(wc -c <"$a") bytes, sha256 $(sha256sum "$a" | cut -c1-16))"
  else
    echo "[same-app] DIFFERENT: $a and $b" >&2; status=1
  fi
done
if cmp -s dist/claimcheck-pack-*.bin "$T"/dist/claimcheck-pack-*.bin; then
  echo "[same-app] the pack files are the same: the other rules were not used" >&2; status=1
else
  echo "[same-app] the pack files differ: $(cd dist && ls claimcheck-pack-*.bin) vs $(cd "$T/dist" && ls claimcheck-pack-*.bin)"
fi
exit $status
