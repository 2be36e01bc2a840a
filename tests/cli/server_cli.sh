#!/usr/bin/env bash
# The server commands as a user runs them: a database path that cannot be
# opened is a message naming it and exit 1, never a silent failure; bad
# options are exit 2 with a message.
# Usage: tests/cli/server_cli.sh BUILD_DIR
set -uo pipefail
convene="$1/src/cli/convene"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect CODE TEXT DESCRIPTION -- COMMAND...: exit status CODE and TEXT on stderr.
expect() {
  local want=$1 text=$2 what=$3; shift 4
  "$@" >"$work/out" 2>"$work/err" </dev/null
  local got=$?
  [[ $got -eq $want ]] || fail "$what: exit $got, wanted $want"
  grep -qF -- "$text" "$work/err" || fail "$what: stderr lacks '$text': $(head -c 300 "$work/err")"
}

expect 1 "/nonexistent/dir/c.db" "demo on an unusable path" -- "$convene" demo --db /nonexistent/dir/c.db
expect 1 "/nonexistent/dir/c.db" "serve on an unusable path" -- "$convene" serve --db /nonexistent/dir/c.db --listen 127.0.0.1:0
expect 2 "--listen" "serve with a bad --listen" -- "$convene" serve --db "$work/c.db" --listen nowhere
expect 2 "--public-url" "serve with a bad --public-url" -- "$convene" serve --db "$work/c.db" --public-url ftp://x
expect 1 "there is no person" "token for nobody" -- "$convene" token create --db "$work/c.db" --email nobody@example.org
# The password policy: at least 12 characters, not common, not the e-mail.
expect 2 "at least 12 characters" "user add with a short password" -- \
  bash -c "echo 'password' | '$convene' user add --db '$work/c.db' --email ada@example.org --name Ada"
expect 2 "most common" "user add with a common password" -- \
  bash -c "echo 'password1234' | '$convene' user add --db '$work/c.db' --email ada@example.org --name Ada"
echo 'a-long-password' | "$convene" user add --db "$work/c.db" --email ada@example.org --name Ada >/dev/null 2>&1 \
  || fail "user add with a good password"
exit $((failures > 0))
