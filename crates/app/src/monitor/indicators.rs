//! Keeping the monitor's indicators (those who keep the monitor): the list, the form's choices,
//! creating and editing, each checked field by field and refused whole.

use std::collections::HashSet;

use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::monitor::{
    Direction, Indicator, IndicatorKind, IndicatorStatus, Partner, Programme, Theme, Unit,
};
use wijkbeeld_domain::people::Body;
use wijkbeeld_domain::text::has_control_characters;
use wijkbeeld_store::monitor as stored;
use wijkbeeld_store::{Tx, partners};

use super::MonitorError;
use crate::audit::Entry;
use crate::{App, Caller};

/// An indicator as typed in a form: every field as text, checked by [`create_indicator`] and
/// [`update_indicator`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndicatorDraft {
    /// Code; upper-cased when checked.
    pub code: String,
    /// Name.
    pub name: String,
    /// Definition.
    pub definition: String,
    /// A [`Unit`] code.
    pub unit: String,
    /// A [`Direction`] code.
    pub direction: String,
    /// A [`Theme`] code.
    pub theme: String,
    /// An [`IndicatorKind`] code.
    pub kind: String,
    /// Where the figures come from.
    pub source: String,
    /// The owning partner's id, or empty for the municipality.
    pub owner_partner: String,
    /// An [`IndicatorStatus`] code.
    pub status: String,
    /// Whether it is a key indicator.
    pub is_key: bool,
    /// Whether the public may see it.
    pub is_published: bool,
    /// Decimals to show, 0–6.
    pub decimals: String,
    /// The ids of its programmes.
    pub programmes: Vec<String>,
}

impl IndicatorDraft {
    /// The draft of a stored indicator.
    pub fn of(indicator: &Indicator, programmes: &[Id<Programme>]) -> IndicatorDraft {
        IndicatorDraft {
            code: indicator.code.clone(),
            name: indicator.name.clone(),
            definition: indicator.definition.clone(),
            unit: indicator.unit.code().to_owned(),
            direction: indicator.direction.code().to_owned(),
            theme: indicator.theme.code().to_owned(),
            kind: indicator.kind.code().to_owned(),
            source: indicator.source.clone(),
            owner_partner: indicator.owner_partner_id.map(|id| id.to_string()).unwrap_or_default(),
            status: indicator.status.code().to_owned(),
            is_key: indicator.is_key,
            is_published: indicator.is_published,
            decimals: indicator.decimals.to_string(),
            programmes: programmes.iter().map(ToString::to_string).collect(),
        }
    }
}

/// The longest indicator name and source accepted.
const MAX_INDICATOR_LINE: usize = 300;
/// The longest definition accepted.
const MAX_INDICATOR_TEXT: usize = 5_000;

/// Whether `code` (already upper-cased) is 2–40 characters of A–Z, 0–9 and `_`.
fn valid_indicator_code(code: &str) -> bool {
    (2..=40).contains(&code.len())
        && code
            .chars()
            .all(|character| character.is_ascii_uppercase() || character.is_ascii_digit() || character == '_')
}

