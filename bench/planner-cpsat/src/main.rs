//! `cargo run --release -- OUTPUT_DIR`: generates the large and typical evenings of seeds 1 to 20,
//! plans each with the planner's default settings (its 5 s limit), and writes one JSON file per
//! evening into OUTPUT_DIR: the evening itself, and what the planner made of it, so that
//! `compare.py` can solve exactly the same evening with CP-SAT and check the plan independently.

use std::path::PathBuf;
use std::time::Instant;

use serde_json::{Value, json};
use wijkbeeld_domain::planner::{GeneratorSettings, Outcome, PlanError, PlannerSettings, generate, plan};

const SEEDS: std::ops::RangeInclusive<u64> = 1..=20;

fn main() {
    let Some(output) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: planner-cpsat OUTPUT_DIR");
        std::process::exit(2);
    };
    std::fs::create_dir_all(&output).expect("the output directory can be made");
    let settings = PlannerSettings::default();
    for (size, base) in [("large", GeneratorSettings::LARGE), ("typical", GeneratorSettings::TYPICAL)] {
        for seed in SEEDS {
            let name = format!("{size}-{seed:02}");
            // No proposal asks for its own room, chair or clerk: this model does not weigh it, and the
            // evenings stay those measured in BENCHMARKS.md.
            let evening = generate(&GeneratorSettings { seed, requests: 0, ..base });
            let started = Instant::now();
            let outcome = plan(&evening, &settings);
            let seconds = started.elapsed().as_secs_f64();
            let wijkbeeld = match &outcome {
                Ok(outcome) => json!({
                    "objective": outcome.objective,
                    "optimal": outcome.optimal,
                    "seconds": seconds,
                    "placed": outcome.plan.placements.len(),
                    // The plan itself, so that compare.py can check it against the rules on its own.
                    "placements": outcome.plan.placements,
                }),
                // No plan (pins that conflict, or none found in time): compare.py reports it.
                Err(error) => json!({ "error": error.to_string(), "seconds": seconds }),
            };
            let record: Value = json!({
                "name": name,
                "seed": seed,
                "evening": evening,
                // The weights the objective was computed with, so that CP-SAT minimises the same sum.
                "weights": settings.weights,
                "wijkbeeld": wijkbeeld,
            });
            let path = output.join(format!("{name}.json"));
            let text = serde_json::to_string_pretty(&record).expect("the record serialises");
            std::fs::write(&path, text).expect("the record can be written");
            eprintln!("{name}: {seconds:.3} s, {}", summary(&outcome));
        }
    }
}

/// One line of progress for the terminal.
fn summary(outcome: &Result<Outcome, PlanError>) -> String {
    match outcome {
        Ok(outcome) => format!("objective {}, optimal {}", outcome.objective, outcome.optimal),
        Err(error) => format!("no plan: {error}"),
    }
}
