#!/usr/bin/env bash
# Crash safety (issue 10, item 5): writers post draft records to a real
# `convene serve` while it is killed with SIGKILL, ROUNDS times over; after a
# restart every write the server acknowledged (201) must be there, and on
# SQLite `PRAGMA integrity_check` must say ok. Prints the figures.
# Usage: tests/cli/crash_safety.sh BUILD_DIR [postgresql] [ROUNDS]
set -uo pipefail
build=$1 backend=${2:-sqlite} rounds=${3:-5}
convene="$build/src/cli/convene"
work=$(mktemp -d)
server_pid=""
pg_db="convene_crash_$$"
if [[ $backend == postgresql ]]; then
  server_uri=$(cat "$build/postgres.uri") || { echo "FAIL: no $build/postgres.uri (run through ctest: fixture postgres)" >&2; exit 1; }
  psql "$server_uri" -qc "CREATE DATABASE $pg_db" || exit 1
  db=${server_uri/\/postgres\?/\/$pg_db?}
else
  db="$work/crash.db"
fi
cleanup() {
  [[ -n "$server_pid" ]] && kill -9 "$server_pid" 2>/dev/null
  [[ $backend == postgresql ]] && psql "$server_uri" -qc "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

echo 'a-long-password' | "$convene" user add --db "$db" --email sec@example.org --name Sec --role secretariat \
  >/dev/null || { echo "FAIL: user add" >&2; exit 1; }
token=$("$convene" token create --db "$db" --email sec@example.org --name crash) || { echo "FAIL: token" >&2; exit 1; }

start_server() {
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "$convene" serve --db "$db" --listen "127.0.0.1:$port" --workers 0 >>"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/healthz" && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "FAIL: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1
}

# Eight writers post drafts until the server goes away; each name answered
# 201 is appended to acked (a line is written only after the answer).
cat >"$work/writers.py" <<'EOF'
import http.client, json, sys, threading
port, token, round_no, acked = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
lock = threading.Lock()
out = open(acked, "a")
def writer(w):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for i in range(100000):
        name = "draft-crash-r%s-w%d-n%d" % (round_no, w, i)
        body = {"name": name, "rev": "00", "title": "Crash " + name,
                "submitted_at": "2026-01-01T00:00:00Z", "authors": ["Crash Test"]}
        try:
            conn.request("POST", "/api/v1/drafts", json.dumps(body),
                         {"Content-Type": "application/json", "Authorization": "Bearer " + token})
            r = conn.getresponse(); r.read()
        except Exception:
            return  # the server was killed
        if r.status == 201:
            with lock:
                out.write(name + "\n"); out.flush()
        elif r.status != 503:
            print("unexpected status", r.status, name, file=sys.stderr)
threads = [threading.Thread(target=writer, args=(w,)) for w in range(8)]
for t in threads: t.start()
for t in threads: t.join()
EOF

touch "$work/acked"
for round in $(seq 1 "$rounds"); do
  start_server
  python3 "$work/writers.py" "$port" "$token" "$round" "$work/acked" 2>>"$work/writers.err" &
  writers=$!
  sleep "1.$((RANDOM % 10))"
  kill -9 "$server_pid"
  wait "$server_pid" 2>/dev/null
  server_pid=""
  wait "$writers"
done
[[ -s "$work/writers.err" ]] && fail "writers: $(head -5 "$work/writers.err")"
acked=$(wc -l <"$work/acked")
[[ $acked -gt 0 ]] || fail "no write was acknowledged"

# Every acknowledged draft is there after a restart.
start_server
missing=$(python3 - "$port" "$work/acked" <<'EOF'
import http.client, sys
conn = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=10)
missing = 0
for name in open(sys.argv[2]).read().split():
    conn.request("GET", "/api/v1/drafts/" + name); r = conn.getresponse(); r.read()
    if r.status != 200:
        missing += 1; print("missing:", name, r.status, file=sys.stderr)
print(missing)
EOF
)
kill "$server_pid"; wait "$server_pid" 2>/dev/null; server_pid=""
[[ "$missing" == 0 ]] || fail "$missing of $acked acknowledged writes are missing after kill -9"

if [[ $backend == sqlite ]]; then
  integrity=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$db")
  [[ "$integrity" == ok ]] || fail "PRAGMA integrity_check: $integrity"
else
  integrity="(PostgreSQL)"
fi
echo "crash safety ($backend): $rounds kill -9 rounds, $acked acknowledged writes, $missing lost, integrity $integrity"
exit $((failures > 0))
