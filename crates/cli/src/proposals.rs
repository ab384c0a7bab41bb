//! `wijkbeeld proposal …`: read a behandelvoorstel's text, import it as a concept, render a
//! stored one as PDF or HTML.

use std::path::Path;

use anyhow::{Context, Result, anyhow};
use wijkbeeld_app::proposals::{self, LinkKind, ProposalError};
use wijkbeeld_app::{Clock, DatabaseSetting};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::behandelvoorstel::{self, ParseOptions};

use crate::ProposalCommand;

fn read(file: &Path) -> Result<Vec<u8>> {
    std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))
}

pub(crate) async fn run(setting: &DatabaseSetting, command: ProposalCommand) -> Result<()> {
    match command {
        ProposalCommand::Parse { file, year } => {
            // Parsing needs no database: it uses the name structure alone.
            let bytes = read(&file)?;
            let text = behandelvoorstel::decode(&bytes).with_context(|| file.display().to_string())?;
            let options = ParseOptions { year, today: Clock::System.today(), people: &[], rooms: &[] };
            let document = behandelvoorstel::parse(&text, &options).with_context(|| file.display().to_string())?;
            println!("{}", serde_json::to_string_pretty(&document)?);
            Ok(())
        }
        ProposalCommand::Import { file, year } => {
            let bytes = read(&file)?;
            crate::with_app(setting, |app, caller| async move {
                let report =
                    proposals::import(&app, &caller, &bytes, year).await.with_context(|| file.display().to_string())?;
                println!(
                    "Imported {} as concept proposal {} ({}).",
                    file.display(),
                    report.id,
                    report.document.subject.as_deref().unwrap_or("no subject")
                );
                for link in &report.created {
                    match link.kind {
                        LinkKind::Document | LinkKind::Room => println!("  created: {link}"),
                        // A person is created as a person, in the role the text gives them.
                        _ => println!(
                            "  created: person {} ({})",
                            link.name,
                            link.to_string().trim_end_matches(&link.name).trim()
                        ),
                    }
                }
                for line in &report.linked {
                    println!("  linked:  {line}");
                }
                // The notes' English text: the command line speaks English.
                for note in &report.warnings {
                    println!("  warning: {note}");
                }
                Ok(())
            })
            .await
        }
        ProposalCommand::Render { id, format, output } => {
            crate::with_app(setting, |app, caller| async move {
                let detail = proposals::visible(&app, &caller, Id::new(id)).await.map_err(|error| match error {
                    ProposalError::NotFound(_) => anyhow!("there is no proposal {id}"),
                    other => other.into(),
                })?;
                let document = proposals::document_of(&detail);
                let bytes = match format.as_str() {
                    "pdf" => wijkbeeld_render::render_pdf(&document)?,
                    _ => wijkbeeld_render::render_html(&document).into_bytes(),
                };
                std::fs::write(&output, &bytes).with_context(|| format!("cannot write {}", output.display()))?;
                println!("Wrote proposal {id} as {format} to {} ({} bytes).", output.display(), bytes.len());
                Ok(())
            })
            .await
        }
    }
}
