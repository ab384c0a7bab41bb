//! `wijkbeeld privacy purge`, and the daily purge that `serve` runs.

use std::time::Duration;

use anyhow::Result;
use wijkbeeld_app::{App, Caller, privacy};

/// Erases the contact details past their term and says how many.
pub(crate) async fn purge(app: App, caller: Caller, days: u32) -> Result<()> {
    let report = privacy::purge(&app, &caller, days).await?;
    println!(
        "Erased the contact details of {} registration{} to speak in sessions up to {}, and {} e-mail message{} queued before that term.",
        report.erased,
        if report.erased == 1 { "" } else { "s" },
        report.last_date,
        report.mails_erased,
        if report.mails_erased == 1 { "" } else { "s" },
    );
    Ok(())
}

/// Purges once at the start and then once a day, for as long as the server runs. A failure is
/// logged and tried again the next day; it never stops the server.
pub(crate) async fn purge_daily(app: App, days: u32) {
    let mut daily = tokio::time::interval(Duration::from_secs(24 * 60 * 60));
    daily.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        daily.tick().await;
        let purged = match app.system("privacy").await {
            Ok(caller) => privacy::purge(&app, &caller, days).await.map_err(anyhow::Error::from),
            Err(error) => Err(error.into()),
        };
        match purged {
            Ok(report) if report.erased > 0 => {
                tracing::info!(erased = report.erased, last_date = %report.last_date, "erased speakers' contact details")
            }
            Ok(_) => {}
            Err(error) => tracing::warn!("the daily purge of contact details failed: {error:#}"),
        }
    }
}
