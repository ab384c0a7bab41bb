# wijkbeeld — English. Every message of ../nl/main.ftl, the default, is translated here; a test
# fails when one is missing.

## The frame of every page

site-name = wijkbeeld
site-tagline = Political Market and neighbourhood-oriented working
page-title = { $title } · wijkbeeld
skip-link = Skip to content
nav-label = Main menu
nav-home = Home
nav-audit = Audit log
nav-users = Users
nav-tokens = API tokens
nav-account = My account
sign-in-link = Sign in
sign-out = Sign out
signed-in-as = { $name } ({ $role })
language-other = Nederlands
language-other-label = Lees deze site in het Nederlands
breadcrumb-label = Breadcrumb
footer-text = wijkbeeld is open-source software for neighbourhood-oriented working and the Political Market.
demo-notice-label = Note:
demo-notice = This is demo data. The people are fictional, except the public officials named in the proposal Wijkgericht werken; all indicator figures are synthetic.
back-to-home = Go to the home page

## Roles

role-griffie = Council clerks (griffie)
role-college = Executive and civil servants
role-raadslid = Councillor
role-partner = Partner
role-admin = Functional administration

## Dates and counts

date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
time-range = { $start }–{ $end }
count-sessions =
    { $count ->
        [one] { $count } session
       *[other] { $count } sessions
    }
count-rounds =
    { $count ->
        [one] { $count } round
       *[other] { $count } rounds
    }
evening-extent = { $sessions } in { $rounds }

## Home page

home-no-body = No municipality set up yet
home-upcoming = Upcoming Political Markets
home-upcoming-none = No Political Markets have been planned yet.
home-past = Earlier Political Markets
home-past-none = There are no earlier Political Markets yet.
home-wijken = Districts (wijken)
home-wijken-none = No districts have been imported yet.
home-wijken-caption = The districts of { $body } with their CBS code
column-wijk = District
column-cbs-code = CBS code
column-buurten = Neighbourhoods
column-inhabitants = Inhabitants
value-unknown = unknown

## Forms

form-errors-title = Something went wrong. Please check the form.
field-email = E-mail address
field-password = Password
field-name = Name
field-role = Role
field-role-choose = Choose a role
field-partner = Partner organisation
field-partner-hint = Only for the Partner role.
field-partner-none = No partner
field-date-hint = For example 26-09-2023.
error-email-invalid = Enter a valid e-mail address, such as name@hengelo.nl.
error-email-taken = An account with this e-mail address exists already.
error-name-empty = Enter a name.
error-role-missing = Choose a role.
error-partner-required = Choose the partner organisation of this account.
error-partner-not-allowed = Only the Partner role belongs to a partner organisation.
error-partner-unknown = Choose an existing partner organisation.
error-password-too-short = The password must be at least { $count } characters long.
error-password-too-long = The password may be at most { $count } characters long.
error-password-same-as-email = The password may not be the same as the e-mail address.
error-password-guessable = This password is too easy to guess: no common word with digits, no run such as 1234 or qwerty and no repetition. A sentence of a few words works well.
error-password-same-as-current = The new password is the current one; choose another.
error-date-invalid = Enter a date as day-month-year, for example 26-09-2023. This filter has not been applied.

## Signing in

sign-in-title = Sign in
sign-in-intro = Signing in is for the council clerks, the executive and civil servants, councillors, partners and administrators. Residents need no account to follow the Political Market.
sign-in-signed-in = You are signed in as { $name }.
sign-in-failed = The e-mail address or the password is wrong.
sign-in-submit = Sign in

## My account

account-title = My account
account-name = Name
account-email = E-mail address
account-role = Role
password-change-title = Change password
field-current-password = Current password
field-new-password = New password
field-new-password-hint = At least { $count } characters. A sentence of a few words is strong and easy to remember.
field-repeat-password = New password again
password-change-submit = Change password
error-current-password-wrong = The current password is wrong.
error-passwords-differ = The two new passwords are not the same.

## Audit log

audit-title = Audit log
audit-intro = Who changed what, and when.
audit-found =
    { $count ->
        [one] { $count } change found.
       *[other] { $count } changes found.
    }
audit-filter-title = Filter
audit-filter-entity = Kind of record
audit-filter-all = All
audit-filter-actor = By (name or e-mail address contains)
audit-filter-from = From date
audit-filter-until = Up to and including date
audit-filter-submit = Filter
audit-download = Download as CSV
audit-none = No changes found.
audit-caption = Changes, newest first (page { $page } of { $pages })
audit-column-moment = Moment
audit-column-actor = By
audit-column-action = Action
audit-column-entity = Record
audit-column-change = From → to
audit-column-details = Details
audit-raw = Technical data
audit-raw-action = Action code:
audit-value-yes = yes
audit-value-no = no
audit-action-proposal-create = Proposal created
audit-action-proposal-import = Proposal imported from a file
audit-action-proposal-import-update = Proposal updated from a file
audit-action-proposal-edit = Proposal edited
audit-action-proposal-state = Proposal's status changed
audit-action-proposal-attachment-add = Attachment added
audit-action-proposal-attachment-remove = Attachment deleted
audit-action-market-create = Market evening created
audit-action-market-plan = Market evening's plan saved
audit-action-market-staff = Chairs and clerks set
audit-action-market-absence = Absences set
audit-action-market-edit = Market evening changed
audit-action-market-publish = Market evening published
audit-action-market-unpublish = Market evening's publication withdrawn
audit-action-session-move = Session moved
audit-action-planner-weights = Planner's weights changed
audit-action-indicator-create = Indicator created
audit-action-indicator-update = Indicator changed
audit-action-target-create = Target added
audit-action-target-update = Target changed
audit-action-target-delete = Target deleted
audit-action-cbs-mapping-set = CBS column mapped
audit-action-cbs-mapping-delete = CBS column mapping deleted
audit-action-measurements-import = Measurements imported
audit-action-areas-import = Wijken and buurten imported
audit-action-areas-boundaries = Area boundaries imported
audit-action-user-create = User created
audit-action-user-role = User's role changed
audit-action-user-password = Password changed
audit-action-api-token-create = API token created
audit-action-api-token-revoke = API token revoked
audit-action-demo-load = Demo data loaded
audit-entity-proposal = Proposal
audit-entity-market-evening = Market evening
audit-entity-indicator = Indicator
audit-entity-target = Target
audit-entity-cbs-mapping = CBS mapping
audit-entity-measurements = Measurements
audit-entity-area = Area
audit-entity-user = User
audit-entity-api-token = API token
audit-entity-setting = Setting
audit-entity-demo = Demo data
audit-field-absences = Absences
audit-field-absent-in-rounds = Absent in rounds
audit-field-added = Added
audit-field-after = After
audit-field-anchor = Reference date
audit-field-area = Area
audit-field-areas = Areas
audit-field-baseline-period = Baseline period
audit-field-before = Before
audit-field-boundaries = Boundaries
audit-field-bytes = Size (bytes)
audit-field-case-number = Case number
audit-field-chairs = Chairs
audit-field-clerks = Clerks
audit-field-code = Code
audit-field-column = Column
audit-field-created = Created
audit-field-date = Date
audit-field-decimals = Decimals
audit-field-definition = Definition
audit-field-direction = Direction
audit-field-email = Email address
audit-field-evening = Market evening
audit-field-file = File
audit-field-format = Format
audit-field-history-documents = Documents in the history
audit-field-indicator = Indicator
audit-field-is-key = Key indicator
audit-field-is-published = Published
audit-field-kind = Kind
audit-field-linked = Linked
audit-field-missing = Missing
audit-field-name = Name
audit-field-note = Note
audit-field-other-sessions-ended = Other sessions ended
audit-field-owner-partner-id = Owner (partner)
audit-field-partner-id = Partner
audit-field-periods = Periods
audit-field-person = Person
audit-field-pinned = Pinned
audit-field-placed = Placed
audit-field-populations = Populations
audit-field-previous = Previous
audit-field-programme-ids = Programmes
audit-field-programme-items = Programme items
audit-field-replaced = Replaced
audit-field-room = Room
audit-field-rooms = Rooms
audit-field-rows-per-table = Rows created per table
audit-field-round = Round
audit-field-rounds = Rounds
audit-field-session = Session
audit-field-sessions = Sessions
audit-field-sessions-removed = Sessions removed
audit-field-source = Source
audit-field-status = Status
audit-field-subject = Subject
audit-field-target-period = Target period
audit-field-theme = Theme
audit-field-title = Title
audit-field-typed = Typed
audit-field-unit = Unit
audit-field-unplaced = Not placed
audit-field-updated = Updated
audit-field-value = Value
audit-field-warnings = Warnings
audit-field-written = Written
pagination-label = Pages
pagination-previous = Previous page
pagination-next = Next page

