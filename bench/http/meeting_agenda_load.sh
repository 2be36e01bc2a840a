#!/usr/bin/env bash
# Load-tests IETF 106's published agenda (issue 12's target) through the real
# `convene serve`: the HTML page, agenda.json and agenda.ics, then the same
# URLs with If-None-Match (304 Not Modified).
#
#   bench/http/meeting_agenda_load.sh [load.sh options, e.g. --duration 30s]
#
# Builds nothing: expects build/src/cli/convene (or $CONVENE) and
# ../shared/data/schedule/ietf106.problem.json. Loads IETF 106's requests
# into a temporary SQLite database with a schedule solved on the spot
# (deterministic: seed 1, the default move budget) made official, serves it
# on a free port, runs bench/http/load.sh and stops the server.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
convene=${CONVENE:-$root/build/src/cli/convene}
problem=$root/../shared/data/schedule/ietf106.problem.json
[[ -x "$convene" ]] || { echo "meeting_agenda_load.sh: build $convene first" >&2; exit 1; }
[[ -r "$problem" ]] || { echo "meeting_agenda_load.sh: $problem is missing" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/convene-meeting-agenda.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

db=$work/agenda.db
"$convene" schedule solve --seed 1 -o "$work/ietf106.json" "$problem" >"$work/solve.log" 2>&1 ||
  { echo "meeting_agenda_load.sh: solving failed:" >&2; cat "$work/solve.log" >&2; exit 1; }
"$convene" meeting import-problem --db "$db" --meeting 106 "$problem" --schedule "$work/ietf106.json" --official \
  >"$work/import.log" 2>&1 || { echo "meeting_agenda_load.sh: import failed:" >&2; cat "$work/import.log" >&2; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
"$convene" serve --db "$db" --listen "127.0.0.1:$port" --workers 0 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  kill -0 "$server_pid" 2>/dev/null || { echo "meeting_agenda_load.sh: serve exited:" >&2; cat "$work/serve.log" >&2; exit 1; }
  curl -s -o /dev/null --max-time 1 "$base/healthz" && break
  sleep 0.1
done

urls=("$base/meetings/106/agenda" "$base/meetings/106/agenda.json" "$base/meetings/106/agenda.ics")
for url in "${urls[@]}"; do
  code=$(curl -s -o "$work/check" -w '%{http_code}' --max-time 5 "$url" || true)
  [[ "$code" == 200 ]] || { echo "meeting_agenda_load.sh: $url answered ${code:-nothing}" >&2; exit 1; }
done

echo "# full answers"
"$root/bench/http/load.sh" "$@" "${urls[@]}"
echo "# If-None-Match (304)"
for url in "${urls[@]}"; do
  etag=$(curl -s -D - -o /dev/null "$url" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }')
  LOAD_HEADER="If-None-Match: $etag" "$root/bench/http/load.sh" "$@" "$url" | tail -n +2
done
