//! The one integration-test binary of Sourcetrace. Each module covers one
//! promise the app makes, using real parts: a real SQLite file in a
//! temporary folder and the real `sourcetrace` binary.
//!
//! Tests that need the evaluation data in `../shared/eval` skip with a
//! printed notice when it is absent (a fresh clone has none).

mod support;

mod analysis;
mod attribution;
mod bad_input;
mod cli;
mod compare;
mod concurrency;
mod corrections;
mod crash;
mod credits;
mod desk;
mod export;
mod formats;
mod framing;
mod hostile;
mod html_extraction;
mod invariants;
mod library;
mod report;
mod sample;
mod stories;
