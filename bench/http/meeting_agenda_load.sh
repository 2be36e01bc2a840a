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
source "$root/bench/http/serve.sh" meeting_agenda_load.sh

db=$work/agenda.db
import_ietf106 "$db"

serve_db "$db" --workers 0
urls=("$base/meetings/106/agenda" "$base/meetings/106/agenda.json" "$base/meetings/106/agenda.ics")
expect_200 "${urls[@]}"

echo "# full answers"
"$root/bench/http/load.sh" "$@" "${urls[@]}"
echo "# If-None-Match (304)"
for url in "${urls[@]}"; do
  etag=$(curl -s -D - -o /dev/null "$url" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }')
  LOAD_HEADER="If-None-Match: $etag" "$root/bench/http/load.sh" "$@" "$url" | tail -n +2
done
