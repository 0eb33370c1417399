"""Analyst edits: ``edits.toml`` in the run folder (or ``--edits FILE``).

```toml
[[rename]]
theme = "T03"
label = "Finansiering"

[[merge]]                      # the first theme keeps its id; the others become sub-themes
themes = ["T02", "T07"]
label = "Digitalisering"       # optional

[[promote]]                    # a sub-theme becomes a theme of its own
subtheme = "T01.2"
label = "Frivillig sektor"     # optional

[[move]]
segment = "brev/fjellvik-kommune#3"
theme = "T05"                  # or "" for "Andre innspill"

[[not_relevant]]
theme = "T09"
reason = "Handler om en annen høring"
```

Edits are applied in a fixed order (move, promote, merge, rename, not_relevant) to the stored
run; the machine's ``themes.json`` is never changed, the exports show the edited themes.
An edit that names a theme, sub-theme or segment the run does not have is not applied and is
reported with the reason. With ``themes = "…/themes.json"`` under ``[source]`` (or a
``themes.json`` beside the edits file that differs from the run's), theme ids are first
translated from that earlier run to this one by matching themes (submissions and key phrases
in common), so edits carry over to a rerun on new or changed input. Files innonlp writes
(``edits.example.toml``, ``edits.translated.toml``) carry a ``[source]`` fingerprint of their
run (:mod:`.edits_source`): the same run applies them as they are, a changed one has its ids
translated, and an edit whose theme matches nothing is refused with a warning, never put on
another theme. The analyst's own file is never rewritten.
"""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ConfigError

KINDS = ("move", "promote", "merge", "rename", "not_relevant")
MATCH_AT_LEAST = 0.3
KEYS = {"move": {"segment", "theme"}, "promote": {"subtheme", "label"},
        "merge": {"themes", "label"}, "rename": {"theme", "label"},
        "not_relevant": {"theme", "reason"}}


@dataclass
class EditResult:
    source: str | None = None
    applied: list[dict[str, Any]] = field(default_factory=list)
    not_applied: list[dict[str, Any]] = field(default_factory=list)
    translated: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    translated_file: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "applied": self.applied,
                "not_applied": self.not_applied, "translated": self.translated,
                "warnings": self.warnings, "translated_file": self.translated_file}


def read_edits(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"Edits file {str(p)!r} does not exist.")
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Edits file {p.name} is not valid TOML: {exc}") from exc
    unknown = set(data) - set(KINDS) - {"source"}
    if unknown:
        raise ConfigError(f"Edits file {p.name}: unknown section(s) {', '.join(sorted(unknown))}"
                          f"; known: {', '.join(KINDS)}, source.")
    for kind in KINDS:
        if not isinstance(data.get(kind, []), list):
            raise ConfigError(f"Edits file {p.name}: use [[{kind}]] (an array of tables).")
        for i, edit in enumerate(data.get(kind, []), start=1):
            _check_edit(p.name, kind, i, edit)
    return data


def _check_edit(name: str, kind: str, i: int, edit: Any) -> None:
    """Unknown keys are named; a merge needs two or more different themes."""
    where = f"Edits file {name}, [[{kind}]] number {i}"
    if not isinstance(edit, dict):
        raise ConfigError(f"{where}: use [[{kind}]] (an array of tables).")
    unknown = sorted(set(edit) - KEYS[kind])
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; known: "
                          f"{', '.join(sorted(KEYS[kind]))}.")
    if kind == "merge":
        ids = edit.get("themes")
        if not isinstance(ids, list) or not all(isinstance(t, str) for t in ids):
            raise ConfigError(f"{where}: themes must be a list of theme ids.")
        if len(set(ids)) != len(ids):
            raise ConfigError(f"{where}: a theme cannot be merged with itself "
                              f"({', '.join(ids)}).")
        if len(ids) < 2:
            raise ConfigError(f"{where}: a merge needs two or more themes.")


def _theme_keys(theme: dict[str, Any]) -> tuple[set[str], set[str]]:
    return set(theme["submission_ids"]), {k["phrase"].lower() for k in theme["key_phrases"]}


