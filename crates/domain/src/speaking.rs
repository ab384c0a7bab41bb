//! Spreekrecht: a session's speaking rules as the griffie sets them, whether registration is open
//! at a moment (and why not), how many places there are and how long each speaker may speak when
//! a total is divided, and what a registration to speak must hold. Pure rules: the moment, the
//! evening and the counts are given.

use time::{Date, OffsetDateTime, Time};

use crate::access::EmailAddress;
use crate::local_time::dutch_moment;
use crate::proposal::SpeakingRules;
use crate::text::has_control_characters;

/// Minutes each speaker has when the proposal says nothing (the councils' usual five).
pub const DEFAULT_MINUTES_PER_SPEAKER: u16 = 5;
/// Registration closes at this local time on the evening's day when the proposal sets no deadline.
pub const DEFAULT_DEADLINE: Time = match Time::from_hms(12, 0, 0) {
    Ok(time) => time,
    Err(_) => Time::MIDNIGHT,
};
/// The least a speaker gets when a total is divided: a total without a number of places has this
/// many minutes per place.
pub const MIN_DIVIDED_MINUTES: u16 = 2;
/// The longest name accepted, in characters.
pub const MAX_NAME: usize = 200;
/// The longest organisation accepted, in characters.
pub const MAX_ORGANISATION: usize = 200;
/// The longest topic accepted, in characters.
pub const MAX_TOPIC: usize = 1_000;
/// The longest written contribution typed in, in characters.
pub const MAX_CONTRIBUTION_TEXT: usize = 20_000;
/// The largest written contribution as a file, in bytes (a PDF of 10 MB).
pub const MAX_CONTRIBUTION_BYTES: usize = 10 * 1024 * 1024;

/// The speaking rules of one session: those a proposal states, and what only a session has.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct SessionSpeaking {
    /// Allowed, minutes per speaker, places, deadline and the proposal's note.
    pub rules: SpeakingRules,
    /// A total of minutes divided among those confirmed, when the griffie sets one.
    pub total_minutes: Option<u16>,
    /// Whether residents may join the conversation (beeldvorming), not only speak.
    pub may_join: bool,
}

/// The default deadline: 12:00 Dutch time on the evening's day.
pub fn default_deadline(evening: Date) -> OffsetDateTime {
    dutch_moment(evening, DEFAULT_DEADLINE)
}

/// The rules a session starts with when its proposal is planned on an evening: the proposal's
/// spreekrecht, with five minutes per speaker and a deadline of 12:00 on the day where it says
/// nothing.
pub fn session_rules(proposal: &SpeakingRules, evening: Date) -> SessionSpeaking {
    SessionSpeaking {
        rules: SpeakingRules {
            allowed: proposal.allowed,
            minutes_per_speaker: proposal.minutes_per_speaker.or(Some(DEFAULT_MINUTES_PER_SPEAKER)),
            max_speakers: proposal.max_speakers,
            deadline: proposal.deadline.or(Some(default_deadline(evening))),
            note: proposal.note.clone(),
        },
        total_minutes: None,
        may_join: false,
    }
}

impl SessionSpeaking {
    /// How many speakers can be confirmed: the places set, or with a total and no places as
    /// many as get [`MIN_DIVIDED_MINUTES`] each; `None` for no limit.
    pub fn places(&self) -> Option<u16> {
        self.rules.max_speakers.or(self.total_minutes.map(|total| (total / MIN_DIVIDED_MINUTES).max(1)))
    }

    /// Minutes each speaker has with `confirmed` speakers: the minutes per speaker, or less when
    /// a total divided among them leaves less (never under one minute).
    pub fn minutes_per_speaker(&self, confirmed: u32) -> Option<u16> {
        let divided = self.total_minutes.map(|total| {
            let share = u32::from(total) / confirmed.max(1);
            u16::try_from(share).unwrap_or(u16::MAX).max(1)
        });
        match (self.rules.minutes_per_speaker, divided) {
            (Some(each), Some(share)) => Some(each.min(share)),
            (each, share) => each.or(share),
        }
    }

    /// Whether a new registration with `confirmed` speakers confirmed gets a place or goes on the
    /// waiting list.
    pub fn place_for_next(&self, confirmed: u32) -> Placement {
        match self.places() {
            Some(places) if confirmed >= u32::from(places) => Placement::WaitingList,
            _ => Placement::Confirmed,
        }
    }
}

