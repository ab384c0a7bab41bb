-- Attachments of a behandelvoorstel (the presentation, a letter): kept in the database so that
-- every server sees them, with their size and SHA-256 for integrity.
-- Kept in step with ../postgres/0003_proposal_attachments.sql.
CREATE TABLE proposal_attachments (
    id                  INTEGER PRIMARY KEY,
    proposal_id         INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    file_name           TEXT NOT NULL,
    media_type          TEXT NOT NULL,
    size_bytes          INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256              TEXT NOT NULL,
    content             BLOB NOT NULL,
    uploaded_by_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at         TEXT NOT NULL
) STRICT;
CREATE INDEX proposal_attachments_by_proposal ON proposal_attachments (proposal_id);
