-- wijkbeeld's data model for both loops, on SQLite.
-- Kept in step with ../postgres/0001_data_model.sql: the same tables, columns and keys; only the
-- types differ. Tables are STRICT so that SQLite refuses values of the wrong type.
-- Dates are ISO text (YYYY-MM-DD), times HH:MM:SS, moments RFC 3339 text in UTC, booleans 0/1.
-- Vocabularies (states, themes, roles…) are checked by the domain crate when read, not by CHECK
-- constraints, so that adding a code does not force SQLite to rebuild a table.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE bodies (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    cbs_code TEXT NOT NULL UNIQUE,
    website  TEXT
) STRICT;

-- People and the council ---------------------------------------------------------------------

CREATE TABLE persons (
    id      INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    name    TEXT NOT NULL,
    email   TEXT,
    phone   TEXT,
    UNIQUE (body_id, name)
) STRICT;

CREATE TABLE parties (
    id         INTEGER PRIMARY KEY,
    body_id    INTEGER NOT NULL REFERENCES bodies (id),
    name       TEXT NOT NULL,
    short_name TEXT NOT NULL,
    UNIQUE (body_id, short_name)
) STRICT;

CREATE TABLE memberships (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    function   TEXT NOT NULL,
    party_id   INTEGER REFERENCES parties (id),
    portfolio  TEXT,
    start_date TEXT,
    end_date   TEXT,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX memberships_by_person ON memberships (person_id);
CREATE INDEX memberships_by_party ON memberships (party_id);

-- Areas and the monitor's organisations -------------------------------------------------------

CREATE TABLE areas (
    id             INTEGER PRIMARY KEY,
    body_id        INTEGER NOT NULL REFERENCES bodies (id),
    code           TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    level          TEXT NOT NULL CHECK (level IN ('gemeente', 'wijk', 'buurt')),
    parent_id      INTEGER REFERENCES areas (id),
    coordinator_id INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    geometry       TEXT,
    CHECK ((level = 'gemeente') = (parent_id IS NULL))
) STRICT;
CREATE INDEX areas_by_parent ON areas (parent_id);
CREATE INDEX areas_by_body_level ON areas (body_id, level);

CREATE TABLE area_populations (
    area_id     INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    year        INTEGER NOT NULL,
    quarter     INTEGER NOT NULL DEFAULT 0 CHECK (quarter BETWEEN 0 AND 4),
    inhabitants INTEGER NOT NULL CHECK (inhabitants >= 0),
    PRIMARY KEY (area_id, year, quarter)
) STRICT, WITHOUT ROWID;

CREATE TABLE programmes (
    id          INTEGER PRIMARY KEY,
    body_id     INTEGER NOT NULL REFERENCES bodies (id),
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT,
    UNIQUE (body_id, code)
) STRICT;

CREATE TABLE partners (
    id      INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    website TEXT,
    UNIQUE (body_id, name)
) STRICT;

-- Accounts and the audit log -------------------------------------------------------------------

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT,
    person_id     INTEGER REFERENCES persons (id) ON DELETE SET NULL,
    partner_id    INTEGER REFERENCES partners (id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL,
    disabled_at   TEXT
) STRICT;

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  INTEGER,
    from_state TEXT,
    to_state   TEXT,
    details    TEXT
) STRICT;
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- Proposals (behandelvoorstellen) ------------------------------------------------------------

CREATE TABLE rooms (
    id             INTEGER PRIMARY KEY,
    body_id        INTEGER NOT NULL REFERENCES bodies (id),
    name           TEXT NOT NULL,
    capacity       INTEGER NOT NULL CHECK (capacity >= 0),
    has_livestream INTEGER NOT NULL CHECK (has_livestream IN (0, 1)),
    is_accessible  INTEGER NOT NULL CHECK (is_accessible IN (0, 1)),
    UNIQUE (body_id, name)
) STRICT;

CREATE TABLE documents (
    id      INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    number  TEXT NOT NULL,
    title   TEXT,
    UNIQUE (body_id, number)
) STRICT;

CREATE TABLE proposals (
    id                           INTEGER PRIMARY KEY,
    body_id                      INTEGER NOT NULL REFERENCES bodies (id),
    subject                      TEXT NOT NULL,
    case_number                  TEXT,
    portfolio_holder_id          INTEGER REFERENCES persons (id),
    history                      TEXT NOT NULL DEFAULT '',
    state                        TEXT NOT NULL,
    purpose                      TEXT,
    duration_minutes             INTEGER CHECK (duration_minutes > 0),
    market_date                  TEXT,
    chair_id                     INTEGER REFERENCES persons (id),
    clerk_id                     INTEGER REFERENCES persons (id),
    room_id                      INTEGER REFERENCES rooms (id),
    expected_attendance          INTEGER NOT NULL DEFAULT 30 CHECK (expected_attendance >= 0),
    needs_livestream             INTEGER NOT NULL DEFAULT 0 CHECK (needs_livestream IN (0, 1)),
    speaking_allowed             INTEGER CHECK (speaking_allowed IN (0, 1)),
    speaking_minutes_per_speaker INTEGER CHECK (speaking_minutes_per_speaker > 0),
    speaking_max_speakers        INTEGER CHECK (speaking_max_speakers >= 0),
    speaking_deadline            TEXT,
    speaking_note                TEXT,
    created_at                   TEXT NOT NULL,
    updated_at                   TEXT NOT NULL,
    UNIQUE (body_id, case_number)
) STRICT;
CREATE INDEX proposals_by_state ON proposals (body_id, state);

