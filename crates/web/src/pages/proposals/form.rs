//! The proposal form: every field of a behandelvoorstel as typed, checked into a
//! [`ProposalInput`], and shown again with its problems when refused. Programme items, their
//! questions and history documents are rows of fields; one empty row is always offered, and
//! "more rows" shows the form again without saving, so no JavaScript is needed.

use time::macros::format_description;
use time::{Date, OffsetDateTime, Time};
use wijkbeeld_app::proposals::ProposalDetail;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::local_time::{dutch_moment, in_dutch_time};
use wijkbeeld_domain::people::Person;
use wijkbeeld_domain::proposal::{Domain, HistoryDocument, ProgrammeInput, ProposalInput, Purpose, SpeakingRules};
use wijkbeeld_domain::text::has_control_characters;

use crate::forms::{Choice, FormErrors};
use crate::i18n::{Argument, Texts};

/// The longest text accepted in a one-line field.
const MAX_LINE: usize = 300;
/// The longest text accepted in a text area.
const MAX_TEXT: usize = 20_000;

/// A programme row as typed.
#[derive(Debug, Clone, Default)]
pub(crate) struct ItemRow {
    pub(crate) text: String,
    pub(crate) questions: Vec<String>,
}

/// A programme row as the form shows it.
pub(crate) struct ItemView {
    pub(crate) number: usize,
    pub(crate) text_id: String,
    pub(crate) text: String,
    pub(crate) questions: Vec<QuestionView>,
}

/// A question as the form shows it.
pub(crate) struct QuestionView {
    pub(crate) position: usize,
    pub(crate) id: String,
    pub(crate) text: String,
}

/// A history document row as the form shows it.
pub(crate) struct DocumentView {
    pub(crate) index: usize,
    pub(crate) number_id: String,
    pub(crate) title_id: String,
    pub(crate) number: String,
    pub(crate) title: String,
}

/// A history document row as typed.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocumentRow {
    pub(crate) number: String,
    pub(crate) title: String,
}

/// The form as typed (every field a string, so that it shows again exactly as typed).
#[derive(Debug, Clone, Default)]
pub(crate) struct ProposalForm {
    pub(crate) subject: String,
    pub(crate) case_number: String,
    pub(crate) portfolio_holder: String,
    pub(crate) history: String,
    pub(crate) documents: Vec<DocumentRow>,
    pub(crate) purpose: String,
    pub(crate) domains: Vec<String>,
    pub(crate) duration: String,
    pub(crate) market_date: String,
    pub(crate) chair: String,
    pub(crate) clerk: String,
    pub(crate) room: String,
    pub(crate) attendance: String,
    pub(crate) livestream: bool,
    pub(crate) speaking: String,
    pub(crate) speaking_minutes: String,
    pub(crate) speaking_max: String,
    pub(crate) speaking_deadline: String,
    pub(crate) speaking_note: String,
    pub(crate) items: Vec<ItemRow>,
    /// Whether "more rows" was asked for rather than saving.
    pub(crate) more_rows: bool,
}

fn text_or_empty(value: Option<impl ToString>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

/// A date the Dutch way (26-09-2023), as the form shows it.
pub(crate) fn dutch_date(date: Date) -> String {
    format!("{:02}-{:02}-{}", date.day(), u8::from(date.month()), date.year())
}

/// A date typed the Dutch way (26-09-2023, 26-9-2023) or as ISO (2023-09-26).
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .or_else(|_| Date::parse(text, format_description!("[day padding:none]-[month padding:none]-[year]")))
        .ok()
}

