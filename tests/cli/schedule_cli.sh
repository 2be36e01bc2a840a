#!/usr/bin/env bash
# End-to-end test of `convene schedule ...` as a user runs it: exit codes,
# messages and outputs on the real IETF problems and on generated ones.
# Usage: tests/cli/schedule_cli.sh BUILD_DIR SHARED_DIR
set -uo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR SHARED_DIR" >&2
  exit 2
fi
convene="$(cd "$1" && pwd)/src/cli/convene"
data="$2/data/schedule"
work="$(mktemp -d "${TMPDIR:-/tmp}/convene-cli.XXXXXX")"
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/expect.sh"

# check: a valid problem; an invalid one names the item and field, status 2.
expect_exit 0 "check ietf106" -- "$convene" schedule check "$data/ietf106.problem.json"
expect_in "$work/out" "125 sessions" "check ietf106"
cat >"$work/bad-problem.json" <<'JSON'
{"format": "convene-schedule-problem/1", "meeting": {"number": "1", "time_zone": "UTC"},
 "rooms": [{"id": "r1"}],
 "timeslots": [{"id": "t1", "room": "r9", "start": "2024-01-01T09:00:00Z", "duration_min": 60}],
 "groups": [], "sessions": [], "constraints": []}
JSON
expect_exit 2 "check an unknown room" -- "$convene" schedule check "$work/bad-problem.json"
expect_in "$work/err" 'timeslot "t1": unknown room "r9"' "check an unknown room"

# cost: the published IETF 83 schedule, as the reference tool computes it.
expect_exit 0 "cost ietf83 official" -- "$convene" schedule cost "$data/ietf83.problem.json" "$data/ietf83.official.json"
[[ "$(tail -n 1 "$work/out")" == "cost 1695000" ]] || fail "cost ietf83 official: last line $(tail -n 1 "$work/out")"
expect_exit 0 "cost --json" -- "$convene" schedule cost --json "$data/ietf83.problem.json" "$data/ietf83.official.json"
expect_in "$work/out" '"cost": 1695000,' "cost --json"
cat >"$work/clash.json" <<'JSON'
{"format": "convene-schedule/1", "assignments": [{"session": "quic-1", "timeslot": "t1"},
                                                 {"session": "quic-2", "timeslot": "t1"}]}
JSON
expect_exit 1 "cost of an infeasible schedule" -- "$convene" schedule cost "$data/ietf106.problem.json" "$work/clash.json"
expect_in "$work/err" "timeslot t1 holds both quic-1 and quic-2" "cost of an infeasible schedule"

# generate: the planted schedule costs 0.
expect_exit 0 "generate" -- "$convene" schedule generate --sessions 40 --seed 3 -o "$work/p.json" --planted "$work/planted.json"
expect_exit 0 "cost of the planted schedule" -- "$convene" schedule cost "$work/p.json" "$work/planted.json"
[[ "$(tail -n 1 "$work/out")" == "cost 0" ]] || fail "planted schedule: $(tail -n 1 "$work/out")"
expect_exit 0 "generate --exclusive" -- "$convene" schedule generate --sessions 40 --exclusive 2 --seed 3 \
  -o "$work/px.json" --planted "$work/plantedx.json"
expect_in "$work/px.json" '"exclusive": true' "generate --exclusive"
expect_exit 0 "cost of the planted exclusive schedule" -- "$convene" schedule cost "$work/px.json" "$work/plantedx.json"
[[ "$(tail -n 1 "$work/out")" == "cost 0" ]] || fail "planted exclusive schedule: $(tail -n 1 "$work/out")"

# solve: deterministic for a seed and a move budget; the file it writes
# costs what its summary says; --start improves a given schedule.
for run in 1 2; do
  expect_exit 0 "solve run $run" -- "$convene" schedule solve "$data/ietf83.problem.json" -o "$work/s$run.json" \
    --iterations 300000 --seed 5
done
cmp -s "$work/s1.json" "$work/s2.json" || fail "solve: same seed and budget, different schedules"
summary="$(tail -n 1 "$work/err")"
expect_exit 0 "cost of the solved schedule" -- "$convene" schedule cost "$data/ietf83.problem.json" "$work/s1.json"
solved="$(tail -n 1 "$work/out")"
[[ "$summary" == "${solved} "* ]] || fail "solve summary '$summary' does not start with '$solved '"
expect_exit 0 "solve --start" -- "$convene" schedule solve "$data/ietf83.problem.json" -o "$work/better.json" \
  --start "$data/ietf83.official.json" --iterations 200000
