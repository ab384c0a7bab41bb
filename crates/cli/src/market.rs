//! `wijkbeeld market …`: list the market evenings, and plan one with the session planner.

use std::fmt::Write as _;
use std::time::Duration;

use anyhow::{Result, anyhow};
use time::Date;
use wijkbeeld_app::market::{self, Proposed};
use wijkbeeld_app::{App, Caller, DatabaseSetting};
use wijkbeeld_domain::planner::PlanError;

use crate::MarketCommand;

fn parse_date(text: &str) -> Result<Date> {
    Date::parse(text, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| anyhow!("'{text}' is not a date as YYYY-MM-DD"))
}

/// "19:30-21:00" as (start, end).
fn parse_round(text: &str) -> Result<(time::Time, time::Time)> {
    let clock = time::macros::format_description!("[hour]:[minute]");
    let parsed = text.split_once('-').and_then(|(start, end)| {
        Some((time::Time::parse(start.trim(), clock).ok()?, time::Time::parse(end.trim(), clock).ok()?))
    });
    parsed.ok_or_else(|| anyhow!("--round '{text}' is not a round as HH:MM-HH:MM"))
}

async fn evening_on(app: &App, caller: &Caller, date: Date) -> Result<i64> {
    market::evening_on(app, caller, date).await?.ok_or_else(|| anyhow!("there is no market evening on {date}"))
}

pub(crate) async fn run(setting: &DatabaseSetting, command: MarketCommand) -> Result<()> {
    match command {
        MarketCommand::Add { date, rounds, title } => {
            let date = parse_date(&date)?;
            let rounds = rounds.iter().map(|round| parse_round(round)).collect::<Result<Vec<_>>>()?;
            crate::with_app(setting, |app, caller| async move {
                let id = market::create_evening(&app, &caller, date, &title, &rounds).await?;
                println!("Added market evening {id} on {date} with {} round(s), unpublished.", rounds.len());
                Ok(())
            })
            .await
        }
        MarketCommand::Staff { date, chairs, clerks } => {
            let date = parse_date(&date)?;
            crate::with_app(setting, |app, caller| async move {
                let evening = evening_on(&app, &caller, date).await?;
                market::set_staff(&app, &caller, evening, &chairs, &clerks).await?;
                println!("The evening of {date} has {} chair(s) and {} clerk(s).", chairs.len(), clerks.len());
                Ok(())
            })
            .await
        }
        MarketCommand::Absent { date, person, rounds } => {
            let date = parse_date(&date)?;
            crate::with_app(setting, |app, caller| async move {
                let evening = evening_on(&app, &caller, date).await?;
                market::set_absences(&app, &caller, evening, &person, &rounds).await?;
                println!("{person} is absent on {date} in {} round(s).", rounds.len());
                Ok(())
            })
            .await
        }
        MarketCommand::Weights { set } => {
            crate::with_app(setting, |app, caller| async move {
                let current = market::weights(&app, &caller).await?;
                let mut json = serde_json::to_value(current)?;
                for assignment in &set {
                    let (name, value) =
                        assignment.split_once('=').ok_or_else(|| anyhow!("--set '{assignment}' is not NAME=VALUE"))?;
                    let name = name.trim().replace('-', "_");
                    let value: u32 = value
                        .trim()
                        .parse()
                        .map_err(|_| anyhow!("--set {name}: '{}' is not a whole number of 0 or more", value.trim()))?;
                    let slot = json.get_mut(&name).ok_or_else(|| {
                    anyhow!(
                        "--set: there is no weight '{name}' (unplaced, same_domain, chair_load, clerk_load, round_used, request)"
                    )
                })?;
                    *slot = value.into();
                }
                let weights = serde_json::from_value(json)?;
                if !set.is_empty() {
                    market::set_weights(&app, &caller, &weights).await?;
                }
                println!("{}", serde_json::to_string_pretty(&weights)?);
                Ok(())
            })
            .await
        }
        MarketCommand::List { json } => {
            crate::with_app(setting, |app, caller| async move {
                let evenings = market::evenings(&app, &caller).await?;
                if json {
                    let list: Vec<serde_json::Value> = evenings
                        .iter()
                        .map(|evening| {
                            serde_json::json!({
                                "id": evening.id,
                                "date": evening.date.to_string(),
                                "title": evening.title,
                                "published": evening.published,
                                "rounds": evening.rounds,
                                "sessions": evening.sessions,
                            })
                        })
                        .collect();
                    println!("{}", serde_json::to_string_pretty(&list)?);
                } else {
                    println!(
                        "{:<12} {:<5} {:<20} {:>6} {:>8}  gepubliceerd",
                        "datum", "id", "titel", "rondes", "sessies"
                    );
                    for evening in &evenings {
                        println!(
                            "{:<12} {:<5} {:<20} {:>6} {:>8}  {}",
                            evening.date.to_string(),
                            evening.id,
                            evening.title,
                            evening.rounds,
                            evening.sessions,
                            if evening.published { "ja" } else { "nee" }
                        );
                    }
                }
                Ok(())
            })
            .await
        }
        MarketCommand::Plan { date, json, apply, time_limit } => {
            let date = parse_date(&date)?;
            if !(time_limit > 0.0 && time_limit <= 3600.0) {
                return Err(anyhow!("--time-limit must be between 0 and 3600 seconds"));
            }
            crate::with_app(setting, |app, caller| async move {
                let evening = evening_on(&app, &caller, date).await?;
                let proposed = market::propose(&app, &caller, evening, Duration::from_secs_f64(time_limit)).await?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&as_json(&proposed))?);
                } else {
                    print!("{}", as_table(&proposed));
                }
                let outcome = match &proposed.outcome {
                    Ok(outcome) => outcome,
                    Err(PlanError::PinsConflict(reasons)) => {
                        return Err(anyhow!("the pinned sessions cannot all be held: {}", reasons.join("; ")));
                    }
                    Err(error) => return Err(anyhow!("{error}")),
                };
                if !outcome.unplaced.is_empty() {
                    return Err(anyhow!(
                        "{} session(s) cannot be placed: {}",
                        outcome.unplaced.len(),
                        outcome.explanation.join("; ")
                    ));
                }
                if apply {
                    let placements: Vec<_> =
                        outcome.plan.placements.iter().map(|placement| proposed.problem.stored(placement)).collect();
                    // Every session is placed (checked above), so none is taken off the evening.
                    market::apply_plan(&app, &caller, evening, &placements, false).await?;
                    eprintln!("The plan is stored.");
                }
                Ok(())
            })
            .await
        }
    }
}

