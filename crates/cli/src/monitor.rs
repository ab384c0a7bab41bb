//! `wijkbeeld monitor show` (an area's analysis) and `wijkbeeld data …` (importing areas and
//! measurements).

use anyhow::{Result, anyhow};
use wijkbeeld_app::DatabaseSetting;
use wijkbeeld_app::monitor;
use wijkbeeld_domain::period::Period;

use crate::{DataCommand, MonitorCommand};

fn parse_period(text: Option<&str>) -> Result<Option<Period>> {
    text.map(|text| text.parse::<Period>().map_err(|error| anyhow!("--period: {error}"))).transpose()
}

/// A number for the table, or a dash.
fn figure(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "–".to_owned(), |value| format!("{value:.decimals$}"))
}

fn read_text(file: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(file).map_err(|error| anyhow!("{}: {error}", file.display()))?;
    String::from_utf8(bytes).map_err(|_| anyhow!("{}: the file is not UTF-8 text", file.display()))
}

pub(crate) async fn show(setting: &DatabaseSetting, command: MonitorCommand) -> Result<()> {
    let MonitorCommand::Show { area, period, json } = command;
    let period = parse_period(period.as_deref())?;
    crate::with_app(setting, |app, caller| async move {
        let profile = monitor::area_profile(&app, &caller, &area, period).await?;
        let report = profile.report();
        if json {
            println!("{}", serde_json::to_string_pretty(&report)?);
            return Ok(());
        }
        println!("{} ({}), {}", report.name, report.area, report.period);
        if let Some(base) = report.base_period {
            println!(
                "index {} (objectief {}, subjectief {}; basisjaar {base})",
                figure(report.index, 1),
                figure(report.index_objective, 1),
                figure(report.index_subjective, 1)
            );
            let themes: Vec<String> =
                report.themes.iter().map(|(theme, score)| format!("{theme} {}", figure(*score, 1))).collect();
            println!("thema's: {}", themes.join(", "));
        }
        println!();
        println!(
            "{:<26} {:<12} {:>8} {:>7} {:>7} {:>8} {:>9} {:>8}  doel",
            "indicator", "thema", "periode", "waarde", "score", "verschil", "trend/jaar", "stad"
        );
        for indicator in &report.indicators {
            let change = match (indicator.change_previous, indicator.change_previous_is_real) {
                (Some(change), Some(false)) => format!("({change:+.1})"),
                (Some(change), _) => format!("{change:+.1}"),
                (None, _) => "–".to_owned(),
            };
            println!(
                "{:<26} {:<12} {:>8} {:>7} {:>7} {:>8} {:>9} {:>8}  {}",
                indicator.code,
                indicator.theme.to_string(),
                indicator.value_period.map_or_else(|| "–".to_owned(), |period| period.to_string()),
                figure(indicator.value, 1),
                figure(indicator.score, 1),
                change,
                indicator.trend_per_year.map_or_else(|| "–".to_owned(), |trend| format!("{trend:+.2}")),
                figure(indicator.city_value, 1),
                indicator.target_status.map_or_else(|| "–".to_owned(), |status| status.to_string()),
            );
        }
        Ok(())
    })
    .await
}

pub(crate) async fn import(setting: &DatabaseSetting, command: DataCommand) -> Result<()> {
    match command {
        DataCommand::Import { file, period } => {
            let period = parse_period(period.as_deref())?;
            let text = read_text(&file)?;
            let name = file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
            crate::with_app(setting, |app, caller| async move {
                let outcome = monitor::import_measurements(&app, &caller, &text, &name, period)
                    .await
                    .map_err(|error| anyhow!("{}: {error}", file.display()))?;
                println!(
                    "Imported {} measurement(s) ({} replaced) for {} from {name}{}{}.",
                    outcome.written,
                    outcome.replaced,
                    outcome.periods.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
                    if outcome.populations > 0 {
                        format!(", with inhabitants of {} area(s)", outcome.populations)
                    } else {
                        String::new()
                    },
                    if outcome.missing > 0 {
                        format!("; {} value(s) marked missing were skipped", outcome.missing)
                    } else {
                        String::new()
                    },
                );
                if !outcome.unmapped_columns.is_empty() {
                    println!("Columns not mapped to an indicator: {}", outcome.unmapped_columns.join(", "));
                }
                Ok(())
            })
            .await
        }
        DataCommand::Boundaries { file, code_properties } => {
            let text = read_text(&file)?;
            crate::with_app(setting, |app, caller| async move {
                let properties: Vec<&str> = code_properties.iter().map(String::as_str).collect();
                let count = monitor::import_boundaries(&app, &caller, &text, &properties)
                    .await
                    .map_err(|error| anyhow!("{}: {error}", file.display()))?;
                println!("Stored the boundaries of {count} area(s).");
                Ok(())
            })
            .await
        }
        DataCommand::Areas { file } => {
            let text = read_text(&file)?;
            crate::with_app(setting, |app, caller| async move {
                let (added, updated) = monitor::import_areas(&app, &caller, &text)
                    .await
                    .map_err(|error| anyhow!("{}: {error}", file.display()))?;
                println!("Added {added} area(s), updated {updated}.");
                Ok(())
            })
            .await
        }
    }
}