## Users

users-title = Users
users-caption = All accounts
column-name = Name
column-email = E-mail address
column-role = Role
column-partner = Partner
column-change-role = Change role
users-new-role-for = New role for { $name }
users-partner-of = Partner of { $name }
users-change-submit = Change
users-change-submit-for = Change the role of { $name }
users-add-title = Add an account
field-new-account-password-hint = Leave empty to have a password made; it is shown once. Otherwise at least { $count } characters.
users-add-submit = Add account
user-created-title = Account added
user-created = The account { $email } has been created.
user-created-password = The password is:
user-created-password-notice = Pass this password on safely. It is not shown again; the user can change it under My account.
back-to-users = Back to the users

## API tokens

tokens-title = API tokens
tokens-intro = An API token gives a connected system access to the JSON API with the rights of one role. The system sends it as Authorization: Bearer.
tokens-none = There are no API tokens yet.
tokens-caption = All API tokens, newest first
column-created = Made
column-last-used = Last used
column-status = Status
token-never-used = never
token-revoked = Revoked
token-revoke = Revoke
token-revoke-for = Revoke { $name }
tokens-add-title = Make a token
field-token-name-hint = What the token is for, for example “Open data connection”.
tokens-add-submit = Make token
token-created-title = API token made
token-created = The token { $name } has been made:
token-created-notice = Copy the token now. It is not shown again: wijkbeeld keeps only a check value.
secret-gone-title = No longer shown
secret-gone = This password or token has been shown already, or was not collected within ten minutes of being made. wijkbeeld does not keep it, so it cannot show it again. Did you not copy it? Then set a new password, or make a new token and revoke the old one.
back-to-tokens = Back to the API tokens

## Confirmations after a change (see crates/web/src/notice.rs)

notice-proposal-created = The proposal has been created.
notice-proposal-saved = The changes to the proposal have been saved.
notice-proposal-state-changed = The proposal's status has been changed.
notice-proposal-imported = The proposal has been imported.
notice-proposal-updated = The proposal has been updated with the data from the file.
notice-attachment-added = The attachment has been added.
notice-attachment-removed = The attachment has been deleted.
notice-plan-accepted = { $count ->
    [one] The plan has been saved: 1 session placed.
   *[other] The plan has been saved: { $count } sessions placed.
}
notice-session-moved = The session has been moved.
notice-attendance-saved = The staffing and absences have been saved.
notice-evening-created = The market evening has been created.
notice-evening-saved = The changes to the market evening have been saved.
notice-evening-published = The market evening has been published. Everyone now sees its sessions and their proposals.
notice-evening-unpublished = The market evening's publication has been withdrawn. Only signed-in staff still see the evening.
notice-indicator-created = The indicator has been created.
notice-indicator-saved = The changes to the indicator have been saved.
notice-measurements-imported = { $count ->
    [one] 1 measurement has been stored.
   *[other] { $count } measurements have been stored.
}
notice-password-changed = Your password has been changed. Your other sessions have been ended.
notice-role-changed = The role has been changed.
notice-token-revoked = The API token has been revoked.

## Errors

error-not-found-title = Page not found
error-not-found = This page does not exist (any more). Check the address, or go to the home page.
error-forbidden-title = No access
error-forbidden = Your role cannot use this page. If you think this is wrong, please contact the functional administrator.
error-form-expired-title = Form expired
error-form-expired = The form has expired or did not come from this website, so nothing has been changed. Go back, reload the page and try again.
error-too-many-title = Too many attempts
error-too-many =
    Too many attempts have been made from your address. Please try again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
error-bad-request-title = Invalid request
error-bad-request = This request could not be read, for example because of a mistake in the address. Check the address, or go to the home page.
error-internal-title = Something went wrong
error-internal = Because of a fault this page cannot be shown now. Please try again later.

## Proposals (behandelvoorstellen)

