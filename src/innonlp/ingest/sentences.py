"""A rule-based Norwegian sentence splitter that survives abbreviations, numbers and §.

Used by ingest (segment sizes) and as the sentence segmenter of the embedded pipeline.
Returns character spans so callers keep offsets into their text.
"""

from __future__ import annotations

import re

from .abbreviations import ABBREVIATIONS, SENTENCE_FINAL

# A candidate boundary: terminal punctuation (with closing quotes/brackets), then space.
_CANDIDATE = re.compile(r"([.!?…:]+[»\"”')\]]*)(\s+)")
_AFTER_COLON = re.compile(r"[«\"“–-]|[A-ZÆØÅ][a-zæøå]")
_NEXT_START = re.compile(r"[«\"“(\[]?[A-ZÆØÅÉ0-9§–-]")


def _token_before(text: str, end: int) -> str:
    """The whitespace-delimited token ending at ``end`` (without its last full stop)."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _is_abbreviation(token: str) -> bool:
    t = token.lower().strip("([«\"")
    t = t[:-1] if t.endswith(".") else t
    if not t:
        return False
    if t in SENTENCE_FINAL:
        return False
    if t in ABBREVIATIONS:
        return True
    if len(t) == 1 and t.isalpha():
        return True  # initials and list letters
    if re.fullmatch(r"(?:[a-zæøå]\.){1,4}[a-zæøå]?", t):
        return True  # f.eks., m.a., t.o.m. style
    return False


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences in ``text`` (whitespace trimmed).

    A boundary is terminal punctuation followed by whitespace and an upper-case letter,
    digit, § or opening quote, unless the word before the stop is a known abbreviation
    or an ordinal/date number ("1. januar", "§ 3-1."). Blank lines always end a sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _CANDIDATE.finditer(text):
        punct_end = m.end(1)
        ws = m.group(2)
        nxt = m.end()
        if nxt >= n:
            continue
        hard = "\n\n" in ws or ws.count("\n") >= 2
        if not hard:
            if not _NEXT_START.match(text, nxt):
                continue
            punct = m.group(1)
            # A colon ends a sentence only before a capitalised word, a quote or a dash
            # ("Slik er det beskrevet: Våren 1999 …"), not before a list or a number.
            if punct.startswith(":") and not _AFTER_COLON.match(text, nxt):
                continue
            if punct.startswith(".") and len(punct.rstrip("»\"”')]")) == 1:
                tok = _token_before(text, m.start(1) + 1)
                if _is_abbreviation(tok):
                    continue
                core = tok[:-1]
                # "1. januar": an ordinal number before a lower-case word is no boundary,
                # but digits before a capitalised word usually end the sentence.
                if core.isdigit() and len(core) <= 2 and text[nxt : nxt + 1].islower():
                    continue
        spans.append((start, punct_end))
        start = nxt
    # Blank lines without punctuation also separate sentences (headings, lists).
    spans.append((start, n))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        for sub_a, sub_b in _split_on_blank_lines(text, a, b):
            while sub_a < sub_b and text[sub_a].isspace():
                sub_a += 1
            while sub_b > sub_a and text[sub_b - 1].isspace():
                sub_b -= 1
            if sub_b > sub_a:
                out.append((sub_a, sub_b))
    return out


def _split_on_blank_lines(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    pos = a
    for m in re.finditer(r"\n[ \t]*\n", text[a:b]):
        out.append((pos, a + m.start()))
        pos = a + m.end()
    out.append((pos, b))
    return out


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[a:b] for a, b in split_sentences(text)]
