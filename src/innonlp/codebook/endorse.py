"""Endorsements: the bodies whose answer a submission joins or supports (cue patterns in
:mod:`innonlp.codebook.endorse_cues`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .endorse_cues import CUES_NB, CUES_NN


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in (*CUES_NB, *CUES_NN))


def clean_body(name: str) -> str:
    """"KS'" → "KS", "Datatilsynets" stays (a genitive s is only cut after an apostrophe)."""
    return re.sub(r"'s?$", "", name.strip()).strip()


# every cue holds one of these words: texts without any are not searched further
_CUE_WORDS = re.compile(r"slutt(?:er|ar)|støtt(?:er|ar)|stiller oss bak|samme syn")


def find_endorsements(text: str) -> list[str]:
    """The bodies ``text`` says it joins or supports, in order of appearance, once each."""
    if not _CUE_WORDS.search(text):
        return []
    found: list[tuple[int, str]] = []
    for pat in _patterns():
        for m in pat.finditer(text):
            found.append((m.start("body"), clean_body(m.group("body"))))
    out: list[str] = []
    for _, body in sorted(found):
        if body and body not in out:
            out.append(body)
    return out


def endorsement_counts(endorses: Mapping[str, Iterable[str]]) -> Counter[str]:
    """How many submissions endorse each body (for ``--count-endorsements``)."""
    return Counter(b for bodies in endorses.values() for b in set(bodies))
