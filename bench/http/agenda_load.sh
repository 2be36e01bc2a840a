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
source "$root/bench/http/serve.sh" agenda_load.sh

db=$work/demo.db
if ! "$convene" demo --db "$db" >"$work/demo.log" 2>&1; then
  echo "agenda_load.sh: 'convene demo --db $db' failed:" >&2
  cat "$work/demo.log" >&2
  exit 1
fi

serve_db "$db"
api=$base/api/v1/meetings/125/dispatch/agenda
page=$base/meetings/125/dispatch
expect_200 "$api" "$page"

"$root/bench/http/load.sh" "$@" "$api" "$page"
