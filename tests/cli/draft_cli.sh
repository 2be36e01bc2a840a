#!/usr/bin/env bash
# convene draft import as the secretariat runs it: the Datatracker's
# doc.json recorded (confirmed dates, replaces from the history), again
# without change, a list of documents in one file, and clear errors that
# record nothing. Then the server shows the draft as imported.
# Usage: tests/cli/draft_cli.sh BUILD_DIR
set -uo pipefail
convene="$1/src/cli/convene"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/expect.sh"
db="$work/c.db"

cat >"$work/feeds.json" <<'JSON'
{"name": "draft-smith-event-feeds", "rev": "01", "title": "JSON Event Feeds", "time": "2025-06-30 23:59:00",
 "authors": [{"name": "Alice Smith", "email": "alice@example.org", "affiliation": "Example"}],
 "rev_history": [
  {"name": "draft-smith-feeds", "rev": "00", "published": "2024-11-02T10:00:00+00:00", "url": "/doc/draft-smith-feeds/00/"},
  {"name": "draft-smith-event-feeds", "rev": "00", "published": "2025-03-01T08:30:00+00:00", "url": "/doc/draft-smith-event-feeds/00/"},
  {"name": "draft-smith-event-feeds", "rev": "01", "published": "2025-06-30T23:59:00+00:00", "url": "/doc/draft-smith-event-feeds/01/"}]}
JSON
cat >"$work/two.json" <<'JSON'
[{"name": "draft-a-one", "title": "One", "authors": [], "rev_history": [{"name": "draft-a-one", "rev": "00", "published": "2025-01-01T00:00:00Z"}]},
 {"name": "draft-b-two", "title": "Two", "authors": [], "rev_history": [{"name": "draft-b-two", "rev": "00", "published": "2025-02-01T00:00:00Z"}]}]
JSON
echo '{"name": "rfc9000", "title": "QUIC", "rev_history": []}' >"$work/rfc.json"
echo '{"name": "draft-x-y", "title": "Bad", "rev_history": [{"name": "draft-x-y", "rev": "00", "published": "soon"}]}' >"$work/bad.json"

expect_exit 0 "import a doc.json" -- "$convene" draft import --db "$db" "$work/feeds.json"
expect_in "$work/out" "recorded 2 revisions of 1 drafts; 0 already on record" "the count"
expect_exit 0 "import it again" -- "$convene" draft import --db "$db" "$work/feeds.json"
expect_in "$work/out" "recorded 0 revisions of 0 drafts; 2 already on record" "nothing twice"
expect_exit 0 "a list in one file" -- "$convene" draft import --db "$db" "$work/two.json"
expect_in "$work/out" "recorded 2 revisions of 2 drafts" "both documents"

expect_exit 1 "an RFC's JSON" -- "$convene" draft import --db "$db" "$work/rfc.json"
expect_in "$work/err" "rfc.json: not_a_draft" "the file and the reason"
expect_exit 1 "a bad date, beside a good file" -- "$convene" draft import --db "$db" "$work/two.json" "$work/bad.json"
expect_in "$work/err" "rev_history[0].published" "where the date is"
expect_exit 1 "not JSON" -- "$convene" draft import --db "$db" "$work/feeds.json" /dev/null
expect_in "$work/err" "/dev/null: not JSON" "which file"
expect_exit 1 "a missing file" -- "$convene" draft import --db "$db" "$work/none.json"
expect_in "$work/err" "cannot read" "the message"
expect_exit 1 "--as someone not in the secretariat" -- \
  "$convene" draft import --db "$db" --as nobody@example.org "$work/feeds.json"
expect_in "$work/err" "unknown_person" "who"

# The server shows the draft as the Datatracker has it, dates confirmed.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$convene" serve --db "$db" --listen "127.0.0.1:$port" --workers 0 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
curl -s "http://127.0.0.1:$port/api/v1/drafts/draft-smith-event-feeds" >"$work/draft.json"
kill "$server"; wait "$server" 2>/dev/null
python3 - "$work/draft.json" <<'PY' || fail "the stored draft: $(cat "$work/draft.json")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["title"] == "JSON Event Feeds", d
assert d["replaces"] == ["draft-smith-feeds"], d
assert [r["rev"] for r in d["revisions"]] == ["00", "01"], d
assert all(r["confirmed"] for r in d["revisions"]), d
assert d["revisions"][1]["submitted_at"] == "2025-06-30T23:59:00Z", d
PY
expect_summary draft_cli