# Import notes, updating from a file, the proposal page
proposal-import-check-title = Check the proposal
proposal-import-check-intro = This is what the text says. Nothing is stored yet: check it and save it as a draft.
proposal-import-save = Save as draft
proposal-import-again = Import another text
proposal-import-exists = A proposal with case number { $number } already exists:
proposal-import-not-updatable = This proposal is { $state }; you cannot update it now.
proposal-import-no-changes = The file changes nothing in this proposal.
proposal-import-changes-caption = What the file changes in the proposal
proposal-import-column-field = Field
proposal-import-column-old = Now
proposal-import-column-new = From the file
proposal-import-update = Update the proposal
proposal-import-will-link = Will be linked to what exists
proposal-import-will-create = Will be created
proposal-value-absent = Not stated
proposal-value-on-evening = { $value } (assigned at the Politieke Markt)
attachment-remove-title = Remove attachment
attachment-remove-question = Do you want to remove the attachment { $name }?
attachment-remove-of = Of the proposal { $subject }. Removing cannot be undone.
attachment-remove-cancel = Cancel
error-import-case-number-differs = The file has case number { $file }, the proposal { $proposal }.
import-place-history = the history
import-place-text = the text
import-field-subject = Subject
import-field-case-number = Case number
import-field-portfolio-holder = Portfolio holder
import-field-history = History
import-field-market-date = Date of the Politieke Markt
import-field-chair = Chair
import-field-clerk = Clerk
import-field-room = Room
import-field-domains = Domains
import-field-duration-minutes = Duration
import-field-purpose = Purpose of the session
import-field-programme = Programme
import-field-public-speaking = Public speaking
import-link-portfolio-holder = Portfolio holder { $name }
import-link-chair = Chair { $name }
import-link-clerk = Clerk { $name }
import-link-room = Room { $name }
import-link-document = Document { $name }
import-note-missing = { $field }: the heading “{ $label }” is missing.
import-note-empty = { $field }: nothing follows the heading “{ $label }”.
import-note-no-session-header = { $field }: the line “Voorzitter Griffiemedewerker Zaal Domein Duur” is missing.
import-note-no-case-number = Case number: no number follows “Zaaknummer” (“{ $text }”).
import-note-no-market-date = Date of the Politieke Markt: no date follows “Politieke Markt” (“{ $text }”).
import-note-year-as-given = Date of the Politieke Markt: “{ $date }” has no year; took { $year }, as given.
import-note-year-of-latest-date = Date of the Politieke Markt: “{ $date }” has no year; took { $year }, the year of the latest date in { $place } ({ $latest }).
import-note-year-after-latest-date = Date of the Politieke Markt: “{ $date }” has no year; took { $year }, the first year in which it falls after the latest date in { $place } ({ $latest }).
import-note-year-this-year = Date of the Politieke Markt: “{ $date }” has no year and the text has no other dates; took { $year }, this year.
import-note-no-such-date = Date of the Politieke Markt: “{ $text }” is not a date that exists.
import-note-unknown-purpose = Purpose of the session: “{ $text }” is not Beeldvorming, Oordeelsvorming or Besluitvorming.
import-note-several-purposes = Purpose of the session: “{ $text }” names more than one purpose; took the first.
import-note-no-programme-items = Programme: no numbered items (“1. …”) under “Behandeladvies”.
import-note-first-item-number = Programme, line { $line }: the first item is numbered { $number }.
import-note-item-out-of-order = Programme, line { $line }: item { $number } follows item { $previous }.
import-note-bullet-before-first-item = Programme, line { $line }: skipped a bullet before the first numbered item: “{ $text }”.
import-note-item-without-text = Programme: item { $number } has no text.
import-note-ignored-after-duration = Duration: ignored “{ $text }” after the duration.
import-note-no-duration = Duration: the session row “{ $row }” does not end in a duration (“90 min”).
import-note-no-domain = Domains: the session row “{ $row }” names no domain (Fysiek, Bestuur, Sociaal).
import-note-ignored-after-room = Room: ignored “{ $text }” after the room “{ $room }”.
import-note-room-read-by-name = Room: “{ $room }” is not a known room; read it as a room's name.
import-note-not-yet-known = { $field }: not yet known, the session row says.
import-note-no-room = Room: the session row “{ $row }” names no room (Raadzaal, Commissiekamer 2, …).
import-note-ambiguous-names = Chair: “{ $names }” can be split into two names in more than one way; took “{ $chair }” and “{ $clerk }”.
import-note-person-not-known = { $field }: “{ $name }” is not a known person.
import-note-one-person-only = Chair: the session row names one person only; took “{ $name }” as the chair.
import-note-no-names = { $field }: the session row names no one.
import-note-unreadable-names = { $field }: could not read “{ $names }” as the names of chair and clerk.
import-note-speaking-contradicts = Public speaking: the tick boxes say { $form }, the text after them { $says }; took the text.
import-note-speaking-unknown = Public speaking: the tick boxes were lost in conversion and the text after “duur:” does not say whether the public may speak.
import-note-minutes-per-speaker-guessed = Public speaking: took the { $minutes } minutes after “duur:” as the time per speaker.
import-note-room-not-stored = Room: “{ $room }” is not in wijkbeeld, so the proposal names no room.

nav-proposals = Proposals
proposals-title = Proposals
proposals-intro = The executive's proposals for how the council treats a subject, from draft to completion.
proposals-filter = Filter proposals
proposals-filter-state = State
proposals-filter-domain = Domain
proposals-filter-holder = Portfolio holder
proposals-filter-text = Search the subject or case number
proposals-none = No proposals found.
proposals-caption =
    { $count ->
        [one] { $count } proposal
       *[other] { $count } proposals
    }
