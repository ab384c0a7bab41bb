//! How long rendering the seed's behandelvoorstel takes: as PDF (typst, the heavy one) and as
//! HTML; and a wijkrapportage of a large wijk as PDF. `cargo bench -p wijkbeeld-render --bench
//! render` (add `-- report` for the wijkrapportage alone).

#![allow(missing_docs)] // criterion's macros generate undocumented items

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use wijkbeeld_render::{render_area_report, render_html, render_pdf};

#[path = "../tests/render/seed.rs"]
#[allow(dead_code)] // the tests use more of it than the benchmark
mod seed;

#[path = "../tests/render/sample_report.rs"]
#[allow(dead_code)] // the tests use more of it than the benchmark
mod sample_report;

fn render(criterion: &mut Criterion) {
    let document = seed::document();
    criterion.bench_function("render_pdf/seed", |bencher| {
        bencher.iter(|| render_pdf(black_box(&document)).expect("the seed renders"))
    });
    // typst memoises across compilations; a document it has not seen shows the cost without
    // that help, as when a server renders one proposal after another.
    let mut case = 0_u32;
    criterion.bench_function("render_pdf/seed, new case number each time", |bencher| {
        bencher.iter(|| {
            case += 1;
            let document = wijkbeeld_domain::behandelvoorstel::ProposalDocument {
                case_number: Some(case.to_string()),
                ..document.clone()
            };
            render_pdf(black_box(&document)).expect("the seed renders")
        })
    });
    // The worst case: typst's cache emptied before every render, as for the first document a
    // server renders (the fonts and the standard library stay loaded).
    criterion.bench_function("render_pdf/seed, cache emptied first", |bencher| {
        bencher.iter(|| {
            typst::comemo::evict(0);
            render_pdf(black_box(&document)).expect("the seed renders")
        })
    });
    criterion.bench_function("render_html/seed", |bencher| bencher.iter(|| render_html(black_box(&document))));
}

/// A wijk with 50 indicators over the 4 themes, each with a series of 20 years (a sparkline
/// apiece), and 10 buurten: four pages.
fn report(criterion: &mut Criterion) {
    let report = sample_report::wijk(50, 20, 10);
    criterion.bench_function("render_area_report/wijk, 50 indicators, 20 years, 10 buurten", |bencher| {
        bencher.iter(|| render_area_report(black_box(&report)).expect("the report renders"))
    });
    // A report typst has not seen (another area's name on every page), as when a server
    // renders one wijk after another.
    let mut number = 0_u32;
    criterion.bench_function(
        "render_area_report/wijk, 50 indicators, 20 years, 10 buurten, new name each time",
        |bencher| {
            bencher.iter(|| {
                number += 1;
                let report = wijkbeeld_render::AreaReport { area_name: format!("Wijk {number}"), ..report.clone() };
                render_area_report(black_box(&report)).expect("the report renders")
            })
        },
    );
    // As for the behandelvoorstel: the first report a server renders, typst's cache empty.
    criterion.bench_function(
        "render_area_report/wijk, 50 indicators, 20 years, 10 buurten, cache emptied first",
        |bencher| {
            bencher.iter(|| {
                typst::comemo::evict(0);
                render_area_report(black_box(&report)).expect("the report renders")
            })
        },
    );
}

criterion_group!(benches, render, report);
criterion_main!(benches);
