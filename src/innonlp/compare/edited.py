"""The comparison recomputed on the analyst's edited themes (merged, renamed, promoted,
moved, not relevant) from the stored machine comparison: no NLP is redone."""

from __future__ import annotations

import json
from typing import Any


def _mapping(themes_doc: dict[str, Any]) -> dict[str, str]:
    """Machine theme id → the edited theme it now belongs to (merged ids → the kept id)."""
    out: dict[str, str] = {}
    for t in themes_doc["themes"]:
        out[t["id"]] = t["id"]
        for old in t.get("merged_from", []) or []:
            if isinstance(old, str):
                out[old] = t["id"]
    return out


def _matches(h: dict[str, Any], ids: dict[str, str], themes: dict[str, Any]
             ) -> list[dict[str, Any]]:
    best: dict[str, float] = {}
    for m in h["matches"]:
        new = ids.get(m["theme_id"])
        if new in themes:
            best[new] = max(best.get(new, 0.0), m["similarity"])
    return [{"theme_id": t, "label": themes[t]["label"], "similarity": s}
            for t, s in sorted(best.items(), key=lambda x: (-x[1], x[0]))]


def edit_comparison(comparison: dict[str, Any], themes_doc: dict[str, Any],
                    segment_themes: dict[str, str | None]) -> dict[str, Any]:
    """The comparison on the edited themes.

    Parameters
    ----------
    comparison : dict
        The machine's ``comparison.json``.
    themes_doc : dict
        The edited themes (``apply_edits``); themes marked not relevant are left out.
    segment_themes : dict
        Segment id → its edited theme id (for the evidence segments).

    Returns
    -------
    dict
        A copy with matches, machine themes and coverage figures on the edited themes; a
        merged theme's similarity is the highest of its parts.
    """
    doc = json.loads(json.dumps(comparison))
    themes = {t["id"]: t for t in themes_doc["themes"] if t.get("relevant", True)}
    ids = _mapping(themes_doc)
    covered: dict[str, list[str]] = {t: [] for t in themes}
    for h in doc["human_themes"]:
        h["matches"] = _matches(h, ids, themes)
        h["supported"] = bool(h["matches"])
        o = ids.get(h["one_to_one"]) if h.get("one_to_one") else None
        h["one_to_one"] = o if o in themes else None
        for m in h["matches"]:
            covered[m["theme_id"]].append(h["id"])
        for e in h["sentences"]:
            for seg in e["segments"]:
                seg["theme_id"] = segment_themes.get(seg["segment_id"])
    doc["machine_themes"] = [{
        "theme_id": t["id"], "label": t["label"], "n_submissions": t["n_submissions"],
        "share_of_submissions": t["share_of_submissions"], "covered": bool(covered[t["id"]]),
        "covered_by": covered[t["id"]], "shared": len(covered[t["id"]]) > 1,
        "one_to_one": next((h["id"] for h in doc["human_themes"]
                            if h["one_to_one"] == t["id"]), None)} for t in themes.values()]
    _figures(doc, themes)
    return doc


def _figures(doc: dict[str, Any], themes: dict[str, Any]) -> None:
    f = doc["figures"]
    in_themes = {s for t in themes.values() for s in t["submission_ids"]}
    covered = {s for m in doc["machine_themes"] if m["covered"]
               for s in themes[m["theme_id"]]["submission_ids"]}
    human = doc["human_themes"]
    f["theme_recall"] = round(sum(h["supported"] for h in human) / max(len(human), 1), 4)
    f["weighted_coverage"] = round(len(covered) / max(len(in_themes), 1), 4)
    f["n_submissions_in_themes"] = len(in_themes)
    f["shared_themes"] = [{"theme_id": m["theme_id"], "label": m["label"],
                           "human_themes": m["covered_by"]}
                          for m in doc["machine_themes"] if m["shared"]]
    f["omitted_themes"] = [{k: m[k] for k in ("theme_id", "label", "n_submissions",
                                              "share_of_submissions")}
                           for m in sorted((m for m in doc["machine_themes"]
                                            if not m["covered"]),
                                           key=lambda m: (-m["n_submissions"], m["theme_id"]))]
