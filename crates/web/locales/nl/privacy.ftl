# Privacy (AVG): contactgegevens van insprekers wissen na de termijn.
audit-action-privacy-purge = Contactgegevens van insprekers gewist
audit-entity-speaker-registration = Aanmelding om in te spreken
audit-field-erased = Aantal gewist
audit-field-last-date = Sessies tot en met
audit-field-days = Bewaartermijn (dagen)
audit-field-mails-erased = Berichten verwijderd
