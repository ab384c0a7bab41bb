//! The site through its real interface (the router, in-process), on SQLite and PostgreSQL.
//!
//! One test binary rather than one per file: each binary links the whole stack, typst
//! included, and seven of them filled a CI machine's disk.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

mod support;

mod chair;
mod council;
mod evening;
mod interface;
mod mail;
mod market;
mod monitor;
mod monitor_import;
mod monitor_reading;
mod monitor_settings;
mod outcome;
mod pages;
mod planner_requests;
mod proposals;
mod proposals_import;
mod security;
mod speaking;
