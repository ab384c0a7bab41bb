#!/usr/bin/env bash
# Registrations to speak per second, on SQLite and (with WIJKBEELD_TEST_POSTGRES set) on
# PostgreSQL: serves a fresh demo database with --trust-proxy and sends COUNT registrations,
# CONCURRENCY at a time, each from its own client address (bench/speaking/register.py).
#
# Usage: bench/speaking/run.sh [COUNT] [CONCURRENCY]   (default 1000 16)
# Environment: WIJKBEELD_BIN (default target/release/wijkbeeld, built if missing),
# WIJKBEELD_TEST_POSTGRES (a server where a database may be created, e.g.
# postgres://postgres@127.0.0.1:5432/postgres). Needs python3 (and psql for PostgreSQL).
set -euo pipefail
count=${1:-1000}
concurrency=${2:-16}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
bin=${WIJKBEELD_BIN:-$root/target/release/wijkbeeld}
if [[ ! -x "$bin" ]]; then cargo build --release --locked -p wijkbeeld-cli >&2; fi
work=$(mktemp -d)
server=
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

measure() { # label database
  "$bin" --database "$2" serve --listen 127.0.0.1:0 --demo --trust-proxy >"$work/out" 2>"$work/err" &
  server=$!
  for _ in $(seq 1 600); do grep -q "listening on" "$work/out" && break; sleep 0.2; done
  base=$(grep -o "listening on [^ ]*" "$work/out" | head -n 1 | cut -d' ' -f3)
  python3 bench/speaking/register.py --base "$base" --count "$count" --concurrency "$concurrency" --label "$1"
  kill "$server"; wait "$server" 2>/dev/null || true; server=
}

echo "| Backend | Registrations | At a time | Per second | Median | 90th percentile | Answers |"
echo "|---|---|---|---|---|---|---|"
measure SQLite "$work/wijkbeeld.db"
if [[ -n "${WIJKBEELD_TEST_POSTGRES:-}" ]]; then
  name="wijkbeeld_bench_$$"
  psql "$WIJKBEELD_TEST_POSTGRES" -qc "CREATE DATABASE $name" >/dev/null
  url="${WIJKBEELD_TEST_POSTGRES%/*}/$name"
  measure PostgreSQL "$url"
  psql "$WIJKBEELD_TEST_POSTGRES" -qc "DROP DATABASE $name" >/dev/null
fi
