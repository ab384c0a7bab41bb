//! `cargo run --release -- [SECONDS] [--aggregate]`: plans five generated typical and five large
//! evenings and prints a table: time, objective, proven optimal, placed, unplaced, and the hard
//! rules the plan breaks by the domain's own checker.

mod solve;

use std::time::{Duration, Instant};

use wijkbeeld_domain::planner::{GeneratorSettings, check, generate};

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let aggregate = arguments.iter().any(|argument| argument == "--aggregate");
    let limit: f64 = arguments.iter().find_map(|argument| argument.parse().ok()).unwrap_or(10.0);
    println!("| evening | seed | ms | objective | optimal | placed | unplaced | conflicts |");
    println!("|---|---|---|---|---|---|---|---|");
    for (name, base) in [("typical", GeneratorSettings::TYPICAL), ("large", GeneratorSettings::LARGE)] {
        for seed in 1..=5 {
            // No proposal asks for its own room, chair or clerk: this model does not weigh it, and the
            // evenings stay those measured in BENCHMARKS.md.
            let evening = generate(&GeneratorSettings { seed, requests: 0, ..base });
            let started = Instant::now();
            let outcome = solve::plan(&evening, &solve::Weights::default(), Duration::from_secs_f64(limit), aggregate);
            let milliseconds = started.elapsed().as_secs_f64() * 1000.0;
            match outcome {
                Ok(outcome) => println!(
                    "| {name} | {seed} | {milliseconds:.1} | {:.1} | {} | {} | {} | {} |",
                    outcome.objective,
                    outcome.optimal,
                    outcome.plan.placements.len(),
                    outcome.unplaced.len(),
                    check(&evening, &outcome.plan).len()
                ),
                Err(error) => println!("| {name} | {seed} | {milliseconds:.1} | {error:?} | | | | |"),
            }
        }
    }
}
