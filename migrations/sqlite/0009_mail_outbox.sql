-- E-mail waiting to be sent, and what was sent. A use case queues a message in the same
-- transaction as the change it tells of, by template code and arguments (JSON); the text is
-- rendered in the message's language only when it is sent, so the outbox keeps no sentences.
-- Once sent the arguments (which hold private links) are erased; template, recipient and the
-- moment remain. A failed attempt records its error and when to try again. Kept in step with
-- ../postgres/0009_mail_outbox.sql.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    body_id         INTEGER NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
    recipient       TEXT NOT NULL,
    language        TEXT NOT NULL,
    template        TEXT NOT NULL,
    arguments       TEXT,
    created_at      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- When a sender may take it next; none once sent or given up.
    next_attempt_at TEXT,
    sent_at         TEXT,
    last_error      TEXT,
    CHECK (sent_at IS NULL OR arguments IS NULL)
) STRICT;
CREATE INDEX mail_outbox_due ON mail_outbox (body_id, next_attempt_at);
