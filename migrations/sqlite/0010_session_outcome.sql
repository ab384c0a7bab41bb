-- A session's outcome as the griffie records it afterwards: when it was recorded (the public
-- outcome page exists from then on), the document that fulfilled a commitment and the
-- programme (ontwikkelopgave) it serves, and the party that proposed an indicator in a session. Kept in step with ../postgres/0010_session_outcome.sql.
ALTER TABLE sessions ADD COLUMN outcome_recorded_at TEXT;
ALTER TABLE commitments ADD COLUMN fulfilled_by TEXT;
ALTER TABLE commitments ADD COLUMN programme_id INTEGER REFERENCES programmes (id) ON DELETE SET NULL;
ALTER TABLE indicators ADD COLUMN proposed_by_party_id INTEGER REFERENCES parties (id) ON DELETE SET NULL;
CREATE INDEX commitments_by_holder ON commitments (portfolio_holder_id, status);
CREATE INDEX indicators_by_session ON indicators (proposed_in_session_id);
