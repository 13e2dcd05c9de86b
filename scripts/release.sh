#!/usr/bin/env bash
# A release for people who host the checker themselves: release/claimcheck-VERSION.zip (the built
# app in a folder claimcheck-VERSION/, with brotli and gzip copies of its files, the deploy kit
# rendered for this build under deploy/, and docs/hosting.md and docs/embedding.md) and
# release/SHA256SUMS (the zip, and every file in it, as `sha256sum -c` reads them).
#   scripts/release.sh              build (trunk, release), then package
#   scripts/release.sh --no-build   package the dist/ there is
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"
version=$(sed -n 's/^version = "\([^"]*\)"/\1/p' Cargo.toml | head -n 1)
: "${version:?no version in Cargo.toml}"
if [ "${1:-}" != --no-build ]; then
  trunk build --release --offline
fi
grep -q 'claimcheck:postbuild' dist/index.html || { echo "[release] dist/ is not a post-processed build" >&2; exit 1; }
for f in dist/_headers dist/deploy/nginx.conf dist/deploy/Caddyfile dist/embed.html; do
  test -f "$f" || { echo "[release] $f missing: build again" >&2; exit 1; }
done
name="claimcheck-$version"
out=release
rm -rf "$out" && mkdir -p "$out/$name"
cp -a dist/. "$out/$name/"
mkdir -p "$out/$name/docs"
cp docs/hosting.md docs/embedding.md "$out/$name/docs/"
bash scripts/precompress.sh "$out/$name"
(
  cd "$out"
  # Fixed times and order, so the same build gives the same zip.
  find "$name" -exec touch -h -d '2026-01-01T00:00:00Z' {} +
  find "$name" -type f | LC_ALL=C sort | zip -q -X -D "$name.zip" -@
  { sha256sum "$name.zip"; find "$name" -type f | LC_ALL=C sort | xargs sha256sum; } >SHA256SUMS
  sha256sum -c --quiet SHA256SUMS
)
echo "[release] $out/$name.zip: $(wc -c <"$out/$name.zip") bytes, $(find "$out/$name" -type f | wc -l) files"
echo "[release] $out/SHA256SUMS: $(wc -l <"$out/SHA256SUMS") lines"
