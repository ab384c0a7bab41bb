# A session's outcome: minutes, contributions, commitments and proposed indicators.
# The Dutch original is ../nl/outcome.ftl, with exactly the same messages.

nav-commitments = Commitments

## The griffie's form

outcome-form-title = Record outcome
outcome-form-heading = Record the outcome: { $subject }
outcome-form-intro = After the session, record the minutes, the parties' contributions per question, the portfolio holders' commitments and the proposed success indicators. Once saved the proposal is treated and the outcome is public with the session (when the evening is published).
outcome-field-minutes = Minutes
outcome-field-minutes-hint = Leave an empty line between paragraphs.
outcome-contributions-heading = The parties' contributions
outcome-rows-hint = Fill in an empty row to add one; after saving, new empty rows appear. Tick ‘Remove row’ to take a row away.
outcome-contribution-legend = Contribution { $number }
outcome-field-question = Question
outcome-question-general = General (no question)
outcome-field-party = Party
outcome-field-contribution = Contribution
outcome-remove-row = Remove row
outcome-commitments-heading = Commitments
outcome-commitments-hint = Without a date a commitment is due by { $date } (the next 1 July or 1 December after the session).
outcome-commitment-legend = Commitment { $number }
outcome-field-holder = Portfolio holder
outcome-field-commitment = What was promised
outcome-field-programme = Programme
outcome-programme-none = None
outcome-field-due = Due by
outcome-field-due-hint = For example 2026-12-01; empty for the default date.
outcome-field-status = Status
outcome-status-default = Open
outcome-field-document = Fulfilled by document
outcome-field-document-hint = The number or title of the document that fulfilled the commitment.
outcome-field-fulfilled-on = Fulfilled on
outcome-indicators-heading = Proposed success indicators
outcome-indicators-hint = Each proposed indicator becomes a candidate indicator in the monitor, with the session and the party that proposed it. The college or the griffie adopts it.
outcome-indicator-legend = Indicator { $number }
outcome-field-indicator-name = Name
outcome-field-indicator-description = Description
outcome-field-proposed-by = Proposed by
outcome-save = Save outcome
notice-outcome-recorded = The session's outcome has been recorded.

## The public page

outcome-title = Outcome
outcome-of = Outcome: { $subject }
outcome-link = Outcome of the session
outcome-proposal-link = The proposal
outcome-evening-link = This evening's Politieke Markt
outcome-edit-link = Edit the outcome
outcome-not-recorded = The outcome has not been recorded yet.
outcome-minutes-heading = Minutes
outcome-none = None.
outcome-question-label = Question { $number }
outcome-proposed-by = proposed by { $party }
outcome-evening-heading = Outcomes of the sessions
outcome-record-heading = Record outcomes
outcome-record-for = Record the outcome: { $subject }

## Commitments

commitments-title = Commitments
commitments-intro = The commitments portfolio holders made in sessions of the Politieke Markt, by the date they are due. An open commitment past that date is marked as overdue.
commitments-filter-title = Filter commitments
commitments-all = All
commitments-due-from = Due on or after
commitments-due-until = Due on or before
commitments-only-overdue = Only overdue commitments
commitments-filter = Filter
commitments-holders-heading = Open commitments per portfolio holder
commitments-holder-link = Open commitments of { $name } (printable)
commitments-holder-title = Open commitments of { $name }
commitments-holder-crumb = Portfolio holder
commitments-holder-intro = The open commitments, to print for the next meeting.
commitments-csv = Download as CSV
commitments-none = No commitments match.
commitments-caption = { $count ->
    [one] { $count } commitment
   *[other] { $count } commitments
}
commitments-column-due = Due by
commitments-column-holder = Portfolio holder
commitments-column-text = Commitment
commitments-column-session = Session
commitments-column-session-date = Session date
commitments-column-programme = Programme
commitments-column-status = Status
commitments-column-overdue = Overdue
commitments-column-fulfilled = Fulfilled by
commitments-overdue = (overdue)
commitments-yes = yes
commitments-no = no
commitment-status-open = Open
commitment-status-afgedaan = Fulfilled
commitment-status-vervallen = Withdrawn

## Adopting a candidate indicator

settle-title = Adopt
settle-heading = Adopt { $name }
settle-intro = An adopted indicator is a success indicator by which the council judges whether wijkgericht werken succeeds. Give its unit and which way is better.
settle-submit = Adopt
settle-link = Adopt this candidate indicator
notice-indicator-settled = The indicator has been adopted.
monitor-indicators-column-origin = Proposed in
monitor-origin-party = proposed by { $party }

## Errors

error-outcome-too-long = This text is too long.
error-outcome-date = Enter a date as YYYY-MM-DD, for example 2026-12-01.
error-outcome-party = Choose the party of this contribution.
error-outcome-contribution = Fill in the contribution, or tick ‘Remove row’.
error-outcome-holder = Choose the portfolio holder who made the commitment.
error-outcome-commitment = Fill in what was promised, or tick ‘Remove row’.
error-outcome-due-before = The date lies before the session; a commitment can only be due after it.
error-outcome-document = Name the document that fulfilled the commitment.
error-outcome-indicator-name = Fill in the indicator's name, or tick ‘Remove row’.
error-outcome-indicator-description = Describe what the indicator measures.

## Audit log

audit-action-outcome-record = Session outcome recorded
audit-action-indicator-settle = Indicator adopted
audit-entity-session = Session
audit-field-proposal = Proposal
audit-field-minutes-chars = Characters in the minutes
audit-field-contributions = Contributions
audit-field-commitments = Commitments
audit-field-indicators-created = New candidate indicators
audit-field-indicators-removed = Removed candidate indicators