CREATE TABLE proposal_domains (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    domain      TEXT NOT NULL,
    PRIMARY KEY (proposal_id, domain)
) STRICT, WITHOUT ROWID;

CREATE TABLE proposal_history_documents (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 1),
    document_id INTEGER NOT NULL REFERENCES documents (id),
    PRIMARY KEY (proposal_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE programme_items (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 1),
    text        TEXT NOT NULL,
    UNIQUE (proposal_id, position)
) STRICT;

CREATE TABLE questions (
    id                INTEGER PRIMARY KEY,
    programme_item_id INTEGER NOT NULL REFERENCES programme_items (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL CHECK (position >= 1),
    text              TEXT NOT NULL,
    UNIQUE (programme_item_id, position)
) STRICT;

-- Market evenings (Politieke Markt) ----------------------------------------------------------

CREATE TABLE market_evenings (
    id           INTEGER PRIMARY KEY,
    body_id      INTEGER NOT NULL REFERENCES bodies (id),
    date         TEXT NOT NULL,
    title        TEXT NOT NULL,
    published_at TEXT,
    UNIQUE (body_id, date)
) STRICT;

CREATE TABLE rounds (
    id         INTEGER PRIMARY KEY,
    evening_id INTEGER NOT NULL REFERENCES market_evenings (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position >= 1),
    starts_at  TEXT NOT NULL,
    ends_at    TEXT NOT NULL,
    CHECK (ends_at > starts_at),
    UNIQUE (evening_id, position)
) STRICT;

CREATE TABLE sessions (
    id                           INTEGER PRIMARY KEY,
    evening_id                   INTEGER NOT NULL REFERENCES market_evenings (id) ON DELETE CASCADE,
    proposal_id                  INTEGER NOT NULL REFERENCES proposals (id),
    room_id                      INTEGER REFERENCES rooms (id),
    first_round_id               INTEGER REFERENCES rounds (id),
    round_count                  INTEGER NOT NULL DEFAULT 1 CHECK (round_count >= 1),
    chair_id                     INTEGER REFERENCES persons (id),
    clerk_id                     INTEGER REFERENCES persons (id),
    pinned                       INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    speaking_allowed             INTEGER CHECK (speaking_allowed IN (0, 1)),
    speaking_minutes_per_speaker INTEGER CHECK (speaking_minutes_per_speaker > 0),
    speaking_max_speakers        INTEGER CHECK (speaking_max_speakers >= 0),
    speaking_deadline            TEXT,
    speaking_note                TEXT,
    minutes                      TEXT,
    UNIQUE (evening_id, proposal_id)
) STRICT;
CREATE INDEX sessions_by_proposal ON sessions (proposal_id);

CREATE TABLE speaker_registrations (
    id                INTEGER PRIMARY KEY,
    session_id        INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    email             TEXT,
    phone             TEXT,
    organisation      TEXT,
    topic             TEXT NOT NULL,
    publish_name      INTEGER NOT NULL CHECK (publish_name IN (0, 1)),
    status            TEXT NOT NULL,
    cancel_token_hash TEXT UNIQUE,
    registered_at     TEXT NOT NULL,
    cancelled_at      TEXT,
    contact_erased_at TEXT
) STRICT;
CREATE INDEX speaker_registrations_by_session ON speaker_registrations (session_id, status);

CREATE TABLE contributions (
    id                 INTEGER PRIMARY KEY,
    session_id         INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    question_id        INTEGER REFERENCES questions (id) ON DELETE SET NULL,
    party_id           INTEGER REFERENCES parties (id),
    person_id          INTEGER REFERENCES persons (id),
    text               TEXT NOT NULL,
    created_by_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at         TEXT NOT NULL
) STRICT;
CREATE INDEX contributions_by_session ON contributions (session_id);

CREATE TABLE commitments (
    id                  INTEGER PRIMARY KEY,
    session_id          INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    portfolio_holder_id INTEGER REFERENCES persons (id),
    text                TEXT NOT NULL,
    due_date            TEXT,
    status              TEXT NOT NULL,
    fulfilled_on        TEXT,
    created_at          TEXT NOT NULL
) STRICT;
CREATE INDEX commitments_by_session ON commitments (session_id);

-- Indicators, measurements, targets ------------------------------------------------------------

CREATE TABLE indicators (
    id                     INTEGER PRIMARY KEY,
    body_id                INTEGER NOT NULL REFERENCES bodies (id),
    code                   TEXT NOT NULL,
    name                   TEXT NOT NULL,
    definition             TEXT NOT NULL,
    unit                   TEXT NOT NULL,
    direction              TEXT NOT NULL,
    theme                  TEXT NOT NULL,
    kind                   TEXT NOT NULL,
    source                 TEXT NOT NULL,
    owner_partner_id       INTEGER REFERENCES partners (id) ON DELETE SET NULL,
    status                 TEXT NOT NULL,
    proposed_in_session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    is_key                 INTEGER NOT NULL DEFAULT 0 CHECK (is_key IN (0, 1)),
    is_published           INTEGER NOT NULL DEFAULT 0 CHECK (is_published IN (0, 1)),
    decimals               INTEGER NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 6),
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    UNIQUE (body_id, code)
) STRICT;

