#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job on the shipped model: the impact of
# Russia's December 2025 FaceTime block.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
model=data/iphone-russia.json
[ -f "$model" ] || model=data/starter.json
exec build/release/app/chokepoint-cli impact "$model" --scenario facetime-2025 "$@"
