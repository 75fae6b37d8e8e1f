#!/usr/bin/env bash
# Fuzzes the importers and the analysis core with cargo-fuzz (libFuzzer):
# every target in fuzz/ runs for SECONDS (default 600), one after another,
# at the lowest CPU priority. A target passes when nothing panics, no input
# takes longer than 10 s and memory stays under 2 GiB; a failing input is
# saved in fuzz/artifacts/<target>/ (replay it with
# `RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -a <target> <file>`).
#
# Runs on the stable toolchain: RUSTC_BOOTSTRAP=1 lets it accept the
# nightly flags cargo-fuzz passes, and the sanitizer is off because the
# stable standard library is not built for one (safe Rust needs none to
# report a panic). Debug assertions are on (-a), so that an arithmetic
# overflow is a failure here rather than a wrong offset in a release build.
# New inputs go to fuzz/work/<target>, so the seed corpus
# in fuzz/corpus/ stays small and hand-written.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"

seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(import_text import_html import_feed import_tabular analyze)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install cargo-fuzz --locked
fi

export RUSTC_BOOTSTRAP=1
echo "== building the fuzz targets"
nice -n 19 cargo fuzz build -s none -a

for target in "${targets[@]}"; do
    echo "== fuzzing $target for ${seconds}s"
    mkdir -p "fuzz/work/$target"
    # demo/ seeds every target too: its files are read where they live
    # rather than copied into the corpus, and libFuzzer writes new inputs
    # only to the first folder.
    nice -n 19 cargo fuzz run -s none -a "$target" "fuzz/work/$target" "fuzz/corpus/$target" demo -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
done
