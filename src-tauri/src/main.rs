//! The Sourcetrace desktop app. All of it lives in the library crate so
//! that tests can build the same app.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    sourcetrace_desktop::run();
}
