-- Measurements keyed area first. An import writes its rows area by area, so with this key every
-- row appends to the one B-tree, and the area index (a second B-tree every row also went into)
-- is no longer needed: an area's profile reads its own key range. Measured on a million rows in
-- the sqlite3 shell (bench/monitor/key-order.sh), INSERT … SELECT took two thirds of the time of
-- the old key with its index, as long as .import into a bare table. Reading
-- one indicator over all areas seeks each area's range (SQLite's skip-scan, or the join on
-- areas). Kept in step with ../postgres/0005_measurements_area_first.sql.
CREATE TABLE measurements_area_first (
    indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    area_id      INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    year         INTEGER NOT NULL,
    quarter      INTEGER NOT NULL DEFAULT 0 CHECK (quarter BETWEEN 0 AND 4),
    value        REAL NOT NULL,
    sample_size  INTEGER CHECK (sample_size >= 0),
    margin       REAL CHECK (margin >= 0),
    source_note  TEXT,
    PRIMARY KEY (area_id, indicator_id, year, quarter)
) STRICT, WITHOUT ROWID;

INSERT INTO measurements_area_first (indicator_id, area_id, year, quarter, value, sample_size, margin, source_note)
SELECT indicator_id, area_id, year, quarter, value, sample_size, margin, source_note
FROM measurements
ORDER BY area_id, indicator_id, year, quarter;

DROP TABLE measurements;
ALTER TABLE measurements_area_first RENAME TO measurements;
