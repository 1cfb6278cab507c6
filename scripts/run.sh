#!/usr/bin/env bash
# Installs what is missing, builds, and opens the Chokepoint window on the shipped model.
# Extra arguments go to the application, e.g. --scenario facetime-2025.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/app/chokepoint "$@"
