"""Personal data in file names, paths and ids: masked in names, pseudonyms in ids.

A file named after its sender (``01019012345.pdf``, ``ola.nordmann@eksempel.no.docx``)
would carry the number or the address into the submission id, the manifest and every
output. Names shown to the analyst get the bracketed placeholders of :mod:`.pii`; ids,
which must stay unique and readable, get a pseudonym numbered in the order met
(``fnr-001``), never the number itself nor a hash of it (a hash of an 11-digit number is
reversed by trying them all).
"""

from __future__ import annotations

import re

from .pii import IDENTITY, PLACEHOLDER, Span, find_personal_data
from .safetext import strip_bidi

# file extensions innonlp meets, kept out of an e-mail address that ends a file name
_EXTENSION = re.compile(r"(?i)(?:\.(?:txt|text|md|markdown|pdf|docx?|odt|x?html?|csv|tsv|"
                        r"xlsx?|jsonl?|ndjson|zip|gz|rtf|eml|msg|pptx?))+$")
ID_LABELS = {"fodselsnummer": "fnr", "d_nummer": "dnr", "epost": "epost"}


def _spans(name: str) -> list[Span]:
    """Identity numbers and e-mail addresses in a name (e-mail whoever sent the file: a
    file name is no one's public contact page). Hyphens and underscores join the
    words of a file name (``svar-01019012345``), so identity numbers are looked for with
    them read as spaces (same offsets)."""
    spaced = name.replace("-", " ").replace("_", " ")
    spans = find_personal_data(spaced, IDENTITY) + find_personal_data(name, ("epost",))
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    for s in spans:
        if not out or s.start >= out[-1].end:
            out.append(s)
    return out


def mask_name(name: str) -> str:
    """``name`` (a path or display name) with identity numbers and e-mail addresses
    replaced by their placeholders and bidi controls removed; a file extension stays
    (``ola@eksempel.no.txt`` → ``[e-post].txt``)."""
    name = strip_bidi(name)
    ext = _EXTENSION.search(name)
    stem, suffix = (name[:ext.start()], ext.group(0)) if ext else (name, "")
    for s in reversed(_spans(stem)):
        stem = stem[:s.start] + PLACEHOLDER[s.kind] + stem[s.end:]
    return stem + suffix


class Pseudonyms:
    """Pseudonyms for the personal data found in ids: the same value always gets the same
    pseudonym within one run, numbered in the order met."""

    def __init__(self) -> None:
        self.given: dict[tuple[str, str], str] = {}

    def id(self, base: str) -> str:
        """``base`` with each identity number or e-mail address replaced by a pseudonym
        (``fnr-001``, ``dnr-002``, ``epost-003``) and bidi controls removed."""
        base = strip_bidi(base)
        spans = _spans(base)
        labels = [self._label(s.kind, base[s.start:s.end]) for s in spans]
        for s, label in zip(reversed(spans), reversed(labels), strict=True):
            base = base[:s.start] + label + base[s.end:]
        return base

    def _label(self, kind: str, value: str) -> str:
        key = (kind, "".join(ch for ch in value if ch.isalnum()).lower())
        return self.given.setdefault(key, f"{ID_LABELS[kind]}-{len(self.given) + 1:03d}")