expect_exit 0 "cost of the improved schedule" -- "$convene" schedule cost "$data/ietf83.problem.json" "$work/better.json"
improved="$(tail -n 1 "$work/out" | cut -d' ' -f2)"
[[ "$improved" -lt 1695000 ]] || fail "solve --start: $improved is not below the official 1695000"

# solve with a time limit: the SAT passes prove IETF 83's optimum.
expect_exit 0 "solve --time-limit" -- "$convene" schedule solve "$data/ietf83.problem.json" -o "$work/opt.json" --time-limit 20
expect_in "$work/err" "cost 10000 (proven optimal)" "solve --time-limit"
# Two searches sharing their best (a portfolio): the one that proves the
# optimum is the result, and says so.
expect_exit 0 "solve --threads 2" -- "$convene" schedule solve "$data/ietf83.problem.json" -o "$work/opt2.json" \
  --time-limit 20 --threads 2
expect_in "$work/err" "cost 10000 (proven optimal)" "solve --threads 2"

# bound: IETF 83's optimum proven, and the gap of a given schedule.
expect_exit 0 "bound" -- "$convene" schedule bound "$data/ietf83.problem.json" "$data/ietf83.official.json" --sat-seconds 120
expect_in "$work/out" "partition bound    10000 (the LP's optimum)" "bound: the partition method"
expect_in "$work/out" "lower bound 10000 (partition), optimal" "bound"
expect_in "$work/out" "at most 1685000 above the best possible" "bound with a schedule"

# variant: the consolidated dispatch session of IETF 106 replaces three.
expect_exit 0 "variant" -- "$convene" schedule variant "$data/ietf106.problem.json" \
  --merge dispatch-1,secdispatch-1,gendispatch-1 --exclusive -o "$work/alldispatch.json"
expect_exit 0 "check the variant" -- "$convene" schedule check "$work/alldispatch.json"
expect_in "$work/out" "123 sessions" "check the variant"
expect_in "$work/alldispatch.json" '"exclusive": true' "variant"
expect_in "$work/alldispatch.json" '"attendees": 355' "variant attendance"
grep -qF '"secdispatch-1"' "$work/alldispatch.json" && fail "variant: secdispatch-1 is still a session"
expect_exit 1 "variant of an unknown session" -- "$convene" schedule variant "$data/ietf106.problem.json" \
  --merge dispatch-1,nosuch-1 -o "$work/none.json"
expect_in "$work/err" 'unknown session "nosuch-1"' "variant of an unknown session"

# price: IETF 83 with dispatch-1 exclusive; the interval is [variant bound -
# base best, variant best - base bound].
expect_exit 0 "variant ietf83" -- "$convene" schedule variant "$data/ietf83.problem.json" --merge dispatch-1 \
  --exclusive -o "$work/excl83.json"
expect_exit 0 "price --json" -- "$convene" schedule price "$data/ietf83.problem.json" "$work/excl83.json" \
  --time-limit 2 --json
field() { sed -n "/\"$1\"/,/}/s/.*\"$2\": \(-\{0,1\}[0-9]*\).*/\1/p" "$work/out" | head -n 1; }
lower="$(field price lower)" upper="$(field price upper)"
base_best="$(field base best)" base_bound="$(field base bound)"
var_best="$(field variant best)" var_bound="$(field variant bound)"
[[ -n "$lower" && -n "$upper" && -n "$var_bound" ]] || fail "price --json: fields missing: $(head -c 300 "$work/out")"
[[ "$lower" -eq $((var_bound - base_best)) && "$upper" -eq $((var_best - base_bound)) && "$lower" -le "$upper" ]] ||
  fail "price: [$lower, $upper] from base $base_best/$base_bound, variant $var_best/$var_bound"
expect_exit 0 "price" -- "$convene" schedule price "$data/ietf83.problem.json" "$work/excl83.json" --time-limit 1
expect_in "$work/out" "price [" "price"

expect_summary "schedule CLI"