/// Checks `draft` against the stored partners, programmes and codes (`except` is the indicator
/// being edited): the input to store, or every problem as (field, Fluent message id).
async fn check_indicator(
    tx: &mut Tx,
    body: Id<Body>,
    draft: &IndicatorDraft,
    except: Option<Id<Indicator>>,
) -> Result<stored::IndicatorInput, MonitorError> {
    fn vocabulary<T: std::str::FromStr>(
        problems: &mut Vec<(&'static str, &'static str)>,
        field: &'static str,
        text: &str,
    ) -> Option<T> {
        let parsed = text.trim().parse().ok();
        if parsed.is_none() {
            problems.push((field, "error-choose-from-list"));
        }
        parsed
    }
    let mut problems: Vec<(&'static str, &'static str)> = Vec::new();
    let code = draft.code.trim().to_uppercase();
    if !valid_indicator_code(&code) {
        problems.push(("code", "error-indicator-code"));
    } else if stored::indicator_code_taken(tx, body, &code, except).await? {
        problems.push(("code", "error-indicator-code-taken"));
    }
    let name = draft.name.trim().to_owned();
    if name.is_empty() {
        problems.push(("name", "error-indicator-name"));
    } else if name.chars().count() > MAX_INDICATOR_LINE {
        problems.push(("name", "error-indicator-too-long"));
    } else if has_control_characters(&name, false) {
        problems.push(("name", "error-control-characters"));
    }
    let definition = draft.definition.trim().to_owned();
    if definition.is_empty() {
        problems.push(("definition", "error-indicator-definition"));
    } else if definition.chars().count() > MAX_INDICATOR_TEXT {
        problems.push(("definition", "error-indicator-too-long"));
    } else if has_control_characters(&definition, true) {
        problems.push(("definition", "error-control-characters"));
    }
    let unit: Option<Unit> = vocabulary(&mut problems, "unit", &draft.unit);
    let direction: Option<Direction> = vocabulary(&mut problems, "direction", &draft.direction);
    let theme: Option<Theme> = vocabulary(&mut problems, "theme", &draft.theme);
    let kind: Option<IndicatorKind> = vocabulary(&mut problems, "kind", &draft.kind);
    let source = draft.source.trim().to_owned();
    if source.chars().count() > MAX_INDICATOR_LINE {
        problems.push(("source", "error-indicator-too-long"));
    } else if has_control_characters(&source, false) {
        problems.push(("source", "error-control-characters"));
    }
    let owner_partner_id = match draft.owner_partner.trim() {
        "" => None,
        text => {
            let known = partners::list(tx, body).await?;
            match text.parse::<i64>().ok().filter(|id| known.iter().any(|partner| partner.id.get() == *id)) {
                Some(id) => Some(id),
                None => {
                    problems.push(("owner", "error-choose-from-list"));
                    None
                }
            }
        }
    };
    let status: Option<IndicatorStatus> = vocabulary(&mut problems, "status", &draft.status);
    let decimals = match draft.decimals.trim().parse::<u8>() {
        Ok(decimals) if decimals <= 6 => Some(decimals),
        _ => {
            problems.push(("decimals", "error-indicator-decimals"));
            None
        }
    };
    let known_programmes: HashSet<i64> =
        stored::programmes(tx, body).await?.iter().map(|programme| programme.id.get()).collect();
    let mut programme_ids = Vec::new();
    for text in &draft.programmes {
        match text.trim().parse::<i64>().ok().filter(|id| known_programmes.contains(id)) {
            Some(id) if !programme_ids.contains(&Id::new(id)) => programme_ids.push(Id::new(id)),
            Some(_) => {}
            None => {
                if !problems.iter().any(|(field, _)| *field == "programmes") {
                    problems.push(("programmes", "error-indicator-programme"));
                }
            }
        }
    }
    match (unit, direction, theme, kind, status, decimals) {
        (Some(unit), Some(direction), Some(theme), Some(kind), Some(status), Some(decimals)) if problems.is_empty() => {
            Ok(stored::IndicatorInput {
                code,
                name,
                definition,
                unit,
                direction,
                theme,
                kind,
                source,
                owner_partner_id,
                status,
                is_key: draft.is_key,
                is_published: draft.is_published,
                decimals,
                programme_ids,
            })
        }
        _ => Err(MonitorError::Fields(problems)),
    }
}

/// The audit details of an indicator as stored.
fn indicator_details(input: &stored::IndicatorInput) -> serde_json::Value {
    serde_json::json!({
        "code": input.code,
        "name": input.name,
        "definition": input.definition,
        "unit": input.unit.code(),
        "direction": input.direction.code(),
        "theme": input.theme.code(),
        "kind": input.kind.code(),
        "source": input.source,
        "owner_partner_id": input.owner_partner_id,
        "status": input.status.code(),
        "is_key": input.is_key,
        "is_published": input.is_published,
        "decimals": input.decimals,
        "programme_ids": input.programme_ids.iter().map(|id| id.get()).collect::<Vec<_>>(),
    })
}

