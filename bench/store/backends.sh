#!/usr/bin/env bash
# The store's backends under load, printed as a table: SQLite behind one
# `convene serve` against PostgreSQL behind two (on a throwaway cluster, as
# in the tests). Reads: the demo's dispatch agenda JSON under wrk (32
# connections, through both servers at once for PostgreSQL). Writes:
# dispatch requests filed by 16 concurrent clients, each for a draft of its
# own (8 per server for PostgreSQL).
#
#   bench/store/backends.sh [--duration 10s]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
convene=${CONVENE:-$root/build/src/cli/convene}
duration=10s
[[ "${1:-}" == --duration ]] && duration=$2
[[ -x "$convene" ]] || { echo "backends.sh: build convene first (scripts/build.sh build)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "backends.sh: wrk is not installed (scripts/install-deps.sh)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  "$root/scripts/pg-cluster.sh" stop "$work/pg.uri" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
"$root/scripts/pg-cluster.sh" start "$work/pg.uri" 2>/dev/null
pg=$(cat "$work/pg.uri")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Demo data, a secretariat token, a consolidated meeting far ahead and
# 80,000 drafts recorded before its cutoff.
prepare() {  # DB SQL-CLIENT TOKEN-FILE
  local db=$1 sql=$2
  "$convene" demo --db "$db" >/dev/null
  echo "bench-secretariat-password" | "$convene" user add --db "$db" --email bench@example.org --name Bench \
    --role secretariat >/dev/null
  "$convene" token create --db "$db" --email bench@example.org >"$3"
  $sql <<'SQL' >/dev/null
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80000)
INSERT INTO drafts(name, title, authors, replaces, recorded_by)
  SELECT 'draft-bench-n' || i, 'Bench ' || i, '["Ada"]', '[]', 'bench@example.org' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80000)
INSERT INTO draft_revisions(name, rev, submitted_at, recorded_at, confirmed)
  SELECT 'draft-bench-n' || i, '00', 1700000000, 1700000000, 1 FROM n;
SQL
}

serve() {  # DB VAR: starts a server on DB and sets VAR to its base URL
  local port
  port=$(free_port)
  "$convene" serve --db "$1" --listen "127.0.0.1:$port" --workers 0 >>"$work/serve.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
  printf -v "$2" '%s' "http://127.0.0.1:$port"
}

make_meeting() {  # URL TOKEN-FILE
  curl -s -o /dev/null -w '%{http_code}' -X POST "$1/api/v1/meetings" -H "Authorization: Bearer $(cat "$2")" \
    -H 'Content-Type: application/json' \
    -d '{"number": "900", "type": "plenary", "city": "Bench", "start_date": "2099-11-02", "end_date": "2099-11-08",
         "time_zone": "UTC", "mode": "in-person", "id_cutoff": "2099-10-21T23:59:00Z", "dispatch_mode": "consolidated"}'
}

reads() {  # URL...: requests/s summed over one wrk per URL run at once, and the worst p99 (ms)
  local i=0
  for u in "$@"; do
    wrk -t1 -c$((32 / $#)) -d"$duration" --latency "$u/api/v1/meetings/125/dispatch/agenda" >"$work/read$i" &
    i=$((i + 1))
  done
  wait %wrk 2>/dev/null || wait
  awk '/^Requests\/sec/ {r += $2} $1 == "99%" {v = $2 + 0; if ($2 ~ /us$/) v /= 1000; if ($2 ~ /[0-9]s$/) v *= 1000; if (v > p) p = v}
       END {printf "%.0f %.1f", r, p}' "$work"/read*
  rm -f "$work"/read*
}

writes() {  # TOKEN-FILE URL...: requests/s of 201s summed, other answers, worst p99 (ms)
  local i=0 token
  token=$(cat "$1")
  shift
  for u in "$@"; do
    wrk -t2 -c$((16 / $#)) -d"$duration" -s "$root/bench/store/write.lua" \
      "$u/api/v1/meetings/900/dispatch/requests" -- $((i * 40000)) "$token" >"$work/write$i" 2>>"$work/wrk.log" &
    i=$((i + 1))
  done
  wait
  local secs=${duration%s}
  awk -v secs="$secs" '/^WRITES/ {c += $2; o += $3; if ($4 > p) p = $4} END {printf "%.0f %d %.1f", c / secs, o, p}' \
    "$work"/write*
  rm -f "$work"/write*
}

row() {  # NAME TOKEN-FILE URL...
  local name=$1 token=$2; shift 2
  read -r rps rp99 <<<"$(reads "$@")"
  read -r wps bad wp99 <<<"$(writes "$token" "$@")"
  printf '%-34s %12s %10s %12s %10s %8s\n' "$name" "$rps" "$rp99" "$wps" "$wp99" "$bad"
}

prepare "$work/bench.db" "sqlite3 $work/bench.db" "$work/sqlite.token"
prepare "$pg" "psql -q $pg" "$work/pg.token"
serve "$work/bench.db" sqlite_url
serve "$pg" pg_a
serve "$pg" pg_b
[[ $(make_meeting "$sqlite_url" "$work/sqlite.token") == 201 && $(make_meeting "$pg_a" "$work/pg.token") == 201 ]] || { echo "backends.sh: cannot create the meeting" >&2; cat "$work/serve.log" >&2; exit 1; }

echo "convene store backends, $(nproc) cores, wrk -d$duration ($(date -u +%F))"
printf '%-34s %12s %10s %12s %10s %8s\n' "setup" "reads/s" "p99 ms" "writes/s" "p99 ms" "non-201"
row "SQLite, one server" "$work/sqlite.token" "$sqlite_url"
row "PostgreSQL, two servers" "$work/pg.token" "$pg_a" "$pg_b"
sort "$work/wrk.log" | uniq -c | sort -rn | head -3 >&2