def match_themes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, tuple[str, float]]:
    """Old theme id → (new theme id, score): the mean of the Jaccard indexes of their
    submissions and of their key phrases; only pairs scoring at least ``MATCH_AT_LEAST``,
    each new theme used once, best pairs first."""
    pairs = []
    for o in old["themes"]:
        os_, op = _theme_keys(o)
        for n in new["themes"]:
            ns, np_ = _theme_keys(n)
            js = len(os_ & ns) / max(len(os_ | ns), 1)
            jp = len(op & np_) / max(len(op | np_), 1)
            pairs.append(((js + jp) / 2, o["id"], n["id"]))
    out: dict[str, tuple[str, float]] = {}
    used: set[str] = set()
    for score, o, n in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if score >= MATCH_AT_LEAST and o not in out and n not in used:
            out[o] = (n, round(score, 3))
            used.add(n)
    return out


def recount(doc: dict[str, Any], segments: pd.DataFrame, submissions: pd.DataFrame) -> None:
    """Counts of every theme from the segments' ``theme_id`` (after edits)."""
    subs = submissions.set_index("id")
    n_total = len(submissions)
    for theme in doc["themes"]:
        members = segments[segments["theme_id"] == theme["id"]]
        ids = sorted(set(members["submission_id"]))
        camp = subs.reindex(ids)["campaign_id"].dropna()
        std = Counter(members["standard"].fillna("nb"))
        total = sum(std.values()) or 1
        theme.update({
            "n_segments": len(members), "n_submissions": len(ids),
            "n_submissions_unique": len(ids) - len(camp) + camp.nunique(),
            "n_campaign_copies": len(camp),
            "share_of_submissions": round(len(ids) / max(n_total, 1), 4),
            "respondent_types": dict(sorted(Counter(
                subs.reindex(ids)["respondent_type"].fillna("ukjent")).items())),
            "standards": {k: round(v / total, 4) for k, v in sorted(std.items())},
            "submission_ids": ids})


