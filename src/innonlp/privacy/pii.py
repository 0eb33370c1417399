"""Personal data in submission text: find it and mask it.

Kinds, each replaced by a bracketed Norwegian placeholder:

- ``fodselsnummer`` → ``[fødselsnummer]``: 11 digits (``DDMMYY NNNNN``, a space allowed
  after the date) whose two control digits check out (mod 11) and whose date exists;
- ``d_nummer`` → ``[d-nummer]``: the same with 4 added to the first digit of the day;
- ``telefon`` → ``[telefon]``: Norwegian numbers of eight digits (first digit 2–9), written
  whole or in groups separated by spaces or dots (``12 34 56 78``, ``123 45 678``,
  ``1234 5678``), with or without ``+47``/``0047``; not inside a longer run of digits
  (amounts such as ``12 345 678`` stay) and not joined by hyphens (``2024-2025`` stays);
- ``epost`` → ``[e-post]``;
- ``adresse`` → ``[adresse]``: a street name ending in a Norwegian street word (``-veien``,
  ``-gata``, ``-vegen``, ``gate``, ``allé``, ``plass`` …) followed by a house number, with the
  postcode and place after it when present.

Identity numbers are masked for every submitter. Phone numbers, e-mail addresses and street
addresses are masked for private persons (and submitters of unknown type); an
organisation's public contact details may stay.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

PLACEHOLDER = {"fodselsnummer": "[fødselsnummer]", "d_nummer": "[d-nummer]",
               "telefon": "[telefon]", "epost": "[e-post]", "adresse": "[adresse]"}
IDENTITY = ("fodselsnummer", "d_nummer")
CONTACT = ("telefon", "epost", "adresse")
PUBLIC_TYPES = frozenset({"kommune", "fylkeskommune", "statlig virksomhet", "organisasjon",
                          "næringsliv"})

_FNR = re.compile(r"(?<![\d.,-])(\d{6})[ ]?(\d{5})(?![\d.,-]?\d)")
_PHONE = re.compile(
    r"(?<![\w+.,/-])(?:(?:\+|00)47[ .\u00a0]?)?"
    r"(?:[2-9]\d{7}|[2-9]\d(?:[ .\u00a0]\d\d){3}|[2-9]\d\d[ .\u00a0]\d\d[ .\u00a0]\d{3}"
    r"|[2-9]\d{3}[ \u00a0]\d{4})"
    r"(?![\w/-]|[.,]\d|[ \u00a0]\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?![\w-])")
_STREET_SUFFIX = (r"(?:veien|vegen|veg|vei|gata|gaten|gate|allé|alle|plass|plassen|stien|"
                  r"stigen|svingen|bakken|lia|lien|haugen|tunet|kroken|ringen|brekka)")
_ADDRESS = re.compile(
    r"\b[A-ZÆØÅ][a-zæøåé-]*" + _STREET_SUFFIX + r"\b"                   # Kirkeveien
    + r"|\b[A-ZÆØÅ][a-zæøåé]+s? (?:gate|gata|vei|veg|allé|plass)\b")   # Kongens gate
_DIGITS = re.compile(r"\d")
_SIX_DIGITS = re.compile(r"\d{6}")
_HOUSE = re.compile(r"\s+\d{1,4}\s?[A-Za-z]?\b(?:\s*,?\s*\d{4}\s+[A-ZÆØÅ][a-zæøåA-ZÆØÅ-]+)?")


def _valid_date(d: int, m: int, yy: int) -> bool:
    for century in (1900, 2000):
        try:
            dt.date(century + yy, m, d)
            return True
        except ValueError:
            continue
    return False


def identity_kind(digits: str) -> str | None:
    """"fodselsnummer", "d_nummer" or None for an 11-digit string."""
    if len(digits) != 11 or not digits.isdigit():
        return None
    n = [int(c) for c in digits]
    k1 = 11 - sum(w * x for w, x in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), n[:9], strict=True)) % 11
    k2 = 11 - sum(w * x for w, x in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), n[:10],
                                        strict=True)) % 11
    k1, k2 = (0 if k1 == 11 else k1), (0 if k2 == 11 else k2)
    if k1 == 10 or k2 == 10 or k1 != n[9] or k2 != n[10]:
        return None
    day, month, yy = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    if day > 40:
        return "d_nummer" if _valid_date(day - 40, month, yy) else None
    return "fodselsnummer" if _valid_date(day, month, yy) else None


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


def find_personal_data(text: str, kinds: tuple[str, ...] = IDENTITY + CONTACT) -> list[Span]:
    """Non-overlapping spans of personal data, in text order."""
    spans: list[Span] = []
    digits = _DIGITS.search(text) is not None  # every pattern but e-mail needs a digit
    if digits and any(k in kinds for k in IDENTITY) and _SIX_DIGITS.search(text):
        for m in _FNR.finditer(text):
            kind = identity_kind(m.group(1) + m.group(2))
            if kind in kinds:
                spans.append(Span(m.start(), m.end(), kind))
    if "epost" in kinds and "@" in text:
        spans += [Span(m.start(), m.end(), "epost") for m in _EMAIL.finditer(text)]
    if "telefon" in kinds and digits:
        spans += [Span(m.start(), m.end(), "telefon") for m in _PHONE.finditer(text)]
    if "adresse" in kinds and digits:
        for m in _ADDRESS.finditer(text):
            house = _HOUSE.match(text, m.end())
            if house:
                spans.append(Span(m.start(), house.end(), "adresse"))
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    for s in spans:
        if not out or s.start >= out[-1].end:
            out.append(s)
    return out


def kinds_for(respondent_type: str | None) -> tuple[str, ...]:
    """What is masked for a submitter of this type."""
    return IDENTITY if respondent_type in PUBLIC_TYPES else IDENTITY + CONTACT


def mask(text: str, kinds: tuple[str, ...] = IDENTITY + CONTACT
         ) -> tuple[str, Counter, list[tuple[int, int, int]]]:
    """The masked text, counts per kind, and the edits as (start, end, new length) in the
    input, for moving offsets (see :func:`shift`)."""
    spans = find_personal_data(text, kinds)
    if not spans:
        return text, Counter(), []
    out, pos = [], 0
    edits = []
    for s in spans:
        out.append(text[pos:s.start])
        out.append(PLACEHOLDER[s.kind])
        edits.append((s.start, s.end, len(PLACEHOLDER[s.kind])))
        pos = s.end
    out.append(text[pos:])
    return "".join(out), Counter(s.kind for s in spans), edits


def shift(offset: int, edits: list[tuple[int, int, int]]) -> int:
    """An offset into the input of :func:`mask` moved into its output."""
    delta = 0
    for start, end, new_len in edits:
        if offset >= end:
            delta += new_len - (end - start)
        elif offset > start:
            return start + delta + min(offset - start, new_len)
        else:
            break
    return offset + delta
