-- The council's half of a session: the councillors who will attend it for their party, and the
-- party's spokesperson (woordvoerder) in it. One mark per person and session; at most one
-- spokesperson per party and session. The party is the one the councillor sat for when marking.
-- Kept in step with ../sqlite/0012_session_attendance.sql.
CREATE TABLE session_attendance (
    session_id BIGINT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    person_id  BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    party_id   BIGINT NOT NULL REFERENCES parties (id),
    role       TEXT NOT NULL CHECK (role IN ('attends', 'spokesperson')),
    marked_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, person_id)
);
CREATE UNIQUE INDEX session_attendance_one_spokesperson ON session_attendance (session_id, party_id)
    WHERE role = 'spokesperson';
CREATE INDEX session_attendance_by_person ON session_attendance (person_id);
