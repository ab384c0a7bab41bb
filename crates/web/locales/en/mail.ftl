### E-mail: the texts of the messages (rendered when sent, in the message's language), the
### outbox page of the griffie, and the audit words of mail.

## The messages. Arguments: $name, $subject (the session), $date, $start, $room, $position
## (on the waiting list), $link (the private link to change or cancel).

mail-registration-confirmed-subject = Registration to speak confirmed: { $subject }
mail-registration-confirmed-body =
    Dear { $name },

    You are registered to speak in the session "{ $subject }".

    Date: { $date }
    Start: { $start }
    Room: { $room }

    To change or cancel your registration, use this private link:
    { $link }

    Do not share this link: whoever has it can change your registration.

    Kind regards,
    The council clerk's office (griffie)
mail-registration-waitlisted-subject = You are on the waiting list: { $subject }
mail-registration-waitlisted-body =
    Dear { $name },

    The session "{ $subject }" has no places left to speak. You are on the waiting list, at place { $position }. If a place becomes free, you will be told.

    Date: { $date }
    Start: { $start }
    Room: { $room }

    To change or cancel your registration, use this private link:
    { $link }

    Do not share this link: whoever has it can change your registration.

    Kind regards,
    The council clerk's office (griffie)
mail-registration-promoted-subject = A place is free: you can speak in { $subject }
mail-registration-promoted-body =
    Dear { $name },

    A place has become free. You were on the waiting list and are now registered to speak in the session "{ $subject }".

    Date: { $date }
    Start: { $start }
    Room: { $room }

    If you cannot come after all, cancel your registration with this private link, so that someone else gets your place:
    { $link }

    Kind regards,
    The council clerk's office (griffie)
mail-registration-cancelled-subject = Registration cancelled: { $subject }
mail-registration-cancelled-body =
    Dear { $name },

    Your registration to speak in the session "{ $subject }" on { $date } at { $start } ({ $room }) has been cancelled.

    If you did not do this yourself, or want to register again, you can do so on the session's page while registration is open.

    Kind regards,
    The council clerk's office (griffie)
mail-test-subject = Test message from wijkbeeld
mail-test-body =
    This is a test message from wijkbeeld, sent from the Outgoing mail page:
    { $link }

    If it arrives, sending e-mail works.

## The outbox page.

outbox-title = Outgoing mail
outbox-intro = The e-mail wijkbeeld sends or has yet to send, newest first. The messages hold speakers' private links: do not share them.
outbox-not-configured = No mail server is configured: messages wait here until there is one.
outbox-messages = Messages
outbox-empty = There is no e-mail yet.
outbox-recipient = To
outbox-template = Kind of message
outbox-created = Created
outbox-state = State
outbox-subject = Subject
outbox-body = Text
outbox-body-erased = The text was erased once sent, because messages may hold private links.
outbox-state-waiting = Waiting to be sent
outbox-state-sent = Sent on { $moment }
outbox-state-failed =
    Failed after { $attempts ->
        [one] one attempt
       *[other] { $attempts } attempts
    }: { $error }
outbox-state-retry = Next attempt: { $moment }
outbox-state-given-up = It will not be tried again.
outbox-test-legend = Test message
outbox-test-to = To e-mail address
outbox-test-submit = Send test message
outbox-test-invalid = Enter a valid e-mail address, such as name@example.com.
notice-mail-test-queued = The test message is ready to be sent.
nav-outbox = Outgoing mail

mail-template-registration-confirmed = Registration confirmed
mail-template-registration-waitlisted = On the waiting list
mail-template-registration-promoted = Registered from the waiting list
mail-template-registration-cancelled = Registration cancelled
mail-template-test = Test message

## Audit words.

audit-action-mail-test = Test e-mail queued
audit-entity-mail = E-mail
