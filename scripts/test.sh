#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the release build's suites (warnings as
# errors), then the core suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

echo "== release build and tests"
cmake --preset release >/dev/null
cmake --build --preset release
ctest --preset release

echo "== sanitizer build (ASan + UBSan) and core tests"
cmake --preset asan >/dev/null
cmake --build --preset asan --target chokepoint_core_tests
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --preset asan
