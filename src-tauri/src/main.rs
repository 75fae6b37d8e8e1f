//! The Sourcetrace desktop app. All of it lives in the library crate so
//! that tests can build the same app.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

// The allocator of the command line too: the analysis runs about 1.5 times
// as fast with it (see crates/cli/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    sourcetrace_desktop::run();
}
