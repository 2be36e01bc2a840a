# Checks shared by the CLI tests, sourced after setting $work (a scratch
# directory). Each failed check is printed and counted; call
# `expect_summary NAME` last to exit 1 when any failed.
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
# expect_exit CODE DESCRIPTION -- COMMAND...: runs it, output in $work/out and $work/err.
expect_exit() {
  local want="$1" what="$2"
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [[ $got -eq $want ]] || fail "$what: exit $got, wanted $want; stderr: $(head -c 300 "$work/err")"
}
expect_in() {  # expect_in FILE TEXT DESCRIPTION
  grep -qF -- "$2" "$1" || fail "$3: no '$2' in $(basename "$1"): $(head -c 300 "$1")"
}
expect_summary() {  # expect_summary NAME: the verdict, as the exit status
  if [[ $failures -gt 0 ]]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "$1: all checks passed"
}
