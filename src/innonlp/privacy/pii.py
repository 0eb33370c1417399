"""Personal data in submission text: find it and mask it.

Kinds, each replaced by a bracketed Norwegian placeholder:

- ``fodselsnummer`` → ``[fødselsnummer]``: 11 digits whose two control digits check out
  (mod 11) and whose date exists, written whole or with one separator (space, no-break
  space, hyphen, en dash, dot: see :mod:`.spellings`) after the date (``DDMMYY NNNNN``),
  also ``DDMMYY NNN NN`` and ``DD.MM.YY NNNNN``;
- ``d_nummer`` → ``[d-nummer]``: the same with 4 added to the first digit of the day;
- ``telefon`` → ``[telefon]``: Norwegian numbers of eight digits (first digit 2–9), written
  whole or in groups separated by spaces or dots (``12 34 56 78``, ``123 45 678``,
  ``1234 5678``), with or without ``+47``/``0047``; not inside a longer run of digits
  (amounts such as ``12 345 678`` stay) and not joined by hyphens (``2024-2025`` stays);
- ``epost`` → ``[e-post]``: plain addresses and spelled-out ones (``ola(at)eksempel.no``,
  ``ola [at] eksempel [dot] no``, ``ola.nordmann at eksempel.no``; after a plain " at " —
  a common Norwegian word — only where it cannot be the word: see :func:`_spelled`);
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

from .spellings import (
    AT_BRACKETED,
    AT_WORDS,
    COMMON_TLDS,
    DOT_WORDS,
    ID_SEPARATORS,
    MAIL_PROVIDERS,
)

PLACEHOLDER = {"fodselsnummer": "[fødselsnummer]", "d_nummer": "[d-nummer]",
               "telefon": "[telefon]", "epost": "[e-post]", "adresse": "[adresse]"}
IDENTITY = ("fodselsnummer", "d_nummer")
CONTACT = ("telefon", "epost", "adresse")
PUBLIC_TYPES = frozenset({"kommune", "fylkeskommune", "statlig virksomhet", "organisasjon",
                          "næringsliv"})

_SEP = "[" + re.escape(ID_SEPARATORS) + "]"
_FNR_FORMS = (
    r"\d{6}" + _SEP + r"?\d{5}",                                  # 01019012345, 010190 12345
    r"\d{6}" + _SEP + r"?\d{3}" + _SEP + r"\d{2}",                 # 010190 123 45
    r"\d\d(" + _SEP + r")\d\d\1\d\d" + _SEP + r"?\d{5}",            # 01.01.90 12345
)
_FNR = re.compile(r"(?<![\d.,-])(?<!\d" + _SEP + ")(?:" + "|".join(f"(?:{f})" for f in _FNR_FORMS)
                  + r")(?!\d)(?!" + _SEP + r"\d)(?!,\d)")
_PHONE = re.compile(
    r"(?<![\w+.,/-])(?:(?:\+|00)47[ .\u00a0]?)?"
    r"(?:[2-9]\d{7}|[2-9]\d(?:[ .\u00a0]\d\d){3}|[2-9]\d\d[ .\u00a0]\d\d[ .\u00a0]\d{3}"
    r"|[2-9]\d{3}[ \u00a0]\d{4})"
    r"(?![\w/-]|[.,]\d|[ \u00a0]\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?![\w-])")
_OPEN, _CLOSE = r"[(\[{<]", r"[)\]}>]"
_DOT = (r"(?:\.|\s*" + _OPEN + r"\s*(?:" + "|".join(DOT_WORDS) + r")\s*" + _CLOSE
        + r"\s*|\s+(?:" + "|".join(DOT_WORDS) + r")\s+)")
_SPELLED_DOT = re.compile(r"(?i)\b(?:" + "|".join(DOT_WORDS) + r")\b")
# the spelled-out "@": "(at)", "[at]", "{krøllalfa}" … or " at " between words; an address
# is then looked for on both sides of it (fast: the token is rare, the word "at" is not)
_OPEN_AT = _OPEN + r"\s*(?:" + "|".join(AT_BRACKETED) + r")"  # "(at", "[ krøllalfa"
_AT_BRACKETED = re.compile(r"(?i)\s*" + _OPEN_AT + r"\s*" + _CLOSE + r"\s*")
_AT_WORD = re.compile(r"(?i)\s+(?:" + "|".join(AT_WORDS) + r")\s+")
# the bracket and the word alone: a cheap first test (no leading "\s*" to try at every
# position of a text); only a text it finds is scanned with the full pattern
_AT_BRACKETED_GATE = re.compile(r"(?i)" + _OPEN_AT)
_DOMAIN_AFTER = re.compile(r"(?i)([\w-]+)((?:" + _DOT + r"[\w-]+)*" + _DOT
                           + r"([a-z]{2,24}))(?![\w-])")
_STREET_SUFFIX = (r"(?:veien|vegen|veg|vei|gata|gaten|gate|allé|alle|plass|plassen|stien|"
                  r"stigen|svingen|bakken|lia|lien|haugen|tunet|kroken|ringen|brekka)")
_ADDRESS = re.compile(
    r"\b[A-ZÆØÅ][a-zæøåé-]*" + _STREET_SUFFIX + r"\b"                   # Kirkeveien
    + r"|\b[A-ZÆØÅ][a-zæøåé]+s? (?:gate|gata|vei|veg|allé|plass)\b")   # Kongens gate
_DIGITS = re.compile(r"\d")
_FIVE_DIGITS = re.compile(r"\d{5}")  # every identity-number form holds five in a row
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
    if digits and any(k in kinds for k in IDENTITY) and _FIVE_DIGITS.search(text):
        for m in _FNR.finditer(text):
            kind = identity_kind(re.sub(r"\D", "", m.group(0)))
            if kind in kinds:
                spans.append(Span(m.start(), m.end(), kind))
    if "epost" in kinds:
        spans += _emails(text)
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


def _emails(text: str) -> list[Span]:
    """E-mail addresses, written plainly or spelled out ("(at)", "[at]", " at ")."""
    spans = []
    if "@" in text:
        spans += [Span(m.start(), m.end(), "epost") for m in _EMAIL.finditer(text)]
    if _AT_BRACKETED_GATE.search(text):
        for at in _AT_BRACKETED.finditer(text):
            spans += _spelled(text, at.start(), at.end(), words=False)
    if " at " in text or "krøll" in text or "kroll" in text:
        for at in _AT_WORD.finditer(text):
            spans += _spelled(text, at.start(), at.end(), words=True)
    return spans


def _spelled(text: str, at_start: int, at_end: int, words: bool) -> list[Span]:
    """The address around a spelled-out "@" at ``text[at_start:at_end]``, if there is one.

    After a plain " at " (Norwegian for "that") the address must end in a common top-level
    domain and look like one: its local part holds a dot, digit, underscore, plus or hyphen,
    its dot is spelled out, or its domain is a known mail provider ("mener at
    regjeringen.no" stays).
    """
    right = _DOMAIN_AFTER.match(text, at_end)
    if right is None:
        return []
    start = at_start
    while start > max(0, at_start - 64) and (text[start - 1].isalnum()
                                             or text[start - 1] in "._+-"):
        start -= 1
    local = text[start:at_start]
    if not local or (start and text[start - 1] == "@"):
        return []
    if words:
        domain, rest, tld = right.group(1).lower(), right.group(2), right.group(3).lower()
        plausible = (re.search(r"[._\d+-]", local) is not None
                     or domain in MAIL_PROVIDERS or _SPELLED_DOT.search(rest) is not None)
        if tld not in COMMON_TLDS or not plausible:
            return []
    return [Span(start, right.end(), "epost")]


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
