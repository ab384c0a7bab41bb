-- The chair's running order and timing of speakers: each confirmed registration's place in the
-- order the chair calls speakers (NULL until the griffie orders them: then in the order of
-- registering, after those ordered), whether the speaker walked in on the evening (added by the
-- griffie beyond the places), the council party a speaker speaks for, and when the chair started
-- and stopped the speaker's time (UTC).
-- Kept in step with ../postgres/0011_speaking_turns.sql.
ALTER TABLE speaker_registrations ADD COLUMN running_position INTEGER CHECK (running_position >= 1);
ALTER TABLE speaker_registrations ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1));
ALTER TABLE speaker_registrations ADD COLUMN party_id INTEGER REFERENCES parties (id);
ALTER TABLE speaker_registrations ADD COLUMN started_at TEXT;
ALTER TABLE speaker_registrations ADD COLUMN ended_at TEXT;
