"""A part-of-speech-aware lemmatiser for Bokmål and Nynorsk.

Order of evidence for a word with a predicted UPOS tag:
1. the (form, UPOS) lexicon learned from a treebank's training sentences (most frequent lemma);
2. proper nouns keep their form (a genitive ``-s`` is dropped when the bare name is known);
3. suffix rules learned from the same lexicon, per UPOS, longest matching ending first
   (``-takten`` → ``-takt``), which also lemmatises unseen compounds by their head;
4. when the rule's result is not a lemma known for that UPOS but simplemma's is, simplemma's.

Estimator-style: ``fit(triples)`` learns ``lexicon_``, ``rules_`` and ``known_``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import numpy as np
import simplemma

MAX_SUFFIX = 7
OPEN_CLASSES = frozenset({"NOUN", "ADJ", "VERB", "ADV", "AUX"})
FORM_IS_LEMMA = frozenset({"PUNCT", "SYM", "NUM", "X"})


def _rule(form: str, lemma: str) -> tuple[int, str]:
    """(characters to strip from the end of ``form``, ending to add)."""
    i = 0
    while i < min(len(form), len(lemma)) and form[i] == lemma[i]:
        i += 1
    return len(form) - i, lemma[i:]


class Lemmatizer:
    """Lexicon + learned suffix rules + simplemma; ``lemmatize(form, upos)``."""

    def __init__(self, language: str = "nb", use_simplemma: bool = True):
        self.language = language
        self.use_simplemma = use_simplemma

    def fit(self, triples: Iterable[tuple[str, str, str]]) -> Lemmatizer:
        """Learn from (form, lemma, upos) triples."""
        counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for form, lemma, upos in triples:
            counts[(form.lower(), upos)][lemma.lower()] += 1
        self.lexicon_ = {k: c.most_common(1)[0][0] for k, c in sorted(counts.items())}
        self._derive()
        return self

    def _derive(self) -> None:
        rules: dict[tuple[str, str], Counter] = defaultdict(Counter)
        known: dict[str, set[str]] = defaultdict(set)
        by_form: dict[str, Counter] = defaultdict(Counter)
        for (form, upos), lemma in self.lexicon_.items():
            known[upos].add(lemma)
            by_form[form][lemma] += 1
            rule = _rule(form, lemma)
            for k in range(1, min(MAX_SUFFIX, len(form)) + 1):
                rules[(upos, form[-k:])][rule] += 1
        self.rules_ = {k: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                       for k, c in rules.items()}
        self.known_ = dict(known)
        self.any_pos_ = {f: c.most_common(1)[0][0] for f, c in by_form.items()}
        self.proper_ = known.get("PROPN", set())

    def _by_rule(self, low: str, upos: str) -> str:
        for k in range(min(MAX_SUFFIX, len(low)), 0, -1):
            rule = self.rules_.get((upos, low[-k:]))
            if rule is not None:
                strip, add = rule
                stem = low[: len(low) - strip] if strip else low
                return stem + add if stem + add else low
        return low

    def lemmatize(self, form: str, upos: str) -> str:
        low = form.lower()
        hit = self.lexicon_.get((low, upos))
        if hit is not None:
            return form if upos == "PROPN" and hit == low else hit
        if upos == "PUNCT":
            return form
        if upos == "PROPN":
            if low.endswith("s") and low[:-1] in self.proper_:
                return form[:-1]
            return form
        if upos in FORM_IS_LEMMA:
            return low
        lemma = self._by_rule(low, upos)
        if self.use_simplemma and upos in OPEN_CLASSES \
                and lemma not in self.known_.get(upos, ()):
            alt = simplemma.lemmatize(low, lang=self.language).lower()
            if alt in self.known_.get(upos, ()):
                return alt
        return lemma

    def lemma_any(self, form: str) -> str:
        """The most common lemma of a form whatever its part of speech (for word lists)."""
        low = form.lower()
        return self.any_pos_.get(low, low)

    # ---- persistence ------------------------------------------------------------------
    def to_arrays(self, prefix: str = "lexicon_") -> dict[str, np.ndarray]:
        lines = "\n".join(f"{f}\t{u}\t{lemma}" for (f, u), lemma in self.lexicon_.items())
        return {prefix + "tsv": np.frombuffer(lines.encode("utf-8"), dtype=np.uint8),
                prefix + "language": np.array([self.language])}

    @classmethod
    def from_arrays(cls, arrays, prefix: str = "lexicon_") -> Lemmatizer:
        lem = cls(language=str(arrays[prefix + "language"][0]))
        text = arrays[prefix + "tsv"].tobytes().decode("utf-8")
        lexicon = {}
        for line in text.split("\n"):
            form, upos, lemma = line.split("\t")
            lexicon[(form, upos)] = lemma
        lem.lexicon_ = lexicon
        lem._derive()
        return lem
