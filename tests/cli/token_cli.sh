#!/usr/bin/env bash
# API tokens from the command line: create (named, expiring), list (never
# the secret), revoke (only the person's own token ids).
# Usage: tests/cli/token_cli.sh BUILD_DIR
set -uo pipefail
convene="$1/src/cli/convene"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/expect.sh"
db="$work/c.db"

for who in ada bob; do
  echo 'a-long-password' | "$convene" user add --db "$db" --email "$who@example.org" --name "$who" >/dev/null \
    || fail "user add $who"
done
expect_exit 0 "create a named expiring token" -- \
  "$convene" token create --db "$db" --email ada@example.org --name laptop --expires-in-days 30
secret=$(cat "$work/out")
[[ ${#secret} -ge 40 ]] || fail "the secret is printed: '$secret'"
expect_exit 0 "create a token without expiry" -- "$convene" token create --db "$db" --email ada@example.org --name ci
expect_exit 0 "bob's token" -- "$convene" token create --db "$db" --email bob@example.org --name bobs

expect_exit 0 "list ada's tokens" -- "$convene" token list --db "$db" --email ada@example.org
expect_in "$work/out" "laptop" "the named token is listed"
expect_in "$work/out" "ci" "the other token is listed"
grep -q "bobs" "$work/out" && fail "bob's token is not ada's"
grep -qF -- "$secret" "$work/out" && fail "the list shows a secret"
[[ $(grep -c . "$work/out") -eq 3 ]] || fail "a header and two tokens: $(cat "$work/out")"
laptop=$(awk -F'\t' '$2 == "laptop" { print $1 }' "$work/out")
ci_expiry=$(awk -F'\t' '$2 == "ci" { print $4 }' "$work/out")
[[ $ci_expiry == "-" ]] || fail "ci never expires, listed '$ci_expiry'"

"$convene" token list --db "$db" --email bob@example.org >"$work/bob"
bobs=$(awk -F'\t' '$2 == "bobs" { print $1 }' "$work/bob")
expect_exit 1 "ada cannot revoke bob's token" -- "$convene" token revoke --db "$db" --email ada@example.org --id "$bobs"
expect_in "$work/err" "has no API token" "the refusal says why"
expect_exit 0 "revoke ada's laptop token" -- "$convene" token revoke --db "$db" --email ada@example.org --id "$laptop"
"$convene" token list --db "$db" --email ada@example.org >"$work/out"
grep -q "laptop" "$work/out" && fail "the revoked token is still listed"
expect_exit 1 "revoke it again" -- "$convene" token revoke --db "$db" --email ada@example.org --id "$laptop"

expect_exit 2 "an empty name" -- "$convene" token create --db "$db" --email ada@example.org --name ""
expect_exit 2 "too many days" -- \
  "$convene" token create --db "$db" --email ada@example.org --name x --expires-in-days 3651
expect_exit 1 "list for nobody" -- "$convene" token list --db "$db" --email nobody@example.org
expect_in "$work/err" "there is no person" "nobody is named"
expect_summary token_cli
