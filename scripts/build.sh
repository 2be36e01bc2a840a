#!/usr/bin/env bash
# build.sh DIR [cmake args...]: configures (once) and builds convene into DIR.
# With TARGET=convene (scripts/run.sh) only the binary and what it links are
# built: no tests, no benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}; shift || true
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
if [[ -n "${TARGET:-}" ]]; then
  cmake --build "$dir" -j "$(nproc)" --target "$TARGET"
else
  cmake --build "$dir" -j "$(nproc)"
fi
