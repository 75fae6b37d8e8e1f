//! The Sourcetrace desktop app. All of it lives in the library crate so
//! that tests can build the same app.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// mimalloc instead of the system allocator: the analysis allocates small
/// vectors and strings for every sentence, and glibc's malloc was about a
/// tenth of its time on one thread and more on two (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    sourcetrace_desktop::run();
}
