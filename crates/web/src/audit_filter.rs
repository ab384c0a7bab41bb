//! The audit log's filter as addresses carry it (Dutch parameter names, as typed), shared by
//! the audit page, its CSV export and the JSON API.

use serde::Deserialize;
use time::macros::{format_description, time};
use time::{Date, Duration};
use wijkbeeld_app::audit::AuditFilter;
use wijkbeeld_domain::local_time::dutch_moment;

/// Entries per page.
pub(crate) const PER_PAGE: i64 = 50;

/// The filter as the address carries it (Dutch parameter names, as typed).
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct AuditQuery {
    /// Only changes to this kind of record, e.g. proposal.
    #[serde(default)]
    pub(crate) entiteit: String,
    /// Only changes by actors whose name or address contains this text (any case).
    #[serde(default)]
    pub(crate) actor: String,
    /// From this day on (2023-09-26 or 26-09-2023).
    #[serde(default)]
    pub(crate) van: String,
    /// Up to and including this day.
    #[serde(default)]
    pub(crate) tot: String,
    /// The page, from 1.
    #[serde(default)]
    #[param(minimum = 1, default = 1)]
    pub(crate) pagina: Option<i64>,
}

/// A date typed the Dutch way (26-09-2023, also 26-9-2023) or as ISO (2023-09-26).
fn date(text: &str) -> Option<Date> {
    let text = text.trim();
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .or_else(|_| Date::parse(text, format_description!("[day padding:none]-[month padding:none]-[year]")))
        .ok()
}

impl AuditQuery {
    /// The filter; dates are whole Dutch days, `tot` included.
    pub(crate) fn filter(&self) -> AuditFilter {
        let text = |value: &str| Some(value.trim().to_owned()).filter(|value| !value.is_empty());
        AuditFilter {
            entity: text(&self.entiteit),
            actor: text(&self.actor),
            from: date(&self.van).map(|day| dutch_moment(day, time!(0:00))),
            until: date(&self.tot).map(|day| dutch_moment(day + Duration::days(1), time!(0:00))),
        }
    }

    /// The page asked for, from 1.
    pub(crate) fn page(&self) -> i64 {
        self.pagina.unwrap_or(1).max(1)
    }

    pub(crate) fn invalid_dates(&self) -> Vec<&'static str> {
        [("van", &self.van), ("tot", &self.tot)]
            .into_iter()
            .filter(|(_, text)| !text.trim().is_empty() && date(text).is_none())
            .map(|(field, _)| field)
            .collect()
    }

    pub(crate) fn with_page(&self, page: i64) -> String {
        serde_urlencoded::to_string([
            ("entiteit", self.entiteit.as_str()),
            ("actor", self.actor.as_str()),
            ("van", self.van.as_str()),
            ("tot", self.tot.as_str()),
            ("pagina", &page.to_string()),
        ])
        .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_cover_whole_dutch_days() {
        let query = AuditQuery { van: "2026-11-28".into(), tot: "28-11-2026".into(), ..AuditQuery::default() };
        let filter = query.filter();
        assert_eq!(filter.from, Some(time::macros::datetime!(2026-11-27 23:00 UTC)));
        assert_eq!(filter.until, Some(time::macros::datetime!(2026-11-28 23:00 UTC)));
        let wrong = AuditQuery { van: "28/11/26".into(), ..AuditQuery::default() };
        assert_eq!(wrong.filter().from, None);
        assert_eq!(wrong.invalid_dates(), ["van"]);
    }
}