/// Where a new registration lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// On the speakers' list.
    Confirmed,
    /// On the waiting list.
    WaitingList,
}

/// Why registration for a session is not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Closed {
    /// The evening is not published: the session is not public yet.
    #[error("the evening is not published")]
    NotPublished,
    /// The session has begun or is over.
    #[error("the session has passed")]
    SessionPassed,
    /// The public may not speak in this session (or it is not yet decided).
    #[error("speaking is not allowed in this session")]
    NotAllowed,
    /// The deadline for registering has passed.
    #[error("the deadline for registering has passed")]
    DeadlinePassed,
}

impl Closed {
    /// A stable code for the reason, for the API and the locale files.
    pub fn code(self) -> &'static str {
        match self {
            Closed::NotPublished => "not-published",
            Closed::SessionPassed => "session-passed",
            Closed::NotAllowed => "not-allowed",
            Closed::DeadlinePassed => "deadline-passed",
        }
    }
}

/// Whether registration is open at `now` for a session of an evening on `evening` that begins
/// at `starts` (its first round; `None` while unplanned, when the evening's whole day counts),
/// and if not, why: the first reason of not published, passed, not allowed, deadline passed.
pub fn registration_closed(
    speaking: &SessionSpeaking,
    published: bool,
    evening: Date,
    starts: Option<Time>,
    now: OffsetDateTime,
) -> Option<Closed> {
    let begins = match starts {
        Some(time) => dutch_moment(evening, time),
        None => dutch_moment(evening.next_day().unwrap_or(evening), Time::MIDNIGHT),
    };
    if !published {
        Some(Closed::NotPublished)
    } else if now >= begins {
        Some(Closed::SessionPassed)
    } else if speaking.rules.allowed != Some(true) {
        Some(Closed::NotAllowed)
    } else if speaking.rules.deadline.is_some_and(|deadline| now >= deadline) {
        Some(Closed::DeadlinePassed)
    } else {
        None
    }
}

/// A field of a registration to speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationField {
    /// The name.
    Name,
    /// The e-mail address.
    Email,
    /// The telephone number.
    Phone,
    /// The organisation.
    Organisation,
    /// The topic.
    Topic,
    /// The written contribution as text.
    Contribution,
    /// The written contribution as a file.
    File,
}

impl RegistrationField {
    /// The field's name in the JSON API.
    pub fn api_name(self) -> &'static str {
        match self {
            RegistrationField::Name => "name",
            RegistrationField::Email => "email",
            RegistrationField::Phone => "phone",
            RegistrationField::Organisation => "organisation",
            RegistrationField::Topic => "topic",
            RegistrationField::Contribution => "contribution",
            RegistrationField::File => "file",
        }
    }
}

/// What is wrong with a registration to speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationProblem {
    /// No name.
    NameMissing,
    /// A name over [`MAX_NAME`] characters.
    NameTooLong,
    /// An e-mail address that is none.
    EmailInvalid,
    /// A telephone number that is none.
    PhoneInvalid,
    /// Neither an e-mail address nor a telephone number.
    NoContact,
    /// An organisation over [`MAX_ORGANISATION`] characters.
    OrganisationTooLong,
    /// No topic.
    TopicMissing,
    /// A topic over [`MAX_TOPIC`] characters.
    TopicTooLong,
    /// A contribution over [`MAX_CONTRIBUTION_TEXT`] characters.
    ContributionTooLong,
    /// A file that is not a PDF.
    FileNotPdf,
    /// A file over [`MAX_CONTRIBUTION_BYTES`].
    FileTooLarge,
    /// Control characters in a field.
    ControlCharacters(RegistrationField),
}

impl RegistrationProblem {
    /// The field the problem is in.
    pub fn field(self) -> RegistrationField {
        use RegistrationField as F;
        match self {
            RegistrationProblem::NameMissing | RegistrationProblem::NameTooLong => F::Name,
            RegistrationProblem::EmailInvalid | RegistrationProblem::NoContact => F::Email,
            RegistrationProblem::PhoneInvalid => F::Phone,
            RegistrationProblem::OrganisationTooLong => F::Organisation,
            RegistrationProblem::TopicMissing | RegistrationProblem::TopicTooLong => F::Topic,
            RegistrationProblem::ContributionTooLong => F::Contribution,
            RegistrationProblem::FileNotPdf | RegistrationProblem::FileTooLarge => F::File,
            RegistrationProblem::ControlCharacters(field) => field,
        }
    }

