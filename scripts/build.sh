#!/usr/bin/env bash
# build.sh DIR [cmake args...]: configures (once) and builds convene into DIR.
# With TARGET=convene (scripts/run.sh) only the binary and what it links are
# built: no tests, no benchmarks.
# The build is a unity build (CMake's CMAKE_UNITY_BUILD: each target's sources
# compiled eight to a file), which halves a clean build on two cores: most of
# a file's time goes to parsing and instantiating the same headers
# (nlohmann/json above all). A plain `cmake -S . -B DIR` still builds file by
# file, for quick incremental work; both must compile, so a helper in an
# anonymous namespace needs a name no other file of its target uses.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}; shift || true
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_UNITY_BUILD=ON "$@" >/dev/null
if [[ -n "${TARGET:-}" ]]; then
  cmake --build "$dir" -j "$(nproc)" --target "$TARGET"
else
  cmake --build "$dir" -j "$(nproc)"
fi
