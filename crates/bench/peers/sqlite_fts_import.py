"""The peer for the import benchmark: what a researcher might script instead.

Loads a JSONL corpus into SQLite with Python's standard library: one table,
an FTS5 index kept by triggers, one transaction per 512 rows. It does no
parsing beyond JSON, no normalization, no duplicate detection and no
near-duplicate sketches, so it is a floor for the raw cost of getting text
into an indexed SQLite file.

Usage: python3 sqlite_fts_import.py CORPUS.jsonl LIBRARY.sqlite
Prints one JSON line: {"articles", "seconds", "peak_rss_kib"}.
"""

import json
import resource
import sqlite3
import sys
import time


def peak_rss_kib() -> int:
    """This process's own high-water mark. getrusage's ru_maxrss would also
    count the parent's memory at the time of the fork."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    corpus, library = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    db = sqlite3.connect(library)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(
        """
        CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, text TEXT, outlet TEXT, url TEXT, date TEXT);
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        """
    )
    count = 0
    batch = []
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            batch.append((row.get("title"), row.get("text"), row.get("outlet"), row.get("url"), row.get("date")))
            if len(batch) == 512:
                with db:
                    db.executemany("INSERT INTO articles (title, text, outlet, url, date) VALUES (?, ?, ?, ?, ?)", batch)
                count += len(batch)
                batch = []
    with db:
        db.executemany("INSERT INTO articles (title, text, outlet, url, date) VALUES (?, ?, ?, ?, ?)", batch)
    count += len(batch)
    db.close()
    seconds = time.perf_counter() - started
    peak = peak_rss_kib()
    print(json.dumps({"articles": count, "seconds": seconds, "peak_rss_kib": peak}))


if __name__ == "__main__":
    main()
