"""The report draft as a list of blocks, rendered to Markdown and Word from the same list.

Blocks: ``("h", level, text)``, ``("p", text)``, ``("ul", [items])``, ``("quote", text,
who)``, ``("table", header, rows)``. Text is Bokmål, numbers and dates Norwegian.
"""

from __future__ import annotations

from typing import Any

from .._version import __version__
from ..compare.report import gap_text
from .norsk import PLURAL, date, decimal, integer, percent, share_in_words
from .run import Run
from .stance import overview_blocks, theme_stance_blocks

Block = tuple[Any, ...]
N_QUOTES = 3


def _who_map(run: Run) -> dict[str, str]:
    """Submission id → who sent it, as a report names them (computed once per run)."""
    cached = run.__dict__.get("_who_map")
    if cached is not None:
        return cached
    out: dict[str, str] = {}
    frame = run.submissions
    cols = {c: (frame[c].tolist() if c in frame else [None] * len(frame))
            for c in ("id", "organisation", "submitter", "respondent_type")}
    for sid, org, person, kind in zip(cols["id"], cols["organisation"], cols["submitter"],
                                      cols["respondent_type"], strict=True):
        name = org if isinstance(org, str) and org else person
        kind = kind if isinstance(kind, str) and kind else "ukjent"
        if kind == "privatperson":  # private persons are not named in a report
            out.setdefault(sid, "privatperson")
        else:
            out.setdefault(sid, f"{name} ({kind})" if isinstance(name, str) and name else kind)
    run.__dict__["_who_map"] = out
    return out


def _who(run: Run, submission_id: str) -> str:
    return _who_map(run).get(submission_id, submission_id)


def overview(run: Run) -> list[Block]:
    m = run.manifest
    n = len(run.submissions)
    camp = m.get("campaign_summary", {})
    std = m.get("standards", {}).get("submissions", {})
    blocks: list[Block] = [("h", 2, "Oversikt")]
    text = f"Det kom inn {integer(n)} innspill"
    if camp.get("campaigns"):
        text += (f", hvorav {integer(camp['campaign_copies'])} er kopier av "
                 f"{integer(camp['campaigns'])} kampanjebrev (felles tekst med små endringer); "
                 f"regnet én gang per kampanje er det {integer(camp['unique_submissions'])} "
                 f"ulike innspill")
    blocks.append(("p", text + "."))
    types = m.get("respondent_types", {})
    if types:
        rows = [[PLURAL.get(k, k).capitalize(), integer(v), percent(v / max(n, 1))]
                for k, v in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))]
        blocks.append(("table", ["Respondenttype", "Innspill", "Andel"], rows))
    if std:
        names = {"nb": "Bokmål", "nn": "Nynorsk", "mixed": "Blandet"}
        rows = [[names.get(k, k), integer(v), percent(v / max(n, 1))]
                for k, v in sorted(std.items(), key=lambda kv: (-kv[1], kv[0]))]
        blocks.append(("table", ["Målform", "Innspill", "Andel"], rows))
    doc = run.themes_doc
    out, form = doc["outliers"], doc.get("formalia", {"n_segments": 0})
    blocks.append(("p", f"Innspillene er delt i {integer(doc['n_segments'])} tekstbiter "
                        f"(avsnitt). {integer(len(run.relevant_themes))} temaer samler "
                        f"tekstbiter fra {integer(doc['n_submissions_in_themes'])} innspill; "
                        f"{integer(out['n_segments'])} tekstbiter passet ikke i noe tema "
                        f"(«Andre innspill»), og {integer(form['n_segments'])} var bare "
                        f"hilsener, henvisninger og avslutninger."))
    return blocks + overview_blocks(m)


