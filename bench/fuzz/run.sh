#!/usr/bin/env bash
# bench/fuzz/run.sh SECONDS [TARGET...]: builds the libFuzzer targets of fuzz/
# with clang into build-fuzz (ASan+UBSan, only what the targets link) and runs
# each for SECONDS, one after the other, all of them unless TARGETs are named.
# Each target starts from a corpus kept in build-fuzz/corpus/<target> plus its
# seed directories (the table below: fuzz/seeds/<name> and, when present, a
# folder of ../shared/data). Crashing inputs go to build-fuzz/findings/<target>/.
# Prints each target's executions, peak RSS and crashes; exits non-zero if a
# target found a crash.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:?usage: bench/fuzz/run.sh SECONDS [TARGET...]}; shift
shared=../shared/data

# target                  max_len  seed directories (missing ones are skipped)
table="
fuzz_http_request          65536  fuzz/seeds/http
fuzz_json_body             65536  fuzz/seeds/json
fuzz_form                   4096  fuzz/seeds/form
fuzz_schedule_problem      16384  fuzz/seeds/schedule_problem $shared/schedule
fuzz_telechat_import       16384  fuzz/seeds/telechat_import $shared/telechat
fuzz_datatracker_agenda    16384  fuzz/seeds/datatracker_agenda $shared/agendas
"
declare -A max_len seeds
all=()
while read -r t len dirs; do
  [[ -n "$t" ]] || continue
  all+=("$t"); max_len[$t]=$len; seeds[$t]=$dirs
done <<<"$table"

targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ -n "${max_len[$t]:-}" ]] || { echo "run.sh: unknown target $t (known: ${all[*]})" >&2; exit 2; }
done

# scripts/install-deps.sh installs clang; this is for a machine that skipped it.
if ! command -v clang++ >/dev/null; then  # the fuzzers need clang's libFuzzer (Debian: clang)
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends clang
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_UNITY_BUILD=ON \
  -DCONVENE_FUZZ=ON -DCONVENE_BENCH=OFF >/dev/null
if (($#)); then
  cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]}"
else
  cmake --build build-fuzz -j "$(nproc)" --target fuzz_all  # fuzz/CMakeLists.txt: every target of the table
fi

# The build lets UBSan recover; halting turns its reports into findings.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
status=0
printf '%-26s %12s %8s %8s\n' target executions rss_mb crashes > build-fuzz/summary.txt
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t findings=build-fuzz/findings/$t
  mkdir -p "$corpus" "$findings"
  dirs=()
  for d in ${seeds[$t]}; do [[ -d "$d" ]] && dirs+=("$d"); done
  echo "== $t for ${seconds}s (max_len ${max_len[$t]}; seeds ${dirs[*]})"
  rc=0
  build-fuzz/fuzz/$t -max_total_time="$seconds" -max_len="${max_len[$t]}" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$findings/" -print_final_stats=1 "$corpus" "${dirs[@]}" 2>"build-fuzz/$t.log" || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "build-fuzz/$t.log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "build-fuzz/$t.log" | tail -1)
  crashes=$(grep -c "Test unit written to" "build-fuzz/$t.log" || true)
  if ((rc != 0)); then
    status=1
    ((crashes > 0)) || crashes=1
    grep -E "ERROR|SUMMARY|Test unit written" "build-fuzz/$t.log" || tail -5 "build-fuzz/$t.log"
  fi
  printf '%-26s %12s %8s %8s\n' "$t" "${execs:-?}" "${rss:-?}" "$crashes" | tee -a build-fuzz/summary.txt
done
echo "== summary (build-fuzz/summary.txt)"
cat build-fuzz/summary.txt
exit $status
