#!/usr/bin/env bash
# Spark throughput with one and with two executors (local[1], local[2]) over
# the same partitioned corpus of generated articles, each run verified
# identical to a local run. Figures go to stdout and target/bench/spark.jsonl.
#
# Usage: scripts/spark/bench.sh [ARTICLES]   (20,000 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
articles=${1:-20000}
python=target/peer-spark/bin/python
if ! "$python" -c "import pyspark" 2>/dev/null; then
  echo "spark benchmark skipped: $python has no pyspark (run SOURCETRACE_SPARK=1 ./scripts/setup.sh)"
  exit 0
fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build --release --locked -p sourcetrace-cli -p sourcetrace-bench
binary=$(realpath "$CARGO_TARGET_DIR/release/sourcetrace")
mkdir -p target/bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$CARGO_TARGET_DIR/release/sourcetrace-bench" corpus --articles "$articles" --parts 16 --out "$work/corpus"
: > target/bench/spark.jsonl
for master in 'local[1]' 'local[2]'; do
  "$python" scripts/spark/analyze_corpus.py --master "$master" --binary "$binary" --partitions 16 \
    --input "$work/corpus" --output "$work/results.parquet" --verify 2> "$work/spark.log" \
    | tee -a target/bench/spark.jsonl || { tail -40 "$work/spark.log"; exit 1; }
done
