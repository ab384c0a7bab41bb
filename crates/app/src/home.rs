//! The home page: the municipality's published market evenings and its wijken.

use wijkbeeld_store::StoreError;
pub use wijkbeeld_store::overview::{EveningSummary, HomeOverview, WijkSummary};
use wijkbeeld_store::{demo, overview};

use crate::{App, Caller};

/// What the home page shows.
#[derive(Debug, Clone)]
pub struct Home {
    /// The evenings and wijken; empty before there is a municipality.
    pub overview: HomeOverview,
    /// Whether the data is the demo's (synthetic figures, fictional people).
    pub demo: bool,
}

/// The home page as of the caller's day.
pub async fn home(app: &App, caller: &Caller) -> Result<Home, StoreError> {
    let mut tx = app.store().begin().await?;
    let overview = match caller.body() {
        Ok(body) => overview::home(&mut tx, body, caller.today()).await?,
        Err(_) => HomeOverview::default(),
    };
    let demo = demo::anchor(&mut tx).await?.is_some();
    tx.commit().await?;
    Ok(Home { overview, demo })
}
