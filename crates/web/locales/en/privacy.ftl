# Privacy (GDPR): erasing speakers' contact details after the term.
audit-action-privacy-purge = Speakers' contact details erased
audit-entity-speaker-registration = Registration to speak
audit-field-erased = Number erased
audit-field-last-date = Sessions up to and including
audit-field-days = Retention period (days)
audit-field-mails-erased = Messages deleted
