"""Norwegian (Bokmål) number, date, share and word formats for the reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

NBSP = "\u00a0"
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
          "september", "oktober", "november", "desember")
# respondent types in the plural, for "9 fra kommuner"
PLURAL = {"kommune": "kommuner", "fylkeskommune": "fylkeskommuner",
          "statlig virksomhet": "statlige virksomheter", "organisasjon": "organisasjoner",
          "næringsliv": "næringslivet", "privatperson": "privatpersoner",
          "ukjent": "avsendertype ukjent"}
# respondent types in the singular, for "1 kommune" and table rows
SINGULAR = {"kommune": "kommune", "fylkeskommune": "fylkeskommune",
            "statlig virksomhet": "statlig virksomhet", "organisasjon": "organisasjon",
            "næringsliv": "næringslivsaktør", "privatperson": "privatperson",
            "ukjent": "avsendertype ukjent"}
# respondent types counted: "3 næringslivsaktører", "7 kommuner"
COUNTED = PLURAL | {"næringsliv": "næringslivsaktører"}
# a type as a table row: "Kommuner", "Avsendertype ukjent"
TYPE_ROW = {k: v.capitalize() for k, v in PLURAL.items()} | {"næringsliv": "Næringsliv"}
# nouns whose plural differs from the singular
NOUNS = {"tekstbit": "tekstbiter", "setning": "setninger", "innspill": "innspill",
         "tema": "temaer", "undertema": "undertemaer", "kampanjekopi": "kampanjekopier",
         "kampanjebrev": "kampanjebrev", "endring": "endringer", "sitat": "sitater",
         "privatperson": "privatpersoner", "avsender": "avsendere",
         "høringsinstans": "høringsinstanser", "punkt": "punkter", "spørsmål": "spørsmål"}
# written standards and languages in words ("other:en" → "Engelsk")
STANDARDS = {"nb": "Bokmål", "nn": "Nynorsk", "mixed": "Blandet bokmål og nynorsk",
             "en": "Engelsk", "sv": "Svensk", "da": "Dansk", "se": "Nordsamisk",
             "sme": "Nordsamisk", "unknown": "Ukjent", "": "Ukjent"}
SMALL = ("null", "ett", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti",
         "elleve", "tolv")


def integer(n: int) -> str:
    """1234567 → "1 234 567" (non-breaking spaces between groups of three)."""
    return f"{int(n):,}".replace(",", NBSP)


def count(n: int, noun: str) -> str:
    """``count(1, "tekstbit")`` → "1 tekstbit"; ``count(2, "tekstbit")`` → "2 tekstbiter"
    (the plural from :data:`NOUNS`, else the noun itself)."""
    return f"{integer(n)} {noun if n == 1 else NOUNS.get(noun, noun)}"


def type_count(n: int, kind: str) -> str:
    """``type_count(1, "kommune")`` → "1 kommune", ``(3, "ukjent")`` → "3 med avsendertype
    ukjent"."""
    if kind == "ukjent":
        return f"{integer(n)} med avsendertype ukjent"
    return f"{integer(n)} {(SINGULAR if n == 1 else COUNTED).get(kind, kind)}"


def standard_name(code: str | None) -> str:
    """A standard code in words: "nb" → "Bokmål", "other:en" → "Engelsk"."""
    key = (code or "").split(":")[-1]
    return STANDARDS.get(key, key.capitalize() if key else "Ukjent")


def join(items: list[str]) -> str:
    """["a", "b", "c"] → "a, b og c"."""
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


def decimal(x: float, digits: int = 1) -> str:
    """0.456 → "0,5"; 1234.5 → "1 234,5"."""
    whole = f"{x:,.{digits}f}"
    return whole.replace(",", " ").replace(".", ",").replace(" ", NBSP)


def percent(share: float, digits: int = 0) -> str:
    """0.27 → "27 %" (Norwegian style: a space before the sign)."""
    return f"{decimal(100 * share, digits)}{NBSP}%"


def share_percent(n: int, total: int) -> str:
    """A share as a percent that never reads "0 %" for a count above zero ("under 1 %")."""
    share = n / max(total, 1)
    return f"under 1{NBSP}%" if n and share < 0.005 else percent(share)


def date(value: dt.date | str) -> str:
    """2026-11-29 → "29. november 2026"."""
    d = dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def share_in_words(n: int, total: int, breakdown: Mapping[str, int] | None = None,
                   noun: str = "innspill") -> str:
    """"32 av 118 innspill, flest fra privatpersoner (9)" or "…, alle fra kommuner"; the
    whole breakdown is left to :func:`types_in_words`."""
    text = f"{integer(n)} av {count(total, noun)}"
    if breakdown:
        kind, k = max(breakdown.items(), key=lambda kv: (kv[1], kv[0]))
        if kind == "ukjent" and k == n:
            text += ", alle med avsendertype ukjent"
        elif 0 < k < n and kind in PLURAL and kind != "ukjent":
            text += f", flest fra {PLURAL[kind]} ({integer(k)})"
        elif k == n and kind in PLURAL:
            text += f", alle fra {PLURAL[kind]}"
    return text


def types_in_words(breakdown: Mapping[str, int]) -> str:
    """{"kommune": 7, "privatperson": 1} → "7 kommuner og 1 privatperson" (largest first)."""
    items = sorted(((k, v) for k, v in breakdown.items() if v), key=lambda kv: (-kv[1], kv[0]))
    return join([type_count(v, k) for k, v in items])
