-- Measurements keyed area first, as in ../sqlite/0005_measurements_area_first.sql: an area's
-- profile reads its own key range, and the area index goes. PostgreSQL cannot skip-scan a key's
-- leading column, so one indicator over all areas gets an index of its own.
ALTER TABLE measurements DROP CONSTRAINT measurements_pkey;
ALTER TABLE measurements ADD PRIMARY KEY (area_id, indicator_id, year, quarter);
DROP INDEX measurements_by_area;
CREATE INDEX measurements_by_indicator ON measurements (indicator_id);