column-subject = Subject
column-case-number = Case number
column-state = State
column-domains = Domains
column-portfolio-holder = Portfolio holder
column-evening = Political Market
proposal-page = Proposal (behandelvoorstel)
proposal-new-title = New proposal
proposal-edit = Edit
proposal-edit-title = Edit { $subject }
proposal-import-title = Import a proposal
proposal-import-intro = Import the text of a behandelvoorstel as it comes out of the PDF. wijkbeeld makes a draft of it and links the people, room and documents it knows.
proposal-import-submit = Import
field-import-file = Text file
field-import-file-hint = A .txt file with the text of the proposal.
field-import-text = Or paste the text
field-import-text-hint = Only needed when you choose no file.
field-import-year = Year of the Political Market
field-import-year-hint = Only when the text does not give the year and the other dates do not tell.
proposal-imported-warnings = Please check these points
proposal-session = Session
proposal-session-caption = The session as the proposal asks for it
proposal-download-pdf = Download as PDF
proposal-download-html = Download as HTML
proposal-attachments = Attachments
attachments-none = There are no attachments.
attachment-add = Add attachment
attachment-remove = Remove
attachment-remove-for = Remove { $name }
proposal-moves = Change the state
history-none = None.
programme-none = There is no programme yet.
field-state = State
field-subject = Subject
field-case-number = Case number
field-case-number-hint = The case number from the case system, for example 3641304.
field-portfolio-holder = Portfolio holder
field-choose-person = Choose a person
field-choose-room = Choose a room
field-choose-purpose = Choose the purpose
field-history = History
field-history-hint = Leave an empty line between paragraphs.
field-history-documents = Documents in the history
field-document-number = Document number { $count }
field-document-title = Title of document { $count }
field-placement = Political Market
field-market-date = Date of the Political Market
field-chair = Chair
field-clerk = Council clerk
field-room = Room
field-domains = Domains
field-duration = Duration
field-duration-minutes = Duration in minutes
field-purpose = Purpose of the session
field-attendance = Expected attendance
field-attendance-hint = For the choice of room.
field-livestream = Livestream needed
field-livestream-needed = The session must be broadcast (livestream)
field-programme = Proposed programme
field-programme-hint = The proposed programme, in order. An empty row is left out.
field-item = Programme item { $count }
field-item-text = Text
field-question = Question { $count }
field-speaking = Public's right to speak
field-speaking-allowed = May the public speak?
field-speaking-minutes = Minutes per speaker
field-speaking-max = At most this many speakers
field-speaking-deadline = Registration to speak closes at
field-speaking-deadline-hint = Date and time as dd-mm-yyyy hh:mm, for example 26-09-2023 12:00.
field-speaking-note = Explanation
field-attachment = File
field-attachment-hint = PDF, ODF, Office, PNG, JPEG, text or CSV; at most 20 MB.
field-evening = Political Market
field-evening-hint = The evening on which the proposal is treated.
field-evening-choose = Choose an evening
form-more-rows = More rows
form-save = Save
speaking-yes = Yes
speaking-no = No
speaking-unknown = Not known yet
speaking-minutes = { $count } minutes per speaker
speaking-max = at most { $count } speakers
speaking-deadline = registration closes { $moment }
duration-minutes = { $count } min
file-size-kb = { $count } kB
value-yes = yes
value-no = no
state-concept = Draft
state-ingediend = Submitted
state-geagendeerd = On the agenda
state-behandeld = Treated
state-afgerond = Completed
state-doorgeleid = Forwarded to the council meeting
domain-fysiek = Physical
domain-bestuur = Governance
domain-sociaal = Social
purpose-beeldvorming = Informing
purpose-oordeelsvorming = Forming opinions
purpose-besluitvorming = Decision-making
move-to-concept = Take back as a draft
move-to-ingediend = Submit to the council clerks
move-to-geagendeerd = Put on a Political Market
move-to-behandeld = Mark as treated
move-to-afgerond = Complete
move-to-doorgeleid = Forward to the council meeting
error-subject-empty = Enter the subject.
error-too-long = This may be at most { $count } characters long.
error-case-number = A case number consists of digits and letters, without spaces.
error-case-number-taken = Another proposal has this case number already.
error-choose-from-list = Choose one of the options in the list.
error-document-number = Enter the document number, or empty the title as well.
error-number-range = Enter a number from { $low } up to and including { $high }.
error-date-format = Enter the date as day-month-year, for example 26-09-2023.
error-moment-format = Enter the date and time as dd-mm-yyyy hh:mm, for example 26-09-2023 12:00.
error-control-characters = This holds characters no one types (such as a null character or an escape). Remove them; a single line takes no tab or line break either.
error-item-text = Enter the text of this programme item, or empty its questions as well.
error-move-role = Only the role { $role } may take this step.
error-move-not-allowed = A proposal in the state { $from } cannot become { $to }.
error-move-not-held-yet = A proposal is treated only once its session has been held: on the day of the Politieke Markt or later.
error-evening-required = Choose the Political Market the proposal goes on.
error-concurrent = Someone else has changed the proposal in the meantime. Please reload the page.
error-file-missing = Choose a file.
error-file-type = This kind of file is not accepted. Choose a PDF, ODF, Office, PNG, JPEG, text or CSV file.
error-file-too-large = The file is larger than 20 MB.
error-file-empty = The file is empty.
error-file-name-too-long = The file's name is longer than { $count } characters; give it a shorter name.
error-year = Enter a year, such as 2024.
error-no-municipality = No municipality has been set up yet; import the areas or the demo data first.
error-import-empty = The file or text is empty.
error-import-binary = This is not a text file. Choose the .txt file with the text of the proposal.
error-import-not-a-proposal = This text is not a behandelvoorstel: the fixed headings (Onderwerp, Zaaknummer, Politieke Markt …) are missing.
error-import-no-subject = This text names no subject: put it after the heading “Onderwerp” and import the text again. A proposal is not stored under a made-up subject.
error-import-case-number = A proposal with case number { $number } exists already.
error-wrong-state-title = Not at this stage
error-wrong-state = Your role cannot change this proposal at its current stage.
error-too-large-title = Too large
error-too-large = The file or form is too large; nothing was saved. An attachment may be at most 20 MB.

## Market evenings and the session planner
nav-market = Political Market
market-title = Political Market
market-intro = The market evenings and their sessions: which proposal is discussed in which room and round, with chair and clerk.
market-none = There are no market evenings yet.
market-unpublished = Not published yet
market-grid-caption = The evening's schedule: rooms and rounds
market-column-room = Room
market-cell-free = free
market-pinned = pinned
market-move-link = Move
market-move-link-for = Move { $subject }
market-place-link = Schedule
market-place-link-for = Schedule { $subject }
market-unplaced = Not scheduled yet
market-room-seats = { $count } seats
market-room-livestream = livestream
market-room-accessible = wheelchair accessible
market-round-heading = Round { $number } ({ $start }–{ $end })
market-planner-title = Schedule automatically
market-planner-intro = The planner schedules every session in rooms and rounds, with chairs and clerks, keeping the hard rules. You see the proposal first; nothing changes until you accept it. Pinned sessions stay where they are.
market-planner-run = Run the planner
market-move-title = Move a session
market-move-intro = Choose a session and its new room, round, chair and clerk. The change is checked against the same rules the planner keeps.
market-field-session = Session
field-choose = Choose
market-field-round = First round
market-field-round-hint = A session longer than a round continues into the next round(s).
# Creating, editing and publishing an evening
market-new-link = New market
market-new-title = New Political Market
market-new-intro = Set the date, rounds and rooms of a new market evening. The evening is not published at first: only the griffie, the college and councillors see it, until you publish it.
market-new-submit = Create the market evening
market-edit-title = Edit the market evening
market-edit-link = Edit the date, rounds and rooms
market-edit-intro = A round or room in which a session is placed cannot be removed; move that session first.
market-edit-submit = Save the changes
market-field-date = Date
market-field-date-hint = As day-month-year, for example 26-09-2027.
market-field-title = Title
market-field-title-hint = Shown above the date, for example "Politieke Markt".
market-default-title = Politieke Markt
market-rounds-legend = Rounds
market-rounds-hint = The start and end time of each round as hh:mm, in order. An empty row is skipped; for more rounds, save and edit the evening.
market-round-legend = Round { $number }
market-field-round-start = Start
market-field-round-end = End
market-rooms-legend = Rooms in use
market-rooms-hint = The planner places sessions only in the rooms ticked.
market-date-taken-link = To the market evening of { $date }
market-published-on = Published on { $moment }. Everyone sees this evening, its sessions and their proposals.
market-not-published = Not published — the public does not see this evening; only the griffie, the college and councillors do.
market-publication-title = Publication
market-publish-intro = Once published, everyone sees the evening with its sessions and their proposals.
market-publish = Publish
market-unpublish-intro = Once withdrawn, the public no longer sees this evening, nor the proposals that are public only through it.
market-unpublish = Withdraw publication
market-round-list-caption = The evening's plan by round
error-evening-date-required = Fill in the date of the market evening.
error-evening-date-taken = There is a market evening on { $date } already; choose another date or edit that evening.
error-evening-title-empty = Fill in a title.
error-evening-no-round = Fill in at least one round, with its start and end time.
error-round-time = Fill in the time as hh:mm, for example 19:30.
error-round-incomplete = Fill in both the start and the end time of round { $number }, or leave both empty.
error-round-ends-before-start = Round { $number } must end later than it starts.
error-round-overlaps = Round { $number } starts before the round before it ends; put the rounds in order, without overlap.
error-round-in-use = Round { $number } cannot be removed: the session "{ $subject }" is placed in it. Move that session first.
error-evening-no-room = Choose at least one room.
error-room-in-use = The room { $room } cannot be removed: the session "{ $subject }" is placed in it. Move that session first.
market-field-pin = Pin to this room and round
market-field-pin-hint = The planner does not move a pinned session.
market-move-submit = Move
market-proposal-title = The planner's proposal
market-proposal-why = Why not everything fits
market-proposal-accept = Accept this schedule
market-proposal-back = Back to the evening without changes
market-planner-optimal = The best schedule there is: { $placed ->
    [0] no session fits
    [one] one session scheduled
   *[other] { $placed } sessions scheduled
  }{ $unplaced ->
    [0] .
    [one] ; one session does not fit.
   *[other] ; { $unplaced } sessions do not fit.
  }
