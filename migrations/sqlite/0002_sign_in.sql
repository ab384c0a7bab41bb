-- Signing in: sessions kept in the database so that several servers share them, API tokens, and
-- the counters that limit sign-in attempts and public forms per client address.
-- Kept in step with ../postgres/0002_sign_in.sql.

-- A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so that a
-- copy of the database does not let anyone sign in.
CREATE TABLE user_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    touched_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX user_sessions_by_user ON user_sessions (user_id);
CREATE INDEX user_sessions_by_expiry ON user_sessions (expires_at);

-- A token for the JSON API, sent as `Authorization: Bearer`, scoped to a role; stored hashed.
CREATE TABLE api_tokens (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    token_hash         TEXT NOT NULL UNIQUE,
    role               TEXT NOT NULL,
    partner_id         INTEGER REFERENCES partners (id) ON DELETE CASCADE,
    created_by_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at         TEXT NOT NULL,
    last_used_at       TEXT,
    revoked_at         TEXT
) STRICT;

-- Requests per client address and purpose in a fixed window (start in Unix seconds).
CREATE TABLE rate_limit_windows (
    bucket       TEXT NOT NULL,
    client       TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    hits         INTEGER NOT NULL CHECK (hits >= 0),
    PRIMARY KEY (bucket, client, window_start)
) STRICT, WITHOUT ROWID;
CREATE INDEX rate_limit_windows_by_start ON rate_limit_windows (window_start);
