-- Spreekrecht: what 0001's speaking rules lack (a total time divided among those registered, and
-- whether residents may join the conversation or only speak), a registration's written
-- contribution (a text, or a PDF kept in the database as proposal attachments are, so that every
-- server sees it), and the idempotency keys that make a repeated registration register once.
-- Kept in step with ../sqlite/0008_speaking.sql.
ALTER TABLE sessions ADD COLUMN speaking_total_minutes BIGINT CHECK (speaking_total_minutes > 0);
ALTER TABLE sessions ADD COLUMN speaking_may_join BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE speaker_registrations ADD COLUMN contribution_text TEXT;

CREATE TABLE speaker_contributions (
    registration_id BIGINT PRIMARY KEY REFERENCES speaker_registrations (id) ON DELETE CASCADE,
    file_name       TEXT NOT NULL,
    media_type      TEXT NOT NULL,
    size_bytes      BIGINT NOT NULL CHECK (size_bytes >= 0),
    sha256          TEXT NOT NULL,
    content         BYTEA NOT NULL,
    uploaded_at     TIMESTAMPTZ NOT NULL
);

-- A registration request answered once: a repeat with the same key (a double submit, a client's
-- retry) gets the same answer and registers nobody again.
CREATE TABLE registration_requests (
    session_id      BIGINT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    idempotency_key TEXT NOT NULL,
    registration_id BIGINT NOT NULL REFERENCES speaker_registrations (id) ON DELETE CASCADE,
    status          TEXT NOT NULL,
    position        BIGINT CHECK (position >= 1),
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, idempotency_key)
);