    /// A stable code for the problem, for the API and the locale files.
    pub fn code(self) -> &'static str {
        match self {
            RegistrationProblem::NameMissing => "name-missing",
            RegistrationProblem::NameTooLong => "name-too-long",
            RegistrationProblem::EmailInvalid => "email-invalid",
            RegistrationProblem::PhoneInvalid => "phone-invalid",
            RegistrationProblem::NoContact => "no-contact",
            RegistrationProblem::OrganisationTooLong => "organisation-too-long",
            RegistrationProblem::TopicMissing => "topic-missing",
            RegistrationProblem::TopicTooLong => "topic-too-long",
            RegistrationProblem::ContributionTooLong => "contribution-too-long",
            RegistrationProblem::FileNotPdf => "file-not-pdf",
            RegistrationProblem::FileTooLarge => "file-too-large",
            RegistrationProblem::ControlCharacters(_) => "control-characters",
        }
    }
}

/// A registration to speak as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistrationForm {
    /// Name.
    pub name: String,
    /// E-mail address, or empty.
    pub email: String,
    /// Telephone number, or empty.
    pub phone: String,
    /// Organisation, or empty.
    pub organisation: String,
    /// Topic.
    pub topic: String,
    /// Written contribution as text, or empty.
    pub contribution: String,
    /// Whether the name may be published.
    pub publish_name: bool,
}

/// A registration to speak, read: every text trimmed, the address in lower case, empty optional
/// fields as `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    /// Name.
    pub name: String,
    /// E-mail address.
    pub email: Option<EmailAddress>,
    /// Telephone number as typed (trimmed).
    pub phone: Option<String>,
    /// Organisation.
    pub organisation: Option<String>,
    /// Topic.
    pub topic: String,
    /// Written contribution as text.
    pub contribution: Option<String>,
    /// Whether the name may be published.
    pub publish_name: bool,
}

/// Whether a text is a telephone number: digits with spaces, dashes, dots, brackets and one
/// leading `+`, 8 to 15 digits (ITU-T E.164's longest).
pub fn is_phone_number(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let allowed = text.chars().enumerate().all(|(index, character)| {
        character.is_ascii_digit() || " -.()".contains(character) || (character == '+' && index == 0)
    });
    allowed && (8..=15).contains(&digits)
}

/// Whether a file is a PDF, by its first bytes.
pub fn is_pdf(content: &[u8]) -> bool {
    content.starts_with(b"%PDF-")
}

/// The problems with a contribution file, if any.
pub fn file_problem(content: &[u8]) -> Option<RegistrationProblem> {
    if content.len() > MAX_CONTRIBUTION_BYTES {
        Some(RegistrationProblem::FileTooLarge)
    } else if !is_pdf(content) {
        Some(RegistrationProblem::FileNotPdf)
    } else {
        None
    }
}

/// Reads a registration, or gives every problem with it in the order of the form.
pub fn read_registration(form: &RegistrationForm) -> Result<Registration, Vec<RegistrationProblem>> {
    use RegistrationField as F;
    let mut problems = Vec::new();
    let mut line = |text: &str, field: F, max: usize, too_long: RegistrationProblem, multiline: bool| {
        let text = text.trim();
        if has_control_characters(text, multiline) {
            problems.push(RegistrationProblem::ControlCharacters(field));
        } else if text.chars().count() > max {
            problems.push(too_long);
        }
        (!text.is_empty()).then(|| text.to_owned())
    };
    let name = line(&form.name, F::Name, MAX_NAME, RegistrationProblem::NameTooLong, false);
    let email_text = line(&form.email, F::Email, 254, RegistrationProblem::EmailInvalid, false);
    let phone = line(&form.phone, F::Phone, 40, RegistrationProblem::PhoneInvalid, false);
    let organisation =
        line(&form.organisation, F::Organisation, MAX_ORGANISATION, RegistrationProblem::OrganisationTooLong, false);
    let topic = line(&form.topic, F::Topic, MAX_TOPIC, RegistrationProblem::TopicTooLong, true);
    let contribution = line(
        &form.contribution,
        F::Contribution,
        MAX_CONTRIBUTION_TEXT,
        RegistrationProblem::ContributionTooLong,
        true,
    );
    if name.is_none() {
        problems.push(RegistrationProblem::NameMissing);
    }
    let email = match &email_text {
        Some(text) => match text.parse::<EmailAddress>() {
            Ok(address) => Some(address),
            Err(_) => {
                problems.push(RegistrationProblem::EmailInvalid);
                None
            }
        },
        None => None,
    };
    if let Some(number) = &phone
        && !is_phone_number(number)
    {
        problems.push(RegistrationProblem::PhoneInvalid);
    }
    if email_text.is_none() && phone.is_none() {
        problems.push(RegistrationProblem::NoContact);
    }
    if topic.is_none() {
        problems.push(RegistrationProblem::TopicMissing);
    }
    problems.dedup();
    let order = |problem: &RegistrationProblem| match problem.field() {
        F::Name => 0,
        F::Email => 1,
        F::Phone => 2,
        F::Organisation => 3,
        F::Topic => 4,
        F::Contribution => 5,
        F::File => 6,
    };
    problems.sort_by_key(order);
    match (name, topic) {
        (Some(name), Some(topic)) if problems.is_empty() => {
            Ok(Registration { name, email, phone, organisation, topic, contribution, publish_name: form.publish_name })
        }
        _ => Err(problems),
    }
}

