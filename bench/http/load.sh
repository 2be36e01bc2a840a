#!/usr/bin/env bash
# Load-tests running HTTP servers with wrk and prints one table row per URL:
# requests/s, p99 latency (from wrk --latency), non-2xx/3xx replies, socket errors.
#
#   bench/http/load.sh [--duration 30s] [--threads 2] [--connections 64] URL...
#
# Defaults match the target: wrk -t2 -c64 -d30s --latency URL.
# Set LOAD_RAW=DIR to keep each run's full wrk output in DIR, and
# LOAD_HEADER="Name: value" to send that header with every request.
set -euo pipefail

usage() {
  echo "usage: $0 [--duration 30s] [--threads 2] [--connections 64] URL..." >&2
  exit 2
}

duration=30s
threads=2
connections=64
while (($#)); do
  case "$1" in
    --duration) [[ $# -ge 2 ]] || usage; duration=$2; shift 2 ;;
    --threads) [[ $# -ge 2 ]] || usage; threads=$2; shift 2 ;;
    --connections) [[ $# -ge 2 ]] || usage; connections=$2; shift 2 ;;
    -h | --help) usage ;;
    --) shift; break ;;
    -*) echo "load.sh: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
(($#)) || usage
command -v wrk >/dev/null || { echo "load.sh: wrk is not installed (scripts/install-deps.sh)" >&2; exit 1; }

# Prints "requests/s p99_ms non2xx socket_errors" from wrk --latency output.
summarise() {
  awk '
    function to_ms(v,   n, unit) {
      n = v + 0
      unit = v; sub(/^[0-9.]+/, "", unit)
      if (unit == "us") return n / 1000
      if (unit == "ms") return n
      if (unit == "s") return n * 1000
      if (unit == "m") return n * 60000
      if (unit == "h") return n * 3600000
      return -1
    }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "99%" && p99 == "" { p99 = to_ms($2) }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ {
      # Socket errors: connect 0, read 0, write 0, timeout 0
      for (i = 3; i <= NF; i += 2) { x = $(i + 1); gsub(/,/, "", x); errs += x }
    }
    END {
      if (rps == "" || p99 == "") exit 1
      printf "%s %.2f %d %d\n", rps, p99, bad + 0, errs + 0
    }'
}

printf '%-60s %12s %10s %9s %9s\n' "URL" "requests/s" "p99 (ms)" "non-2xx" "sock-err"
status=0
n=0
for url in "$@"; do
  n=$((n + 1))
  header=()
  [[ -n "${LOAD_HEADER:-}" ]] && header=(-H "$LOAD_HEADER")
  if ! out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "${header[@]}" "$url" 2>&1); then
    echo "load.sh: wrk failed for $url:" >&2
    echo "$out" >&2
    status=1
    continue
  fi
  if [[ -n "${LOAD_RAW:-}" ]]; then
    mkdir -p "$LOAD_RAW"
    printf '%s\n' "$out" >"$LOAD_RAW/wrk-$n.txt"
  fi
  if ! row=$(summarise <<<"$out"); then
    echo "load.sh: could not read wrk output for $url:" >&2
    echo "$out" >&2
    status=1
    continue
  fi
  read -r rps p99 bad errs <<<"$row"
  printf '%-60s %12s %10s %9s %9s\n' "$url" "$rps" "$p99" "$bad" "$errs"
done
exit $status
