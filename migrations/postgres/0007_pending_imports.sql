-- A file of measurements that was checked and waits for its "Opslaan": the preview shows what it
-- will change, and storing it reads the file from here, never from the browser. Keyed by a random
-- token of which only the SHA-256 is stored, owned by the account and municipality that checked
-- it, and refused after it expires. Kept in step with ../sqlite/0007_pending_imports.sql.
CREATE TABLE pending_imports (
    token_hash TEXT PRIMARY KEY,
    body_id    BIGINT NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name  TEXT NOT NULL,
    -- The period of a CBS table, as (year, quarter) with quarter 0 for a whole year; none for a
    -- long file, whose lines name their periods.
    year       BIGINT,
    quarter    BIGINT CHECK (quarter BETWEEN 0 AND 4),
    content    TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    CHECK ((year IS NULL) = (quarter IS NULL))
);
CREATE INDEX pending_imports_by_expiry ON pending_imports (expires_at);
