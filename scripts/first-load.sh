# Sourced by scripts/e2e.sh and scripts/perf.sh: the one definition of "first load", exactly what
# a first visit downloads: the page, the app's JS glue and wasm, the styles. Not the service
# worker, the embed host script or the one-file copy, which load only when used.
first_load_files() {
  local d=${1:-dist}
  printf '%s\n' "$d"/index.html "$d"/claimcheck-app-*.js "$d"/*.wasm "$d"/*.css
}
