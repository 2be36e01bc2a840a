#!/usr/bin/env bash
# Load-tests the consolidated dispatch agenda of the demo data (meeting 125)
# through the real `convene serve`, as JSON and as a web page.
#
#   bench/http/agenda_load.sh [load.sh options, e.g. --duration 30s]
#
# Builds nothing: expects build/src/cli/convene (or $CONVENE). Creates a
# temporary SQLite database with `convene demo --db DB`, starts
# `convene serve --db DB --listen 127.0.0.1:PORT` on a free port, waits until
# it answers, runs bench/http/load.sh on both URLs, and stops the server.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
convene=${CONVENE:-$root/build/src/cli/convene}
if [[ ! -x "$convene" ]]; then
  echo "agenda_load.sh: $convene not found; build it first:" >&2
  echo "  cmake -S . -B build && cmake --build build --target convene" >&2
  exit 1
fi
command -v curl >/dev/null || { echo "agenda_load.sh: curl is not installed" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/convene-agenda-load.XXXXXX")
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

db=$work/demo.db
if ! "$convene" demo --db "$db" >"$work/demo.log" 2>&1; then
  echo "agenda_load.sh: 'convene demo --db $db' failed:" >&2
  cat "$work/demo.log" >&2
  exit 1
fi

# A free port: bind port 0, read the port, release it (a tiny race is accepted).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
"$convene" serve --db "$db" --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server_pid=$!

api=$base/api/v1/meetings/125/dispatch/agenda
page=$base/meetings/125/dispatch
for _ in $(seq 1 100); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "agenda_load.sh: 'convene serve' exited early:" >&2
    cat "$work/serve.log" >&2
    exit 1
  fi
  if curl -s -o /dev/null --max-time 1 "$base/"; then break; fi
  sleep 0.1
done

# Benchmarking an error page would measure nothing useful: insist on 200.
for url in "$api" "$page"; do
  code=$(curl -s -o "$work/check" -w '%{http_code}' --max-time 5 "$url" || true)
  if [[ "$code" != 200 ]]; then
    echo "agenda_load.sh: $url answered ${code:-nothing}, not 200:" >&2
    head -c 500 "$work/check" >&2 || true
    echo >&2
    exit 1
  fi
done

"$root/bench/http/load.sh" "$@" "$api" "$page"