CREATE TABLE indicator_programmes (
    indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    PRIMARY KEY (indicator_id, programme_id)
) STRICT, WITHOUT ROWID;

-- One value per indicator, area and period: the key itself, no surrogate id, so that a large
-- import writes one B-tree rather than a table and an index.
CREATE TABLE measurements (
    indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    area_id      INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    year         INTEGER NOT NULL,
    quarter      INTEGER NOT NULL DEFAULT 0 CHECK (quarter BETWEEN 0 AND 4),
    value        REAL NOT NULL,
    sample_size  INTEGER CHECK (sample_size >= 0),
    margin       REAL CHECK (margin >= 0),
    source_note  TEXT,
    PRIMARY KEY (indicator_id, area_id, year, quarter)
) STRICT, WITHOUT ROWID;
CREATE INDEX measurements_by_area ON measurements (area_id, indicator_id);

-- How columns of CBS's Kerncijfers wijken en buurten (their numeric suffix stripped) map to
-- indicators.
CREATE TABLE cbs_column_mappings (
    body_id      INTEGER NOT NULL REFERENCES bodies (id),
    cbs_column   TEXT NOT NULL,
    indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    PRIMARY KEY (body_id, cbs_column)
) STRICT, WITHOUT ROWID;

CREATE TABLE targets (
    id               INTEGER PRIMARY KEY,
    indicator_id     INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    area_id          INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    value            REAL NOT NULL,
    target_year      INTEGER NOT NULL,
    target_quarter   INTEGER NOT NULL DEFAULT 0 CHECK (target_quarter BETWEEN 0 AND 4),
    baseline_year    INTEGER NOT NULL,
    baseline_quarter INTEGER NOT NULL DEFAULT 0 CHECK (baseline_quarter BETWEEN 0 AND 4),
    note             TEXT,
    UNIQUE (indicator_id, area_id, target_year, target_quarter)
) STRICT;

-- Wijkagenda's ------------------------------------------------------------------------------------

CREATE TABLE priorities (
    id          INTEGER PRIMARY KEY,
    area_id     INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
    year        INTEGER NOT NULL,
    position    INTEGER NOT NULL CHECK (position >= 1),
    title       TEXT NOT NULL,
    description TEXT,
    UNIQUE (area_id, year, position)
) STRICT;

CREATE TABLE actions (
    id               INTEGER PRIMARY KEY,
    area_id          INTEGER NOT NULL REFERENCES areas (id),
    priority_id      INTEGER REFERENCES priorities (id) ON DELETE SET NULL,
    title            TEXT NOT NULL,
    description      TEXT,
    owner_partner_id INTEGER REFERENCES partners (id) ON DELETE SET NULL,
    programme_id     INTEGER REFERENCES programmes (id) ON DELETE SET NULL,
    status           TEXT NOT NULL,
    start_date       TEXT,
    end_date         TEXT,
    budget_cents     INTEGER CHECK (budget_cents >= 0),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX actions_by_area ON actions (area_id);
CREATE INDEX actions_by_partner ON actions (owner_partner_id);

CREATE TABLE action_indicators (
    action_id    INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, indicator_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE initiatives (
    id                     INTEGER PRIMARY KEY,
    area_id                INTEGER NOT NULL REFERENCES areas (id),
    title                  TEXT NOT NULL,
    description            TEXT NOT NULL,
    submitter_name         TEXT NOT NULL,
    submitter_email        TEXT,
    submitter_phone        TEXT,
    requested_budget_cents INTEGER CHECK (requested_budget_cents >= 0),
    status                 TEXT NOT NULL,
    review_note            TEXT,
    reviewed_by_user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reviewed_at            TEXT,
    submitted_at           TEXT NOT NULL
) STRICT;
CREATE INDEX initiatives_by_area ON initiatives (area_id, status);

CREATE TABLE active_residents (
    id            INTEGER PRIMARY KEY,
    area_id       INTEGER NOT NULL REFERENCES areas (id),
    name          TEXT NOT NULL,
    email         TEXT,
    activity      TEXT NOT NULL,
    initiative_id INTEGER REFERENCES initiatives (id) ON DELETE SET NULL,
    registered_on TEXT NOT NULL,
    ended_on      TEXT,
    CHECK (ended_on IS NULL OR ended_on >= registered_on)
) STRICT;
CREATE INDEX active_residents_by_area ON active_residents (area_id);