/// Every indicator of the caller's municipality, whatever its status (those who keep the
/// monitor).
pub async fn indicators(app: &App, caller: &Caller) -> Result<Vec<Indicator>, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let mut tx = app.store().begin().await?;
    let indicators = stored::indicators(&mut tx, caller.body()?).await?;
    tx.commit().await?;
    Ok(indicators)
}

/// What the indicator form offers besides the vocabularies: the partners that may own an
/// indicator and the programmes it may serve.
#[derive(Debug, Clone, Default)]
pub struct IndicatorForm {
    /// The partners, by name.
    pub partners: Vec<Partner>,
    /// The programmes.
    pub programmes: Vec<Programme>,
}

async fn form_in(tx: &mut Tx, body: Id<Body>) -> Result<IndicatorForm, MonitorError> {
    Ok(IndicatorForm { partners: partners::list(tx, body).await?, programmes: stored::programmes(tx, body).await? })
}

/// The choices of the form for a new indicator (those who keep the monitor).
pub async fn new_indicator(app: &App, caller: &Caller) -> Result<IndicatorForm, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let mut tx = app.store().begin().await?;
    let form = form_in(&mut tx, caller.body()?).await?;
    tx.commit().await?;
    Ok(form)
}

/// The indicator with `code` (any case) as a draft, its stored code, and the form's choices
/// (those who keep the monitor).
pub async fn edit_indicator(
    app: &App,
    caller: &Caller,
    code: &str,
) -> Result<(String, IndicatorDraft, IndicatorForm), MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let indicator = find(&mut tx, body, code).await?;
    let programmes: Vec<Id<Programme>> = stored::indicator_programmes(&mut tx, body)
        .await?
        .into_iter()
        .filter(|(id, _)| *id == indicator.id)
        .map(|(_, programme)| programme)
        .collect();
    let form = form_in(&mut tx, body).await?;
    tx.commit().await?;
    Ok((indicator.code.clone(), IndicatorDraft::of(&indicator, &programmes), form))
}

/// The indicator with `code` (any case), whatever its status.
pub(super) async fn find(tx: &mut Tx, body: Id<Body>, code: &str) -> Result<Indicator, MonitorError> {
    let wanted = code.trim();
    stored::indicators(tx, body)
        .await?
        .into_iter()
        .find(|indicator| indicator.code.eq_ignore_ascii_case(wanted))
        .ok_or_else(|| MonitorError::UnknownIndicator(wanted.to_owned()))
}

/// Adds an indicator (those who keep the monitor). Every problem of the draft is refused at once
/// as [`MonitorError::Fields`]. Audited. Returns the stored code.
pub async fn create_indicator(app: &App, caller: &Caller, draft: &IndicatorDraft) -> Result<String, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let input = check_indicator(write.tx(), body, draft, None).await?;
    let id = stored::create_indicator(write.tx(), body, &input, caller.now()).await?;
    let entry = Entry::new("indicator.create", "indicator").on(id.get()).details(indicator_details(&input));
    write.commit(entry).await?;
    Ok(input.code)
}

/// Changes the indicator with `code` (any case) to `draft` (those who keep the monitor); its
/// programme links are replaced. Every problem is refused at once as [`MonitorError::Fields`].
/// Audited. Returns the stored code, which may have changed.
pub async fn update_indicator(
    app: &App,
    caller: &Caller,
    code: &str,
    draft: &IndicatorDraft,
) -> Result<String, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let id = find(write.tx(), body, code).await?.id;
    let input = check_indicator(write.tx(), body, draft, Some(id)).await?;
    stored::update_indicator(write.tx(), body, id, &input, caller.now()).await?;
    let entry = Entry::new("indicator.update", "indicator").on(id.get()).details(indicator_details(&input));
    write.commit(entry).await?;
    Ok(input.code)
}
