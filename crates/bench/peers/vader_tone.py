"""The peer for the tone benchmark: Python's vaderSentiment 3.3.2, the
reference implementation of VADER, scoring the same sentences.

Reads one JSON string a line (a sentence), builds the analyzer once, then
scores every sentence; only the scoring is timed, the best of three runs.

Usage: python3 vader_tone.py SENTENCES.jsonl
Prints one JSON line: {"sentences", "seconds", "positive"} or exits 3 when
vaderSentiment is not installed.
"""

import json
import sys
import time

try:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
except ImportError:
    print("vaderSentiment is not installed", file=sys.stderr)
    sys.exit(3)


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        sentences = [json.loads(line) for line in f if line.strip()]
    analyzer = SentimentIntensityAnalyzer()
    best = float("inf")
    positive = 0
    for _ in range(3):
        started = time.perf_counter()
        positive = sum(1 for s in sentences if analyzer.polarity_scores(s)["compound"] >= 0.05)
        best = min(best, time.perf_counter() - started)
    print(json.dumps({"sentences": len(sentences), "seconds": best, "positive": positive}))


if __name__ == "__main__":
    main()