/// Reads what a registrant may change later, the topic and the written contribution, by the
/// same rules as [`read_registration`].
pub fn read_change(topic: &str, contribution: &str) -> Result<(String, Option<String>), Vec<RegistrationProblem>> {
    let form = RegistrationForm {
        name: "-".to_owned(),
        email: "a@b.nl".to_owned(),
        topic: topic.to_owned(),
        contribution: contribution.to_owned(),
        ..RegistrationForm::default()
    };
    read_registration(&form).map(|read| (read.topic, read.contribution))
}

// --- The chair's running order and timing ---------------------------------------------------------
//
// The order in which the chair calls the confirmed speakers, each one's planned slot from the
// session's start, the time each spoke (started and stopped by the chair), and the totals per
// party afterwards. Pure: the moments are given.

/// A move of a speaker in the running order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// One place earlier.
    Up,
    /// One place later.
    Down,
}

impl Direction {
    /// The direction of a form's value: `omhoog` or `omlaag`.
    pub fn from_code(code: &str) -> Option<Direction> {
        match code {
            "omhoog" => Some(Direction::Up),
            "omlaag" => Some(Direction::Down),
            _ => None,
        }
    }

    /// The form's value of the direction.
    pub fn code(self) -> &'static str {
        match self {
            Direction::Up => "omhoog",
            Direction::Down => "omlaag",
        }
    }
}

/// The order with `id` moved one place in `direction`; `None` when `id` is not in it. Moving the
/// first up or the last down leaves the order as it is.
pub fn moved<T: PartialEq + Copy>(order: &[T], id: T, direction: Direction) -> Option<Vec<T>> {
    let at = order.iter().position(|item| *item == id)?;
    let mut order = order.to_vec();
    match direction {
        Direction::Up if at > 0 => order.swap(at, at - 1),
        Direction::Down if at + 1 < order.len() => order.swap(at, at + 1),
        _ => {}
    }
    Some(order)
}

/// The planned begin and end of `count` speakers who each have `minutes`, one after the other
/// from `start` (the session's start), in Dutch time of day.
pub fn planned_slots(start: Time, minutes: u16, count: usize) -> Vec<(Time, Time)> {
    let each = time::Duration::minutes(i64::from(minutes));
    (0..count)
        .map(|index| {
            let begin = start + each * (index as i32);
            (begin, begin + each)
        })
        .collect()
}

/// How many seconds a speaker spoke: from `started` until `ended`, or until `now` while still
/// speaking; `None` before being started.
pub fn spoken_seconds(
    started: Option<OffsetDateTime>,
    ended: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> Option<i64> {
    let started = started?;
    let until = ended.unwrap_or(now);
    Some((until - started).whole_seconds().max(0))
}

/// Seconds as minutes and seconds, `m:ss`; negative with a leading minus sign.
pub fn minutes_seconds(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let seconds = seconds.unsigned_abs();
    format!("{sign}{}:{:02}", seconds / 60, seconds % 60)
}

/// One speaker's time, for the totals per party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpokenTime {
    /// The party the speaker spoke for; `None` for a resident (inspreker).
    pub party: Option<String>,
    /// The seconds planned.
    pub planned_seconds: i64,
    /// The seconds spoken, once started.
    pub spoken_seconds: Option<i64>,
}