market-planner-best-found = The best schedule the planner found in the time it had (there may be a better one): { $placed ->
    [0] no session fits
    [one] one session scheduled
   *[other] { $placed } sessions scheduled
  }{ $unplaced ->
    [0] .
    [one] ; one session does not fit.
   *[other] ; { $unplaced } sessions do not fit.
  }
market-planner-pins-conflict = The pinned sessions cannot all be held together. Change the pins first.
market-plan-unreadable = The planner's proposal did not arrive readably. Run the planner again.
market-plan-stale = The evening has changed in the meantime. Run the planner again.
market-proposal-staff = Set the chairs, clerks and absences
error-attendance-unknown-person = Choose only people from this list.
error-attendance-no-chair = Choose at least one chair.
error-attendance-no-clerk = Choose at least one clerk.
error-attendance-unknown-absence = Choose absences only for the people and rounds of this evening.
market-plan-would-unplace = This plan takes { $count ->
    [one] a planned session
   *[other] { $count } planned sessions
  } off the evening: { $subjects }. Nothing was changed. Run the planner again and confirm with its proposal that this is intended.
market-proposal-confirm-unplacing = I know this plan takes { $count ->
    [one] a planned session
   *[other] { $count } planned sessions
  } off the evening:
market-attendance-title = Chairs, clerks and absences
market-attendance-intro = Who can chair and clerk this evening, and who is absent in which round. The planner keeps to it.
market-attendance-chairs = Chairs (councillors)
market-attendance-clerks = Clerks
market-absent-in-round = Absent in round { $number } ({ $start }–{ $end })
market-attendance-save = Save

# The proposal's own request in the plan
market-request-heading = What the proposals ask for themselves and do not get
market-request-intro = A proposal can ask for a room, a chair and a clerk. The planner gives them when it can, and departs from them only to place more sessions. Below is why it did not succeed.
market-request-room-not-in-use = '{ $subject }' asks for { $name } as its room; that room is not in use this evening.
market-request-room-too-small = '{ $subject }' asks for { $name } as its room; it has { $capacity } seats and the session expects { $seats }.
market-request-room-without-livestream = '{ $subject }' asks for { $name } as its room; it has no livestream and the session must be streamed.
market-request-room-taken = '{ $subject }' asks for { $name } as its room; in round { $round } it is taken by '{ $other }'.
market-request-pinned = '{ $subject }' asks for { $name } as its room, but the griffie pinned the session in { $room }.
market-request-not-in-pool = '{ $subject }' asks for { $name } as { $asked ->
    [chair] chair; { $name } is not among this evening's chairs
   *[clerk] clerk; { $name } is not among this evening's clerks
  }.
market-request-not-eligible = '{ $subject }' asks for { $name } as { $asked ->
    [chair] chair; { $name } is no councillor or chair in office
   *[clerk] clerk; { $name } is no clerk in office
  }.
market-request-absent = '{ $subject }' asks for { $name } as { $asked ->
    [chair] chair
   *[clerk] clerk
  }; { $name } is absent in round { $round }.
market-request-own-portfolio-holder = '{ $subject }' asks for { $name } as { $asked ->
    [chair] chair
   *[clerk] clerk
  }; { $name } is the session's portfolio holder.
market-request-busy = '{ $subject }' asks for { $name } as { $asked ->
    [chair] chair
   *[clerk] clerk
  }; in round { $round } { $name } is { $capacity ->
    [chair] chair
    [clerk] clerk
   *[holder] portfolio holder
  } at '{ $other }'.
market-request-busy-here = '{ $subject }' asks for { $name } as { $asked ->
    [chair] chair
   *[clerk] clerk
  }; { $name } is already this session's { $capacity ->
    [chair] chair
    [clerk] clerk
   *[holder] portfolio holder
  }.
market-request-not-chosen = '{ $subject }' asks for { $name } as { $asked ->
    [room] its room
    [chair] chair
   *[clerk] clerk
  }; that was possible, but this plan does it differently.

## The neighbourhood monitor (wijkmonitor)
nav-monitor = Neighbourhood monitor
monitor-title = Neighbourhood monitor
monitor-intro = How are the districts and neighbourhoods doing? For each district, the success indicators of neighbourhood-oriented working over time, against the targets and against the city, summed up in a district index.
monitor-method-link = How we calculate.
monitor-no-data = There are no measurements yet. Once figures are imported, they appear here.
monitor-synthetic = Note: the figures in this demonstration are made up (synthetic). They resemble real figures but say nothing about the actual districts.
monitor-base-period = Scores and the district index compare with the average of the { $level ->
        [buurt] neighbourhoods
       *[wijk] districts
    } in the base year { $period } (= 100), not with the city's figure: ✓ better, ≈ similar or ✕ worse says where a score lies against it.