def apply_edits(doc: dict[str, Any], segments: pd.DataFrame, submissions: pd.DataFrame,
                edits: dict[str, Any], translate: dict[str, str] | None = None
                ) -> tuple[dict[str, Any], pd.DataFrame, EditResult]:
    """The edited copy of ``doc`` and ``segments``; ``translate`` maps theme ids of an
    earlier run to this run's."""
    doc = json.loads(json.dumps(doc))
    seg = segments.copy()
    res = EditResult(translated=dict(translate or {}))
    themes = {t["id"]: t for t in doc["themes"]}
    tr = translate

    def tid(x: Any) -> str | None:
        if not isinstance(x, str):
            return None
        if x == "":
            return ""
        base, _, sub = x.partition(".")
        if tr is not None:
            if base not in tr:
                return None
            base = tr[base]
        return base + (f".{sub}" if sub else "")

    def fail(kind: str, edit: dict[str, Any], reason: str) -> None:
        if tr is not None:
            reason = reason.replace("is not in this run", "matches no theme of this run")
        res.not_applied.append({"kind": kind, **edit, "reason": reason})

    for edit in edits.get("move", []):
        target = tid(edit.get("theme"))
        rows = seg.index[seg["id"] == edit.get("segment")]
        if not len(rows):
            fail("move", edit, f"segment {edit.get('segment')!r} is not in this run")
        elif target is None or (target and target not in themes):
            fail("move", edit, f"theme {edit.get('theme')!r} is not in this run")
        else:
            seg.loc[rows, "theme_id"] = target or None
            seg.loc[rows, "subtheme_id"] = None
            seg.loc[rows, "bucket"] = "theme" if target else "outlier"
            res.applied.append({"kind": "move", **edit})
    for edit in edits.get("promote", []):
        sid = tid(edit.get("subtheme"))
        parent = themes.get((sid or "").partition(".")[0])
        sub = next((s for s in (parent or {}).get("subthemes", []) if s["id"] == sid), None)
        if sub is None or parent is None:
            fail("promote", edit, f"sub-theme {edit.get('subtheme')!r} is not in this run")
            continue
        new_id = f"T{max(int(t[1:]) for t in themes) + 1:02d}"
        parent["subthemes"] = [s for s in parent["subthemes"] if s["id"] != sid]
        theme = {**{k: v for k, v in sub.items() if k != "id"}, "id": new_id,
                 "label": edit.get("label") or sub["label"], "stability": parent["stability"],
                 "unstable": parent["unstable"], "subthemes": [], "promoted_from": sid}
        doc["themes"].append(theme)
        themes[new_id] = theme
        rows = seg["subtheme_id"] == sid
        seg.loc[rows, "theme_id"], seg.loc[rows, "subtheme_id"] = new_id, None
        res.applied.append({"kind": "promote", **edit, "new_theme": new_id})
    for edit in edits.get("merge", []):
        ids = [tid(t) for t in edit.get("themes", [])]
        missing = [str(t) for t, i in zip(edit.get("themes", []), ids, strict=True)
                   if i not in themes]
        if len(ids) < 2 or missing or len(set(ids)) != len(ids):
            fail("merge", edit, f"merge names theme(s) {', '.join(missing)} that are not in "
                 "this run" if missing else "merge needs two or more different themes")
            continue
        keep, rest = themes[ids[0]], [themes[t] for t in ids[1:]]
        for other in rest:
            keep.setdefault("merged_from", [keep["id"]])
            keep["subthemes"].append({k: other[k] for k in (
                "id", "label", "key_phrases", "n_segments", "n_submissions", "quotes",
                "n_submissions_unique", "n_campaign_copies", "share_of_submissions",
                "respondent_types", "standards", "submission_ids") if k in other})
            keep["key_phrases"] = sorted(keep["key_phrases"] + other["key_phrases"],
                                         key=lambda k: -k["score"])
            keep["quotes"] = keep["quotes"] + other["quotes"]
            keep["stability"] = min(keep["stability"], other["stability"])
            keep["unstable"] = keep["unstable"] or other["unstable"]
            seg.loc[seg["theme_id"] == other["id"], "theme_id"] = keep["id"]
            doc["themes"].remove(other)
            del themes[other["id"]]
        seen: set[str] = set()
        phrases = []
        for k in keep["key_phrases"]:
            if k["phrase"].lower() not in seen:
                seen.add(k["phrase"].lower())
                phrases.append(k)
        keep["key_phrases"] = phrases[:10]
        if edit.get("label"):
            keep["label"] = edit["label"]
        earlier = [x for t in [keep, *rest] for x in t.get("merged_from", [t["id"]])]
        keep["merged_from"] = list(dict.fromkeys([*ids, *earlier]))
        res.applied.append({"kind": "merge", **edit})
    for edit in edits.get("rename", []):
        t = tid(edit.get("theme"))
        if t not in themes or not edit.get("label"):
            fail("rename", edit, f"theme {edit.get('theme')!r} is not in this run"
                 if t not in themes else "rename needs a label")
            continue
        themes[t]["machine_label"] = themes[t].get("machine_label", themes[t]["label"])
        themes[t]["label"] = str(edit["label"])
        res.applied.append({"kind": "rename", **edit})
    for edit in edits.get("not_relevant", []):
        t = tid(edit.get("theme"))
        if t not in themes:
            fail("not_relevant", edit, f"theme {edit.get('theme')!r} is not in this run")
            continue
        themes[t]["relevant"] = False
        themes[t]["not_relevant_reason"] = edit.get("reason", "")
        res.applied.append({"kind": "not_relevant", **edit})
    labels = {t["id"]: t["label"] for t in doc["themes"]}
    seg["theme_label"] = [labels.get(t, lab) if isinstance(t, str) else lab
                          for t, lab in zip(seg["theme_id"], seg["theme_label"], strict=True)]
    recount(doc, seg, submissions)
    doc["themes"].sort(key=lambda t: (-t["n_submissions"], t["id"]))
    doc["edited"] = bool(res.applied)
    return doc, seg, res


