#!/usr/bin/env bash
# The small Spark test CI runs: a partitioned corpus of 400 generated
# articles through scripts/spark/analyze_corpus.py in local mode with two
# executors, results written as Parquet and checked to be identical to a
# local run of the same binary. Skips with a notice when pyspark is not
# installed (scripts/setup.sh installs it on CI or with SOURCETRACE_SPARK=1).
#
# Usage: scripts/spark/test.sh [SOURCETRACE_BINARY] [SOURCETRACE_BENCH_BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=$(realpath "${1:-target/debug/sourcetrace}")
bench=$(realpath "${2:-target/debug/sourcetrace-bench}")
python=target/peer-spark/bin/python
if ! "$python" -c "import pyspark" 2>/dev/null; then
  echo "spark test skipped: $python has no pyspark (run SOURCETRACE_SPARK=1 ./scripts/setup.sh)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bench" corpus --articles 400 --parts 4 --out "$work/corpus"
"$python" scripts/spark/analyze_corpus.py --master 'local[2]' --binary "$binary" \
  --input "$work/corpus" --output "$work/results.parquet" --verify 2> "$work/spark.log" \
  || { tail -40 "$work/spark.log"; exit 1; }
