#!/usr/bin/env bash
# pg-cluster.sh start FILE | stop FILE
# A throwaway PostgreSQL cluster for the tests: Debian's server binaries,
# a data directory and Unix socket in a fresh /tmp directory, no TCP, trust
# authentication for the role `convene`, fsync off (nothing here outlives the
# run). `start` writes the libpq URI to FILE (and the directory to
# FILE.dir); `stop` stops the cluster and removes everything. As root the
# server runs as the unprivileged user `postgres` (PostgreSQL refuses root).
set -euo pipefail
cmd=${1:?start or stop}; file=${2:?file for the URI}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$bin/initdb" ]] || { echo "pg-cluster: PostgreSQL server binaries not found (scripts/install-deps.sh installs them)" >&2; exit 1; }
as=()
if [[ $(id -u) -eq 0 ]]; then as=(runuser -u postgres --); fi

case "$cmd" in
start)
  dir=$(mktemp -d /tmp/convene-pg.XXXXXX)
  chmod 755 "$dir"
  [[ ${#as[@]} -eq 0 ]] || chown postgres: "$dir"
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U convene --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  echo "$dir" >"$file.dir"
  echo "postgresql:///postgres?host=$dir&user=convene" >"$file"
  echo "pg-cluster: started in $dir" >&2
  ;;
stop)
  [[ -f "$file.dir" ]] || exit 0
  dir=$(cat "$file.dir")
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$file" "$file.dir"
  echo "pg-cluster: stopped" >&2
  ;;
*) echo "pg-cluster: unknown command '$cmd' (start or stop)" >&2; exit 2 ;;
esac
