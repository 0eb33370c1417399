"""The workbook's sheets for the consultation's structure, each only when ``themes.json``
has its field: ``hvem-sa-hva`` (theme × named body with the evidence sentence, private
persons one count row per theme), ``punkter`` (a codebook run's seeds), a sheet per
question (``spørsmål 1`` …, the full question in the first row), ``lukket-svar`` (themes ×
a closed question) and ``tilslutninger`` (who joined another body's answer). A sheet's
``frame.attrs["title"]`` is a first row above its header."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .run import Run
from .structure import seed_themes, stance_columns, stance_count
from .who import bodies, n_private, respondents, type_name

Sheet = tuple[pd.DataFrame, dict[str, str]]
N_QUOTES = 3


def _labels(run: Run) -> dict[str, str]:
    return {t["id"]: t["label"] for t in run.themes_doc["themes"]}


def _titled(frame: pd.DataFrame, title: str) -> pd.DataFrame:
    frame.attrs["title"] = title
    return frame


def who_sheet(run: Run) -> Sheet | None:
    """Theme × named body with its evidence; private persons counted in one row."""
    themes = [t for t in run.relevant_themes if respondents(t) is not None]
    if not themes:
        return None
    cols = ["Tema-id", "Tema", "Respondenttype", "Høringsinstans", "Innspill", "Antall",
            "Hva de skriver"]
    rows: list[list[Any]] = []
    for t in themes:
        rows += [[t["id"], t["label"], type_name(b["respondent_type"]), b["name"],
                  b["submission_id"], 1, b["evidence"]] for b in bodies(t)]
        if n_private(t):
            rows.append([t["id"], t["label"], "Privatpersoner",
                         "(privatpersoner er talt, ikke navngitt)", None, n_private(t), None])
    return pd.DataFrame(rows, columns=cols), {"Antall": "int"}


def seeds_sheet(run: Run) -> Sheet | None:
    """The codebook's seeds in its order with how their segments were found."""
    pairs = seed_themes(run)
    if not pairs:
        return None
    book = run.themes_doc["codebook"]
    empty = {str(e) for e in book.get("empty_seeds", [])}
    cols = ["Tema-id", "Punkt", "Beskrivelse", "Nøkkelord", "Henvisninger", "Innspill",
            "Tekstbiter", "Treff på henvisning", "Treff på nøkkelord", "Treff på likhet",
            "Ingen kommenterte"]
    rows = []
    for seed, theme in pairs:
        t = theme or {}
        by = t.get("matched_by") or {}
        quiet = str(seed.get("id")) in empty or not t.get("n_submissions")
        rows.append([t.get("id", seed.get("id")), t.get("label") or seed.get("label"),
                     seed.get("description") or "", "; ".join(seed.get("keywords") or []),
                     "; ".join(seed.get("references") or []),
                     int(t.get("n_submissions") or 0), int(t.get("n_segments") or 0),
                     *(int(by.get(k) or 0) for k in ("reference", "keyword", "similarity")),
                     quiet])
    title = f"Punkter fra {book.get('source', 'kodeboken')}"
    return (_titled(pd.DataFrame(rows, columns=cols), title),
            {c: "int" for c in cols[5:10]})


def _question_sheet(run: Run, q: dict[str, Any]) -> Sheet:
    from .syn import sender_text

    labels = _labels(run)
    themes = q.get("themes", [])
    stance = stance_columns(themes)
    n_quotes = min(N_QUOTES, max((len(t.get("quotes", [])) for t in themes), default=0))
    cols = ["Tema-id", "Tema", "Innspill", "Tekstbiter", *(n for _, _, n in stance)]
    cols += [c for i in range(1, n_quotes + 1) for c in (f"Sitat {i}", f"Avsender {i}")]
    rows = []
    for t in themes:
        row: list[Any] = [t["id"], labels.get(t["id"], t.get("label", "")),
                          int(t["n_submissions"]), int(t["n_segments"])]
        row += [stance_count(t, k, a) for k, a, _ in stance]
        quotes = t.get("quotes", [])[:n_quotes]
        for qt in quotes:
            row += [qt["text"], sender_text(run, qt["submission_id"])]
        rows.append(row + [None] * (len(cols) - len(row)))
    fmt = {c: "int" for c in ("Innspill", "Tekstbiter", *(n for _, _, n in stance))}
    return _titled(pd.DataFrame(rows, columns=cols), str(q["question"])), fmt


def question_sheets(run: Run) -> dict[str, Sheet]:
    """"spørsmål 1", "spørsmål 2" …: each question's themes, counts, stance and quotes."""
    return {f"spørsmål {i}": _question_sheet(run, q)
            for i, q in enumerate(run.themes_doc.get("questions") or [], start=1)}


def closed_sheet(run: Run) -> Sheet | None:
    """Themes × the closed question's answers (submissions), all submissions first."""
    c = run.themes_doc.get("closed")
    if not isinstance(c, dict) or not c.get("values"):
        return None
    values = [str(v) for v in c["values"]]
    labels = _labels(run)
    total = c.get("n_submissions") or {}
    rows = [["", "Alle innspill", *(int(total.get(v) or 0) for v in values)]]
    rows += [[t["id"], labels.get(t["id"], t.get("label", "")),
              *(int((t.get("counts") or {}).get(v) or 0) for v in values)]
             for t in c.get("themes", [])]
    frame = pd.DataFrame(rows, columns=pd.Index(["Tema-id", "Tema", *values]))
    return _titled(frame, str(c["column"])), {v: "int" for v in values}


def endorsements_sheet(run: Run) -> Sheet | None:
    """One row per submission that joins another body's answer."""
    from .syn import sender_text

    e = run.themes_doc.get("endorsements")
    if not isinstance(e, dict) or not e.get("bodies"):
        return None
    rows = [[b["name"], sid, sender_text(run, sid)]
            for b in e["bodies"] for sid in b.get("submission_ids", [])]
    title = ("Tilslutninger (telles med i temaene)" if e.get("counted") else
             "Tilslutninger (ikke talt med i temaene)")
    frame = pd.DataFrame(rows, columns=["Slutter seg til", "Innspill", "Avsender"])
    return _titled(frame, title), {}


def structure_sheets(run: Run) -> dict[str, Sheet]:
    """The sheets above that this run has data for, in workbook order."""
    out: dict[str, Sheet] = {}
    for name, make in (("hvem-sa-hva", who_sheet), ("punkter", seeds_sheet)):
        sheet = make(run)
        if sheet is not None:
            out[name] = sheet
    out |= question_sheets(run)
    for name, make in (("lukket-svar", closed_sheet), ("tilslutninger", endorsements_sheet)):
        sheet = make(run)
        if sheet is not None:
            out[name] = sheet
    return out
