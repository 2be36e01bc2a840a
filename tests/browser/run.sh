#!/usr/bin/env bash
# Runs the browser tests against a fresh convene server.
# Usage: tests/browser/run.sh BUILD_DIR [postgresql]
# With "postgresql" the demo lives in a new database on the test run's
# PostgreSQL server (BUILD_DIR/postgres.uri, ctest's fixture postgres).
# Creates a temporary directory with a demo database, serves it on a free
# local port, runs `node --test` on the browser tests, stops the server and
# exits with the tests' status. The screenshot and the server log stay in the
# temporary directory (its path is printed); the browser profile is removed.
# CONVENE_BROWSER_LOOK=off leaves out the screenshots and axe-core (browser.mjs).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 BUILD_DIR [postgresql]" >&2
  exit 2
fi
convene="$(cd "$1" && pwd)/src/cli/convene"

if [[ ! -x "$convene" ]]; then
  echo "browser test: no convene binary at $convene (build the 'convene' target)" >&2
  exit 1
fi
if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  echo "browser test: playwright-core is missing in $here/node_modules;" \
       "run 'npm ci' in tests/browser (scripts/test.sh does this)" >&2
  exit 1
fi
if [[ ! -x /usr/bin/chromium ]]; then
  echo "browser test: /usr/bin/chromium is missing (Debian package 'chromium')" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/convene-browser.XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"/chromium-profile-* "$work"/demo.db*
  if [[ -n "${pg_db:-}" ]]; then psql "$pg_server" -qc "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

db="$work/demo.db"
if [[ "${2:-}" == postgresql ]]; then
  pg_server="$(cat "$1/postgres.uri")"
  pg_db="convene_browser_$$"
  psql "$pg_server" -qc "CREATE DATABASE $pg_db"
  db="${pg_server/\/postgres\?/\/$pg_db?}"
fi

"$convene" demo --db "$db" > "$work/demo.log" 2>&1 || {
  echo "browser test: 'convene demo' failed:" >&2
  cat "$work/demo.log" >&2
  exit 1
}

# Ask the kernel for a free port, then give it to the server.
port="$(node -e "const s=require('net').createServer();
s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});")"
base="http://127.0.0.1:$port"

"$convene" serve --db "$db" --listen "127.0.0.1:$port" > "$work/server.log" 2>&1 &
server_pid=$!

# Wait up to 60 s for /healthz (the ASan build starts slowly).
ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "browser test: the server exited early:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  if node -e "fetch('$base/healthz').then(async r=>process.exit(
        r.ok && (await r.text()).trim()==='ok' ? 0 : 1)).catch(()=>process.exit(1))"; then
    ready=yes
    break
  fi
  sleep 0.5
done
if [[ -z "$ready" ]]; then
  echo "browser test: $base/healthz did not answer 'ok' within 60 s" >&2
  cat "$work/server.log" >&2
  exit 1
fi

status=0
(cd "$here" && CONVENE_BASE_URL="$base" CONVENE_ARTIFACT_DIR="$work" \
   node --test dispatch_form.test.mjs pages.test.mjs iesg.test.mjs journeys.test.mjs secretariat.test.mjs) || status=$?

if [[ $status -ne 0 ]]; then
  echo "browser test: failed (status $status); server log:" >&2
  tail -n 50 "$work/server.log" >&2
fi
echo "browser test: artifacts (screenshot, server log) in $work"
exit "$status"
