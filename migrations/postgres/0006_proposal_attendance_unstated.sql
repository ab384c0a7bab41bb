-- A proposal's expected attendance is what its author or its text says, or nothing: an import
-- no longer invents 30 for a text that gives no figure. Done as on SQLite (a nullable copy in
-- its place, last), so the two catalogues keep the same columns in the same order. Kept in step
-- with ../sqlite/0006_proposal_attendance_unstated.sql.
ALTER TABLE proposals ADD COLUMN stated_attendance BIGINT CHECK (stated_attendance >= 0);
UPDATE proposals SET stated_attendance = expected_attendance;
ALTER TABLE proposals DROP COLUMN expected_attendance;
ALTER TABLE proposals RENAME COLUMN stated_attendance TO expected_attendance;
