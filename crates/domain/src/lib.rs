//! wijkbeeld's domain: the types and rules of the council loop (proposals, market evenings,
//! sessions, speakers, outcomes) and of the neighbourhood loop (areas, indicators, measurements,
//! targets, wijkagenda's), and the demo data set.
//!
//! This crate does no I/O: no files, no database, no clock. Whatever it needs from outside —
//! the text of a file, today's date — it is given, so every rule here can be tested alone.

pub mod access;
pub mod agenda;
pub mod analysis;
pub mod area;
pub mod attendance;
pub mod behandelvoorstel;
pub mod boundaries;
mod code_enum;
pub mod demo;
pub mod dutch;
pub mod id;
pub mod import;
pub mod local_time;
pub mod market;
pub mod measurement_import;
pub mod monitor;
pub mod outcome;
pub mod people;
pub mod period;
pub mod planner;
pub mod privacy;
pub mod proposal;
pub mod speaking;
pub mod text;

pub use code_enum::UnknownCode;
pub use id::Id;
