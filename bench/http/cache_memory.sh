#!/usr/bin/env bash
# The page cache's memory bound (issue 10): IETF 106's agenda (HTML and JSON,
# each about 300 KB) asked for under N distinct filters (?hide=<unknown>, so
# every answer is the whole agenda and a page of its own), once per cache
# limit. Prints the server's resident memory before and after, and its peak.
#
#   bench/http/cache_memory.sh [N] [LIMIT_MB...]     # default: 4000 distinct URLs; 16, 64 and 256 MiB
#
# Builds nothing: expects build/src/cli/convene (or $CONVENE).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$root/bench/http/serve.sh" cache_memory.sh
n=${1:-4000}; shift || true
limits=("$@"); ((${#limits[@]})) || limits=(16 64 256)

db=$work/agenda.db
import_ietf106 "$db"
rss() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$server_pid/status"; }
peak() { awk '/^VmHWM/ { print int($2 / 1024) }' "/proc/$server_pid/status"; }

printf "%-10s %8s %12s %12s %10s\n" "limit" "urls" "rss before" "rss after" "peak"
for limit in "${limits[@]}"; do
  serve_db "$db" --workers 0 --page-cache-mb "$limit"
  expect_200 "$base/meetings/106/agenda"
  before=$(rss)
  seq 1 "$n" | xargs -P 8 -I{} sh -c \
    'curl -s -o /dev/null "$1/meetings/106/agenda?hide=none{}"; curl -s -o /dev/null "$1/meetings/106/agenda.json?hide=none{}"' \
    _ "$base"
  printf "%-10s %8d %9d MB %9d MB %7d MB\n" "${limit} MiB" $((2 * n)) "$before" "$(rss)" "$(peak)"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
done
