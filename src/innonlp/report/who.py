"""Who said what, as the exports show it: per theme the pasteable paragraph and the named
bodies with their evidence sentence, from ``themes.json``'s ``respondents`` (private persons
are counted, never named). A theme without ``respondents`` gives nothing here."""

from __future__ import annotations

from typing import Any

from .norsk import TYPE_ROW, count

N_BODIES = 12  # bodies listed per theme in report.md and report.docx (all in report.html)
TYPE_NAMES = TYPE_ROW | {"statlig virksomhet": "Statlig virksomhet",
                         "fylkeskommune": "Fylkeskommune", "kommune": "Kommune",
                         "organisasjon": "Organisasjon", "næringsliv": "Næringsliv",
                         "privatperson": "Privatpersoner"}


def respondents(theme: dict[str, Any]) -> dict[str, Any] | None:
    """The theme's ``respondents`` when it is the grouped form, else None."""
    doc = theme.get("respondents")
    if isinstance(doc, dict) and isinstance(doc.get("groups"), list):
        return doc
    return None


def paragraph(theme: dict[str, Any]) -> str | None:
    """The pasteable "Temaet tas opp av …" sentence (made from the groups when the run
    stored none), or None without ``respondents``."""
    doc = respondents(theme)
    if doc is None:
        return None
    text = doc.get("paragraph")
    if isinstance(text, str) and text:
        return text
    from ..codebook.respondents import paragraph as make

    return make({"groups": doc["groups"], "n_private_persons":
                 int(doc.get("n_private_persons") or 0)})


def type_name(kind: Any) -> str:
    """A respondent type as a table cell: "Statlig virksomhet", "Kommune"."""
    return TYPE_NAMES.get(str(kind), str(kind).capitalize())


def bodies(theme: dict[str, Any]) -> list[dict[str, Any]]:
    """The named bodies in the ministry's order: ``respondent_type``, ``name``,
    ``submission_id``, ``evidence`` (never a private person)."""
    doc = respondents(theme)
    if doc is None:
        return []
    return [{"respondent_type": g.get("respondent_type", ""), "name": b.get("name", ""),
             "submission_id": b.get("submission_id", ""), "evidence": b.get("evidence", "")}
            for g in doc["groups"] if g.get("respondent_type") != "privatperson"
            for b in g.get("bodies", [])]


def names(theme: dict[str, Any]) -> list[str]:
    """The bodies' names, once each, in order."""
    return list(dict.fromkeys(b["name"] for b in bodies(theme)
                              if isinstance(b["name"], str) and b["name"]))


def n_private(theme: dict[str, Any]) -> int:
    doc = respondents(theme) or {}
    return int(doc.get("n_private_persons") or 0)


def body_blocks(theme: dict[str, Any], limit: int | None = N_BODIES) -> list[tuple[Any, ...]]:
    """The paragraph and a table of the named bodies with their evidence (``limit`` rows,
    None: all; the rest said in a line)."""
    text = paragraph(theme)
    if text is None:
        return []
    out: list[tuple[Any, ...]] = [("p", text)]
    rows = [[b["name"], type_name(b["respondent_type"]), b["evidence"]]
            for b in bodies(theme)]
    if rows:
        shown = rows if limit is None else rows[:limit]
        out.append(("table", ["Høringsinstans", "Type", "Hva de skriver"], shown))
        if len(shown) < len(rows):
            out.append(("p", f"… og {count(len(rows) - len(shown), 'høringsinstans')} til "
                             "(alle står i arket «hvem-sa-hva» i themes.xlsx)."))
    return out
