//! The planner on generated evenings: `cargo bench -p wijkbeeld-domain --bench planner`.
//! Prints, per preset, how many of 20 seeds were planned to proven optimality and the median and
//! slowest time, with the presets' share of proposals asking for their own room, chair and clerk
//! (half of them) and with none asking. A table, not criterion: one solve of the large evening takes up to seconds, and
//! what matters is the spread over instances, not the noise on one.

use std::time::{Duration, Instant};

use wijkbeeld_domain::planner::{GeneratorSettings, PlannerSettings, generate, plan};

fn main() {
    let seeds = 1..=20_u64;
    println!(
        "| evening | instances planned | proven optimal | median | slowest | unplaced (median) | requests not met \
         (median) | no plan |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    let presets = [
        ("typical 12×4×3", GeneratorSettings::TYPICAL),
        ("typical 12×4×3, no requests", GeneratorSettings { requests: 0, ..GeneratorSettings::TYPICAL }),
        ("large 40×6×4", GeneratorSettings::LARGE),
        ("large 40×6×4, no requests", GeneratorSettings { requests: 0, ..GeneratorSettings::LARGE }),
    ];
    for (name, preset) in presets {
        let mut times: Vec<Duration> = Vec::new();
        let mut optimal = 0;
        let mut unplaced = Vec::new();
        let mut unmet = Vec::new();
        let mut failed = 0;
        for seed in seeds.clone() {
            let evening = generate(&GeneratorSettings { seed, ..preset });
            let started = Instant::now();
            let outcome = match plan(&evening, &PlannerSettings::default()) {
                Ok(outcome) => outcome,
                Err(error) => {
                    eprintln!("{name}, seed {seed}: {error} after {:?}", started.elapsed());
                    failed += 1;
                    continue;
                }
            };
            times.push(started.elapsed());
            optimal += usize::from(outcome.optimal);
            unplaced.push(outcome.unplaced.len());
            unmet.push(outcome.unmet_requests.len());
        }
        if times.is_empty() {
            println!("| {name} | 0 | | | | | | {failed} |");
            continue;
        }
        times.sort();
        unplaced.sort_unstable();
        unmet.sort_unstable();
        println!(
            "| {name} | {} | {optimal} | {:.1} ms | {:.1} ms | {} | {} | {failed} |",
            times.len(),
            times[times.len() / 2].as_secs_f64() * 1000.0,
            times[times.len() - 1].as_secs_f64() * 1000.0,
            unplaced[unplaced.len() / 2],
            unmet[unmet.len() / 2]
        );
    }
}
