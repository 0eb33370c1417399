"""The workbook's sheets as frames with Norwegian headers and each column's number format:
temaer, undertemaer, sitater, holdning, avsender-tema, innspill, tekstbiter, sammenligning."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .norsk import TYPE_ROW, standard_name
from .run import Run

Sheet = tuple[pd.DataFrame, dict[str, str]]  # frame, column → "int" | "pct" | "dec"
STANCE_COLS = (("støtter", "Støtter"), ("delvis", "Med forbehold"), ("imot", "Går imot"),
               ("ingen_merknader", "Ingen merknader"), ("uklart", "Tar ikke stilling"))
SEGMENT_COLUMNS = {"id": "Tekstbit", "submission_id": "Innspill", "bucket": "Gruppe",
                   "theme_id": "Tema-id", "theme_label": "Tema", "subtheme_id": "Undertema-id",
                   "theme_similarity": "Likhet med temaet", "standard": "Målform",
                   "seed_ids": "Punkter", "seed_matched_by": "Funnet ved",
                   "stance": "Holdning", "part": "Del", "question": "Spørsmål",
                   "heading": "Overskrift", "page": "Side", "start": "Start", "end": "Slutt",
                   "text": "Tekst"}
BUCKETS = {"theme": "tema", "outlier": "andre innspill", "formalia": "formalia",
           "no_comments": "ingen merknader"}
STANCE_WORDS = {"støtter": "støtter", "imot": "går imot", "delvis": "med forbehold",
                "ingen_merknader": "ingen merknader", "uklart": "uklart"}


def _types(run: Run) -> list[str]:
    return sorted({k for t in run.themes_doc["themes"] for k in t["respondent_types"]})


def themes_sheet(run: Run) -> Sheet:
    """One row per theme (after edits), largest first."""
    types = _types(run)
    rows = []
    for t in run.themes_doc["themes"]:
        row: dict[str, Any] = {
            "Tema-id": t["id"], "Tema": t["label"], "Relevant": t.get("relevant", True),
            "Tekstbiter": int(t["n_segments"]), "Innspill": int(t["n_submissions"]),
            "Ulike innspill": int(t["n_submissions_unique"]),
            "Kampanjekopier": int(t["n_campaign_copies"]),
            "Andel av innspillene": float(t["share_of_submissions"]),
            "Stabilitet": None if t["stability"] is None else float(t["stability"]),
            "Ustabilt": bool(t["unstable"]),
            "Nøkkeluttrykk": "; ".join(k["phrase"] for k in t["key_phrases"][:5]),
            "Undertemaer": len(t.get("subthemes", []))}
        for k in types:
            row[TYPE_ROW.get(k, k)] = int(t["respondent_types"].get(k, 0))
        for code in ("nb", "nn"):
            row[f"Andel {standard_name(code).lower()}"] = float(t["standards"].get(code, 0.0))
        rows.append(row | _structure_cells(run, t))
    frame = pd.DataFrame(rows)
    fmt = {c: "int" for c in ("Tekstbiter", "Innspill", "Ulike innspill", "Kampanjekopier",
                              "Undertemaer", *(TYPE_ROW.get(k, k) for k in types))}
    fmt |= {"Andel av innspillene": "pct", "Andel bokmål": "pct", "Andel nynorsk": "pct",
            "Stabilitet": "dec", "Innspill med tilslutning": "int"}
    return frame, fmt


def _structure_cells(run: Run, t: dict[str, Any]) -> dict[str, Any]:
    """A codebook run's "Fra høringsnotatet" and a counted run's "Innspill med tilslutning"
    (only when ``themes.json`` has them)."""
    doc = run.themes_doc
    out: dict[str, Any] = {}
    if isinstance(doc.get("codebook"), dict):
        out["Fra høringsnotatet"] = bool(t.get("seeded"))
    if (doc.get("endorsements") or {}).get("counted"):
        out["Innspill med tilslutning"] = int(t.get("n_submissions_with_endorsements")
                                              or t["n_submissions"])
    return out


def subthemes_sheet(run: Run) -> Sheet:
    rows = [{"Tema-id": t["id"], "Tema": t["label"], "Undertema-id": s["id"],
             "Undertema": s["label"], "Tekstbiter": int(s.get("n_segments", 0)),
             "Innspill": int(s.get("n_submissions", 0)),
             "Nøkkeluttrykk": "; ".join(k["phrase"] for k in s.get("key_phrases", [])[:5])}
            for t in run.themes_doc["themes"] for s in t.get("subthemes", [])]
    cols = ["Tema-id", "Tema", "Undertema-id", "Undertema", "Tekstbiter", "Innspill",
            "Nøkkeluttrykk"]
    return pd.DataFrame(rows, columns=cols), {"Tekstbiter": "int", "Innspill": "int"}


def quotes_sheet(run: Run) -> Sheet:
    from .syn import sender_text

    rows = [{"Tema-id": t["id"], "Tema": t["label"], "Sitat": q["text"],
             "Avsender": sender_text(run, q["submission_id"]), "Innspill": q["submission_id"],
             "Tekstbit": q.get("segment_id"), "Likhet med temaet": q.get("similarity")}
            for t in run.themes_doc["themes"] for q in t.get("quotes", [])]
    cols = ["Tema-id", "Tema", "Sitat", "Avsender", "Innspill", "Tekstbit", "Likhet med temaet"]
    return pd.DataFrame(rows, columns=cols), {"Likhet med temaet": "dec"}


def stance_sheet(run: Run) -> Sheet:
    """Respondent type × theme: the stance counts of each pair (from themes.json)."""
    rows = []
    for t in run.relevant_themes:
        st = t.get("stance")
        if not st:
            continue
        for kind, c in sorted(st.get("respondent_types", {}).items()):
            row: dict[str, Any] = {"Tema-id": t["id"], "Tema": t["label"],
                                   "Respondenttype": TYPE_ROW.get(kind, kind)}
            row |= {name: int(c.get(key, 0)) for key, name in STANCE_COLS}
            row["Innspill"] = sum(int(c.get(key, 0)) for key, _ in STANCE_COLS)
            rows.append(row)
    cols = ["Tema-id", "Tema", "Respondenttype", *(n for _, n in STANCE_COLS), "Innspill"]
    return (pd.DataFrame(rows, columns=cols),
            {c: "int" for c in cols if c not in ("Tema-id", "Tema", "Respondenttype")})


def matrix_sheet(run: Run) -> Sheet:
    """Respondent × theme: the number of the submission's segments in each theme."""
    from .syn import sender_text

    themes = run.relevant_themes
    seg = run.segments.dropna(subset=["theme_id"])
    counts = seg.groupby(["submission_id", "theme_id"]).size()
    per: dict[str, dict[str, int]] = {}
    for (sid, tid), n in counts.items():
        per.setdefault(str(sid), {})[str(tid)] = int(n)
    f = run.submissions
    kinds = f["respondent_type"].tolist() if "respondent_type" in f else [None] * len(f)
    rows = []
    for sid, kind in zip(f["id"].tolist(), kinds, strict=True):
        row: dict[str, Any] = {"Innspill": sid, "Avsender": sender_text(run, sid),
                               "Respondenttype": TYPE_ROW.get(kind or "ukjent", kind)}
        row |= {f"{t['id']} {t['label']}": per.get(sid, {}).get(t["id"]) for t in themes}
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["Innspill", "Avsender", "Respondenttype",
                                        *(f"{t['id']} {t['label']}" for t in themes)])
    for t in themes:
        frame[f"{t['id']} {t['label']}"] = frame[f"{t['id']} {t['label']}"].astype("Int64")
    return frame, {f"{t['id']} {t['label']}": "int" for t in themes}


