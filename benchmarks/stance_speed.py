"""Speed of the per-sentence stance cues (seconds per million sentences, one core).

    python benchmarks/stance_speed.py [--corpus ../shared/data/norec/norec_v2.1_texts.jsonl.gz]

Without ``--corpus``: four invented sentences (one without a cue, three with) repeated
5,000 times. With it: the sentences of the first 2,000 texts of a JSONL file with a
``text`` field (a consultation-sized mix where most sentences carry no cue), cold: the
first pass pays every compiled pattern.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from innonlp.stance import sentence_cues
from innonlp.stance.rules import text_sentences

INVENTED = ["Kommunen har lenge arbeidet med trafikksikkerhet rundt skolene i sentrum.",
            "Vi støtter forslaget, men forutsetter at staten dekker kostnadene.",
            "Eg er ueinig i framlegget til § 12 andre ledd.",
            "Det er viktig at innbyggerne får god informasjon om endringene i god tid."]


def corpus_sentences(path: Path, n: int = 2000) -> list[str]:
    out: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            out.extend(text_sentences(json.loads(line).get("text", "")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path)
    args = ap.parse_args()
    sentences = corpus_sentences(args.corpus) if args.corpus else INVENTED * 5000
    t0 = time.perf_counter()
    found = sum(c.stance is not None for c in sentence_cues(sentences))
    per_million = (time.perf_counter() - t0) / len(sentences) * 1e6
    print(json.dumps({"sentences": len(sentences), "with_stance": found,
                      "seconds_per_million": round(per_million, 1)}))


if __name__ == "__main__":
    main()
