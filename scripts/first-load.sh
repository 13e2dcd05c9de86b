# Sourced by scripts/e2e.sh, scripts/budget.sh and scripts/perf.sh: the one definition of "first
# load", exactly what a first visit downloads before the first question works: the page, the
# app's JS glue and wasm, the styles, and the directory of one language (the organisations, the
# question bank and the interface texts; English here, `first_load_files DIST es` for Spanish).
# Not the whole pack (structure and both languages' texts), which the app fetches in the
# background once it runs, nor the service worker, the embed host script or the one-file copy,
# which load only when used.
first_load_files() {
  local d=${1:-dist} lang=${2:-en}
  printf '%s\n' "$d"/index.html "$d"/claimcheck-app-*.js "$d"/*.wasm "$d"/*.css "$d"/claimcheck-dir-"$lang"-*.bin
}
