-- A proposal's expected attendance is what its author or its text says, or nothing: an import
-- no longer invents 30 for a text that gives no figure. The column becomes nullable without a
-- default: SQLite cannot drop NOT NULL in place, so a nullable copy takes its place (last, as on
-- PostgreSQL). Kept in step with ../postgres/0006_proposal_attendance_unstated.sql.
ALTER TABLE proposals ADD COLUMN stated_attendance INTEGER CHECK (stated_attendance >= 0);
UPDATE proposals SET stated_attendance = expected_attendance;
ALTER TABLE proposals DROP COLUMN expected_attendance;
ALTER TABLE proposals RENAME COLUMN stated_attendance TO expected_attendance;
