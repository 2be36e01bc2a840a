#!/usr/bin/env bash
# End-to-end test of `convene meeting ...`: a problem and its official
# schedule into an SQLite file and back out, the errors a user meets, and a
# Datatracker agenda imported whole.
# Usage: tests/cli/meeting_cli.sh BUILD_DIR SHARED_DIR
set -uo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR SHARED_DIR" >&2
  exit 2
fi
convene="$(cd "$1" && pwd)/src/cli/convene"
data="$2/data"
work="$(mktemp -d "${TMPDIR:-/tmp}/convene-meeting-cli.XXXXXX")"
trap 'rm -rf "$work"' EXIT
db="$work/convene.db"
source "$(dirname "$0")/expect.sh"

# import-problem with the official schedule; export gives the same plan back.
expect_exit 0 "import-problem ietf83" -- "$convene" meeting import-problem --db "$db" --meeting 83 \
  "$data/schedule/ietf83.problem.json" --schedule "$data/schedule/ietf83.official.json" --official
expect_in "$work/out" "meeting 83:" "import-problem summary"
expect_in "$work/out" "cost 1695000" "import-problem cost"
expect_exit 0 "export-problem" -- "$convene" meeting export-problem --db "$db" --meeting 83 -o "$work/export.json"
python3 - "$data/schedule/ietf83.problem.json" "$work/export.json" <<'PY' || fail "export differs from the import"
import json, sys
from datetime import datetime
a, b = (json.load(open(f)) for f in sys.argv[1:3])
def key(x):  # times compared as instants: the export writes UTC
    if "start" in x:
        x = dict(x, start=datetime.fromisoformat(x["start"].replace("Z", "+00:00")).timestamp())
    return json.dumps(x, sort_keys=True)
for part in ("sessions", "constraints", "rooms", "timeslots"):
    left, right = {key(x) for x in a.get(part, [])}, {key(x) for x in b.get(part, [])}
    if left != right:
        print(f"{part}: only in import {sorted(left - right)[:3]}, only in export {sorted(right - left)[:3]}",
              file=sys.stderr)
        sys.exit(1)
PY

# A second import is refused; nothing is written by it.
expect_exit 1 "import-problem again" -- "$convene" meeting import-problem --db "$db" --meeting 83 \
  "$data/schedule/ietf83.problem.json"
grep -qE "plan_not_empty|already" "$work/err" || fail "import again: $(head -c 300 "$work/err")"

# A missing file is named.
expect_exit 1 "import-problem of a missing file" -- "$convene" meeting import-problem --db "$db" --meeting 84 \
  "$work/nosuch.problem.json"
expect_in "$work/err" "nosuch.problem.json" "missing file"
# An unknown person for --as is refused.
expect_exit 1 "import-problem --as nobody" -- "$convene" meeting import-problem --db "$db" --meeting 84 \
  "$data/schedule/ietf83.problem.json" --as nobody@example.org
expect_in "$work/err" "unknown_person" "--as nobody"
# export of a meeting that does not exist.
expect_exit 1 "export-problem of an unknown meeting" -- "$convene" meeting export-problem --db "$db" --meeting 999
expect_in "$work/err" "meeting_unknown" "export of an unknown meeting"

# A Datatracker agenda imported whole.
expect_exit 0 "import-agenda 115" -- "$convene" meeting import-agenda --db "$db" "$data/agendas/agenda_115.json"
expect_in "$work/out" "meeting 115:" "import-agenda summary"
expect_exit 1 "import-agenda 115 again" -- "$convene" meeting import-agenda --db "$db" "$data/agendas/agenda_115.json"
expect_in "$work/err" "plan_not_empty" "import-agenda again"

expect_summary "meeting CLI"
