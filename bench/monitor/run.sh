#!/usr/bin/env bash
# The wijkmonitor's benchmark (issue 7), printed as a table:
#
#   1. importing a long CSV of 1,001,000 measurements with `wijkbeeld data import` into SQLite,
#      side by side with the sqlite3 shell's `.import` of the same file into a bare table;
#   2. the wijk profile page (`/monitor/gebied/WK…`) of the same municipality, 100 wijken of
#      9 buurten, 50 indicators, 20 years, served by the release binary and fetched with curl.
#
# Usage: bench/monitor/run.sh [RUNS]   (RUNS imports of each kind, default 3)
# Needs python3, curl and the sqlite3 shell (Debian: apt-get install sqlite3).
set -euo pipefail

runs=${1:-3}
requests=${REQUESTS:-200}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
server=
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

for tool in python3 curl sqlite3; do
    command -v "$tool" >/dev/null || { echo "bench/monitor: $tool is needed" >&2; exit 2; }
done

cd "$root"
cargo build --release --locked -p wijkbeeld-cli >&2
bin=$root/target/release/wijkbeeld

lines=$(python3 bench/monitor/generate.py --out "$work")
echo "generated $lines measurements ($(du -h "$work/metingen.csv" | cut -f1)) in $work" >&2

# A database with the municipality, its areas and its indicators, but no measurements yet.
base=$work/base.db
"$bin" --database "$base" migrate >&2
sqlite3 "$base" "INSERT INTO bodies (name, cbs_code) VALUES ('Gemeente Voorbeeldstad', 'GM9999');"
sqlite3 "$base" < "$work/indicatoren.sql"
"$bin" --database "$base" data areas "$work/gebieden.csv" >&2
sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null

seconds() { python3 -c 'import sys; print(f"{float(sys.argv[1]):.2f}")' "$1"; }
elapsed() { # runs "$@", prints the wall-clock seconds it took
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    python3 -c 'import sys; print(float(sys.argv[2]) - float(sys.argv[1]))' "$start" "$end"
}
median() { python3 -c 'import statistics, sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

wijkbeeld_times=()
sqlite_times=()
for run in $(seq "$runs"); do
    cp "$base" "$work/run.db"
    wijkbeeld_times+=("$(elapsed "$bin" --database "$work/run.db" data import "$work/metingen.csv")")
    rm -f "$work/bare.db"
    sqlite3 "$work/bare.db" "CREATE TABLE measurements (area_code TEXT, indicator TEXT, period TEXT, value REAL);"
    sqlite_times+=("$(elapsed sqlite3 "$work/bare.db" -cmd ".mode csv" ".import --skip 1 $work/metingen.csv measurements")")
    echo "run $run: wijkbeeld $(seconds "${wijkbeeld_times[-1]}") s, sqlite3 $(seconds "${sqlite_times[-1]}") s" >&2
done
stored=$(sqlite3 "$work/run.db" "SELECT count(*) FROM measurements;")
bare=$(sqlite3 "$work/bare.db" "SELECT count(*) FROM measurements;")
# The same file again: every value is replaced.
replace=$(elapsed "$bin" --database "$work/run.db" data import "$work/metingen.csv")

wijkbeeld_median=$(median "${wijkbeeld_times[@]}")
sqlite_median=$(median "${sqlite_times[@]}")
ratio=$(python3 -c 'import sys; print(f"{float(sys.argv[1]) / float(sys.argv[2]):.2f}")' "$wijkbeeld_median" "$sqlite_median")

# The profile page, served from the imported database.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" --database "$work/run.db" serve --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
page=http://127.0.0.1:$port/monitor/gebied/WK999942
first=$(curl -s -o "$work/page.html" -w '%{http_code} %{time_total}' "$page")
[ "${first%% *}" = 200 ] || { echo "the profile page answered ${first%% *}" >&2; cat "$work/server.log" >&2; exit 1; }
grep -q 'Wijk 43' "$work/page.html" || { echo "the profile page does not show Wijk 43" >&2; exit 1; }
cards=$(grep -c "class=\"monitor-card\"" "$work/page.html" || true)
timed() { # fetches "$1" 20 times to warm up, then "$2" times; prints the median and 90th percentile in ms
    local times=() status
    status=$(curl -s -o /dev/null -w '%{http_code}' "$1")
    [ "$status" = 200 ] || { echo "$1 answered $status" >&2; cat "$work/server.log" >&2; exit 1; }
    for _ in $(seq 20); do curl -s -o /dev/null "$1"; done
    for _ in $(seq "$2"); do
        times+=("$(curl -s -o /dev/null -w '%{time_total}' "$1")")
    done
    python3 -c '
import statistics, sys
times = sorted(float(x) * 1000 for x in sys.argv[1:])
print(f"{statistics.median(times):.2f}", f"{times[int(len(times) * 0.9) - 1]:.2f}")' "${times[@]}"
}
read -r page_median page_p90 < <(timed "$page" "$requests")
# Pages that read one indicator over every area: where a key that leads with the area is slowest.
read -r indicator_median _ < <(timed "http://127.0.0.1:$port/monitor/indicator/ind_07?niveau=buurt" 50)
read -r api_median _ < <(timed "http://127.0.0.1:$port/api/v1/measurements?indicator=ind_07&level=buurt&limit=10000" 50)

echo
echo "| Measurement | Result |"
echo "|---|---|"
echo "| \`wijkbeeld data import\`, $lines lines, new values (median of $runs) | $(seconds "$wijkbeeld_median") s ($stored rows stored) |"
echo "| \`sqlite3 .import\` of the same file into a bare table (median of $runs) | $(seconds "$sqlite_median") s ($bare rows) |"
echo "| ratio wijkbeeld / sqlite3 | $ratio |"
echo "| \`wijkbeeld data import\` of the same file again (every value replaced) | $(seconds "$replace") s |"
echo "| wijk profile page, first request (index yardsticks computed) | $(python3 -c 'import sys; print(f"{float(sys.argv[1]) * 1000:.1f}")' "${first#* }") ms |"
echo "| wijk profile page, median of $requests requests ($cards cards) | $page_median ms |"
echo "| wijk profile page, 90th percentile | $page_p90 ms |"
echo "| indicator page at buurt level (900 buurten × 20 years), median of 50 | $indicator_median ms |"
echo "| \`/api/v1/measurements\` of one indicator at buurt level (10,000 rows), median of 50 | $api_median ms |"