/// The plan as the JSON: optimal, objective, sessions, unplaced, explanation.
fn as_json(proposed: &Proposed) -> serde_json::Value {
    let problem = &proposed.problem;
    let evening = &problem.evening;
    let subject = |session: usize| evening.sessions[session].subject.clone();
    let holder = |session: usize| {
        evening.sessions[session].portfolio_holder.map(|holder| evening.portfolio_holders[holder].name.clone())
    };
    match &proposed.outcome {
        Ok(outcome) => {
            let sessions: Vec<serde_json::Value> = outcome
                .plan
                .placements
                .iter()
                .map(|placement| {
                    let row = &proposed.planning.sessions[placement.session];
                    serde_json::json!({
                        "proposal": subject(placement.session),
                        "proposal_id": row.proposal_id,
                        "case_number": row.case_number,
                        "room": evening.rooms[placement.room].name,
                        "rounds": placement.rounds().map(|round| round + 1).collect::<Vec<_>>(),
                        "chair": evening.chairs[placement.chair].name,
                        "clerk": evening.clerks[placement.clerk].name,
                        "portfolio_holder": holder(placement.session),
                    })
                })
                .collect();
            serde_json::json!({
                "optimal": outcome.optimal,
                "objective": outcome.objective,
                "sessions": sessions,
                "unplaced": outcome.unplaced.iter().map(|session| subject(*session)).collect::<Vec<_>>(),
                "explanation": outcome.explanation,
            })
        }
        Err(error) => {
            let explanation = match error {
                PlanError::PinsConflict(reasons) => reasons.clone(),
                other => vec![other.to_string()],
            };
            serde_json::json!({
                "optimal": false,
                "objective": null,
                "sessions": [],
                "unplaced": (0..evening.sessions.len()).map(subject).collect::<Vec<_>>(),
                "explanation": explanation,
            })
        }
    }
}

/// The plan as a table of rooms × rounds, then what is left out and why.
fn as_table(proposed: &Proposed) -> String {
    let evening = &proposed.problem.evening;
    let planning = &proposed.planning;
    let mut text = String::new();
    let _ = writeln!(text, "{} {}", planning.title, planning.date);
    let Ok(outcome) = &proposed.outcome else {
        if let Err(PlanError::PinsConflict(reasons)) = &proposed.outcome {
            for reason in reasons {
                let _ = writeln!(text, "  - {reason}");
            }
        }
        return text;
    };
    let _ = writeln!(
        text,
        "Doelwaarde {} ({})",
        outcome.objective,
        if outcome.optimal { "bewezen optimaal" } else { "beste binnen de tijdslimiet" }
    );
    let width = 34;
    let mut header = format!("{:<18}", "zaal");
    for round in &planning.rounds {
        let _ =
            write!(header, " | {:<width$}", format!("ronde {} {}–{}", round.position, round.starts_at, round.ends_at));
    }
    let _ = writeln!(text, "{header}");
    for (room_index, room) in evening.rooms.iter().enumerate() {
        let mut line = format!("{:<18}", room.name);
        for round in 0..evening.rounds.len() {
            let cell = outcome
                .plan
                .placements
                .iter()
                .find(|p| p.room == room_index && p.rounds().contains(&round))
                .map(|p| {
                    let subject: String = evening.sessions[p.session].subject.chars().take(20).collect();
                    format!("{subject} ({})", evening.chairs[p.chair].name.split(' ').next_back().unwrap_or_default())
                })
                .unwrap_or_default();
            let cell: String = cell.chars().take(width).collect();
            let _ = write!(line, " | {cell:<width$}");
        }
        let _ = writeln!(text, "{line}");
    }
    for placement in &outcome.plan.placements {
        let _ = writeln!(
            text,
            "  {}: {}, ronde {}; voorzitter {}, griffie {}",
            evening.sessions[placement.session].subject,
            evening.rooms[placement.room].name,
            placement.rounds().map(|round| (round + 1).to_string()).collect::<Vec<_>>().join("–"),
            evening.chairs[placement.chair].name,
            evening.clerks[placement.clerk].name
        );
    }
    for session in &outcome.unplaced {
        let _ = writeln!(text, "Niet geplaatst: {}", evening.sessions[*session].subject);
    }
    for reason in &outcome.explanation {
        let _ = writeln!(text, "  - {reason}");
    }
    text
}
