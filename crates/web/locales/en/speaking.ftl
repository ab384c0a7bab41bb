# Speaking rights: the session page, registering to speak, the private link and the griffie's rules.

speaking-session-title = Session
speaking-facts = Details of the session
speaking-fact-date = Date
speaking-fact-time = Time
speaking-fact-room = Room
speaking-proposal-link = The proposal
speaking-evening-link = The whole market evening
speaking-rules-heading = Right to speak
speaking-rules-edit-link = Change this session's speaking rules
speaking-speakers-heading = Speakers
speaking-counts-confirmed = { $count ->
    [0] Nobody has registered to speak yet.
    [one] 1 speaker has registered.
   *[other] { $count } speakers have registered.
}
speaking-counts-waiting = { $count ->
    [one] 1 is on the waiting list.
   *[other] { $count } are on the waiting list.
}
speaking-register-heading = Register to speak
speaking-register-intro = You do not need an account. Give your name, an e-mail address or telephone number, and what you would like to speak about.
speaking-field-name = Name
speaking-field-email = E-mail address
speaking-field-phone = Telephone number
speaking-field-contact-hint = Give an e-mail address or a telephone number (or both). We never publish them.
speaking-field-organisation = Organisation
speaking-field-optional = Optional: if you speak for an organisation.
speaking-field-topic = Topic
speaking-field-topic-hint = What would you like to speak about? At most 1,000 characters.
speaking-field-contribution = Written contribution
speaking-field-contribution-hint = Optional: a text added to the session's record.
speaking-field-file = Contribution as a PDF
speaking-field-file-hint = Optional: a PDF file of at most 10 MB.
speaking-field-publish-name = My name may be published on the list of speakers
speaking-privacy = The griffie uses your e-mail address and telephone number only to reach you about this session. They are never published and are erased some time after the session.
speaking-register-submit = Register
speaking-rule-not-allowed = The public has no right to speak in this session.
speaking-rule-may-join = Residents may speak and join the conversation.
speaking-rule-speak-only = Residents may speak; the conversation is the council's.
speaking-rule-minutes = { $count ->
    [one] Each speaker has 1 minute.
   *[other] Each speaker has { $count } minutes.
}
speaking-rule-total = There are { $count } minutes of speaking time in all, divided among the speakers.
speaking-rule-places = { $count ->
    [one] There is 1 place; whoever registers after that goes on the waiting list.
   *[other] There are { $count } places; whoever registers after that goes on the waiting list.
}
speaking-rule-no-limit = There is no maximum number of speakers.
speaking-rule-deadline = You can register until { $moment }.
speaking-closed-not-published = Registration is not open yet: the market evening is not published.
speaking-closed-session-passed = Registration is closed: the session has begun or is over.
speaking-closed-not-allowed = Registration is not possible: the public has no right to speak in this session.
speaking-closed-deadline-passed = Registration is closed: the deadline for registering has passed.
error-speaker-name-missing = Enter your name.
error-speaker-email-invalid = Enter a valid e-mail address, such as name@example.nl.
error-speaker-phone-invalid = Enter a valid telephone number, such as 074 123 45 67.
error-speaker-no-contact = Enter an e-mail address or a telephone number, so that the griffie can reach you.
error-speaker-topic-missing = Enter what you would like to speak about.
error-speaker-file-not-pdf = This file is not a PDF. Choose a PDF file.
error-speaker-file-too-large = This file is larger than 10 MB. Choose a smaller file.
error-idempotency-key = The request's key is not valid: at most 200 characters, without control characters.
error-too-many-registrations = You have registered too often in a row. Please try again in a few minutes.
notice-registration-repeated = Your registration had already been received; you were not registered again.
notice-registration-confirmed = You are registered to speak. Keep the address of this page: with it you change or cancel your registration.
notice-registration-waitlisted = { $count ->
    [one] The places are full: you are first on the waiting list. Keep the address of this page: with it you change or cancel your registration.
   *[other] The places are full: you are number { $count } on the waiting list. Keep the address of this page: with it you change or cancel your registration.
}
notice-registration-changed = Your registration has been changed.
notice-registration-cancelled = Your registration has been cancelled.
notice-speaking-rules-saved = The session's speaking rules have been saved.
registration-title = Your registration to speak
registration-status-confirmed = You are registered to speak.
registration-status-waitlisted = { $count ->
    [one] You are first on the waiting list.
   *[other] You are number { $count } on the waiting list.
}
registration-keep-link = This page is for you alone: whoever knows its address can change or cancel your registration.
registration-session-link = To the session
registration-change-heading = Change your registration
registration-file-kept = You added the file { $file }.
registration-file-remove = Remove this file
registration-change-submit = Save changes
registration-cancel-heading = Cancel your registration
registration-cancel-intro = Cannot come? Cancel your registration, so that someone on the waiting list gets your place.
registration-cancel-submit = Cancel registration
registration-link-unknown-title = We do not know this link
registration-link-unknown = No registration belongs to this link. Check that you copied the whole address.
registration-link-used-title = This registration was cancelled
registration-link-used = This link was used to cancel the registration and no longer works. You can register again on the session's page while registration is open.
speaking-rules-title = Speaking rules of the session
speaking-field-allowed = The public may speak
speaking-field-minutes = Minutes per speaker
speaking-field-minutes-hint = A whole number from 1 to 60; empty for no limit per speaker.
speaking-field-places = Number of places
speaking-field-places-hint = How many speakers get a place; whoever registers after that goes on the waiting list. Empty for no maximum.
speaking-field-total = Total speaking time in minutes
speaking-field-total-hint = Optional: this time is divided among the speakers.
speaking-field-deadline-date = Registration open until (date)
speaking-field-deadline-time = Registration open until (time)
speaking-field-may-join = Residents may also join the conversation (informing the council)
speaking-field-note = Note
speaking-rules-submit = Save
speaking-back-to-session = Back to the session
error-speaking-number = Enter a whole number, or leave the field empty.
error-speaking-minutes = The minutes per speaker are between 1 and 60.
error-speaking-places = At most 100 places.
error-speaking-total = The total speaking time is between 1 and 600 minutes.
error-speaking-note = The note is at most 1,000 characters, without control characters.
audit-action-session-speaking = Session's speaking rules set
audit-action-speaker-register = Registered to speak
audit-action-speaker-change = Registration to speak changed
audit-action-speaker-cancel = Registration to speak cancelled
market-session-link = Session and speaking
market-session-link-for = Session and speaking: { $subject }
proposal-session-page-link = To the session: speaking rules and registration
