#!/usr/bin/env bash
# Writes a brotli (-q 11) and a gzip (-9) copy beside every text and wasm file of a built app
# folder (FILE.br, FILE.gz), for servers that send precompressed files (nginx brotli_static and
# gzip_static, Caddy `precompressed br gzip`). The deploy kit itself is left alone.
#   scripts/precompress.sh DIR
set -euo pipefail
dir=${1:?usage: precompress.sh DIR}
find "$dir" -path "$dir/deploy" -prune -o -type f \
  \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' -o -name '*.svg' \
     -o -name '*.webmanifest' -o -name '*.bin' \) -print |
while read -r f; do
  brotli -q 11 -f -k -o "$f.br" "$f"
  gzip -9 -n -c "$f" >"$f.gz"
done