/// The totals of a party (or of the residents, `party: None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyTime {
    /// The party; `None` for the residents without a party (insprekers).
    pub party: Option<String>,
    /// How many speakers.
    pub speakers: usize,
    /// The seconds planned.
    pub planned_seconds: i64,
    /// The seconds spoken.
    pub spoken_seconds: i64,
}

/// The speaking time per party, parties by name and the residents last.
pub fn party_totals(times: &[SpokenTime]) -> Vec<PartyTime> {
    let mut totals: Vec<PartyTime> = Vec::new();
    for time in times {
        let index = match totals.iter().position(|total| total.party == time.party) {
            Some(index) => index,
            None => {
                totals.push(PartyTime {
                    party: time.party.clone(),
                    speakers: 0,
                    planned_seconds: 0,
                    spoken_seconds: 0,
                });
                totals.len() - 1
            }
        };
        let total = &mut totals[index];
        total.speakers += 1;
        total.planned_seconds += time.planned_seconds;
        total.spoken_seconds += time.spoken_seconds.unwrap_or(0);
    }
    totals.sort_by(|a, b| (a.party.is_none(), &a.party).cmp(&(b.party.is_none(), &b.party)));
    totals
}

/// A walk-in speaker as the griffie types them on the evening.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkInForm {
    /// Name.
    pub name: String,
    /// Organisation, or empty.
    pub organisation: String,
    /// Topic.
    pub topic: String,
}

/// A walk-in speaker, read by the rules of a registration (no contact details: they are there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkIn {
    /// Name.
    pub name: String,
    /// Organisation.
    pub organisation: Option<String>,
    /// Topic.
    pub topic: String,
}

/// Reads a walk-in speaker, or gives every problem with the name, organisation and topic.
pub fn read_walk_in(form: &WalkInForm) -> Result<WalkIn, Vec<RegistrationProblem>> {
    let as_registration = RegistrationForm {
        name: form.name.clone(),
        email: "inloop@wijkbeeld.invalid".to_owned(),
        organisation: form.organisation.clone(),
        topic: form.topic.clone(),
        ..RegistrationForm::default()
    };
    read_registration(&as_registration).map(|read| WalkIn {
        name: read.name,
        organisation: read.organisation,
        topic: read.topic,
    })
}

#[cfg(test)]
mod turn_tests {
    use time::macros::{datetime, time};

    use super::*;

    #[test]
    fn a_speaker_moves_one_place_and_stays_at_the_ends() {
        let order = [1, 2, 3];
        assert_eq!(moved(&order, 2, Direction::Up), Some(vec![2, 1, 3]));
        assert_eq!(moved(&order, 2, Direction::Down), Some(vec![1, 3, 2]));
        assert_eq!(moved(&order, 1, Direction::Up), Some(vec![1, 2, 3]));
        assert_eq!(moved(&order, 3, Direction::Down), Some(vec![1, 2, 3]));
        assert_eq!(moved(&order, 9, Direction::Up), None);
        assert_eq!(Direction::from_code("omlaag"), Some(Direction::Down));
        assert_eq!(Direction::from_code("opzij"), None);
    }

    #[test]
    fn slots_follow_each_other_from_the_start() {
        let slots = planned_slots(time!(19:30), 5, 3);
        assert_eq!(
            slots,
            vec![(time!(19:30), time!(19:35)), (time!(19:35), time!(19:40)), (time!(19:40), time!(19:45))]
        );
        assert!(planned_slots(time!(19:30), 5, 0).is_empty());
    }

    #[test]
    fn spoken_time_runs_until_stopped_and_reads_as_minutes_and_seconds() {
        let start = datetime!(2026-12-15 18:30 UTC);
        assert_eq!(spoken_seconds(None, None, start), None);
        assert_eq!(spoken_seconds(Some(start), None, start + time::Duration::seconds(75)), Some(75));
        assert_eq!(spoken_seconds(Some(start), Some(start + time::Duration::seconds(301)), start), Some(301));
        assert_eq!(minutes_seconds(301), "5:01");
        assert_eq!(minutes_seconds(0), "0:00");
        assert_eq!(minutes_seconds(-61), "-1:01");
    }

