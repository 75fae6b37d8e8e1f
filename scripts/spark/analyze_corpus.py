#!/usr/bin/env python3
"""Analyses a JSONL corpus with Apache Spark, the sourcetrace binary as the
map step, and writes the results as Parquet.

Each partition of the corpus (one {"id", "text", "outlet"} object a line)
is piped through `sourcetrace analyze --format jsonl -` with RDD.pipe: the
binary reads the lines on stdin and prints one result a line, in order, so
the map step is exactly the local command and nothing of the engine is
ported to Python. The results are written as Parquet with the id, the
counts an analyst filters on, and the whole result line as JSON.

Local mode (what scripts/spark/test.sh and the benchmark run):

    target/peer-spark/bin/python scripts/spark/analyze_corpus.py \\
        --master 'local[2]' --binary target/release/sourcetrace \\
        --input corpus/ --output results.parquet --verify

On a cluster, ship the binary with --files and name it as the executors
see it, in their working directory:

    spark-submit --master spark://HOST:7077 --files target/release/sourcetrace \\
        scripts/spark/analyze_corpus.py --binary ./sourcetrace \\
        --input hdfs:///news/corpus/ --output hdfs:///news/sourcetrace.parquet

--verify runs the binary once over the whole corpus on this machine and
checks that every result line is identical to Spark's, sorted by id.
Prints one JSON line of figures at the end.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import time


def corpus_files(path):
    if os.path.isdir(path):
        return sorted(glob.glob(os.path.join(path, "*.jsonl")))
    return [path]


def local_results(binary, files):
    """The results of one local run, keyed by id."""
    results = {}
    for name in files:
        with open(name, "rb") as f:
            run = subprocess.run([binary, "analyze", "--format", "jsonl", "-"], stdin=f, capture_output=True)
        for line in run.stdout.decode("utf-8").splitlines():
            results[json.dumps(json.loads(line)["id"])] = line
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--master", help="a Spark master URL; spark-submit's when absent")
    ap.add_argument("--binary", required=True, help="the sourcetrace binary as the executors see it")
    ap.add_argument("--input", required=True, help="a JSONL file or a folder of them")
    ap.add_argument("--output", required=True, help="where the Parquet results go (replaced)")
    ap.add_argument("--partitions", type=int, default=0, help="at least this many partitions (default: 4 per core)")
    ap.add_argument("--verify", action="store_true", help="compare with a local run of the same binary")
    args = ap.parse_args()

    from pyspark.sql import SparkSession
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    builder = SparkSession.builder.appName("sourcetrace-analyze")
    if args.master:
        builder = builder.master(args.master)
    # The results are small next to the texts; the driver needs no more
    # than the default memory, and the UI has nothing to show a batch job.
    spark = (
        builder.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    sc = spark.sparkContext
    partitions = args.partitions or 4 * sc.defaultParallelism

    started = time.perf_counter()
    lines = sc.textFile(args.input, minPartitions=partitions).filter(lambda l: l.strip())
    # The binary's exit code is 1 when a line is not an article; that line
    # still gets a result with an "error", so a bad line costs one row, not
    # the job. A crash would lose lines, which the count check below finds.
    results = lines.pipe(f"{args.binary} analyze --format jsonl -", checkCode=False)

    # The id as JSON text, since a corpus may number its articles or name
    # them; given, the schema also spares Spark a pass to infer it.
    schema = StructType(
        [
            StructField("id", StringType(), False),
            StructField("error", StringType(), True),
            StructField("analysis_version", IntegerType(), True),
            StructField("attributions", IntegerType(), False),
            StructField("credits", IntegerType(), False),
            StructField("result", StringType(), False),
        ]
    )

    def row(line):
        v = json.loads(line)
        return (
            json.dumps(v.get("id")),
            v.get("error"),
            v.get("analysis_version"),
            len(v.get("attributions", [])),
            len(v.get("credits", [])),
            line,
        )

    frame = spark.createDataFrame(results.map(row), schema)
    frame.write.mode("overwrite").parquet(args.output)
    seconds = time.perf_counter() - started

    written = spark.read.parquet(args.output)
    rows = written.count()
    inputs = lines.count()
    figures = {
        "master": sc.master,
        "partitions": lines.getNumPartitions(),
        "articles": inputs,
        "rows": rows,
        "seconds": round(seconds, 3),
        "articles_per_second": round(inputs / seconds, 1),
    }
    ok = rows == inputs
    if not ok:
        print(f"error: {inputs} articles in, {rows} results out", file=sys.stderr)
    if args.verify:
        started = time.perf_counter()
        local = local_results(args.binary, corpus_files(args.input))
        figures["local_seconds"] = round(time.perf_counter() - started, 3)
        ours = {r["id"]: r["result"] for r in written.select("id", "result").collect()}
        differing = [k for k in sorted(set(local) | set(ours)) if local.get(k) != ours.get(k)]
        figures["verified_identical"] = not differing
        if differing:
            ok = False
            print(f"error: {len(differing)} results differ from a local run, first {differing[0]}", file=sys.stderr)
    spark.stop()
    print(json.dumps(figures))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
