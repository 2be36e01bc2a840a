#!/usr/bin/env bash
# Installs every Debian package convene needs to build, run, test and benchmark.
# Safe to run again: it installs only what is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config git clang
  libboost-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libpq-dev libsodium-dev libical-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libhowardhinnant-date-dev libcli11-dev libfmt-dev libspdlog-dev
  libcurl4-openssl-dev libmstch-dev libjs-bootstrap5 tzdata zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  cadical libcadical-dev coinor-libclp-dev
  python3 python3-icalendar
  postgresql postgresql-client
  chromium nodejs npm wrk curl ca-certificates
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs/npm may come with the base image outside dpkg; do not reinstall them then.
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || tmp+=("$p"); done
  missing=("${tmp[@]+"${tmp[@]}"}")
fi

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
