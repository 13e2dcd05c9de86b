#!/usr/bin/env bash
# The README's test command: sets up what is missing, then runs every check and test.
# Fails on the first red step. Prints what it measured (sizes) as it goes, and the time each
# step took at the end (also when a step fails).
#   bash scripts/test.sh           everything (what CI runs)
#   bash scripts/test.sh --quick   the inner loop: format, lints, rule checks and scenarios,
#                                  native tests (no setup, fuzzing, browser or JS API)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/binaryen/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

quick=0
for a in "$@"; do
  case "$a" in
    --quick) quick=1 ;;
    *) echo "usage: bash scripts/test.sh [--quick]" >&2; exit 2 ;;
  esac
done

timings=()
current=""
started=$SECONDS
step_started=$SECONDS
finish_step() {
  if [ -n "$current" ]; then
    timings+=("$(printf '%6ss  %s' "$((SECONDS - step_started))" "$current")")
  fi
}
step() {
  finish_step
  current="$*"
  step_started=$SECONDS
  printf '\n=== %s\n' "$*"
}
print_timings() {
  local rc=$?
  finish_step
  current=""
  printf '\n=== time per step\n'
  printf '%s\n' "${timings[@]}"
  printf '%6ss  total%s\n' "$((SECONDS - started))" "$([ "$rc" = 0 ] || echo " (failed)")"
}
trap print_timings EXIT

if [ "$quick" = 0 ]; then
  step "setup (installs only what is missing)"
  bash scripts/setup.sh
fi

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings

step "rule pack: validate every folder"
cargo run -q -p claimcheck-cli -- check

step "rule pack: every scenario"
cargo run -q -p claimcheck-cli -- test

step "start screen: index.html's date is the rules' date"
python3 scripts/postbuild.py --check-date

step "plain language: reading grade of the English text"
python3 scripts/readability.py

step "unit, integration and property tests (native)"
cargo test --workspace

if [ "$quick" = 1 ]; then
  step "quick run green (the full command adds fuzzing, the browser and the JS API)"
  exit 0
fi

step "fuzz smoke run: every target, 10 s each (longer runs: see scripts/fuzz.sh)"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-10}"

if [ -f scripts/e2e.sh ]; then
  step "browser: release build, size budget, end-to-end tests in Chromium"
  bash scripts/e2e.sh
fi

if [ -f scripts/jsapi.sh ]; then
  step "JavaScript API for embedders: build and test in Chromium"
  bash scripts/jsapi.sh
fi
step "rule studio: build, sizes, Chromium test (docs/studio.md)" && bash scripts/studio.sh

step "all green"