def theme_blocks(run: Run) -> list[Block]:
    blocks: list[Block] = [("h", 2, "Temaer")]
    total = int(run.themes_doc["n_submissions"])
    for i, t in enumerate(run.relevant_themes, start=1):
        blocks.append(("h", 3, f"{i}. {t['label']}"))
        text = share_in_words(t["n_submissions"], total, t["respondent_types"])
        if t["n_campaign_copies"]:
            text += (f" ({integer(t['n_campaign_copies'])} av dem kampanjekopier; "
                     f"{integer(t['n_submissions_unique'])} ulike)")
        text += "."
        if t["unstable"]:
            text += (f" Temaet er ustabilt (stabilitet {decimal(t['stability'], 2)}): det "
                     "endrer seg når utvalget endres, så les sitatene før det brukes.")
        blocks.append(("p", text))
        blocks += theme_stance_blocks(t, lambda sid: _who(run, sid))
        if t["key_phrases"]:
            blocks.append(("p", "Nøkkeluttrykk: " + ", ".join(
                k["phrase"] for k in t["key_phrases"][:6]) + "."))
        for q in t["quotes"][:N_QUOTES]:
            blocks.append(("quote", q["text"], _who(run, q["submission_id"])))
        subs = [s for s in t.get("subthemes", []) if s.get("n_submissions")]
        if subs:
            blocks.append(("p", "Undertemaer:"))
            blocks.append(("ul", [f"{s['label']} ({integer(s['n_submissions'])} innspill)"
                                  for s in subs]))
    hidden = [t for t in run.themes_doc["themes"] if not t.get("relevant", True)]
    if hidden:
        blocks.append(("h", 2, "Temaer markert som ikke relevante"))
        blocks.append(("ul", [f"{t['label']} ({integer(t['n_submissions'])} innspill)"
                              + (f": {t['not_relevant_reason']}"
                                 if t.get("not_relevant_reason") else "") for t in hidden]))
    return blocks


def comparison_blocks(run: Run) -> list[Block]:
    doc = run.comparison_doc
    if doc is None:
        return []
    f = doc["figures"]
    labels = {t["id"]: t["label"] for t in run.themes_doc["themes"]}
    rows = []
    for h in doc["human_themes"]:
        machine = "; ".join(f"{labels.get(m['theme_id'], m['label'])}" for m in h["matches"])
        gaps = gap_text(h)
        rows.append([h["title"] or h["text"][:80], machine or "ingen",
                     f"{integer(h['n_submissions'])} innspill", gaps])
    blocks: list[Block] = [
        ("h", 2, "Sammenligning med oppsummeringen"),
        ("p", f"Oppsummeringen ({doc['summary']['file']}) har {doc['summary']['n_themes']} "
              f"temaer; {percent(f['theme_recall'])} av dem har støtte i innspillene, og "
              f"temaene den nevner dekker {percent(f['weighted_coverage'])} av innspillene "
              f"som ligger i et tema."),
        ("table", ["Tema i oppsummeringen", "Maskinelle temaer", "Støtte", "Mangler"], rows)]
    if f["omitted_themes"]:
        blocks.append(("p", "Temaer i innspillene som oppsummeringen ikke nevner:"))
        blocks.append(("ul", [f"{labels.get(m['theme_id'], m['label'])}: "
                              f"{integer(m['n_submissions'])} innspill "
                              f"({percent(m['share_of_submissions'])})"
                              for m in f["omitted_themes"]]))
    return blocks


def appendix(run: Run) -> list[Block]:
    subs = run.submission_themes()
    who = _who_map(run)
    rows = [[sid, who.get(sid, sid), std or "", themes or "–"]
            for sid, std, themes in zip(subs["id"].tolist(), subs["standard"].tolist(),
                                        subs["themes"].tolist(), strict=True)]
    return [("h", 2, "Vedlegg: alle innspill og temaene deres"),
            ("table", ["Innspill", "Avsender", "Målform", "Temaer"], rows)]


def report_blocks(run: Run) -> list[Block]:
    created = run.manifest.get("created", "")
    blocks: list[Block] = [
        ("h", 1, "Oppsummering av innspill – utkast"),
        ("p", f"Utkast laget av innonlp {__version__}"
              + (f" {date(created)}" if created else "") + ". Temaene, tallene og sitatene "
              "er funnet maskinelt; les sitatene i sammenheng før de brukes i en rapport."),
    ]
    if run.edits.applied:
        blocks.append(("p", f"Analytikerens endringer er tatt inn ({len(run.edits.applied)} "
                            f"endringer fra {run.edits.source})."))
    return blocks + overview(run) + theme_blocks(run) + comparison_blocks(run) + appendix(run)
