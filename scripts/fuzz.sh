#!/usr/bin/env bash
# Fuzzes claimcheck's engine (and the app's address-settings parser) with cargo-fuzz (libFuzzer + AddressSanitizer): hostile rule files,
# answer files, conditions and saved states must never make the engine panic.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 20: the short smoke run the test command calls). Targets (all by
# default), each in fuzz/fuzz_targets/:
#   rule_loader            bytes as rules/<x>/settlement.toml, loaded with a valid pack around it
#   rule_loader_questions  bytes as rules/questions.toml
#   answer_decoder         bytes as an answer file, read as TOML and as JSON, then evaluated
#   expr_parser            bytes as a condition and as a benefit combination
#   saved_state            bytes as the saved-state text (engine::saved), read, rewritten, sanitized, evaluated
#   embed_params           bytes as the page address's query string (src/embed.rs)
#   text_table             bytes as a language's text file and as a pack structure (engine::wire)
#
# The longer run, before a release or after changing load/, answers.rs, expr.rs or eval/:
#   bash scripts/fuzz.sh 600               # 10 minutes per target, about 50 minutes on 2 cores
#   bash scripts/fuzz.sh 3600 rule_loader  # one target for an hour
#
# Seeds live in fuzz/corpus/<target>/ (committed). What a run discovers goes to
# fuzz/target/corpus/<target>/ (not committed), so the seed folders stay small. A crash leaves
# its input in fuzz/artifacts/<target>/; reproduce it with
#   (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run <target> artifacts/<target>/<file>)
# then turn it into a named test in engine/tests/hostile.rs, and copy the file into
# fuzz/corpus/<target>/ (engine/tests/hostile.rs replays every seed in `cargo test`).
#
# cargo-fuzz needs nightly-only flags (-Zsanitizer); RUSTC_BOOTSTRAP=1 lets the stable
# toolchain accept them, so no nightly toolchain is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
export RUSTC_BOOTSTRAP=1

SECS="${1:-20}"
shift || true
case "$SECS" in
  '' | *[!0-9]*) echo "usage: bash scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2 ;;
esac
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(rule_loader rule_loader_questions answer_decoder expr_parser saved_state embed_params text_table)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] installing cargo-fuzz (about a minute)"
  cargo install cargo-fuzz --locked
fi

cd fuzz
echo "[fuzz] building the targets (release, AddressSanitizer, debug assertions)"
cargo fuzz build

failed=()
summary=()
for t in "${TARGETS[@]}"; do
  mkdir -p "target/corpus/$t" "target/logs"
  log="target/logs/$t.log"
  echo "[fuzz] $t for ${SECS}s"
  # -timeout: an input taking over 10 s counts as a finding (a hang is a bug too).
  # -rss_limit_mb: a run above 2 GB is a finding.
  # embed_params runs the app's library, whose pack holder (src/pack.rs) leaks each pack it
  # decodes on purpose, so that the `&'static` references it hands out stay valid for the page's
  # life; LeakSanitizer reports the superseded ones, so leak checks are off for that target only.
  extra=()
  leaks=1
  if [ "$t" = embed_params ]; then extra=(-detect_leaks=0); leaks=0; fi
  if ASAN_OPTIONS="detect_leaks=$leaks" cargo fuzz run "$t" "target/corpus/$t" "corpus/$t" -- \
      -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${extra[@]}" \
      >"$log" 2>&1; then
    result=ok
  else
    result=FAILED
    failed+=("$t")
    tail -n 40 "$log" >&2
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || echo "cov: ?")
  corp=$(find "target/corpus/$t" -type f | wc -l)
  line="$t: $result, ${execs} execs in ${SECS}s (${rate}/s), ${cov}, ${corp} inputs found so far"
  summary+=("$line")
  echo "[fuzz] $line"
done

echo
echo "[fuzz] summary"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "[fuzz] FAILED: ${failed[*]} (inputs in fuzz/artifacts/, logs in fuzz/target/logs/)" >&2
  exit 1
fi
