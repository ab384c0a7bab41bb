//! A wijk's agenda: its priorities, the actions partners take on them, the initiatives residents
//! submit, and the register of active residents.

use time::{Date, OffsetDateTime};

use crate::code_enum::code_enum;
use crate::id::Id;
use crate::monitor::{Area, Indicator, Partner, Programme};

/// A priority on a wijk's agenda (wijkagenda), for a year.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Priority {
    /// Identifier.
    pub id: Id<Priority>,
    /// The wijk.
    pub area_id: Id<Area>,
    /// The year of the agenda.
    pub year: i32,
    /// Order on the agenda, from 1.
    pub position: u16,
    /// Title, e.g. "Meer ontmoeting in de buurt".
    pub title: String,
    /// What it means and why.
    pub description: Option<String>,
}

code_enum! {
    /// Where an action stands.
    pub enum ActionStatus {
        /// Planned.
        Planned = "gepland",
        /// Running.
        Running = "lopend",
        /// Done.
        Done = "afgerond",
        /// Stopped before it was done.
        Cancelled = "vervallen",
    }
}

/// An action on a wijk's agenda (wijkactie), owned by a partner or the municipality.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Action {
    /// Identifier.
    pub id: Id<Action>,
    /// The wijk (or buurt).
    pub area_id: Id<Area>,
    /// The priority it serves.
    pub priority_id: Option<Id<Priority>>,
    /// Title.
    pub title: String,
    /// What will be done.
    pub description: Option<String>,
    /// The partner responsible; `None` when the municipality itself is.
    pub owner_partner_id: Option<Id<Partner>>,
    /// The programme it belongs to.
    pub programme_id: Option<Id<Programme>>,
    /// The indicators it should move.
    pub indicator_ids: Vec<Id<Indicator>>,
    /// Status.
    pub status: ActionStatus,
    /// Start date.
    pub start_date: Option<Date>,
    /// End date.
    pub end_date: Option<Date>,
    /// Budget in euro cents.
    pub budget_cents: Option<i64>,
}

code_enum! {
    /// Where a residents' initiative stands.
    pub enum InitiativeStatus {
        /// Submitted by residents.
        Submitted = "ingediend",
        /// Being reviewed by the wijkcoördinator.
        InReview = "in_behandeling",
        /// Approved.
        Approved = "goedgekeurd",
        /// Rejected, with a reason.
        Rejected = "afgewezen",
        /// Carried out.
        Done = "afgerond",
    }
}

/// A residents' initiative (bewonersinitiatief) submitted by the public.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Initiative {
    /// Identifier.
    pub id: Id<Initiative>,
    /// The wijk or buurt.
    pub area_id: Id<Area>,
    /// Title.
    pub title: String,
    /// What the residents want to do.
    pub description: String,
    /// The submitter's name.
    pub submitter_name: String,
    /// The submitter's e-mail address; personal data, never published.
    pub submitter_email: Option<String>,
    /// Budget asked for, in euro cents.
    pub requested_budget_cents: Option<i64>,
    /// Status.
    pub status: InitiativeStatus,
    /// The reviewer's reasons.
    pub review_note: Option<String>,
    /// When submitted.
    #[serde(with = "time::serde::rfc3339")]
    pub submitted_at: OffsetDateTime,
}

code_enum! {
    /// How a resident is active in the neighbourhood.
    pub enum Activity {
        /// Volunteer (vrijwilliger).
        Volunteer = "vrijwilliger",
        /// Member of a residents' initiative (initiatiefnemer).
        InitiativeMember = "initiatiefnemer",
        /// Member of a residents' association or wijkraad.
        AssociationMember = "bewonerscommissie",
        /// Buurtpreventie, buurtapp, neighbourhood watch.
        NeighbourhoodWatch = "buurtpreventie",
    }
}

/// A resident registered as active in a wijk or buurt (actieve inwoner). The register yields the
/// indicator "active residents per 1,000 inhabitants".
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActiveResident {
    /// Identifier.
    pub id: Id<ActiveResident>,
    /// Where the resident is active.
    pub area_id: Id<Area>,
    /// Name.
    pub name: String,
    /// E-mail address; personal data, never published.
    pub email: Option<String>,
    /// How.
    pub activity: Activity,
    /// The initiative, for initiative members.
    pub initiative_id: Option<Id<Initiative>>,
    /// First day.
    pub registered_on: Date,
    /// Last day, when the resident stopped.
    pub ended_on: Option<Date>,
}
