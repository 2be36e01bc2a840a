#!/usr/bin/env bash
# Installs what is missing, builds convene twice (plain, and with ASan+UBSan)
# and runs every test in both builds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [[ -f tests/browser/package.json ]]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
jobs=$(nproc)

scripts/build.sh build
(cd build && ctest --output-on-failure -j "$jobs" --timeout 600)

scripts/build.sh build-asan -DCONVENE_SANITIZE=ON -DCONVENE_BENCH=OFF
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure -j "$jobs" --timeout 900)
