#!/usr/bin/env bash
# Installs what is missing, builds convene twice (plain, and with ASan+UBSan)
# and runs every test in both builds, on SQLite and on PostgreSQL; then
# builds the libFuzzer targets with clang and runs each for a short while.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [[ -f tests/browser/package.json ]]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
jobs=$(nproc)
# Every "postgresql." test runs on a throwaway cluster that ctest starts and
# stops itself (fixture postgres, scripts/pg-cluster.sh); should ctest be
# killed before its cleanup, this stops it anyway.
stop_clusters() {
  for dir in build build-asan; do
    [[ -f "$dir/postgres.uri" ]] && scripts/pg-cluster.sh stop "$dir/postgres.uri" || true
  done
}
trap stop_clusters EXIT

# Each GoogleTest binary runs as one CTest test (CONVENE_TEST_PER_BINARY,
# cmake/ConveneTest.cmake): a process per case cost 0.2-0.35 s each, 920 times.
scripts/build.sh build -DCONVENE_TEST_PER_BINARY=ON
(cd build && ctest --output-on-failure -j "$jobs" --timeout 600)

scripts/build.sh build-asan -DCONVENE_SANITIZE=ON -DCONVENE_BENCH=OFF -DCONVENE_TEST_PER_BINARY=ON
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Every test runs under ASan+UBSan on SQLite, and every one but two on
# PostgreSQL too. Those two, the browser test and the role matrix (190 s and
# 250 s there, a sixth of the phase), ran on PostgreSQL in the plain phase
# above; what they reach under ASan on PostgreSQL beyond SQLite is the store's
# PostgreSQL backend, which the store, plan and web suites run here.
(cd build-asan && ctest --output-on-failure -j "$jobs" --timeout 900 \
   -E '^postgresql\.(browser_dispatch_form|role_matrix_test)$')

# A short fuzz run (10 s per target) on the seeds; a crash fails the run.
bench/fuzz/run.sh 10
