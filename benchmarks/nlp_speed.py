"""Throughput of the language layer against spaCy's blank ``nb`` tokenizer (the floor).

    python benchmarks/nlp_speed.py [--corpus ../shared/data/norec/norec_v2.1_texts.jsonl.gz]
                                   [--docs 4000] [--nlp embedded] [--standard nb]

Both pipelines are built fresh, read the first half of the documents untimed (vocabulary and
caches warm up as in any long run), then the second half — text neither has seen — is
timed on one core. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import time
from pathlib import Path

import spacy
from spacy.attrs import IS_SPACE

from innonlp.nlp.loader import build_pipeline, resolve


def read_texts(path: Path, n: int) -> list[str]:
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n:
                break
    return texts


def timed(nlp: spacy.language.Language, warm: list[str], test: list[str]) -> tuple[int, float]:
    for _ in nlp.pipe(warm, batch_size=64):
        pass
    t0 = time.perf_counter()
    words = sum(int((d.to_array([IS_SPACE]) == 0).sum())
                for d in nlp.pipe(test, batch_size=64))
    return words, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path,
                    default=Path("../shared/data/norec/norec_v2.1_texts.jsonl.gz"))
    ap.add_argument("--docs", type=int, default=4000)
    ap.add_argument("--nlp", default="embedded")
    ap.add_argument("--standard", default="nb")
    args = ap.parse_args()
    texts = read_texts(args.corpus, args.docs)
    half = len(texts) // 2
    choice = resolve(args.nlp, args.standard)
    words, secs = timed(build_pipeline(choice), texts[:half], texts[half:])
    b_words, b_secs = timed(spacy.blank("nb"), texts[:half], texts[half:])
    print(json.dumps({
        "corpus": args.corpus.name, "docs_timed": len(texts) - half, "words": words,
        "words_per_second": round(words / secs), "seconds": round(secs, 2),
        "blank_tokenizer_words_per_second": round(b_words / b_secs),
        "share_of_floor": round((words / secs) / (b_words / b_secs), 3),
        "tier": choice.tier, "model": choice.model, "version": choice.version,
        "python": platform.python_version(), "spacy": spacy.__version__,
    }))


if __name__ == "__main__":
    main()
