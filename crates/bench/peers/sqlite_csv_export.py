"""The peer for the export benchmark: the same query, written by Python.

Runs the SQL of Sourcetrace's attributions export against the same library
file with Python's sqlite3 and writes every row with the csv module, which
is what a researcher would script to get the table out. It streams, as
Sourcetrace does, so the comparison is of speed and memory on equal terms.

Usage: python3 sqlite_csv_export.py LIBRARY.sqlite OUT.csv SQL
Prints one JSON line: {"rows", "seconds", "peak_rss_kib"}.
"""

import csv
import json
import sqlite3
import sys
import time


def peak_rss_kib() -> int:
    """This process's own high-water mark (ru_maxrss would also count the
    parent's memory at the time of the fork)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main() -> None:
    library, out_path, sql = sys.argv[1], sys.argv[2], sys.argv[3]
    started = time.perf_counter()
    conn = sqlite3.connect(library)
    cursor = conn.execute(sql)
    rows = 0
    with open(out_path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow([d[0] for d in cursor.description])
        for row in cursor:
            writer.writerow(row)
            rows += 1
    seconds = time.perf_counter() - started
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_rss_kib": peak_rss_kib()}))


if __name__ == "__main__":
    main()
