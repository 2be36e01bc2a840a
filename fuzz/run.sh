#!/usr/bin/env bash
# run.sh [SECONDS] [TARGET...]: builds the libFuzzer targets with clang into
# build-fuzz (ASan+UBSan) and runs each for SECONDS (default 60), one after
# the other, on a corpus kept in build-fuzz/corpus/<target> (seeded from
# fuzz/seeds). Crashing inputs go to build-fuzz/findings/<target>/. Prints
# each target's executions; exits non-zero if a target found a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}; shift || true
targets=("$@")
if ! command -v clang++ >/dev/null; then  # the fuzzers need clang's libFuzzer (Debian: clang)
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends clang
fi
((${#targets[@]})) || targets=(fuzz_http_request fuzz_json_body)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCONVENE_FUZZ=ON -DCONVENE_BENCH=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]}"
status=0
for t in "${targets[@]}"; do
  seeds=fuzz/seeds/${t#fuzz_}; seeds=${seeds/http_request/http}; seeds=${seeds/json_body/json}
  corpus=build-fuzz/corpus/$t findings=build-fuzz/findings/$t
  mkdir -p "$corpus" "$findings"
  echo "== $t for ${seconds}s"
  if ! build-fuzz/fuzz/$t -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$findings/" -print_final_stats=1 "$corpus" "$seeds" 2>"build-fuzz/$t.log"; then
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY" "build-fuzz/$t.log" || true
done
exit $status