monitor-overview-heading = All { $level }
monitor-overview-caption = Index and key indicators per area; select a column heading to sort.
monitor-legend-bands = ✓ better (score 110 or more) · ≈ similar (90 to 110) · ✕ worse (70 to 90) · ✕✕ much worse (under 70), each against the average in the base year (= 100).
monitor-download = Download the table:
monitor-field-level = Level
monitor-field-period = Period
monitor-show = Show
monitor-index = District index
monitor-no-value = no data
monitor-map-index-title = District index of the { $level } in { $period }
monitor-column-code = Code
monitor-column-area = Area
monitor-column-indicator = Indicator
monitor-column-theme = Theme
monitor-column-period = Period
monitor-column-value = Value
monitor-column-score = Score
monitor-column-change = Change
monitor-column-trend = Trend
monitor-column-city = City
monitor-column-target-status = Target
monitor-column-margin = Margin
monitor-column-target-period = Target year
monitor-column-baseline = Baseline
monitor-column-note = Note
monitor-profile-title = Area
monitor-theme-chart-title = Theme scores of { $area }
monitor-city-average = average = 100
monitor-change = { $difference } since { $from } ({ $movement })
monitor-no-change = no earlier measurement
monitor-trend = { $slope } per year over { $periods } measurements
monitor-no-trend = too few measurements
monitor-target-own = { $value } in { $period } (baseline { $baseline })
monitor-target-city = city target { $value } in { $period } (baseline { $baseline })
monitor-sparkline-title = Course of { $indicator }
monitor-unpublished = Adopted, not yet published
monitor-indicator-title = Indicator
monitor-map-indicator-title = { $indicator } in { $period }
monitor-bars-title = { $indicator } per area in { $period }, sorted
monitor-lines-title = Course of { $indicator } per area, with the city
monitor-within-margin = { $difference } (within the margin)
monitor-fact-unit = Unit
monitor-fact-direction = Direction
monitor-fact-theme = Theme
monitor-fact-kind = Kind
monitor-fact-source = Source
monitor-fact-status = Status
monitor-method-title = How the neighbourhood monitor works
monitor-report-title = District report { $area }
monitor-part-of = lies in
monitor-report-link = District report (printable)
monitor-index-heading = District index
monitor-index-explained = 100 is the average of all areas of this level in the base year { $period }, not the city's figure; 10 points is one standard deviation. A score or index resting on fewer indicators than its base says so; below half of its indicators we do not give it.
monitor-themes-caption = Score per theme
monitor-city = City
monitor-target = Target
monitor-series-summary = All measurements
monitor-series-caption = Measurements of { $indicator }
monitor-children-caption = Areas within { $area } with their index
monitor-synthetic-report = The figures in this demonstration are made up (synthetic). They look like real figures but say nothing about the real districts.
monitor-report-generated = Made on { $date }
monitor-origin-label = Proposed in
monitor-origin = the Politieke Markt of { $date }, session “{ $subject }”
monitor-agenda-heading = District agenda { $year }
monitor-agenda-heading-none = District agenda
monitor-agenda-empty = { $area } has no priorities or actions on its agenda yet.
monitor-agenda-intro = The priorities of { $area } and the actions the municipality, partners and residents take on them.
monitor-agenda-other = Other actions
monitor-agenda-no-actions = No actions for this priority yet.
monitor-agenda-owner-municipality = Municipality
monitor-agenda-moves = Should move
action-status-gepland = planned
action-status-lopend = running
action-status-afgerond = done
action-status-vervallen = cancelled
monitor-report-pdf = District report as PDF
monitor-map-heading = Map
monitor-bars-heading = Per area
monitor-indicator-caption = Value, score, change, trend and target per area in { $period }
monitor-lines-heading = Over time
monitor-lines-table-note = The values per year are in the download (CSV or XLSX) and on each area's page.
monitor-targets-heading = Targets
monitor-no-targets = No targets have been set for this indicator.
monitor-targets-caption = The targets of this indicator
monitor-coverage-partial = on { $scored } of { $of } indicators
monitor-coverage-withheld = not given: { $scored } of { $of } indicators, fewer than half
monitor-coverage-withheld-short = too little data
monitor-coverage-count = { $scored } of { $of }
monitor-column-index-indicators = Indicators in the index
monitor-score-reference = { $band ->
        [boven_gemiddeld] better than
        [onder_gemiddeld] worse than
        [ver_onder_gemiddeld] much worse than
       *[gemiddeld] similar to
    } the average of the { $level ->
        [buurt] neighbourhoods
       *[wijk] districts
    } in the base year { $period } (= 100)
