#!/usr/bin/env bash
# What the measurements table's key costs a large import, in SQLite alone (no CSV parsing, no
# wijkbeeld code): the benchmark's million rows, staged in a plain table, inserted with
# `INSERT … SELECT` in key order into the table as migration 0005 keys it, and into variants:
# the key before 0005 with its area index, and the new key with a secondary index. Beside it,
# the sqlite3 shell's `.import` of the CSV into a bare table, as bench/monitor/run.sh compares.
#
# Usage: bench/monitor/key-order.sh [RUNS]   (default 2; prints the median of each)
# Needs python3 and the sqlite3 shell.
set -euo pipefail

runs=${1:-2}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
cargo build --release --locked -p wijkbeeld-cli >&2
bin=$root/target/release/wijkbeeld

python3 bench/monitor/generate.py --out "$work" >/dev/null
base=$work/base.db
"$bin" --database "$base" migrate >&2
sqlite3 "$base" "INSERT INTO bodies (name, cbs_code) VALUES ('Gemeente Voorbeeldstad', 'GM9999');"
sqlite3 "$base" < "$work/indicatoren.sql"
"$bin" --database "$base" data areas "$work/gebieden.csv" >&2
sqlite3 "$base" <<SQL
CREATE TABLE staging (area_code TEXT, indicator TEXT, period TEXT, value REAL);
.mode csv
.import --skip 1 $work/metingen.csv staging
CREATE TABLE staged AS
  SELECT i.id AS indicator_id, a.id AS area_id, CAST(s.period AS INTEGER) AS year, 0 AS quarter, s.value AS value
  FROM staging s JOIN areas a ON a.code = s.area_code JOIN indicators i ON i.code = s.indicator;
DROP TABLE staging;
VACUUM;
SQL

columns="indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE, year INTEGER NOT NULL,
  quarter INTEGER NOT NULL DEFAULT 0 CHECK (quarter BETWEEN 0 AND 4), value REAL NOT NULL,
  sample_size INTEGER CHECK (sample_size >= 0), margin REAL CHECK (margin >= 0), source_note TEXT"
table() { # $1: primary key columns; $2: extra SQL (an index)
    echo "DROP TABLE measurements; CREATE TABLE measurements ($columns, PRIMARY KEY ($1)) STRICT, WITHOUT ROWID; $2"
}
seconds() { # runs "$@", prints the wall-clock seconds it took
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    python3 -c 'import sys; print(float(sys.argv[2]) - float(sys.argv[1]))' "$start" "$end"
}
insert() { # $1: the schema change, '' for the table as migrated; $2: ORDER BY
    cp "$base" "$work/run.db"
    [ -z "$1" ] || sqlite3 "$work/run.db" "$1"
    # The connection settings wijkbeeld's store uses (crates/store/src/connect.rs).
    seconds sqlite3 "$work/run.db" "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = memory;
        BEGIN; INSERT INTO measurements (indicator_id, area_id, year, quarter, value)
        SELECT indicator_id, area_id, year, quarter, value FROM staged ORDER BY $2; COMMIT;"
}
bare() {
    rm -f "$work/bare.db"
    sqlite3 "$work/bare.db" "CREATE TABLE measurements (area_code TEXT, indicator TEXT, period TEXT, value REAL);"
    seconds sqlite3 "$work/bare.db" -cmd ".mode csv" ".import --skip 1 $work/metingen.csv measurements"
}
median() { python3 -c 'import statistics, sys; print(f"{statistics.median(float(x) for x in sys.argv[1:]):.2f}")' "$@"; }

area_order="area_id, indicator_id, year, quarter"
declare -A variants=(
    [1]="sqlite3 .import of the CSV into a bare table|bare"
    [2]="key (area, indicator, year, quarter), no other index: the table as migrated|insert '' '$area_order'"
    [3]="key (indicator, area, year, quarter) + index (area, indicator): before 0005|insert \"\$(table 'indicator_id, area_id, year, quarter' 'CREATE INDEX by_area ON measurements (area_id, indicator_id);')\" '$area_order'"
    [4]="key (area, indicator, year, quarter) + index (indicator)|insert \"\$(table 'area_id, indicator_id, year, quarter' 'CREATE INDEX by_indicator ON measurements (indicator_id);')\" '$area_order'"
    [5]="key (area, indicator, year, quarter) + index (indicator, year, quarter)|insert \"\$(table 'area_id, indicator_id, year, quarter' 'CREATE INDEX by_indicator ON measurements (indicator_id, year, quarter);')\" '$area_order'"
    [6]="the table as migrated, rows in random order|insert '' 'random()'"
)
echo
echo "| 1,001,000 rows into SQLite $(sqlite3 :memory: 'SELECT sqlite_version();') (median of $runs) | Seconds |"
echo "|---|---|"
for number in 1 2 3 4 5 6; do
    label=${variants[$number]%%|*}
    command=${variants[$number]#*|}
    times=()
    for _ in $(seq "$runs"); do times+=("$(eval "$command")"); done
    echo "| $label | $(median "${times[@]}") |"
done
