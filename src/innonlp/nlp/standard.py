"""Written-standard detection: Bokmål (nb), Nynorsk (nn) or other (en, sv/da, se).

A logistic-regression model over hashed words and word endings tells nb from nn; it is
trained by ``python -m innonlp.nlp.train_standard`` (NDT train sentences plus the nb-nn
sentences of ../shared/data) and shipped as sparse weights only, no sentences. Texts in other
languages are recognised first by function-word rules, so they are flagged, not forced into
nb or nn.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from ..parallel import SERIAL, Executor

MODEL_FILE = "standard.npz"
_WORD = re.compile(r"\b\w+\b", re.UNICODE)

# Function words that are frequent in one language and rare or absent in Norwegian.
OTHER_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of is that with this are was have it you they which would should "
                    "their there what were been has from".split()),
    "sv": frozenset("och att inte är för ett jag också från vara mycket hur vad "
                    "kommer sig utan efter blir".split()),
    "da": frozenset("af nu bliver blev efter uden måske hvad mig spørgsmål".split()),
    "se": frozenset("lea leat dán maid dahje ahte lei sáhttá leat go ii".split()),
}
# Words that are Norwegian (either standard) and so speak against the other languages.
NORWEGIAN_MARKERS = frozenset(
    "ikke ikkje jeg eg og er det som på med av en ein ei et eit til har kan men også òg eller "
    "fra frå være vere skal vil bør må kommunen kommunar kommuner".split())


@dataclass(frozen=True)
class StandardGuess:
    """``label`` is ``nb``, ``nn`` or ``other:<lang>``; ``confidence`` in [0.5, 1]."""

    label: str
    confidence: float


def _analyzer(doc: str) -> list[str]:
    """Lower-cased words plus their last two and three letters (suffixes carry most of the
    nb/nn difference: -ane/-ene, -ar/-er, -leg/-lig …). Word features are about eight times
    faster than character n-grams and as accurate here."""
    words = _WORD.findall(doc.lower())
    return (words + [w[-3:] + "$" for w in words if len(w) > 3]
            + [w[-2:] + "$" for w in words if len(w) > 2])


def _features(texts: list[str]):  # noqa: ANN202
    from sklearn.feature_extraction.text import HashingVectorizer

    vec = HashingVectorizer(analyzer=_analyzer, n_features=N_FEATURES, alternate_sign=False,
                            norm="l2")
    return vec.transform(texts)


N_FEATURES = 2**19


@lru_cache(maxsize=1)
def _model() -> tuple[np.ndarray, float, dict[str, str]]:
    ref = resources.files("innonlp.nlp") / "data" / MODEL_FILE
    with ref.open("rb") as fh:
        data = np.load(fh, allow_pickle=False)
        coef = np.zeros(N_FEATURES, dtype=np.float32)
        coef[data["index"]] = data["value"].astype(np.float32)
        info = {k: str(data[k]) for k in ("trained_on", "version") if k in data}
        return coef, float(data["intercept"]), info


def model_info() -> dict[str, str]:
    """What the shipped model was trained on, for the run record."""
    return _model()[2]


def _other_language(text: str) -> tuple[str, float] | None:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 3:
        return None
    counts = Counter(words)  # then count the few marker words, not every word per language
    norwegian = sum(counts[w] for w in NORWEGIAN_MARKERS if w in counts)
    best, best_hits = None, 0
    for lang, markers in OTHER_MARKERS.items():
        hits = sum(counts[w] for w in markers if w in counts)
        if hits > best_hits:
            best, best_hits = lang, hits
    if best is None:
        return None
    # Swedish/Danish share many words with Norwegian: demand a clear margin.
    margin = best_hits - norwegian if best in ("sv", "da") else best_hits - norwegian / 2
    if best_hits >= 2 and margin >= max(2, 0.08 * len(words)):
        return best, min(0.99, 0.5 + margin / (2 * len(words)) + 0.25)
    return None


def detect_standards(texts: list[str], executor: Executor = SERIAL) -> list[StandardGuess]:
    """Guess the written standard of each text (batched: one sparse product per chunk of
    texts; many texts through ``executor``, the same result as one process)."""
    if not texts:
        return []
    return [g for chunk in executor.map_range(_detect_chunk, texts, len(texts), chunk=2000)
            for g in chunk]


def _detect_chunk(texts: list[str], start: int, stop: int) -> list[StandardGuess]:
    texts = texts[start:stop]
    coef, intercept, _ = _model()
    scores = _features(texts) @ coef + intercept
    out: list[StandardGuess] = []
    for text, score in zip(texts, scores, strict=True):
        other = _other_language(text)
        if other is not None:
            out.append(StandardGuess(f"other:{other[0]}", round(other[1], 3)))
            continue
        p_nn = 1.0 / (1.0 + math.exp(-float(score)))
        label = "nn" if p_nn >= 0.5 else "nb"
        conf = max(p_nn, 1 - p_nn)
        if len(_WORD.findall(text)) < 4:
            conf = min(conf, 0.6)  # a word or three cannot tell nb from nn reliably
        out.append(StandardGuess(label, round(conf, 3)))
    return out


def detect_standard(text: str) -> StandardGuess:
    """Guess the written standard of one text."""
    return detect_standards([text])[0]


def majority_standard(texts: list[str]) -> str:
    """``nn`` when more of ``texts`` are detected as Nynorsk than as Bokmål, else ``nb``."""
    labels = Counter(g.label for g in detect_standards(texts))
    return "nn" if labels["nn"] > labels["nb"] else "nb"


def annotate_standards(submissions: list, segments: list, *, head_chars: int = 1000,
                       trust: float = 0.999, executor: Executor = SERIAL) -> tuple[list, list]:
    """Return copies of submissions and segments with ``standard`` and its confidence set.

    Each submission is judged on its first ``head_chars`` characters; when that is not
    near-certain (< ``trust``) and it has several segments, every segment is judged on its
    own, so mixed submissions are handled per segment. A submission whose segments disagree
    (the minority holding at least a quarter of the text) is ``mixed``.
    """
    from dataclasses import replace

    by_sub: dict[str, list] = {}
    for seg in segments:
        by_sub.setdefault(seg.submission_id, []).append(seg)
    heads = detect_standards([s.text[:head_chars] for s in submissions], executor)
    unsure = [s.id for s, g in zip(submissions, heads, strict=True)
              if g.confidence < trust and len(by_sub.get(s.id, [])) > 1]
    unsure_set = set(unsure)
    seg_guess: dict[str, StandardGuess] = {}
    todo = [seg for sid in unsure for seg in by_sub[sid]]
    for seg, g in zip(todo, detect_standards([t.text[:head_chars] for t in todo], executor),
                      strict=True):
        seg_guess[seg.id] = g
    new_subs, new_segs = [], []
    for sub, head in zip(submissions, heads, strict=True):
        segs = by_sub.get(sub.id, [])
        label, conf = head.label, head.confidence
        if sub.id in unsure_set:
            weight: dict[str, int] = {}
            for seg in segs:
                g = seg_guess[seg.id]
                weight[g.label] = weight.get(g.label, 0) + len(seg.text)
                new_segs.append(replace(seg, standard=g.label, standard_confidence=g.confidence))
            total = sum(weight.values()) or 1
            ranked = sorted(weight.items(), key=lambda kv: -kv[1])
            if len(ranked) > 1 and ranked[1][1] / total >= 0.25 and \
                    {ranked[0][0], ranked[1][0]} == {"nb", "nn"}:
                label = "mixed"
        else:
            new_segs.extend(replace(seg, standard=label, standard_confidence=conf)
                            for seg in segs)
        new_subs.append(replace(sub, standard=label, standard_confidence=conf))
    order = {seg.id: i for i, seg in enumerate(segments)}
    new_segs.sort(key=lambda s: order[s.id])
    return new_subs, new_segs