method-score-reference = A score therefore does not compare with the city's figure beside it, but with the average of the areas in the base year. That is why a district with 48.0 active residents can score "better" while the city now reaches 51.4: the district lies above the districts' average in the base year. Every score says what it compares with.
method-default-period-heading = Which period you see first
method-default-period = Without a period chosen, the pages show the latest period in which most areas (more than half of the districts, or of the neighbourhoods) have most indicators (more than half of the index's indicators). A few new figures for one district therefore do not make a new year the default. A whole year goes before a quarter. When no period reaches that threshold, you see the latest year with data. Every other period stays selectable.
level-gemeente = Municipality
level-wijk = District
level-buurt = Neighbourhood
level-plural-gemeente = Municipalities
level-plural-wijk = Districts
level-plural-buurt = Neighbourhoods
theme-sociaal = Social
theme-fysiek = Physical
theme-veiligheid = Safety
theme-participatie = Participation
band-boven-gemiddeld = better
band-gemiddeld = similar
band-onder-gemiddeld = worse
band-ver-onder-gemiddeld = much worse
movement-beter = better
movement-slechter = worse
movement-gelijk = unchanged, within the margin
movement-veranderd = changed
target-status-behaald = achieved
target-status-op-koers = on track
target-status-achter = behind
target-status-onbekend = unknown
unit-percentage = percentage
unit-aantal = count
unit-per-1000 = per 1,000 inhabitants
unit-score-1-10 = mark 1–10
unit-schaal-0-10 = scale score 0–10
kind-objectief = objective
kind-subjectief = subjective
direction-hoger-is-beter = higher is better
direction-lager-is-beter = lower is better
direction-neutraal = neutral (descriptive)
indicator-status-kandidaat = Candidate indicator
indicator-status-vastgesteld = Adopted
indicator-status-vervallen = Retired
exclusion-neutraal = No score: this indicator describes and is neither better nor worse.
exclusion-geen-spreiding = No score: all areas had the same value in the base year.
exclusion-geen-basiswaarden = No score: this indicator was not measured in the base year.
method-intro = The neighbourhood monitor shows, per district and neighbourhood, how the success indicators of neighbourhood-oriented working develop. Every calculation is set out below, so that anyone can check it.
method-index-heading = The district index
method-index-yardstick = After Rotterdam's Wijkprofiel, but with a published formula. For each indicator we take, in the base year, the mean μ and the standard deviation σ of the values of all areas of the same level (districts with districts, neighbourhoods with neighbourhoods). An area's score is then:
method-index-terms = Here x is the area's value and d is +1 when higher is better and −1 when lower is better. In the base year the average score is therefore exactly 100; in later years the same yardstick measures progress or decline.
method-index-left-out = Descriptive (neutral) indicators, and indicators on which all areas had the same value in the base year (σ = 0), get no score; the indicator says so.
method-index-themes = A theme score (social, physical, safety, participation) is the mean of the scores of the indicators in that theme, but only when at least half of them have a value. The district index is the mean of the theme scores, but only when at least half of all the index's indicators have a value. We also show the index for the objective indicators (registrations) and the subjective ones (surveys) apart, by the same rule. A score resting on fewer indicators than its base says so ("on 3 of 8 indicators"); below half it shows "–" with the reason.
method-index-counted = Only adopted and published indicators count, so that anyone can recompute the index from what this site shows. The base year is the first year with data, unless the municipality sets another.
method-bands-heading = Bands
method-or-more = or more
method-below = under
method-change-heading = Change
method-change = We compare the latest value with the previous measurement and with the baseline. For survey figures with a margin of error, a change only counts as real when it is larger than the combined margin of both measurements:
method-trend-heading = Trend
method-trend = The trend is the slope of the straight line that fits best (least squares) through the last five measurements (or fewer, when there are fewer), per year; quarters count as a quarter of a year.
method-city-heading = Comparison with the city
method-city = Beside each value is the value of the whole municipality in the same period.
method-target-heading = Targets
method-target = A target has a target value T in a target year and a baseline b in a starting year t₀. For the latest measurement in period t we draw the straight line from the baseline to the target:
method-target-achieved = the latest value is at or beyond the target, in the good direction.
method-target-on-track = not yet achieved, but the value is on or beyond the line from baseline to target.
method-target-behind = the value is behind that line.
method-target-unknown = there is no recent measurement or no baseline.
method-target-city = A city-wide target applies to every area without a target of its own, measured from that area's own baseline.
method-data-heading = Data
method-data = Figures come from registrations (such as CBS and the police) and from surveys (such as the Safety Monitor). Each indicator states its source, unit and definition. Every table can be downloaded as CSV and XLSX, the map data as GeoJSON.
monitor-import-title = Import measurements
monitor-import-link = Import measurements
monitor-import-intro = Import a CSV file of measured values, in two steps. First wijkbeeld checks the file and shows what will change: which values are new, which replace a stored value and which are known as they are. Only when you then press Save are the values stored, all or none. With a single error in the file nothing is stored, and you see every error with its line and column.
monitor-import-long = A long table, one measurement per line:
monitor-import-template-link = Download the template (CSV)
monitor-import-template = Measurements template
monitor-import-wide = A table of CBS (Kerncijfers wijken en buurten), one area per line; then fill in the period. Columns linked to an indicator are imported, the number of inhabitants always.
monitor-import-rules = Comma or semicolon between fields, decimal point or comma, UTF-8 with or without BOM. Missing values (empty, dot, x, -99995, -99997) are skipped.
monitor-import-codes-title = Codes to use
monitor-import-codes-intro = The column indicator holds an indicator's code, the column area_code the CBS code of the municipality, a district or a neighbourhood. Upper or lower case does not matter.
monitor-import-codes-indicators =
    { $count ->
        [one] 1 indicator, with name and unit
       *[other] { $count } indicators, with name and unit
    }
monitor-import-codes-wijken =
    { $count ->
        [one] 1 district (wijk), with CBS code
       *[other] { $count } districts (wijken), with CBS code
    }
monitor-import-codes-buurten =
    { $count ->
        [one] 1 neighbourhood (buurt), with CBS code
       *[other] { $count } neighbourhoods (buurten), with CBS code
    }
monitor-import-step-check = Step 1: check the file
monitor-import-file = File (CSV)
monitor-import-file-hint = At most 20 MB.
monitor-import-period = Period of a CBS table
monitor-import-period-hint = For example 2024. Only needed for a CBS table.
monitor-import-submit = Check
monitor-import-problems = Errors found
monitor-import-refused =
    { $count ->
        [one] The file was not imported: 1 error was found. Nothing was changed.
       *[other] The file was not imported: { $count } errors were found. Nothing was changed.
    }
monitor-import-more = … and { $count } more errors.
monitor-import-populations =
    { $count ->
        [one] The number of inhabitants of 1 area is updated too.
       *[other] The number of inhabitants of { $count } areas is updated too.
    }
monitor-import-missing =
    { $count ->
        [one] 1 value is marked missing and is skipped.
       *[other] { $count } values are marked missing and are skipped.
    }
monitor-import-unmapped = CBS columns not linked: { $columns }
monitor-import-preview-title = Step 2: check what will change
monitor-import-preview-intro = This is what changes when you save { $file }. Nothing has been stored yet.
monitor-import-preview-counts =
    { $total ->
        [one] 1 value for { $periods }: { $new } new, { $changed } changed, { $unchanged } unchanged.
       *[other] { $total } values for { $periods }: { $new } new, { $changed } changed, { $unchanged } unchanged.
    }
monitor-import-preview-nothing = Nothing changes: every value is stored as it is already.
monitor-import-preview-store-hint = Save stores exactly these values, all or none. This check stays valid for an hour.
monitor-import-store = Save
monitor-import-other-file = Choose another file
monitor-import-discard = Do not save
monitor-import-preview-caption = The values in the file, with what is stored now
monitor-import-column-area = Area
monitor-import-column-indicator = Indicator
monitor-import-column-period = Period
monitor-import-column-change = Change
monitor-import-row-new = new
monitor-import-row-changed = changed
monitor-import-row-changed-margin = changed (sample size or margin)
monitor-import-row-unchanged = unchanged
monitor-import-preview-unlisted =
    { $count ->
        [one] … and 1 more value, counted above.
       *[other] … and { $count } more values, counted above.
    }
monitor-import-gone = This checked file is not there (any more): it has been saved already, or you did not check it yourself. Nothing has been stored now.
monitor-import-expired = The check has expired: a checked file waits an hour for Save. Nothing has been stored; choose the file again.
monitor-import-no-longer-fits = The checked file no longer fits the monitor, which has changed in the meantime. Nothing has been stored.
notice-monitor-import-checked = The file has been checked and not stored yet. See what will change and choose Save.
notice-monitor-import-discarded = The checked file was not saved and has been forgotten.
notice-monitor-imported =
    { $count ->
        [one] 1 value has been stored.
       *[other] { $count } values have been stored.
    }
import-problem-at = Line { $line }, column { $column }: { $reason }
import-problem-line = Line { $line }: { $reason }
import-problem-unreadable = the line cannot be read as CSV.
import-problem-unknown-header = the header must name the columns area_code, indicator, period and value (and may name sample_size, margin and source_note), or be a CBS table with a column WijkenEnBuurten; it names: { $columns }.
import-problem-column-twice = the column appears twice in the header.
import-problem-no-rows = the file has a header but no data rows.
import-problem-field-count = the line has { $found } fields where the header has { $expected }.
import-problem-key-twice = { $indicator } for { $area } in { $period } appears twice (first on line { $first }).
import-problem-mapped-to-unknown = the column is mapped to the indicator { $indicator }, which does not exist.
import-problem-mapped-twice = the column is mapped to the indicator { $indicator }, as is the column { $column }.
import-problem-no-period = a CBS table has no period column: fill in the year the table describes.
import-problem-nothing-mapped = no column of this CBS table is mapped to an indicator, nor is there a column AantalInwoners; it has: { $columns }.
import-problem-area-twice = { $area } appears twice (first on line { $first }).
import-problem-not-inhabitants = { $text } is not a number of inhabitants (a whole number, 0 or more).
import-problem-no-area-rows = the file has no rows of a municipality, district or neighbourhood.
import-problem-unknown-area = { $area } is not an area of this municipality.
import-problem-not-area-code = “{ $text }” is not a CBS area code (GM and 4 digits, WK and 6 digits or BU and 8 digits).
import-problem-empty-indicator = the indicator is empty.
import-problem-unknown-indicator = “{ $text }” is not a known indicator.
import-problem-not-period = “{ $text }” is not a period (a year such as 2023, or a quarter such as 2023-Q2).
import-problem-not-number = “{ $text }” is not a number.
import-problem-out-of-bounds = { $text } is outside { $low }–{ $high }, the bounds of a { $unit }.
import-problem-negative = { $text } is negative, which a { $unit } cannot be.
import-problem-not-sample-size = “{ $text }” is not a sample size (a whole number, 0 or more).
import-problem-negative-margin = { $text } is negative; a margin is 0 or more.
error-monitor-period = Fill in a year (2024) or a quarter (2024-Q2), or leave the field empty.
error-monitor-no-file = Choose a file.
error-monitor-not-utf8 = The file is not UTF-8 text. Save it as "CSV UTF-8".

## Indicators kept in the web interface

monitor-indicators-link = Manage indicators
monitor-indicators-title = Indicators
monitor-indicators-intro = Every indicator of the neighbourhood monitor, including candidate indicators and indicators that are not public. Only adopted, published indicators count in the neighbourhood index.
monitor-indicators-caption = All indicators
monitor-indicators-column-published = Public
monitor-indicators-column-key = Key indicator
monitor-indicators-column-actions = Change
monitor-indicators-yes = yes
monitor-indicators-no = no
monitor-indicators-edit = Edit
monitor-indicator-new-link = New indicator
monitor-indicator-new-title = New indicator
monitor-indicator-edit-title = Edit indicator { $code }
monitor-indicator-field-code = Code
monitor-indicator-field-code-hint = 2 to 40 characters: capital letters, digits and underscores, for example VEILIGHEIDSBELEVING. This code is used in files of measurements.
monitor-indicator-field-name = Name
monitor-indicator-field-definition = Definition
monitor-indicator-field-definition-hint = Exactly what is measured and how.
monitor-indicator-field-unit = Unit
monitor-indicator-field-direction = Direction
monitor-indicator-field-theme = Theme
monitor-indicator-field-kind = Kind
monitor-indicator-field-status = Status
monitor-indicator-field-status-hint = Only adopted indicators count in the neighbourhood index, and only when they are public.
monitor-indicator-field-source = Source
monitor-indicator-field-source-hint = Where the figures come from, for example Veiligheidsmonitor.
monitor-indicator-field-owner = Responsible partner
monitor-indicator-owner-municipality = No partner (the municipality)
monitor-indicator-field-programmes = Development programmes
monitor-indicator-field-key = Key indicator in the city overview
monitor-indicator-field-published = Public (visible to everyone)
monitor-indicator-field-decimals = Number of decimals
monitor-indicator-field-decimals-hint = From 0 up to and including 6.
error-indicator-code = Enter a code of 2 to 40 characters: letters A–Z, digits and underscores, without spaces.
error-indicator-code-taken = There is already an indicator with this code. Choose another code.
error-indicator-name = Enter the name of the indicator.
error-indicator-definition = Enter the definition of the indicator.
error-indicator-too-long = This text is too long.
error-indicator-decimals = Enter a number of decimals from 0 up to and including 6.
error-indicator-programme = Choose only development programmes from the list.

## Targets (streefwaarden) and CBS column mappings kept in the web interface

monitor-targets-link = Targets
monitor-targets-edit-link = Targets of this indicator
monitor-targets-title = Targets
monitor-targets-page-title = Targets for { $indicator }
monitor-targets-intro = A target is the value an indicator should reach by a target period, counted from its value in the baseline period. A target for the whole municipality applies to every area without a target of its own. The indicator's page and each neighbourhood's profile show whether an area is on track.
monitor-targets-to-indicator = The indicator in the neighbourhood monitor
monitor-targets-to-edit = Edit the indicator
monitor-targets-none = This indicator has no targets yet.
monitor-targets-caption-of = Targets of { $indicator }
monitor-targets-column-area = Area
monitor-targets-column-value = Target
monitor-targets-column-period = Target period
monitor-targets-column-baseline = Baseline
monitor-targets-column-note = Note
monitor-targets-column-actions = Change
monitor-targets-whole-city = Whole municipality ({ $name })
monitor-targets-edit = Edit
monitor-targets-delete = Delete
monitor-targets-row-label = target { $area } { $period }
monitor-targets-add-heading = Add a target
monitor-targets-add-submit = Add target
monitor-targets-added = The target has been added.
monitor-targets-changed = The target has been changed.
monitor-targets-deleted = The target has been deleted.
monitor-target-edit-title = Edit a target for { $indicator }
monitor-target-edit-crumb = Edit target
monitor-target-edit-submit = Save changes
monitor-target-back = Back to the targets
monitor-target-field-area = Area
monitor-target-field-area-hint = The whole municipality, or one wijk or buurt.
monitor-target-field-value = Target value
monitor-target-field-value-hint = Unit: { $unit }. Decimals with a comma or a point, for example 72.5.
monitor-target-periods = Periods
monitor-target-field-period = Target period
monitor-target-field-period-hint = When the target should be reached: a year (2030) or a quarter (2030-Q2).
monitor-target-field-baseline = Baseline
monitor-target-field-baseline-hint = The period whose value is the starting point, before the target period; for example 2022.
monitor-target-field-note = Note
monitor-target-field-note-hint = Why this target, for example the decision that set it. Optional.
error-target-area = Choose the whole municipality, or a wijk or buurt from the list.
error-target-value-empty = Enter a target value.
error-target-value = Enter a number, such as 72.5 or 72,5, without separators between thousands.
error-target-percentage = A percentage lies between 0 and 100.
error-target-score = A report mark lies between 1 and 10.
error-target-scale = A scale score lies between 0 and 10.
error-target-negative = Enter a value of 0 or more.
error-target-period = Enter a target period: a year (2030) or a quarter (2030-Q2).
error-target-baseline = Enter a baseline: a year (2022) or a quarter (2022-Q4).
error-target-period-order = The target period must come after the baseline.
error-target-taken = This area already has a target in this target period. Edit that one, or choose another target period.
error-target-note-too-long = The note is too long: 2,000 characters at most.
monitor-cbs-link = Manage CBS column mappings
monitor-cbs-title = CBS column mappings
monitor-cbs-intro = A table from CBS (Kerncijfers wijken en buurten) has one column per figure. Here you set which column belongs to which indicator. An import reads only the mapped columns, and always the number of inhabitants (AantalInwoners).
monitor-cbs-suffix = CBS numbers its columns, such as Koopwoningen_47, and the number differs from year to year. A mapping therefore uses the name without the number, so that it also holds for other years' tables.
monitor-cbs-to-import = Import measurements
monitor-cbs-none = No columns are mapped yet.
monitor-cbs-caption = Mapped CBS columns
monitor-cbs-column-column = CBS column
monitor-cbs-column-indicator = Indicator
monitor-cbs-column-actions = Change
monitor-cbs-delete = Delete
monitor-cbs-row-label = mapping of { $column }
monitor-cbs-add-heading = Map a column
monitor-cbs-add-intro = If the column is already mapped, the new mapping replaces the old one.
monitor-cbs-legend = Mapping
monitor-cbs-field-column = Name of the CBS column
monitor-cbs-field-column-hint = As in the CBS table, for example Koopwoningen. Capitals do not matter.
monitor-cbs-field-indicator = Indicator
monitor-cbs-submit = Save mapping
monitor-cbs-saved = The column { $column } has been mapped.
monitor-cbs-saved-stripped = The column { $column } has been mapped. The sequence number { $suffix } was left off, so that the mapping also holds for other years' tables.
monitor-cbs-deleted = The mapping of the column { $column } has been deleted.
monitor-import-cbs-link = Which column belongs to which indicator is set in the CBS column mappings.
error-cbs-column-empty = Enter the name of a CBS column.
error-cbs-column = A column name consists of letters, digits and underscores and starts with a letter, such as Koopwoningen.
error-cbs-indicator = Choose an indicator from the list.
