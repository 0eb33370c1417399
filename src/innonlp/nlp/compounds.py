"""Compound analysis: split an unknown Norwegian compound lemma into modifier + head.

``innovasjonstakt`` → (``innovasjon``, ``takt``); ``kommunesamarbeid`` → (``kommune``,
``samarbeid``). A split is accepted when the head is a known word and the modifier is a known
word, possibly after dropping a linking ``s`` or ``e`` (``innovasjons-``, ``barne-``) or after
splitting it in turn (three-part compounds). The longest head wins. Known words come from
simplemma's Bokmål/Nynorsk dictionaries, so this needs no extra data. Words the dictionary
knows as a whole are split only when both parts have at least four letters
(``barnehageplass`` → ``barnehage`` + ``plass``, but ``forslag`` stays whole).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import simplemma

MIN_PART = 3
MIN_PART_KNOWN = 4  # for words the dictionary knows as a whole
LINKS = ("s", "e")


@lru_cache(maxsize=500_000)
def _known(word: str, language: str) -> bool:
    # Nynorsk compounds are often built from stems simplemma lists only for Bokmål.
    return simplemma.is_known(word, lang=language) or (
        language == "nn" and simplemma.is_known(word, lang="nb"))


def _modifier(part: str, language: str, depth: int, min_part: int) -> str | None:
    """The modifier's base form if ``part`` can be a compound's first part."""
    if len(part) < min_part:
        return None
    if _known(part, language):
        return part
    for link in LINKS:
        if part.endswith(link) and len(part) > MIN_PART and _known(part[:-1], language):
            return part[:-1]
    if depth > 0:
        inner = _split(part, language, depth - 1, MIN_PART)
        if inner is not None:
            return part
    return None


def _split(word: str, language: str, depth: int, min_part: int) -> tuple[str, str] | None:
    if "-" in word:
        left, _, right = word.rpartition("-")
        return (left, right) if left and right else None
    for i in range(min_part, len(word) - min_part + 1):
        head = word[i:]
        if not _known(head, language):
            continue
        mod = _modifier(word[:i], language, depth, min_part)
        if mod is not None:
            return mod, head
    return None


_SEEDED: dict[tuple[str, str], tuple[str, str] | None] = {}
_NOT_SEEN = object()


def remember_splits(results: Iterable[tuple[tuple[str, str], tuple[str, str] | None]]
                    ) -> None:
    """Keep splits worked out elsewhere (in worker processes): ((lemma, language), result)
    pairs, as :func:`split_compound` gives them. Processes forked later inherit them."""
    _SEEDED.update(results)


def split_compound(lemma: str, language: str = "nb") -> tuple[str, str] | None:
    """(modifier, head) of a compound lemma, or None when it is not a (new) compound."""
    got = _SEEDED.get((lemma, language), _NOT_SEEN)
    if got is not _NOT_SEEN:
        return got  # type: ignore[return-value]
    return _split_compound(lemma, language)


@lru_cache(maxsize=200_000)
def _split_compound(lemma: str, language: str) -> tuple[str, str] | None:
    word = lemma.lower()
    lang = language if language in ("nb", "nn") else "nb"
    if len(word) < 2 * MIN_PART or not word.replace("-", "").isalpha():
        return None
    known = "-" not in word and _known(word, lang)
    if known:  # stricter: longer parts, and only the larger Bokmål dictionary vouches
        return _split(word, "nb", depth=1, min_part=MIN_PART_KNOWN)
    return _split(word, lang, depth=1, min_part=MIN_PART)
