"""Evidence sentences: the sentence of a segment that says most about a theme."""

from __future__ import annotations

import re
from typing import Any

from ..ingest.sentences import split_sentences

MAX_EVIDENCE = 300


def evidence(text: str, words: set[str]) -> tuple[int, int]:
    """The span of the sentence of ``text`` with most of ``words`` (whole-word prefixes,
    lower case; the first on a tie), cut to :data:`MAX_EVIDENCE` characters."""
    spans = split_sentences(text) or [(0, len(text))]
    low = text.lower()

    def hits(span: tuple[int, int]) -> int:
        part = low[span[0]:span[1]]
        return sum(1 for w in words if re.search(r"(?<!\w)" + re.escape(w), part))

    s, e = max(spans, key=lambda sp: (hits(sp), -sp[0]))
    return s, min(e, s + MAX_EVIDENCE)


def theme_words(theme: dict[str, Any]) -> set[str]:
    """The words of a theme's first key phrases (for choosing evidence sentences)."""
    return {w for kp in theme.get("key_phrases", [])[:8] for w in kp["phrase"].lower().split()
            if len(w) > 2}
