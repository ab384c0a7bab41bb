# The griffie's list of registrations, the running order and the chair's timer.
# The Dutch original is in ../nl/chair.ftl, with exactly the same messages.

## The list of registrations (with contact details: for the griffie only)

chair-registrations-title = Registrations to speak
chair-registrations-heading = All registrations
chair-registrations-intro = This list holds contact details: for the griffie only. Print it with your browser's print function; the menu and buttons are left out.
chair-registrations-caption = Registrations for { $subject }
chair-registrations-none = There are no registrations (yet).
chair-registrations-link = Registrations with contact details
chair-evening-list-link = Registrations of the whole evening
chair-session-list-link = This session only
chair-column-name = Name
chair-column-organisation = Organisation
chair-column-topic = Topic
chair-column-email = E-mail address
chair-column-phone = Phone
chair-column-consent = Publish name
chair-column-status = Status
chair-consent-yes = Yes
chair-consent-no = No
chair-contact-erased = Erased
chair-status-bevestigd = Confirmed
chair-status-geannuleerd = Cancelled
chair-status-wachtlijst = Waiting list
chair-status-waiting = { $count ->
    [one] Waiting list, place 1
   *[other] Waiting list, place { $count }
}
chair-status-walk-in = Confirmed (on the evening)
chair-contribution-of = Written contribution of { $name }
chair-contribution-file = Download the contribution as PDF ({ $file })

## The running order

chair-order-title = Running order
chair-order-link = Running order
chair-order-none = There are no confirmed speakers.
chair-chaired-by = chaired by { $name }
chair-minutes-each = { $count ->
    [one] Each speaker has 1 minute.
   *[other] Each speaker has { $count } minutes.
}
chair-planned = Planned: { $time }
chair-walk-in = registered on the evening
chair-move-up = { $name } earlier
chair-move-down = { $name } later
chair-walk-in-heading = Add a speaker on the evening
chair-walk-in-intro = The griffie can add someone who turns up on the evening, even when the places are full. The speaker comes last in the order.
chair-field-party = Party
chair-field-party-hint = Only when the speaker speaks for a council party.
chair-party-none = No party (resident)
chair-walk-in-submit = Add
chair-error-party = Choose a party from the list.
chair-export-link = Download the speaking time (CSV)

## The chair's timer

chair-timer-title = Timer
chair-timer-link = Timer for the chair
chair-timer-now = Time now: { $time }.
chair-timer-refresh = Refresh
chair-outcome-link = After the session: record the outcome (minutes, commitments, success indicators)
chair-start = Start { $name }
chair-stop = Stop { $name }
chair-running = Speaking now: { $time }.
chair-remaining = { $time } left.
chair-over = { $time } over time.
chair-spoke = Spoke { $time }
chair-allotted = Speaking time { $time }

## Afterwards

chair-afterwards-heading = Speaking time
chair-afterwards-speakers-caption = Speaking time per speaker (planned and actual, minutes:seconds)
chair-afterwards-parties-caption = Speaking time per party
chair-residents = Residents
chair-not-started = Did not speak
chair-column-position = Order
chair-column-party = Party
chair-column-planned-time = Planned time
chair-column-allotted = Planned
chair-column-spoken = Actual
chair-column-speakers = Speakers

## Notices and the audit log

notice-speaker-moved = The order was changed.
notice-walk-in-added = The speaker was added.
notice-turn-started = The time is running.
notice-turn-stopped = The time was stopped.
audit-action-speaker-move = Speaker moved in the running order
audit-action-speaker-walk-in = Speaker added on the evening
audit-action-speaker-start = Speaking time started
audit-action-speaker-stop = Speaking time stopped
