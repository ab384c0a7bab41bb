# The council at a session: parties per session, marking as a councillor or spokesperson, a councillor's own page and the weight of the spokespersons' rule in the planner.

nav-council-own = My council
audit-action-attendance-mark = Attendance at a session marked
audit-action-attendance-unmark = Attendance at a session withdrawn

council-evening-heading = Parties per session
council-evening-intro = Which parties attend each session, and who is a party's spokesperson.
council-evening-intro-mark = Mark for each session whether you attend it for your party, or are its spokesperson there. You cannot be in two sessions at the same time.
council-session-when = round { $round }, { $room }
council-parties = Parties
council-no-parties = No party has marked this session yet.
council-party-with-spokesperson = { $party } (spokesperson: { $name })
council-own-attends = You attend.
council-own-spokesperson = You attend as spokesperson.
council-attend = I attend
council-attend-for = I attend: { $subject }
council-spokesperson = Spokesperson
council-spokesperson-for = Spokesperson at { $subject }
council-unmark = Withdraw
council-unmark-for = Withdraw from { $subject }

council-refused-title = Not marked
council-refused-no-person = Your account is not linked to a councillor. Ask the griffie to link your account.
council-refused-no-party = You sit for no party in the council today, so you cannot mark for a party.
council-refused-parallel = You are already at { $other } then: that session runs at the same time. Withdraw from it first.
council-refused-spokesperson-taken = { $name } is already your party's spokesperson at this session.
council-refused-unknown-role = Choose I attend, Spokesperson or Withdraw.
council-back = Back to the market evening

council-own-title = My council
council-own-sessions = My sessions
council-own-no-sessions = You have not marked any session yet. You do so on a market evening's page:
council-own-sessions-caption = { $count ->
    [one] 1 session you marked
   *[other] { $count } sessions you marked
}
council-column-date = Date
council-column-subject = Subject
council-column-round = Round
council-column-room = Room
council-column-role = Role
council-round-at = round { $round } ({ $start })
council-not-planned = not planned yet
council-role-attends = attending for { $party }
council-role-spokesperson = spokesperson for { $party }
council-own-commitments = Commitments in my sessions
council-own-no-commitments = No commitments have been made in your sessions (yet).
council-own-open = Open commitments by portfolio holder
council-own-no-open = There are no open commitments.
council-own-open-of = Open commitments of { $holder }
council-no-holder = Without a portfolio holder

council-clashes-heading = Spokespersons in two sessions at once
council-clashes-intro = The planner could not avoid these (or the rule's weight let them stand):
council-clash = { $name } is spokesperson in { $first } and { $second } in round { $round }

council-weight-title = Spokespersons in the planner
council-weight-link = How heavily does the planner count a spokesperson in two sessions at once?
council-weight-intro = The planner tries not to put two sessions with the same spokesperson in one round. How heavily that counts is the griffie's choice: 0 ignores the rule; 1000 weighs as much as a session left out, and makes the rule nearly hard.
council-weight-field = How heavily a spokesperson in two sessions at once counts
council-weight-hint = A whole number from 0 to 10,000. Default 40: heavier than two sessions of one domain at once.
council-weight-submit = Save weight
council-weight-invalid = Enter a whole number from 0 to { $max }.

notice-council-attends = You are marked as attending the session.
notice-council-spokesperson = You are marked as spokesperson at the session.
notice-council-unmarked = You have withdrawn from the session.
notice-council-weight-saved = The spokespersons' weight is saved.