def translation_for(edits_path: Path, edits: dict[str, Any], run_doc: dict[str, Any],
                    run_dir: Path) -> tuple[dict[str, str] | None, str | None]:
    """Theme-id translation when the edits were written for another run."""
    from .edits_source import embedded_translation

    embedded = embedded_translation(edits, run_doc)
    if embedded is not False:
        return embedded  # type: ignore[return-value]
    src = edits.get("source", {}).get("themes")
    old_path = (edits_path.parent / src) if src else edits_path.parent / "themes.json"
    if not old_path.is_file() or old_path.resolve() == (run_dir / "themes.json").resolve():
        return None, None
    old = json.loads(old_path.read_text(encoding="utf-8"))
    if old == run_doc:
        return None, None
    matched = match_themes(old, run_doc)
    return {o: n for o, (n, _) in matched.items()}, str(old_path)


def _toml_value(v: Any) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return str(v)
    return json.dumps(str(v), ensure_ascii=False)  # a valid TOML basic string


def edits_toml(edits: dict[str, Any], header: str = "") -> str:
    lines = [f"# {line}" for line in header.splitlines()]
    for kind in KINDS:
        for e in edits.get(kind, []):
            lines += ["", f"[[{kind}]]"] + [f"{k} = {_toml_value(v)}" for k, v in e.items()]
    return "\n".join(lines).strip() + "\n"


def translate_edits(edits: dict[str, Any], translate: dict[str, str]) -> dict[str, Any]:
    """The edits with theme ids of an earlier run replaced by this run's; edits naming a
    theme with no match are left out (they are reported as not applied)."""
    def tr(x: str) -> str | None:
        if x == "":
            return ""
        base, _, sub = x.partition(".")
        return translate[base] + (f".{sub}" if sub else "") if base in translate else None

    out: dict[str, Any] = {}
    for kind in KINDS:
        kept = []
        for e in edits.get(kind, []):
            e2 = dict(e)
            ok = True
            for key in ("theme", "subtheme"):
                if key in e2:
                    e2[key] = tr(str(e2[key]))
                    ok &= e2[key] is not None
            if "themes" in e2:
                e2["themes"] = [tr(str(t)) for t in e2["themes"]]
                ok &= all(t is not None for t in e2["themes"])
            if ok:
                kept.append(e2)
        if kept:
            out[kind] = kept
    return out


def carry_edits(run: Any, path: Path) -> Any:
    """Apply ``path`` to a fresh run (``analyze``): translate theme ids when the edits were
    written for an earlier run, apply, and save them with this run's ids (and its
    fingerprint) as ``edits.translated.toml`` next to the analyst's file, which is never
    rewritten."""
    from ..io import write_text

    data = read_edits(path)
    translate, source = translation_for(path, data, run.themes_doc, run.path)
    doc, seg, res = apply_edits(run.themes_doc, run.segments, run.submissions, data, translate)
    res.source = str(path) + (f" (theme ids from {source})" if source else "")
    kept = translate_edits(data, translate) if translate is not None else \
        {k: v for k, v in data.items() if k in KINDS}
    from .edits_source import TRANSLATED, source_toml

    header = (f"Edits carried over from {path} by innonlp; theme ids are this run's.\n"
              "Edits that could not be applied are listed in edits_applied.json.\n"
              "Your own file is unchanged; edit that one, not this.")
    write_text(run.path / TRANSLATED, edits_toml(kept, header)
               + source_toml(run.themes_doc, path))
    res.translated_file = str(run.path / TRANSLATED)
    if run.comparison_doc is not None and res.applied:
        from ..compare.edited import edit_comparison

        run.comparison_doc = edit_comparison(run.comparison_doc, doc, dict(zip(
            seg["id"], [t if isinstance(t, str) else None for t in seg["theme_id"]],
            strict=True)))
    run.themes_doc, run.segments, run.edits = doc, seg, res
    return run
