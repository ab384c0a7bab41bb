//! Any bytes through `decode` and any text through `parse`: neither may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use time::macros::date;
use wijkbeeld_domain::behandelvoorstel::{ParseOptions, decode, parse};

fuzz_target!(|bytes: &[u8]| {
    let _ = decode(bytes);
    let text = String::from_utf8_lossy(bytes);
    let people = ["Vincent ten Voorde".to_owned(), "Coen Hartendorp".to_owned()];
    let rooms = ["Raadzaal".to_owned(), "Commissiekamer 2".to_owned()];
    let options = ParseOptions { year: None, today: date!(2026 - 11 - 28), people: &[], rooms: &[] };
    let _ = parse(&text, &options);
    let _ = parse(&text, &ParseOptions { year: Some(2024), people: &people, rooms: &rooms, ..options });
});
