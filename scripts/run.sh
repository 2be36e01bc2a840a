#!/usr/bin/env bash
# Quick start: install what is missing, build, load the demo meeting into an
# SQLite database and serve http://127.0.0.1:8080 (override with LISTEN, DB).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
TARGET=convene scripts/build.sh build
DB=${DB:-convene.db}
LISTEN=${LISTEN:-127.0.0.1:8080}
build/src/cli/convene demo --db "$DB"
echo "convene: serving http://$LISTEN (database $DB); demo sign-in: see README" >&2
exec build/src/cli/convene serve --db "$DB" --listen "$LISTEN"
