"""Who said what: per theme the named organisations that raised it, grouped by respondent
type in a ministry's order, private persons counted and never named, each body with its
best sentence; and the paragraph an analyst can paste."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

ORDER = ("statlig virksomhet", "fylkeskommune", "kommune", "organisasjon", "næringsliv")
PRIVATE = "privatperson"
PLURAL = {"statlig virksomhet": "statlige virksomheter", "fylkeskommune": "fylkeskommuner",
          "kommune": "kommuner", "organisasjon": "organisasjoner", "næringsliv": "virksomheter "
          "i næringslivet", PRIVATE: "privatpersoner"}
SINGULAR = {"statlig virksomhet": "statlig virksomhet", "fylkeskommune": "fylkeskommune",
            "kommune": "kommune", "organisasjon": "organisasjon",
            "næringsliv": "virksomhet i næringslivet", PRIVATE: "privatperson"}


@dataclass(frozen=True)
class Mention:
    """One submission's segment in a theme."""

    submission_id: str
    organisation: str | None
    respondent_type: str | None
    sentence: str
    score: float


def respondents(mentions: Iterable[Mention]) -> dict[str, Any]:
    """``themes.json``'s ``respondents`` of one theme: per type (ministry order) the bodies
    with their best sentence, and the count of private persons."""
    best: dict[tuple[str, str], Mention] = {}
    persons: set[str] = set()
    for m in mentions:
        kind = m.respondent_type or "organisasjon"
        if kind == PRIVATE or not m.organisation:
            if kind == PRIVATE:
                persons.add(m.submission_id)
            continue
        key = (kind, m.organisation)
        old = best.get(key)
        if old is None or (m.score, -len(m.sentence)) > (old.score, -len(old.sentence)):
            best[key] = m
    groups = []
    for kind in (*ORDER, *sorted({k for k, _ in best} - set(ORDER))):
        bodies = sorted((m for (k, _), m in best.items() if k == kind),
                        key=lambda m: (m.organisation or "").lower())
        if bodies:
            groups.append({"respondent_type": kind, "bodies": [
                {"name": m.organisation, "submission_id": m.submission_id,
                 "evidence": m.sentence} for m in bodies]})
    return {"groups": groups, "n_bodies": len(best), "n_private_persons": len(persons)}


def paragraph(doc: dict[str, Any]) -> str:
    """"Temaet tas opp av 12 høringsinstanser: Datatilsynet, …; 4 kommuner: …; og 31
    privatpersoner." (empty: "Ingen høringsinstanser tok opp temaet.")"""
    parts = []
    for g in doc["groups"]:
        n, names = len(g["bodies"]), ", ".join(b["name"] for b in g["bodies"])
        word = SINGULAR if n == 1 else PLURAL
        parts.append(f"{n} {word.get(g['respondent_type'], g['respondent_type'])}: {names}")
    p = doc["n_private_persons"]
    if p:
        parts.append(f"{p} {'privatperson' if p == 1 else 'privatpersoner'}")
    if not parts:
        return "Ingen høringsinstanser tok opp temaet."
    text = parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + "; og " + parts[-1]
    return f"Temaet tas opp av {text}."
