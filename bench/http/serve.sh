# Sourced by the load benchmarks: a temporary directory removed on exit,
# and `convene serve` on a free port, stopped on exit.
#
#   source bench/http/serve.sh NAME    # NAME prefixes every message
#   serve_db DB [serve options...]     # starts the server; sets $base; waits until it answers
#   expect_200 URL...                  # exits unless each URL answers 200
#   import_ietf106 DB                  # IETF 106's requests, solved (seed 1) and official
#
# Expects $root (the repository) to be set; honours $CONVENE.

bench_name=$1
convene=${CONVENE:-$root/build/src/cli/convene}
if [[ ! -x "$convene" ]]; then
  echo "$bench_name: $convene not found; build it first:" >&2
  echo "  cmake -S . -B build && cmake --build build --target convene" >&2
  exit 1
fi
command -v curl >/dev/null || { echo "$bench_name: curl is not installed" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/convene-$bench_name.XXXXXX")
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

serve_db() {
  local db=$1
  shift
  # A free port: bind port 0, read the port, release it (a tiny race is accepted).
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base=http://127.0.0.1:$port
  "$convene" serve --db "$db" --listen "127.0.0.1:$port" "$@" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "$bench_name: 'convene serve' exited early:" >&2
      cat "$work/serve.log" >&2
      exit 1
    fi
    if curl -s -o /dev/null --max-time 1 "$base/healthz"; then return 0; fi
    sleep 0.1
  done
}

# Benchmarking an error page would measure nothing useful: insist on 200.
expect_200() {
  local url code
  for url in "$@"; do
    code=$(curl -s -o "$work/check" -w '%{http_code}' --max-time 5 "$url" || true)
    if [[ "$code" != 200 ]]; then
      echo "$bench_name: $url answered ${code:-nothing}, not 200:" >&2
      head -c 500 "$work/check" >&2 || true
      echo >&2
      exit 1
    fi
  done
}

# IETF 106's requests (../shared/data) into DB with a schedule solved on the
# spot (deterministic: seed 1, the default move budget) made official.
import_ietf106() {
  local db=$1 problem=$root/../shared/data/schedule/ietf106.problem.json
  [[ -r "$problem" ]] || { echo "$bench_name: $problem is missing" >&2; exit 1; }
  "$convene" schedule solve --seed 1 -o "$work/ietf106.json" "$problem" >"$work/solve.log" 2>&1 ||
    { echo "$bench_name: solving failed:" >&2; cat "$work/solve.log" >&2; exit 1; }
  "$convene" meeting import-problem --db "$db" --meeting 106 "$problem" --schedule "$work/ietf106.json" --official \
    >"$work/import.log" 2>&1 || { echo "$bench_name: import failed:" >&2; cat "$work/import.log" >&2; exit 1; }
}
