#!/usr/bin/env bash
# The database commands as a user runs them, on SQLite and on the test run's
# PostgreSQL server (fixture postgres): db copy SQLite -> PostgreSQL ->
# SQLite keeps every row (checksums equal), refuses a non-empty target and
# leaves it untouched, backups of both restore to the same data, and no
# message ever shows a password.
# Usage: tests/cli/db_cli.sh BUILD_DIR
set -uo pipefail
convene="$1/src/cli/convene"
server=$(cat "$1/postgres.uri") || { echo "FAIL: no $1/postgres.uri (run through ctest: fixture postgres)" >&2; exit 1; }
work=$(mktemp -d)
db="convene_cli_$$"
psql "$server" -qc "CREATE DATABASE ${db}_a" -c "CREATE DATABASE ${db}_b" -c "CREATE DATABASE ${db}_r" || exit 1
cleanup() {
  psql "$server" -qc "DROP DATABASE IF EXISTS ${db}_a" -c "DROP DATABASE IF EXISTS ${db}_b" \
    -c "DROP DATABASE IF EXISTS ${db}_r" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
pg_a=${server/\/postgres\?/\/${db}_a?}
pg_b=${server/\/postgres\?/\/${db}_b?}
pg_r=${server/\/postgres\?/\/${db}_r?}
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
run() { "$@" >"$work/out" 2>"$work/err" </dev/null; }

run "$convene" demo --db "$work/a.db" || fail "demo: $(cat "$work/err")"
# API tokens with and without an expiry: their ids and NULLs go across too.
run "$convene" token create --db "$work/a.db" --email dispatch-chair@example.org --name ci --expires-in-days 9 \
  || fail "token create: $(cat "$work/err")"
run "$convene" token create --db "$work/a.db" --email dispatch-chair@example.org --name laptop \
  || fail "token create: $(cat "$work/err")"
"$convene" db describe --db "$work/a.db" >"$work/a.sums" || fail "describe a.db"
grep -q "^dispatch_requests	[1-9]" "$work/a.sums" || fail "the demo has no dispatch requests: $(cat "$work/a.sums")"
grep -q "^api_tokens	2" "$work/a.sums" || fail "the two tokens are not described: $(cat "$work/a.sums")"

# SQLite -> PostgreSQL -> SQLite: the same rows, table by table.
run "$convene" db copy --from "sqlite:$work/a.db" --to "$pg_a" || fail "copy to PostgreSQL: $(cat "$work/err")"
cmp -s "$work/out" "$work/a.sums" || fail "copy to PostgreSQL printed other sums: $(diff "$work/a.sums" "$work/out")"
grep -q "counts and checksums agree" "$work/err" || fail "copy did not say it verified: $(cat "$work/err")"
run "$convene" db copy --from "$pg_a" --to "$work/back.db" || fail "copy back to SQLite: $(cat "$work/err")"
"$convene" db describe --db "$work/back.db" | cmp -s - "$work/a.sums" || fail "round trip changed the data"

# A non-empty target is refused (exit 3) and left as it was.
"$convene" db describe --db "$pg_a" >"$work/pg_a.before"
run "$convene" db copy --from "$work/back.db" --to "$pg_a"
[[ $? -eq 3 ]] || fail "copy into a non-empty database: exit $?, wanted 3"
grep -q "not empty" "$work/err" || fail "refusal does not say why: $(cat "$work/err")"
"$convene" db describe --db "$pg_a" | cmp -s - "$work/pg_a.before" || fail "a refused copy changed the target"

# The server works on the copy: the demo's agenda is served from PostgreSQL.
run "$convene" demo --db "$pg_b" || fail "demo on PostgreSQL: $(cat "$work/err")"

# Backups: SQLite's is an SQLite database; PostgreSQL's restores with pg_restore.
run "$convene" backup --db "$work/a.db" -o "$work/a.backup" || fail "SQLite backup: $(cat "$work/err")"
"$convene" db describe --db "$work/a.backup" | cmp -s - "$work/a.sums" || fail "SQLite backup differs"
run "$convene" backup --db "$pg_a" -o "$work/pg.dump" || fail "PostgreSQL backup: $(cat "$work/err")"
pg_restore --no-owner --dbname="$pg_r" "$work/pg.dump" 2>"$work/restore.err" || fail "pg_restore: $(cat "$work/restore.err")"
"$convene" db describe --db "$pg_r" | cmp -s - "$work/a.sums" || fail "the restored PostgreSQL backup differs"
run "$convene" backup --db "$work/a.db" -o "$work/missing-dir/a.backup"
[[ $? -ne 0 && ! -e "$work/missing-dir/a.backup.partial" ]] || fail "backup into a missing directory did not fail cleanly"

# Errors name the server but never a password.
bad="postgresql://convene:s3cret-pass@127.0.0.1:1/none?connect_timeout=2"
run "$convene" demo --db "$bad"
[[ $? -eq 1 ]] || fail "demo on an unreachable server: exit status"
grep -q "cannot connect to PostgreSQL" "$work/err" || fail "unreachable server message: $(cat "$work/err")"
grep -q "s3cret-pass" "$work/err" "$work/out" && fail "a password was printed: $(cat "$work/err")"

((failures == 0)) && echo "db_cli: all checks passed"
exit $((failures > 0))