    #[test]
    fn totals_per_party_put_the_residents_last() {
        let time = |party: Option<&str>, spoken: Option<i64>| SpokenTime {
            party: party.map(ToOwned::to_owned),
            planned_seconds: 300,
            spoken_seconds: spoken,
        };
        let totals = party_totals(&[
            time(None, Some(100)),
            time(Some("VVD"), Some(200)),
            time(Some("CDA"), None),
            time(Some("VVD"), Some(50)),
        ]);
        assert_eq!(totals.len(), 3);
        assert_eq!(
            totals[0],
            PartyTime { party: Some("CDA".into()), speakers: 1, planned_seconds: 300, spoken_seconds: 0 }
        );
        assert_eq!(
            totals[1],
            PartyTime { party: Some("VVD".into()), speakers: 2, planned_seconds: 600, spoken_seconds: 250 }
        );
        assert_eq!(totals[2].party, None);
        assert_eq!(totals[2].spoken_seconds, 100);
    }

    #[test]
    fn a_walk_in_needs_a_name_and_a_topic_but_no_contact() {
        let read =
            read_walk_in(&WalkInForm { name: " Bea ".into(), organisation: String::new(), topic: "Fietspad".into() });
        assert_eq!(read, Ok(WalkIn { name: "Bea".into(), organisation: None, topic: "Fietspad".into() }));
        let missing = read_walk_in(&WalkInForm::default());
        assert_eq!(missing, Err(vec![RegistrationProblem::NameMissing, RegistrationProblem::TopicMissing]));
    }
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime, time};

    use super::*;

    fn open_rules() -> SessionSpeaking {
        session_rules(&SpeakingRules { allowed: Some(true), ..SpeakingRules::default() }, date!(2026 - 12 - 15))
    }

    #[test]
    fn a_planned_session_takes_the_proposals_rules_with_five_minutes_and_noon_by_default() {
        let rules = open_rules();
        assert_eq!(rules.rules.minutes_per_speaker, Some(5));
        assert_eq!(rules.rules.deadline, Some(datetime!(2026-12-15 11:00 UTC)), "12:00 in winter time");
        assert_eq!(default_deadline(date!(2026 - 06 - 15)), datetime!(2026-06-15 10:00 UTC), "12:00 in summer time");
        let given = SpeakingRules {
            allowed: Some(false),
            minutes_per_speaker: Some(3),
            max_speakers: Some(4),
            deadline: Some(datetime!(2026-12-14 17:00 UTC)),
            note: Some("Geïnteresseerden kunnen meespreken.".into()),
        };
        let rules = session_rules(&given, date!(2026 - 12 - 15));
        assert_eq!(rules.rules, given, "what the proposal says is kept");
    }

    #[test]
    fn registration_is_open_until_the_deadline_and_says_why_it_is_not() {
        let evening = date!(2026 - 12 - 15);
        let starts = Some(time!(19:30));
        let rules = open_rules();
        let morning = datetime!(2026-12-15 10:59 UTC);
        assert_eq!(registration_closed(&rules, true, evening, starts, morning), None);
        assert_eq!(registration_closed(&rules, false, evening, starts, morning), Some(Closed::NotPublished));
        assert_eq!(
            registration_closed(&rules, true, evening, starts, datetime!(2026-12-15 11:00 UTC)),
            Some(Closed::DeadlinePassed)
        );
        assert_eq!(
            registration_closed(&rules, true, evening, starts, datetime!(2026-12-15 18:30 UTC)),
            Some(Closed::SessionPassed),
            "19:30 Dutch time"
        );
        assert_eq!(
            registration_closed(&rules, true, evening, None, datetime!(2026-12-15 22:00 UTC)),
            Some(Closed::DeadlinePassed),
            "unplanned, the day counts: not passed before midnight, but past the deadline"
        );
        assert_eq!(
            registration_closed(&rules, true, evening, None, datetime!(2026-12-15 23:00 UTC)),
            Some(Closed::SessionPassed)
        );
        let mut not_allowed = rules.clone();
        not_allowed.rules.allowed = Some(false);
        assert_eq!(registration_closed(&not_allowed, true, evening, starts, morning), Some(Closed::NotAllowed));
        not_allowed.rules.allowed = None;
        assert_eq!(registration_closed(&not_allowed, true, evening, starts, morning), Some(Closed::NotAllowed));
        let mut no_deadline = rules;
        no_deadline.rules.deadline = None;
        assert_eq!(registration_closed(&no_deadline, true, evening, starts, datetime!(2026-12-15 18:00 UTC)), None);
    }

    #[test]
    fn a_total_is_divided_among_those_confirmed_and_places_fill_up() {
        let mut rules = open_rules();
        rules.rules.max_speakers = Some(3);
        assert_eq!(rules.places(), Some(3));
        assert_eq!(rules.place_for_next(2), Placement::Confirmed);
        assert_eq!(rules.place_for_next(3), Placement::WaitingList);
        assert_eq!(rules.minutes_per_speaker(3), Some(5));

        rules.total_minutes = Some(30);
        assert_eq!(rules.minutes_per_speaker(3), Some(5), "30 among 3 leaves 10, more than the 5 each");
        rules.rules.max_speakers = None;
        assert_eq!(rules.places(), Some(15), "a total without places: two minutes each at least");
        assert_eq!(rules.minutes_per_speaker(10), Some(3));
        rules.rules.minutes_per_speaker = None;
        assert_eq!(rules.minutes_per_speaker(0), Some(30));
        assert_eq!(rules.minutes_per_speaker(7), Some(4));

        let unlimited = open_rules();
        assert_eq!(unlimited.places(), None);
        assert_eq!(unlimited.place_for_next(1000), Placement::Confirmed);
        let mut none = open_rules();
        none.rules.max_speakers = Some(0);
        assert_eq!(none.place_for_next(0), Placement::WaitingList);
    }

    fn good() -> RegistrationForm {
        RegistrationForm {
            name: "  Anna de Vries ".into(),
            email: "Anna@Example.nl".into(),
            phone: String::new(),
            organisation: String::new(),
            topic: "Het speelveld in de Berflo Es".into(),
            contribution: String::new(),
            publish_name: true,
        }
    }

    #[test]
    fn a_registration_is_read_trimmed_with_the_address_in_lower_case() {
        let read = read_registration(&good()).unwrap();
        assert_eq!(read.name, "Anna de Vries");
        assert_eq!(read.email.unwrap().as_str(), "anna@example.nl");
        assert_eq!(read.phone, None);
        assert_eq!(read.organisation, None);
        let by_phone = RegistrationForm { email: String::new(), phone: "+31 6 1234 5678".into(), ..good() };
        assert_eq!(read_registration(&by_phone).unwrap().phone.as_deref(), Some("+31 6 1234 5678"));
    }

    #[test]
    fn every_problem_is_named_with_its_field() {
        use RegistrationProblem::*;
        let empty = RegistrationForm::default();
        assert_eq!(read_registration(&empty), Err(vec![NameMissing, NoContact, TopicMissing]));
        let bad = RegistrationForm {
            email: "anna.example.nl".into(),
            phone: "bel me".into(),
            topic: "x".repeat(MAX_TOPIC + 1),
            ..good()
        };
        assert_eq!(read_registration(&bad), Err(vec![EmailInvalid, PhoneInvalid, TopicTooLong]));
        assert_eq!(TopicTooLong.field(), RegistrationField::Topic);
        assert_eq!(NoContact.field().api_name(), "email");
        let control = RegistrationForm { name: "An\u{1b}na".into(), ..good() };
        assert_eq!(read_registration(&control), Err(vec![ControlCharacters(RegistrationField::Name)]));
        let exactly = RegistrationForm { topic: "é".repeat(MAX_TOPIC), ..good() };
        assert!(read_registration(&exactly).is_ok(), "1,000 characters, not bytes");
    }

    #[test]
    fn a_contribution_file_is_a_pdf_by_its_first_bytes_and_at_most_ten_megabytes() {
        assert_eq!(file_problem(b"%PDF-1.7\n..."), None);
        assert_eq!(file_problem(b"PK\x03\x04 a zip named .pdf"), Some(RegistrationProblem::FileNotPdf));
        let mut large = b"%PDF-1.7\n".to_vec();
        large.resize(MAX_CONTRIBUTION_BYTES + 1, b' ');
        assert_eq!(file_problem(&large), Some(RegistrationProblem::FileTooLarge));
        assert!(is_phone_number("074-1234567") && !is_phone_number("12345") && !is_phone_number("06+12345678"));
    }
}
