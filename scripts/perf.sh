#!/usr/bin/env bash
# Performance figures, printed (not timed tests: timings do not belong in scripts/test.sh). Each
# figure is one line `FIGURE: value (goal: ...)`. Takes several minutes (it builds the app three
# more times, into /tmp, for the bytes each added settlement costs).
#   scripts/perf.sh                 # build dist/, then every section
#   scripts/perf.sh --no-build      # reuse dist/
#   scripts/perf.sh native bytes    # only these sections: native chromium lighthouse bytes added
# Sections:
#   native      the engine, natively (engine/examples/bench.rs): all bundled settlements, 1,000
#               synthetic ones, the next question
#   chromium    answer -> next screen painted, unthrottled and CPU x4 (tests/perf/answer-to-render.mjs),
#               and the start screen's paint timings under CDP throttling (tests/perf/start-paint.mjs)
#   lighthouse  Lighthouse 12 on the start screen, mobile, simulated throttling (tests/perf/lighthouse.mjs)
#   bytes       first-load bytes, brotli -q 11 (the set scripts/first-load.sh defines, as scripts/e2e.sh prints)
#   added       added bytes per added settlement: the app rebuilt with extra settlements
#               (build.rs reads CLAIMCHECK_RULES_DIR), in its own CARGO_TARGET_DIR under /tmp
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
sections=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    native | chromium | lighthouse | bytes | added) sections+=("$a") ;;
    *) echo "unknown argument: $a" >&2; exit 2 ;;
  esac
done
if [ ${#sections[@]} -eq 0 ]; then sections=(native chromium lighthouse bytes added); fi
want() { local s; for s in "${sections[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }
say() { printf '[perf] %s\n' "$*" >&2; }

if [ "${SKIP_SETUP:-0}" != 1 ]; then bash scripts/setup.sh >&2; fi
export PATH="$PWD/.tools/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROME_PATH=/usr/bin/chromium
if want chromium || want lighthouse || want bytes || want added; then
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
  printf 'First-load bytes (index.html + glue js + wasm + css + English texts, brotli -q 11): %d bytes = %.1f KB (goal: 100 KB)\n' \
    "$total" "$(echo "$total / 1024" | bc -l)"
fi

if want added; then
  # The app rebuilt with other rule folders (CLAIMCHECK_RULES_DIR, read by build.rs), into its
  # own target dir and dist dirs under /tmp so dist/ and target/ stay as they are. Only the
  # pack changes between these builds; the brotli size of the wasm (the pack's structure) plus
  # the English text file (its texts) is compared: what a first visit downloads for the rules.
  T=${PERF_TMP:-/tmp/claimcheck-perf}
  N=${PERF_COPIES:-10}
  SHORT=23andme # a short entry of median size
  FULL=comcast  # a full entry of median size
  mkdir -p "$T"
  export CARGO_TARGET_DIR="$T/target"
  if [ ! -d "$CARGO_TARGET_DIR" ] && [ -d target/wasm32-unknown-unknown/release ]; then
    say "seeding $CARGO_TARGET_DIR from target/ (so only the app crate is rebuilt)"
    mkdir -p "$CARGO_TARGET_DIR"
    cp -a target/. "$CARGO_TARGET_DIR/"
  fi
  variant() { # NAME: builds rules in $T/rules-NAME, prints the wasm's + English texts' brotli bytes
    say "building the app with $T/rules-$1"
    rm -rf "$T/dist-$1"
    CLAIMCHECK_RULES_DIR="$T/rules-$1" trunk build --release --offline --dist "$T/dist-$1" >&2 || return 1
    br "$T/dist-$1"/*.wasm "$T/dist-$1"/claimcheck-texts-en-*.bin
  }
  fresh() { rm -rf "$T/rules-$1"; cp -a rules "$T/rules-$1"; }
  # N copies of one settlement folder under new ids (settlement.toml only: scenarios are not
  # embedded). Everything else in a settlement is scoped to it; organisations stay shared.
  copies() { # NAME SOURCE
    fresh "$1"
    local k
    for k in $(seq 1 "$N"); do
      mkdir -p "$T/rules-$1/$2-copy-$k"
      sed -E "s/^id = \"$2\"$/id = \"$2-copy-$k\"/" "rules/$2/settlement.toml" >"$T/rules-$1/$2-copy-$k/settlement.toml"
      grep -q "^id = \"$2-copy-$k\"$" "$T/rules-$1/$2-copy-$k/settlement.toml"
    done
  }
  fresh base
  copies short "$SHORT"
  copies full "$FULL"
  # One real settlement left out: what it costs when added to all the others (no repetition for
  # brotli to exploit, unlike the copies).
  fresh without-short; rm -r "$T/rules-without-short/$SHORT"
  fresh without-full; rm -r "$T/rules-without-full/$FULL"
  # Every short (or every full) entry left out: the mean cost of one, less sensitive to how
  # brotli happens to split one file.
  local_of() { grep -l "^detail = \"$1\"" rules/*/settlement.toml | xargs -n1 dirname | xargs -n1 basename; }
  fresh without-shorts; for d in $(local_of short); do rm -r "$T/rules-without-shorts/$d"; done
  fresh without-fulls; for d in $(local_of full); do rm -r "$T/rules-without-fulls/$d"; done
  nshort=$(local_of short | wc -l)
  nfull=$(local_of full | wc -l)
  base=$(variant base)
  short=$(variant short)
  full=$(variant full)
  wshort=$(variant without-short)
  wfull=$(variant without-full)
  # The validator may refuse a pack without any full entry (a question no settlement asks):
  # then say so rather than stop.
  wshorts=$(variant without-shorts) || wshorts=
  wfulls=$(variant without-fulls) || wfulls=
  per() { echo "($1 - $2) / $3" | bc -l; }
  printf 'Wasm + English texts with the bundled rules (%d settlements), brotli -q 11: %d bytes (goal: none; the base of the next lines)\n' \
    "$(find rules -mindepth 2 -name settlement.toml | wc -l)" "$base"
  printf 'Added bytes per added short settlement (%s added to all the others), brotli wasm + English texts: %.0f bytes (goal: under 1 KB)\n' \
    "$SHORT" "$(per "$base" "$wshort" 1)"
  printf 'Added bytes per added full settlement (%s added to all the others), brotli wasm + English texts: %.0f bytes (goal: under 1 KB)\n' \
    "$FULL" "$(per "$base" "$wfull" 1)"
  mean() { # KIND COUNT WITHOUT
    if [ -n "$3" ]; then
      printf 'Added bytes per added %s settlement, mean over all %d (all left out, then added), brotli wasm + English texts: %.0f bytes (goal: under 1 KB)\n' \
        "$1" "$2" "$(per "$base" "$3" "$2")"
    else
      printf 'Added bytes per added %s settlement, mean over all %d: not measured, the build without them failed (see above) (goal: under 1 KB)\n' "$1" "$2"
    fi
  }
  mean short "$nshort" "$wshorts"
  mean full "$nfull" "$wfulls"
  printf 'Added bytes per added copy of %s (%d copies under new ids), brotli wasm + English texts: %.0f bytes (goal: under 1 KB; brotli finds the repeated text, a lower bound)\n' \
    "$SHORT" "$N" "$(per "$short" "$base" "$N")"
  printf 'Added bytes per added copy of %s (%d copies under new ids), brotli wasm + English texts: %.0f bytes (goal: under 1 KB; brotli finds the repeated text, a lower bound)\n' \
    "$FULL" "$N" "$(per "$full" "$base" "$N")"
fi
