"""Person and organisation names found by the language layer's named-entity recogniser:
persons are masked in private persons' submissions (``[navn]``), organisations named only
in a letter's text feed the respondent rules."""

from __future__ import annotations

from collections.abc import Callable

from .loader import NorwegianNLP
from .standard import detect_standards

PERSON_LABELS = frozenset({"PER"})


def person_finder(layer: NorwegianNLP) -> Callable[[str], list[tuple[int, int]]]:
    """A function giving the character spans of the person names in a text, each text run
    on its written standard's pipeline (the embedded tier's NER, or an installed spaCy
    pipeline's own, whose person label is ``PER`` or ``PERSON``)."""

    def find(text: str) -> list[tuple[int, int]]:
        if not text.strip():
            return []
        std = detect_standards([text[:1000]])[0].label
        doc = layer.language("nn" if std == "nn" else "nb")(text)
        return [(e.start_char, e.end_char) for e in doc.ents
                if e.label_ in PERSON_LABELS or e.label_ == "PERSON"]

    return find


ORG_LABELS = frozenset({"ORG", "GPE_ORG"})


def organisation_finder(layer: NorwegianNLP) -> Callable[[str], list[str]]:
    """A function giving the organisation names (``ORG``, ``GPE_ORG``) in a text, in order:
    what the respondent rules use when a letter's head and signature name no body."""

    def find(text: str) -> list[str]:
        if not text.strip():
            return []
        std = detect_standards([text[:1000]])[0].label
        doc = layer.language("nn" if std == "nn" else "nb")(text)
        return [e.text for e in doc.ents if e.label_ in ORG_LABELS]

    return find
