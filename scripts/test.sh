#!/usr/bin/env bash
# Runs every test: unit, doc and integration tests of the whole workspace,
# the desktop window under Xvfb, and a small run of the benchmarks so that
# they cannot rot (their figures are printed, never asserted).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"

# Two cores: keep the build from thrashing, and show full failures.
export CARGO_TERM_COLOR=never RUST_BACKTRACE=1

echo "== formatting"
cargo fmt --all -- --check

echo "== build"
cargo build --workspace --all-targets --locked

echo "== tests"
cargo test --workspace --locked

echo "== desktop window"
./scripts/smoke-window.sh target/debug/sourcetrace-desktop

echo "== benchmarks (small run; figures are not asserted)"
# The whole suite at a small size: analysis, peers that are installed, the
# F1 of each on PolNeAR dev when ../shared/eval is there, import, and the
# dashboard's queries over a library of 2,000 articles.
cargo run --locked -p sourcetrace-bench -- suite --articles 2000 --texts 60 --runs 3 --out target/bench-small
cargo run --locked -p sourcetrace-bench -- export --rows 5000
cargo run --locked -p sourcetrace-bench -- tone --sentences 2000

echo "== Spark (a partitioned corpus through the binary with RDD.pipe, checked against a local run)"
./scripts/spark/test.sh target/debug/sourcetrace target/debug/sourcetrace-bench
