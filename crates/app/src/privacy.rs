//! Personal data kept no longer than needed (AVG): a speaker's e-mail address and phone number
//! are erased a set number of days after the session, and e-mail queued that long ago is
//! deleted with its recipient. The command line runs it on demand, and
//! `serve` once a day.

use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::privacy::{RetentionOutOfRange, last_date_to_erase, retention_days};
use wijkbeeld_store::{StoreError, privacy as stored};

use crate::audit::Entry;
use crate::{App, Caller, Denied, NoMunicipality};

/// What a purge erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurgeReport {
    /// Sessions on evenings up to this date were past their term.
    pub last_date: time::Date,
    /// Registrations whose contact details were erased now.
    pub erased: u64,
    /// E-mail messages (their recipients with them) deleted now, queued before that term.
    pub mails_erased: u64,
}

/// Why a purge was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum PrivacyError {
    /// The caller may not.
    #[error(transparent)]
    Denied(#[from] Denied),
    /// There is no municipality yet.
    #[error(transparent)]
    NoMunicipality(#[from] NoMunicipality),
    /// The retention period is out of range.
    #[error(transparent)]
    Retention(#[from] RetentionOutOfRange),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Erases the contact details of the speakers of every session of the caller's municipality
/// that took place `days` or more days ago. The names, topics and counts stay. A purge that
/// erases something is audited (`privacy.purge`, with the number and the date); one that finds
/// nothing to erase writes nothing, so a daily run leaves no trail of empty entries.
pub async fn purge(app: &App, caller: &Caller, days: u32) -> Result<PurgeReport, PrivacyError> {
    caller.require(Permission::PurgePersonalData)?;
    let body = caller.body()?;
    let days = retention_days(days)?;
    let last_date = last_date_to_erase(caller.today(), days);
    let mut write = app.write(caller).await?;
    let erased = stored::erase_speaker_contacts(write.tx(), body, last_date, caller.now()).await?;
    let mail_term = caller.now() - time::Duration::days(i64::from(days));
    let mails_erased = stored::erase_old_mail(write.tx(), body, mail_term).await?;
    if erased > 0 || mails_erased > 0 {
        let details = serde_json::json!({
            "erased": erased, "mails_erased": mails_erased, "last_date": last_date.to_string(), "days": days
        });
        write.commit(Entry::new("privacy.purge", "speaker_registration").details(details)).await?;
    }
    Ok(PurgeReport { last_date, erased, mails_erased })
}
