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
password-changed = Your password has been changed. Your other sessions have been ended.
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
back-to-tokens = Back to the API tokens

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
proposal-imported-title = Proposal imported
proposal-imported = The proposal { $subject } has been saved as a draft.
proposal-imported-warnings = Please check these points
proposal-imported-created = Newly created
proposal-imported-linked = Linked to what existed
proposal-imported-edit = Check and complete the draft
proposal-imported-view = View the proposal
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
error-item-text = Enter the text of this programme item, or empty its questions as well.
error-move-role = Only the role { $role } may take this step.
error-move-not-allowed = A proposal in the state { $from } cannot become { $to }.
error-evening-required = Choose the Political Market the proposal goes on.
error-concurrent = Someone else has changed the proposal in the meantime. Please reload the page.
error-file-missing = Choose a file.
error-file-type = This kind of file is not accepted. Choose a PDF, ODF, Office, PNG, JPEG, text or CSV file.
error-file-too-large = The file is larger than 20 MB.
error-file-empty = The file is empty.
error-year = Enter a year, such as 2024.
error-no-municipality = No municipality has been set up yet; import the areas or the demo data first.
error-import-empty = The file or text is empty.
error-import-binary = This is not a text file. Choose the .txt file with the text of the proposal.
error-import-not-a-proposal = This text is not a behandelvoorstel: the fixed headings (Onderwerp, Zaaknummer, Politieke Markt …) are missing.
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
market-field-pin = Pin to this room and round
market-field-pin-hint = The planner does not move a pinned session.
market-move-submit = Move
market-proposal-title = The planner's proposal
market-proposal-why = Why not everything fits
market-proposal-accept = Accept this schedule
market-proposal-back = Back to the evening without changes
market-planner-optimal = Proven the best schedule (objective { $objective }): { $placed } sessions scheduled, { $unplaced } not.
market-planner-best-found = The best schedule found within the time limit (objective { $objective }), not proven the best: { $placed } sessions scheduled, { $unplaced } not.
market-planner-pins-conflict = The pinned sessions cannot all be held together. Change the pins first.
market-plan-unreadable = The planner's proposal did not arrive readably. Run the planner again.
market-plan-stale = The evening has changed in the meantime. Run the planner again.
market-attendance-title = Chairs, clerks and absences
market-attendance-intro = Who can chair and clerk this evening, and who is absent in which round. The planner keeps to it.
market-attendance-chairs = Chairs (councillors)
market-attendance-clerks = Clerks
market-absent-in-round = Absent in round { $number } ({ $start }–{ $end })
market-attendance-save = Save
