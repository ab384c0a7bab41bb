//! How long the behandelvoorstel parser takes on the seed document (text extracted from its
//! PDF, about 2 kB): `cargo bench -p wijkbeeld-domain --bench parse`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use time::macros::date;
use wijkbeeld_domain::behandelvoorstel::{ParseOptions, decode, parse};

const SEED: &str = include_str!("../tests/data/behandelvoorstel/wijkgericht-werken.txt");

fn parse_seed(criterion: &mut Criterion) {
    let options = ParseOptions { year: None, today: date!(2026 - 11 - 28), people: &[], rooms: &[] };
    let people =
        vec!["Vincent ten Voorde".to_owned(), "Coen Hartendorp".to_owned(), "Marie-José Luttikholt".to_owned()];
    let rooms = vec!["Raadzaal".to_owned(), "Burgerzaal".to_owned(), "Commissiekamer 1".to_owned()];
    let known = ParseOptions { people: &people, rooms: &rooms, ..options };

    criterion.bench_function("parse seed", |bencher| bencher.iter(|| parse(black_box(SEED), &options)));
    criterion.bench_function("parse seed with known people and rooms", |bencher| {
        bencher.iter(|| parse(black_box(SEED), &known))
    });
    criterion.bench_function("decode and parse seed", |bencher| {
        bencher.iter(|| decode(black_box(SEED.as_bytes())).and_then(|text| parse(&text, &options)))
    });
}

criterion_group!(benches, parse_seed);
criterion_main!(benches);
