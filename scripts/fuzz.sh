#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/, docs/fuzzing.md) in build/fuzz and runs them, one after
# another, each for a while. Crash, timeout and out-of-memory inputs land in
# build/fuzz/findings/<harness>/; inputs that reach new code in build/fuzz/corpus/<harness>/.
#
#   scripts/fuzz.sh [--seconds N] [--keep-going] [--build-only] [HARNESS...]
#
#   HARNESS       json mef document_sql document_bytes deep cli engine (default: all of them)
#   --seconds N   how long each harness runs (default 60)
#   --keep-going  run in libFuzzer's fork mode and go on after a finding (default: stop at it)
#   --build-only  build, do not run
#
# FUZZ_BUILD_JOBS sets the build's parallelism (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."

all_harnesses=(json mef document_sql document_bytes deep cli engine)
seconds=60
keep_going=0
build_only=0
harnesses=()
while (($#)); do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --keep-going) keep_going=1; shift ;;
    --build-only) build_only=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) harnesses+=("$1"); shift ;;
  esac
done
((${#harnesses[@]})) || harnesses=("${all_harnesses[@]}")
for h in "${harnesses[@]}"; do
  [[ " ${all_harnesses[*]} " == *" $h "* ]] || { echo "fuzz: unknown harness '$h' (${all_harnesses[*]})" >&2; exit 2; }
done

# The libraries, then clang and its libFuzzer runtime.
scripts/setup.sh clang libclang-rt-14-dev

build=build/fuzz
cmake -S . -B "$build" -G Ninja \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
  -DCHOKEPOINT_FUZZ=ON -DCHOKEPOINT_BUILD_UI=OFF -DCHOKEPOINT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j "${FUZZ_BUILD_JOBS:-1}" --target fuzzers
((build_only)) && exit 0

# Longest input per harness: enough for the seeds and the structures each one decodes.
max_len() {
  case "$1" in
    json) echo 65536 ;; mef) echo 16384 ;; document_bytes) echo 16384 ;;
    document_sql|cli) echo 512 ;; engine) echo 1024 ;; deep) echo 64 ;;
  esac
}

count_findings() { find "$1" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l; }

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
summary=()
for h in "${harnesses[@]}"; do
  findings="$build/findings/$h"
  corpus="$build/corpus/$h"
  log="$build/findings/$h.log"
  mkdir -p "$findings" "$corpus"
  before=$(count_findings "$findings")
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="$(max_len "$h")"
        -artifact_prefix="$PWD/$findings/" -print_final_stats=1)
  [ -f "fuzz/dict/$h.dict" ] && args+=(-dict="fuzz/dict/$h.dict")
  ((keep_going)) && args+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  echo "== fuzz_$h for ${seconds}s (log: $log)"
  status=0
  "$build/fuzz_$h" "${args[@]}" "$corpus" "fuzz/corpus/$h" >"$log" 2>&1 || status=$?
  execs=$(grep -Eo '^stat::number_of_executed_units: [0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
  [ -n "$execs" ] || execs=$(grep -Eo '^#[0-9]+' "$log" | tr -d '#' | tail -1 || true)
  new=$(($(count_findings "$findings") - before))
  line="fuzz_$h: ${execs:-0} executions, $new new finding(s) in $findings"
  ((status == 0)) || line+=" (libFuzzer exit $status; see the log)"
  echo "$line"
  summary+=("$line")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
