-- What the session planner needs of an evening besides its rounds: the rooms in use, the pools
-- of chairs (councillors designated to chair) and clerks, and the rounds in which someone
-- (portfolio holder, chair or clerk) cannot be there. No row in evening_absences means the whole
-- evening. Kept in step with ../postgres/0004_evening_planning.sql.
CREATE TABLE evening_rooms (
    evening_id INTEGER NOT NULL REFERENCES market_evenings (id) ON DELETE CASCADE,
    room_id    INTEGER NOT NULL REFERENCES rooms (id),
    PRIMARY KEY (evening_id, room_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE evening_staff (
    evening_id INTEGER NOT NULL REFERENCES market_evenings (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES persons (id),
    duty       TEXT NOT NULL CHECK (duty IN ('voorzitter', 'griffiemedewerker')),
    PRIMARY KEY (evening_id, person_id, duty)
) STRICT, WITHOUT ROWID;

CREATE TABLE evening_absences (
    round_id  INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons (id),
    PRIMARY KEY (round_id, person_id)
) STRICT, WITHOUT ROWID;

-- Evenings that exist already use every room of their municipality.
INSERT INTO evening_rooms (evening_id, room_id)
SELECT e.id, r.id FROM market_evenings e JOIN rooms r ON r.body_id = e.body_id;