/// `text` with every CR LF (and lone CR) a LF.
pub(crate) fn line_feeds(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A moment in Dutch time as the form shows it: `26-09-2023 12:00`.
pub(crate) fn dutch_moment_text(moment: OffsetDateTime) -> String {
    let local = in_dutch_time(moment);
    format!("{} {:02}:{:02}", dutch_date(local.date()), local.hour(), local.minute())
}

/// A moment typed as a date (as [`parse_date`] reads it) and a time of day in Dutch time
/// (`12:00` or `12.00`), separated by a space.
pub(crate) fn parse_moment(text: &str) -> Option<OffsetDateTime> {
    let (date, time) = text.trim().rsplit_once(' ')?;
    let (hour, minute) = time.trim().split_once([':', '.'])?;
    let time = Time::from_hms(hour.parse().ok()?, minute.parse().ok()?, 0).ok()?;
    Some(dutch_moment(parse_date(date.trim())?, time))
}

impl ProposalForm {
    /// A blank form, with the defaults of a new proposal.
    pub(crate) fn blank() -> Self {
        ProposalForm { speaking: "onbekend".to_owned(), ..ProposalForm::default() }
    }

    /// The form filled with a stored proposal.
    pub(crate) fn from_detail(detail: &ProposalDetail) -> Self {
        let proposal = &detail.proposal;
        ProposalForm {
            subject: proposal.subject.clone(),
            case_number: proposal.case_number.clone().unwrap_or_default(),
            portfolio_holder: text_or_empty(proposal.portfolio_holder_id),
            history: proposal.history.clone(),
            documents: detail
                .history_documents
                .iter()
                .map(|document| DocumentRow {
                    number: document.number.clone(),
                    title: document.title.clone().unwrap_or_default(),
                })
                .collect(),
            purpose: text_or_empty(proposal.purpose),
            domains: proposal.domains.iter().map(|domain| domain.code().to_owned()).collect(),
            duration: text_or_empty(proposal.duration_minutes),
            market_date: proposal.market_date.map(dutch_date).unwrap_or_default(),
            chair: text_or_empty(proposal.chair_id),
            clerk: text_or_empty(proposal.clerk_id),
            room: text_or_empty(proposal.room_id),
            attendance: proposal.expected_attendance.map(|count| count.to_string()).unwrap_or_default(),
            livestream: proposal.needs_livestream,
            speaking: match proposal.speaking.allowed {
                Some(true) => "ja",
                Some(false) => "nee",
                None => "onbekend",
            }
            .to_owned(),
            speaking_minutes: text_or_empty(proposal.speaking.minutes_per_speaker),
            speaking_max: text_or_empty(proposal.speaking.max_speakers),
            speaking_deadline: proposal.speaking.deadline.map(dutch_moment_text).unwrap_or_default(),
            speaking_note: proposal.speaking.note.clone().unwrap_or_default(),
            items: detail
                .programme
                .iter()
                .map(|item| ItemRow {
                    text: item.text.clone(),
                    questions: item.questions.iter().map(|question| question.text.clone()).collect(),
                })
                .collect(),
            more_rows: false,
        }
    }

    /// The form from its posted fields (`application/x-www-form-urlencoded`, fields may repeat).
    pub(crate) fn from_fields(fields: &[(String, String)]) -> Self {
        // Browsers send a text area's line breaks as CR LF: kept as LF, so that paragraphs stay
        // paragraphs ("\n\n") however the text came in.
        let one = |name: &str| {
            fields
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| line_feeds(value.trim_end()))
                .unwrap_or_default()
        };
        let mut form = ProposalForm {
            subject: one("subject"),
            case_number: one("case_number"),
            portfolio_holder: one("portfolio_holder"),
            history: one("history"),
            purpose: one("purpose"),
            domains: fields.iter().filter(|(key, _)| key == "domain").map(|(_, value)| value.clone()).collect(),
            duration: one("duration"),
            market_date: one("market_date"),
            chair: one("chair"),
            clerk: one("clerk"),
            room: one("room"),
            attendance: one("attendance"),
            livestream: one("livestream") == "ja",
            speaking: one("speaking"),
            speaking_minutes: one("speaking_minutes"),
            speaking_max: one("speaking_max"),
            speaking_deadline: one("speaking_deadline"),
            speaking_note: one("speaking_note"),
            more_rows: one("action") == "meer-regels",
            ..ProposalForm::default()
        };
        // Rows are numbered from 1 in the order shown; a row left empty is dropped.
        for number in 1.. {
            let prefix = format!("item-{number}-");
            if !fields.iter().any(|(key, _)| key.starts_with(&prefix)) {
                break;
            }
            let text = one(&format!("item-{number}-text"));
            let questions: Vec<String> = (1..)
                .map_while(|question| {
                    let name = format!("item-{number}-question-{question}");
                    fields.iter().any(|(key, _)| *key == name).then(|| one(&name))
                })
                .filter(|question| !question.trim().is_empty())
                .collect();
            if !text.trim().is_empty() || !questions.is_empty() {
                form.items.push(ItemRow { text, questions });
            }
        }
        for number in 1.. {
            let number_field = format!("document-{number}-number");
            if !fields.iter().any(|(key, _)| *key == number_field) {
                break;
            }
            let row = DocumentRow { number: one(&number_field), title: one(&format!("document-{number}-title")) };
            if !row.number.trim().is_empty() || !row.title.trim().is_empty() {
                form.documents.push(row);
            }
        }
        form
    }

    /// Checks every field; the input to store, or every problem with its field.
    pub(crate) fn check(&self, texts: &Texts, choices: &FormChoices) -> Result<ProposalInput, FormErrors> {
        let mut errors = FormErrors::none();
        let mut problem = |field: &str, id: &str, arguments: &[(&'static str, Argument<'_>)]| {
            let message = if arguments.is_empty() { texts.t(id) } else { texts.with(id, arguments) };
            errors = std::mem::take(&mut errors).and(FormErrors::one(field, message));
        };
        let subject = self.subject.trim();
        if subject.is_empty() {
            problem("subject", "error-subject-empty", &[]);
        } else if subject.chars().count() > MAX_LINE {
            problem("subject", "error-too-long", &[("count", Argument::Number(MAX_LINE as i64))]);
        }
        let case_number = Some(self.case_number.trim().to_owned()).filter(|number| !number.is_empty());
        if case_number.as_ref().is_some_and(|number| {
            number.chars().count() > 40
                || !number.chars().all(|character| character.is_ascii_alphanumeric() || "-/.".contains(character))
        }) {
            problem("case_number", "error-case-number", &[]);
        }
        let person = |value: &str, pool: &[Choice]| -> Result<Option<Id<Person>>, ()> {
            match value.trim() {
                "" => Ok(None),
                value if pool.iter().any(|choice| choice.value == value) => {
                    value.parse::<i64>().map(|id| Some(Id::new(id))).map_err(|_| ())
                }
                _ => Err(()),
            }
        };
        let portfolio_holder_id = person(&self.portfolio_holder, &choices.portfolio_holders).unwrap_or_else(|()| {
            problem("portfolio_holder", "error-choose-from-list", &[]);
            None
        });
        let chair_id = person(&self.chair, &choices.chairs).unwrap_or_else(|()| {
            problem("chair", "error-choose-from-list", &[]);
            None
        });
        let clerk_id = person(&self.clerk, &choices.clerks).unwrap_or_else(|()| {
            problem("clerk", "error-choose-from-list", &[]);
            None
        });
        let room_id = match self.room.trim() {
            "" => None,
            value if choices.rooms.iter().any(|choice| choice.value == value) => value.parse::<i64>().ok().map(Id::new),
            _ => {
                problem("room", "error-choose-from-list", &[]);
                None
            }
        };
        if self.history.chars().count() > MAX_TEXT {
            problem("history", "error-too-long", &[("count", Argument::Number(MAX_TEXT as i64))]);
        }
        let mut history_documents = Vec::new();
        for (index, row) in (1_usize..).zip(&self.documents) {
            let number = row.number.trim();
            if number.is_empty() || number.chars().count() > 40 {
                problem(&format!("document-{index}-number"), "error-document-number", &[]);
            } else {
                history_documents.push(HistoryDocument {
                    number: number.to_owned(),
                    title: Some(row.title.trim().to_owned()).filter(|title| !title.is_empty()),
                });
            }
        }
        let purpose = match self.purpose.trim() {
            "" => None,
            code => match code.parse::<Purpose>() {
                Ok(purpose) => Some(purpose),
                Err(_) => {
                    problem("purpose", "error-choose-from-list", &[]);
                    None
                }
            },
        };
        let mut domains = Vec::new();
        for code in &self.domains {
            match code.parse::<Domain>() {
                Ok(domain) if !domains.contains(&domain) => domains.push(domain),
                Ok(_) => {}
                Err(_) => problem("domain-fysiek", "error-choose-from-list", &[]),
            }
        }
        domains.sort();
        let mut number = |field: &str, text: &str, range: std::ops::RangeInclusive<u16>| -> Option<u16> {
            match text.trim() {
                "" => None,
                text => match text.parse::<u16>() {
                    Ok(value) if range.contains(&value) => Some(value),
                    _ => {
                        problem(
                            field,
                            "error-number-range",
                            &[
                                ("low", Argument::Number(i64::from(*range.start()))),
                                ("high", Argument::Number(i64::from(*range.end()))),
                            ],
                        );
                        None
                    }
                },
            }
        };
        let duration_minutes = number("duration", &self.duration, 5..=480);
        let expected_attendance = number("attendance", &self.attendance, 0..=5000);
        let minutes_per_speaker = number("speaking_minutes", &self.speaking_minutes, 1..=60);
        let max_speakers = number("speaking_max", &self.speaking_max, 0..=100);
        let deadline = match self.speaking_deadline.trim() {
            "" => None,
            text => match parse_moment(text) {
                Some(moment) => Some(moment),
                None => {
                    problem("speaking_deadline", "error-moment-format", &[]);
                    None
                }
            },
        };
        let market_date = match self.market_date.trim() {
            "" => None,
            text => match parse_date(text) {
                Some(date) => Some(date),
                None => {
                    problem("market_date", "error-date-format", &[]);
                    None
                }
            },
        };
        let allowed = match self.speaking.as_str() {
            "ja" => Some(true),
            "nee" => Some(false),
            _ => None,
        };
        if self.speaking_note.chars().count() > MAX_TEXT {
            problem("speaking_note", "error-too-long", &[("count", Argument::Number(MAX_TEXT as i64))]);
        }
        let programme: Vec<ProgrammeInput> = self
            .items
            .iter()
            .map(|item| ProgrammeInput {
                text: item.text.trim().to_owned(),
                questions: item.questions.iter().map(|question| question.trim().to_owned()).collect(),
            })
            .collect();
        for (number, item) in (1_usize..).zip(&programme) {
            if item.text.is_empty() {
                problem(&format!("item-{number}-text"), "error-item-text", &[]);
            }
        }
        // No control characters anywhere (NUL, escape…); tabs and line breaks only in the texts
        // of several lines.
        let mut lines: Vec<(String, &str, bool)> = vec![
            ("subject".to_owned(), self.subject.as_str(), false),
            ("case_number".to_owned(), self.case_number.as_str(), false),
            ("history".to_owned(), self.history.as_str(), true),
            ("speaking_note".to_owned(), self.speaking_note.as_str(), true),
        ];
        for (index, row) in (1_usize..).zip(&self.documents) {
            lines.push((format!("document-{index}-number"), row.number.as_str(), false));
            lines.push((format!("document-{index}-title"), row.title.as_str(), false));
        }
        for (number, item) in (1_usize..).zip(&self.items) {
            lines.push((format!("item-{number}-text"), item.text.as_str(), true));
            for (question_number, question) in (1_usize..).zip(&item.questions) {
                lines.push((format!("item-{number}-question-{question_number}"), question.as_str(), false));
            }
        }
        for (field, text, multiline) in lines {
            if has_control_characters(text, multiline) {
                problem(&field, "error-control-characters", &[]);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ProposalInput {
            subject: subject.to_owned(),
            case_number,
            portfolio_holder_id,
            history: self.history.trim().to_owned(),
            history_documents,
            purpose,
            domains,
            duration_minutes,
            market_date,
            chair_id,
            clerk_id,
            room_id,
            expected_attendance,
            needs_livestream: self.livestream,
            speaking: SpeakingRules {
                allowed,
                minutes_per_speaker,
                max_speakers,
                deadline,
                note: Some(self.speaking_note.trim().to_owned()).filter(|note| !note.is_empty()),
            },
            programme,
        })
    }

    /// The programme rows to show: those typed, each with one empty question more, and one
    /// empty item more, numbered as the fields are named.
    pub(crate) fn item_rows(&self) -> Vec<ItemView> {
        let mut rows = self.items.clone();
        rows.push(ItemRow::default());
        rows.into_iter()
            .zip(1_usize..)
            .map(|(item, number)| {
                let mut questions = item.questions;
                questions.push(String::new());
                ItemView {
                    number,
                    text_id: format!("item-{number}-text"),
                    text: item.text,
                    questions: questions
                        .into_iter()
                        .zip(1_usize..)
                        .map(|(text, position)| QuestionView {
                            position,
                            id: format!("item-{number}-question-{position}"),
                            text,
                        })
                        .collect(),
                }
            })
            .collect()
    }

    /// The document rows to show: those typed and one empty row more, numbered as the fields are
    /// named.
    pub(crate) fn document_rows(&self) -> Vec<DocumentView> {
        let mut rows = self.documents.clone();
        rows.push(DocumentRow::default());
        rows.into_iter()
            .zip(1_usize..)
            .map(|(row, index)| DocumentView {
                index,
                number_id: format!("document-{index}-number"),
                title_id: format!("document-{index}-title"),
                number: row.number,
                title: row.title,
            })
            .collect()
    }

    /// Whether a domain is ticked.
    pub(crate) fn has_domain(&self, code: &str) -> bool {
        self.domains.iter().any(|domain| domain == code)
    }
}

/// The choices the form's lists offer.
pub(crate) struct FormChoices {
    pub(crate) speaking: Vec<Choice>,
    pub(crate) portfolio_holders: Vec<Choice>,
    pub(crate) chairs: Vec<Choice>,
    pub(crate) clerks: Vec<Choice>,
    pub(crate) rooms: Vec<Choice>,
    pub(crate) purposes: Vec<Choice>,
    pub(crate) domains: Vec<Choice>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    fn choices() -> FormChoices {
        let one = |value: &str| vec![Choice { value: value.to_owned(), label: format!("nummer {value}") }];
        FormChoices {
            speaking: Vec::new(),
            portfolio_holders: one("7"),
            chairs: one("8"),
            clerks: one("9"),
            rooms: one("3"),
            purposes: Vec::new(),
            domains: Vec::new(),
        }
    }

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(key, value)| ((*key).to_owned(), (*value).to_owned())).collect()
    }

    #[test]
    fn rows_are_read_in_order_and_empty_rows_dropped() {
        let form = ProposalForm::from_fields(&fields(&[
            ("subject", "Wijkgericht werken"),
            ("item-1-text", "Opening"),
            ("item-1-question-1", ""),
            ("item-2-text", "In gesprek"),
            ("item-2-question-1", "Wanneer is het geslaagd?"),
            ("item-2-question-2", ""),
            ("item-3-text", ""),
            ("item-3-question-1", ""),
            ("document-1-number", "3487985"),
            ("document-1-title", "Bestuurlijke opdracht"),
            ("document-2-number", ""),
            ("document-2-title", ""),
            ("domain", "fysiek"),
            ("domain", "sociaal"),
            ("market_date", "26-9-2023"),
            ("portfolio_holder", "7"),
            ("speaking", "ja"),
        ]));
        let input = form.check(&Texts::new(Language::Dutch), &choices()).unwrap();
        assert_eq!(input.programme.len(), 2);
        assert_eq!(input.programme[1].questions, ["Wanneer is het geslaagd?"]);
        assert_eq!(input.history_documents[0].title.as_deref(), Some("Bestuurlijke opdracht"));
        assert_eq!(input.domains, [Domain::Physical, Domain::Social]);
        assert_eq!(input.market_date, Some(time::macros::date!(2023 - 09 - 26)));
        assert_eq!(input.portfolio_holder_id, Some(Id::new(7)));
        assert_eq!(input.speaking.allowed, Some(true));
        assert_eq!(input.expected_attendance, None, "no figure unless one is given");
        assert_eq!(form.item_rows().len(), 3, "one empty item more");
    }

    #[test]
    fn every_problem_is_named_with_its_field() {
        let form = ProposalForm::from_fields(&fields(&[
            ("subject", " "),
            ("duration", "9999"),
            ("market_date", "26 september"),
            ("portfolio_holder", "42"),
            ("case_number", "36 41 304"),
        ]));
        let errors = form.check(&Texts::new(Language::Dutch), &choices()).unwrap_err();
        let fields: Vec<&str> = errors.items().iter().map(|error| error.field.as_str()).collect();
        assert_eq!(fields, ["subject", "case_number", "portfolio_holder", "duration", "market_date"]);
        assert!(errors.get("duration").unwrap().contains("5") && errors.get("duration").unwrap().contains("480"));
    }
}
