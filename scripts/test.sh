#!/usr/bin/env bash
# Runs every test: the UI's type check and build, unit, doc and integration
# tests of the whole workspace, the end-to-end journeys in the real desktop
# window (under Xvfb, through tauri-driver) and in headless Chromium against
# the web mode, and a small run of the benchmarks so that they cannot rot
# (their figures are printed, never asserted).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"

# Two cores: keep the build from thrashing, and show full failures.
export CARGO_TERM_COLOR=never RUST_BACKTRACE=1

echo "== formatting"
cargo fmt --all -- --check

echo "== UI (type check and build into ui/dist, which the desktop app embeds)"
npm run -s build

echo "== build"
cargo build --workspace --all-targets --locked

echo "== tests"
cargo test --workspace --locked

echo "== end-to-end: the web mode in headless Chromium"
node tests/e2e/journeys.mjs --web target/debug/sourcetrace

echo "== end-to-end: the desktop window under Xvfb"
export PATH="$HOME/.cargo/bin:$PATH"
xvfb-run -a -s "-screen 0 1400x900x24" node tests/e2e/journeys.mjs --window target/debug/sourcetrace-desktop

echo "== benchmarks (small run; figures are not asserted)"
# The whole suite at a small size: analysis, peers that are installed, the
# F1 of each on PolNeAR dev when ../shared/eval is there, import, and the
# dashboard's queries over a library of 2,000 articles.
cargo run --locked -p sourcetrace-bench -- suite --articles 2000 --texts 60 --runs 3 --out target/bench-small
cargo run --locked -p sourcetrace-bench -- export --rows 5000
cargo run --locked -p sourcetrace-bench -- tone --sentences 2000

echo "== Spark (a partitioned corpus through the binary with RDD.pipe, checked against a local run)"
./scripts/spark/test.sh target/debug/sourcetrace target/debug/sourcetrace-bench
