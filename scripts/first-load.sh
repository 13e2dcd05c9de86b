# Sourced by scripts/e2e.sh and scripts/perf.sh: the one definition of "first load", exactly what
# a first visit downloads before the app works: the page, the app's JS glue and wasm, the styles,
# the pack's structure and the texts of one language (English here; the Spanish file is about the
# same size). Not the
# other language's texts, which the app fetches in the background once it runs, nor the service
# worker, the embed host script or the one-file copy, which load only when used.
first_load_files() {
  local d=${1:-dist}
  printf '%s\n' "$d"/index.html "$d"/claimcheck-app-*.js "$d"/*.wasm "$d"/*.css "$d"/claimcheck-pack-*.bin "$d"/claimcheck-texts-en-*.bin
}
