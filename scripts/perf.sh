#!/usr/bin/env bash
# Performance figures, printed (not timed tests: timings do not belong in scripts/test.sh). Each
# figure is one line `FIGURE: value (goal: ...)`. Takes several minutes.
#   scripts/perf.sh                 # build dist/, then every section
#   scripts/perf.sh --no-build      # reuse dist/
#   scripts/perf.sh native bytes    # only these sections: native chromium lighthouse bytes added scale
# Sections:
#   native      the engine, natively (engine/examples/bench.rs): all bundled settlements, 1,000
#               synthetic ones, the next question
#   chromium    answer -> next screen painted, unthrottled and CPU x4 (tests/perf/answer-to-render.mjs),
#               and the start screen's paint timings under CDP throttling (tests/perf/start-paint.mjs)
#   lighthouse  Lighthouse 12 on the start screen, mobile, simulated throttling (tests/perf/lighthouse.mjs)
#   bytes       first-load bytes, brotli -q 11 (the set scripts/first-load.sh defines, as scripts/e2e.sh prints)
#   added       first-load bytes per added organisation and full and short settlement, and the
#               first load with 1,000 settlements and 5,000 organisations (scripts/budget.sh:
#               synthetic packs published into copies of dist/ with `claimcheck pack`, no rebuild)
#   scale       the 1,000-settlement catalogue: background bytes, native evaluation of all of it,
#               and in Chromium the start, memory and organisation search (tests/perf/pack-scale.mjs),
#               and the answer to results painted for a person matching 10 (tests/perf/answer-to-results.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
sections=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    native | chromium | lighthouse | bytes | added | scale) sections+=("$a") ;;
    *) echo "unknown argument: $a" >&2; exit 2 ;;
  esac
done
if [ ${#sections[@]} -eq 0 ]; then sections=(native chromium lighthouse bytes added scale); fi
want() { local s; for s in "${sections[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }
say() { printf '[perf] %s\n' "$*" >&2; }

if [ "${SKIP_SETUP:-0}" != 1 ]; then bash scripts/setup.sh >&2; fi
export PATH="$PWD/.tools/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROME_PATH=/usr/bin/chromium
if want chromium || want lighthouse || want bytes || want added || want scale; then
  if [ "$build" = 1 ]; then
    say "release build into dist/ (trunk build --release --offline)"
    cargo fetch --quiet
    trunk build --release --offline >&2
  fi
  test -f dist/index.html || { echo "dist/index.html missing: build first" >&2; exit 1; }
fi

# Timings depend on what else runs: say so beside them.
printf 'Machine: %s cores, load average %s at the start (goal: none; context for the timings)\n' \
  "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"

# brotli -q 11 size of files (summed).
br() { local t=0 f; for f in "$@"; do t=$((t + $(brotli -q 11 -c "$f" | wc -c))); done; echo "$t"; }

if want native; then
  say "native engine benchmark (cargo run --release -p claimcheck-engine --example bench)"
  # The example's lines, passed through in this script's form: a line ending in `goal < X`
  # becomes `(goal: under X)`.
  cargo run --quiet --release -p claimcheck-engine --example bench |
    sed -nE \
      -e 's/^ +(.*): +([^ ].*[^ ]) +goal < (.*)$/Native \1: \2 (goal: under \3)/p' \
      -e '/goal </!s/^ +(.*): +([^ ].*)$/Native \1: \2 (goal: none)/p'
fi

if want chromium; then
  say "Chromium: answer -> next screen painted (tests/perf/answer-to-render.mjs)"
  node tests/perf/answer-to-render.mjs
  say "Chromium: start screen paint timings under CDP throttling (tests/perf/start-paint.mjs)"
  node tests/perf/start-paint.mjs
fi

if want lighthouse; then
  LH_DIR="$PWD/.tools/lighthouse"
  LH_VERSION=12.8.2 # Lighthouse 13 needs node 22; this machine has node 20
  if ! "$LH_DIR/node_modules/.bin/lighthouse" --version 2>/dev/null | grep -qx "$LH_VERSION"; then
    say "installing lighthouse@$LH_VERSION into .tools/lighthouse"
    mkdir -p "$LH_DIR"
    (cd "$LH_DIR" && npm install --no-audit --no-fund --no-save "lighthouse@$LH_VERSION" >&2)
  fi
  say "Lighthouse on the start screen (three attempts at most)"
  node tests/perf/lighthouse.mjs "$LH_DIR/node_modules/.bin/lighthouse"
fi

if want bytes; then
  total=0
  . scripts/first-load.sh
  for f in $(first_load_files dist); do
    n=$(br "$f"); total=$((total + n))
    printf 'First-load file %s: %d bytes brotli -q 11 (goal: none; part of the next line)\n' "$f" "$n"
  done
  printf 'First-load bytes (index.html + glue js + wasm + css + English directory, brotli -q 11): %d bytes = %.1f KB (goal: 100 KB)\n' \
    "$total" "$(echo "$total / 1024" | bc -l)"
fi

if want added || want scale; then
  # Other catalogues need no app rebuild (the wasm holds no settlement data): a copy of dist/
  # gets the pack of a generated rules folder (scripts/synth.py) through `claimcheck pack`, as a
  # host would publish it (scripts/budget.sh), under /tmp.
  T=${PERF_TMP:-/tmp/claimcheck-perf}
  . scripts/budget.sh
  say "publishing synthetic catalogues into copies of dist/ under $T"
  budget_catalogue dist "$T" | sed -E 's/^\[e2e\] (.*)$/\1 (goal: first load at most 200,000 bytes, 100,000 ideally)/' || true
fi

if want scale; then
  # The 1,000-settlement catalogue written above ($T/rules-synth, $T/dist-synth).
  bg=$(br "$T"/dist-synth/claimcheck-pack-*.bin "$T"/dist-synth/claimcheck-texts-*.bin)
  printf 'Background bytes with 1,000 settlements (the structure and both languages'"'"' texts, fetched right after start by every visit), brotli -q 11: %d bytes (goal: none; not part of the first load)\n' "$bg"
  say "native evaluation of the 1,000-settlement catalogue"
  CLAIMCHECK_BENCH_RULES="$T/rules-synth" cargo run --quiet --release -p claimcheck-engine --example bench |
    grep -i 'catalogue' |
    sed -nE \
      -e 's/^ +(.*): +([^ ].*[^ ]) +goal < (.*)$/Native \1: \2 (goal: under \3)/p' \
      -e '/goal </!s/^ +(.*): +([^ ].*)$/Native \1: \2 (goal: none)/p'
  say "Chromium: start, memory and organisation search, bundled then 1,000 settlements (tests/perf/pack-scale.mjs)"
  node tests/perf/pack-scale.mjs dist "bundled catalogue"
  node tests/perf/pack-scale.mjs "$T/dist-synth" "1,000 settlements and 5,000 organisations"
  say "Chromium: answer to results for a person matching 10 of the 1,000 settlements (tests/perf/answer-to-results.mjs)"
  node tests/perf/answer-to-results.mjs "$T/dist-synth" "$T/rules-synth" "1,000 settlements"
  # Where that time goes, profiled 2026-12-06 (CDP sampling, a build with names kept): choosing
  # the next question and evaluating take about 4 ms together (settlements the answers already
  # rule out are skipped: eval::flow::shut_out); the "not in" fold draws nothing until opened;
  # the rest is drawing, laying out and painting the ten cards (about 750 elements), which
  # grows with the settlements matched, not the catalogue (100 settlements: about the same).
fi
