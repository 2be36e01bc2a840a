#!/usr/bin/env bash
# Background jobs across processes on the test run's PostgreSQL server
# (fixture postgres): a solve job claimed by one `convene worker` that is
# killed with SIGKILL mid-job is claimed again by another worker once the
# lease lapses, and finished by it, once.
# Usage: tests/cli/worker_cli.sh BUILD_DIR SHARED_DIR
set -uo pipefail
convene="$1/src/cli/convene"
shared="$2"
server=$(cat "$1/postgres.uri") || { echo "FAIL: no $1/postgres.uri (run through ctest: fixture postgres)" >&2; exit 1; }
work=$(mktemp -d)
db="convene_worker_$$"
psql "$server" -qc "CREATE DATABASE $db" || exit 1
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
  psql "$server" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
uri=${server/\/postgres\?/\/$db?}
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
field() { "$convene" job show --db "$uri" "$1" | python3 -c "import json,sys; j=json.load(sys.stdin); print($2)"; }

python3 - "$shared/data/schedule/ietf106.problem.json" "$work/input.json" <<'PY'
import json, sys
json.dump({"problem": json.load(open(sys.argv[1])), "time_limit_s": 10, "seed": 1}, open(sys.argv[2], "w"))
PY
id=$("$convene" job submit --db "$uri" --input "$work/input.json") || fail "job submit"
[[ $(field "$id" "j['state']") == queued ]] || fail "a new job is not queued"

"$convene" worker --db "$uri" --name first --lease 3 --poll-ms 100 2>"$work/first.log" &
pids+=($!)
for _ in $(seq 100); do
  [[ $(field "$id" "j['state']") == running ]] && break
  sleep 0.1
done
[[ $(field "$id" "j['worker']") == first ]] || fail "the first worker did not claim the job"
sleep 1
[[ $(field "$id" "j['state']") == running ]] || fail "the job ended before the first worker was killed"
kill -9 "${pids[0]}" || fail "could not kill the first worker"

timeout 60 "$convene" worker --db "$uri" --name second --lease 3 --poll-ms 200 --once 2>"$work/second.log" ||
  fail "the second worker did not finish a job: $(cat "$work/second.log")"
[[ $(field "$id" "j['state']") == done ]] || fail "job not done: $(field "$id" "j")"
[[ $(field "$id" "j['worker']") == second ]] || fail "job not finished by the second worker"
[[ $(field "$id" "j['attempts']") == 2 ]] || fail "job not claimed exactly twice: $(field "$id" "j['attempts']")"
cost=$(field "$id" "j['result']['cost']")
[[ "$cost" =~ ^[0-9]+$ ]] || fail "no cost in the result: $cost"
# The result is a schedule the reference cost tool agrees with.
"$convene" job show --db "$uri" "$id" | python3 -c "import json,sys; json.dump(json.load(sys.stdin)['result']['schedule'], open('$work/schedule.json','w'))"
"$convene" schedule cost "$shared/data/schedule/ietf106.problem.json" "$work/schedule.json" >"$work/cost.txt" 2>&1 ||
  fail "schedule cost refused the job's schedule: $(cat "$work/cost.txt")"
grep -q "$cost" "$work/cost.txt" || fail "schedule cost disagrees with the job's cost $cost: $(head -3 "$work/cost.txt")"

# A malformed job fails with a message and leaves the worker running others.
echo '{"problem": {}, "time_limit_s": -1}' >"$work/bad.json"
bad=$("$convene" job submit --db "$uri" --input "$work/bad.json")
timeout 30 "$convene" worker --db "$uri" --name third --poll-ms 100 --once 2>/dev/null || fail "third worker"
[[ $(field "$bad" "j['state']") == failed ]] || fail "a malformed job did not fail"
[[ -n $(field "$bad" "j.get('error', '')") ]] || fail "a failed job has no error"
"$convene" job show --db "$uri" 999 >/dev/null 2>"$work/err"
[[ $? -eq 3 ]] && grep -q "no job 999" "$work/err" || fail "job show of an unknown job: $(cat "$work/err")"

((failures == 0)) && echo "worker_cli: all checks passed"
exit $((failures > 0))
