"""Norwegian (Bokmål) number, date and share formats for the reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

NBSP = "\u00a0"
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
          "september", "oktober", "november", "desember")
# respondent types in the plural, for "hvorav 9 fra kommuner"
PLURAL = {"kommune": "kommuner", "fylkeskommune": "fylkeskommuner",
          "statlig virksomhet": "statlige virksomheter", "organisasjon": "organisasjoner",
          "næringsliv": "næringslivet", "privatperson": "privatpersoner", "ukjent": "ukjente"}
SMALL = ("null", "ett", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti",
         "elleve", "tolv")


def integer(n: int) -> str:
    """1234567 → "1 234 567" (non-breaking spaces between groups of three)."""
    return f"{n:,}".replace(",", NBSP)


def decimal(x: float, digits: int = 1) -> str:
    """0.456 → "0,5"; 1234.5 → "1 234,5"."""
    whole = f"{x:,.{digits}f}"
    return whole.replace(",", " ").replace(".", ",").replace(" ", NBSP)


def percent(share: float, digits: int = 0) -> str:
    """0.27 → "27 %" (Norwegian style: a space before the sign)."""
    return f"{decimal(100 * share, digits)}{NBSP}%"


def date(value: dt.date | str) -> str:
    """2026-11-29 → "29. november 2026"."""
    d = dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def share_in_words(n: int, total: int, breakdown: Mapping[str, int] | None = None,
                   noun: str = "innspill") -> str:
    """"32 av 118 innspill, hvorav 9 fra kommuner" (the largest group by respondent type
    when it is not everybody)."""
    text = f"{integer(n)} av {integer(total)} {noun}"
    if breakdown:
        kind, k = max(breakdown.items(), key=lambda kv: (kv[1], kv[0]))
        if 0 < k < n and kind in PLURAL:
            text += f", hvorav {integer(k)} fra {PLURAL[kind]}"
        elif k == n and kind in PLURAL:
            text += f", alle fra {PLURAL[kind]}"
    return text
