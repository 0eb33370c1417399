"""Run the language layer over segments and keep compact per-segment results.

Each :class:`SegmentAnalysis` holds, per token: text, character offset into the segment,
lemma, UPOS and whether it starts a sentence. Stop words and compound parts are derived from
lemmas on demand (:func:`is_stop_lemma`, :func:`split_compound`), so nothing is computed for
tokens no later stage looks at.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import IDX, IS_SPACE, LEMMA, ORTH, POS, SENT_START
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from ..types import Segment
from .compounds import split_compound
from .loader import NorwegianNLP, pipeline_standard
from .stopwords import is_stop_lemma

CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})


@dataclass(frozen=True)
class SegmentAnalysis:
    segment_id: str
    standard: str
    words: tuple[str, ...]
    offsets: tuple[int, ...]
    lemmas: tuple[str, ...]
    pos: tuple[str, ...]
    sent_starts: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.words)

    def content_lemmas(self) -> list[str]:
        """Lower-cased lemmas of nouns, names, adjectives and verbs that are not stop words."""
        return [lem.lower() for lem, p in zip(self.lemmas, self.pos, strict=True)
                if p in CONTENT_POS and len(lem) > 1 and not is_stop_lemma(lem)]

    def compound(self, i: int) -> tuple[str, str] | None:
        """(modifier, head) of token ``i`` when it is a compound noun or adjective."""
        if self.pos[i] not in ("NOUN", "ADJ"):
            return None
        return split_compound(self.lemmas[i].lower(), pipeline_standard(self.standard))


def from_doc(doc: Doc, segment_id: str, standard: str) -> SegmentAnalysis:
    arr = doc.to_array([ORTH, LEMMA, POS, IDX, IS_SPACE, SENT_START])
    keep = arr[:, 4] == 0
    arr = arr[keep]
    strings = doc.vocab.strings
    return SegmentAnalysis(
        segment_id=segment_id,
        standard=standard,
        words=tuple(strings[int(h)] for h in arr[:, 0]),
        offsets=tuple(int(x) for x in arr[:, 3]),
        lemmas=tuple(strings[int(h)] if h else strings[int(o)]
                     for h, o in zip(arr[:, 1], arr[:, 0], strict=True)),
        pos=tuple(POS_NAMES.get(int(p), "X") for p in arr[:, 2]),
        sent_starts=tuple(bool(s == 1) for s in arr[:, 5].astype(np.int64)),
    )


def analyze_segments(segments: Iterable[Segment], layer: NorwegianNLP,
                     progress: Callable[[int], None] | None = None
                     ) -> tuple[list[SegmentAnalysis], dict[str, Any]]:
    """Analyse every segment on its written standard's pipeline; return results and a
    record (tiers, counts, tokens, seconds) for the run manifest."""
    segs = list(segments)
    t0 = time.perf_counter()
    for std in sorted({pipeline_standard(s.standard or "nb") for s in segs}):
        layer.language(std)  # load outside the timing of the analysis itself
    load_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    out: list[SegmentAnalysis] = []
    items = ((s.text, s.standard or "nb", (s.id, s.standard or "nb")) for s in segs)
    for doc, (seg_id, std) in layer.pipe_mixed(items):
        out.append(from_doc(doc, seg_id, std))
        if progress is not None:
            progress(1)
    seconds = time.perf_counter() - t0
    tokens = sum(len(a) for a in out)
    record = {**layer.record(), "segments": len(out), "tokens": tokens,
              "seconds": round(seconds, 2), "load_seconds": round(load_seconds, 2),
              "words_per_second": round(tokens / seconds) if seconds > 0 else None}
    return out, record