def submissions_sheet(run: Run) -> Sheet:
    subs = run.submission_themes()
    frame = pd.DataFrame({
        "Innspill": subs["id"], "Avsender (person)": subs["submitter"],
        "Organisasjon": subs["organisation"],
        "Respondenttype": [TYPE_ROW.get(k, k) if isinstance(k, str) else None
                           for k in subs["respondent_type"]],
        "Målform": [standard_name(s) if isinstance(s, str) else None for s in subs["standard"]],
        "Kampanje": subs["campaign_id"], "Temaer": subs["themes"]})
    if "main_theme" in subs:
        frame["Hovedtema"] = subs["main_theme"]
    f = run.submissions
    if "stance" in f:
        frame["Holdning"] = [STANCE_WORDS.get(s, s) if isinstance(s, str) else None
                             for s in f.set_index("id").loc[subs["id"], "stance"].tolist()]
    if "key_phrases" in f:
        frame["Nøkkeluttrykk"] = f.set_index("id").loc[subs["id"], "key_phrases"].tolist()
    if "endorses" in f:
        frame["Slutter seg til"] = [e if isinstance(e, str) and e else None for e in
                                    f.set_index("id").loc[subs["id"], "endorses"].tolist()]
    return frame, {}


def segments_sheet(run: Run) -> Sheet:
    seg = run.segments[[c for c in SEGMENT_COLUMNS if c in run.segments]].copy()
    if "bucket" in seg:
        seg["bucket"] = seg["bucket"].map(lambda b: BUCKETS.get(b, b))
    if "standard" in seg:
        seg["standard"] = seg["standard"].map(
            lambda s: standard_name(s) if isinstance(s, str) else None)
    if "stance" in seg:
        seg["stance"] = seg["stance"].map(lambda s: STANCE_WORDS.get(s, s))
    seg = seg.rename(columns=SEGMENT_COLUMNS)
    fmt = {c: "int" for c in ("Del", "Side", "Start", "Slutt") if c in seg}
    return seg, fmt | {"Likhet med temaet": "dec"}


def comparison_sheet(run: Run) -> Sheet:
    comparison = run.comparison
    if comparison is None:
        return pd.DataFrame({"Merknad": ["Ingen oppsummering ble sammenlignet i denne "
                                         "kjøringen (bruk --summary eller innonlp compare)."]}), {}
    names = {"id": "Id", "title": "Tema i oppsummeringen", "supported": "Har støtte",
             "machine_themes": "Maskinelle temaer", "best_similarity": "Beste likhet",
             "n_submissions": "Innspill", "n_weak_sentences": "Svake setninger"}
    frame = comparison.rename(columns={k: v for k, v in names.items() if k in comparison})
    return frame, {"Beste likhet": "dec", "Innspill": "int", "Svake setninger": "int"}


def sheets(run: Run) -> dict[str, Sheet]:
    """Every sheet in workbook order; after ``avsender-tema`` those of
    :mod:`.sheets_structure` that the run has data for."""
    from .sheets_structure import structure_sheets

    return {"temaer": themes_sheet(run), "undertemaer": subthemes_sheet(run),
            "sitater": quotes_sheet(run), "holdning": stance_sheet(run),
            "avsender-tema": matrix_sheet(run), **structure_sheets(run),
            "innspill": submissions_sheet(run), "tekstbiter": segments_sheet(run),
            "sammenligning": comparison_sheet(run)}
