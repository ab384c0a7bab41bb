//! How long rendering the seed's behandelvoorstel takes: as PDF (typst, the heavy one) and as
//! HTML. `cargo bench -p wijkbeeld-render --bench render`.

#![allow(missing_docs)] // criterion's macros generate undocumented items

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use wijkbeeld_render::{render_html, render_pdf};

#[path = "../tests/render/seed.rs"]
#[allow(dead_code)] // the tests use more of it than the benchmark
mod seed;

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

criterion_group!(benches, render);
criterion_main!(benches);
