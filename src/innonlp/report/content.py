"""The report draft as a list of blocks, rendered to Markdown and Word from the same list.

Blocks: ``("h", level, text)``, ``("p", text)``, ``("ul", [items])``, ``("quote", text,
who)``, ``("table", header, rows)``, ``("chart", name, caption)`` (a chart from
:mod:`.plots`; Word shows it, Markdown names it). Text is Bokmål, numbers and dates Norwegian.
"""

from __future__ import annotations

from typing import Any

from .._version import __version__
from .norsk import TYPE_ROW, count, date, decimal, integer, percent, standard_name
from .phrases import report_standard
from .run import Run
from .stance import overview_blocks
from .structure import (
    closed_blocks,
    endorsement_blocks,
    question_blocks,
    seed_blocks,
    several_themes,
)
from .syn import syn_blocks

Block = tuple[Any, ...]


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
        elif not (isinstance(name, str) and name):
            out.setdefault(sid, "avsendertype ukjent" if kind == "ukjent" else kind)
        elif kind == "ukjent" or kind.split()[-1] in name.lower():
            out.setdefault(sid, name)  # "Elvdal kommune", never "… (kommune)"
        else:
            out.setdefault(sid, f"{name} ({kind})")
    run.__dict__["_who_map"] = out
    return out


def _who(run: Run, submission_id: str) -> str:
    return _who_map(run).get(submission_id, submission_id)


def overview(run: Run) -> list[Block]:
    """Counts, respondent types and written standards, segments and buckets."""
    m = run.manifest
    n = len(run.submissions)
    camp = m.get("campaign_summary", {})
    std = m.get("standards", {}).get("submissions", {})
    blocks: list[Block] = [("h", 2, "Oversikt")]
    text = f"Det kom inn {count(n, 'innspill')}."
    if camp.get("campaigns"):
        text += (f" {integer(camp['campaign_copies'])} av dem er kopier av "
                 f"{count(camp['campaigns'], 'kampanjebrev')} (felles tekst med små "
                 f"endringer). Regnes hvert kampanjebrev som ett innspill, er det "
                 f"{count(camp['unique_submissions'], 'innspill')}.")
    blocks.append(("p", text))
    types = m.get("respondent_types", {})
    if types:
        rows = [[TYPE_ROW.get(k, k.capitalize()), integer(v), percent(v / max(n, 1))]
                for k, v in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))]
        blocks.append(("table", ["Respondenttype", "Innspill", "Andel"], rows))
    if std:
        rows = [[standard_name(k), integer(v), percent(v / max(n, 1))]
                for k, v in sorted(std.items(), key=lambda kv: (-kv[1], kv[0]))]
        blocks.append(("table", ["Målform", "Innspill", "Andel"], rows))
    doc = run.themes_doc
    out, form = doc["outliers"], doc.get("formalia", {"n_segments": 0})
    # a codebook theme no segment matched is listed, but holds nothing: not counted here
    empty = [t for t in run.relevant_themes if t.get("empty")]
    held = len(run.relevant_themes) - len(empty)
    blocks.append(("p", f"Innspillene er delt i {count(doc['n_segments'], 'tekstbit')} "
                        f"(avsnitt). {count(held, 'tema')} samler "
                        f"tekstbiter fra {count(doc['n_submissions_in_themes'], 'innspill')}; "
                        f"{count(out['n_segments'], 'tekstbit')} passet ikke i noe tema "
                        f"(«Andre innspill»), og {count(form['n_segments'], 'tekstbit')} "
                        f"var bare hilsener, henvisninger og avslutninger."
                        + (f" {count(len(empty), 'tema')} fra kodeboken fikk ingen "
                           f"tekstbiter: {', '.join(t['label'] for t in empty)}."
                           if empty else "")))
    blocks.append(several_themes(run))
    blocks.append(("chart", "theme_sizes", "Innspill per tema"))
    if any(t.get("stance") for t in run.relevant_themes):
        blocks.append(("chart", "stance", "Holdning per tema"))
    blocks.append(("chart", "heatmap", "Respondenttype × tema (andel av temaets innspill)"))
    return blocks + overview_blocks(m)


def theme_blocks(run: Run) -> list[Block]:
    """The "Høringsinstansenes syn" section and the themes marked not relevant."""
    blocks = syn_blocks(run, report_standard(run.manifest))
    hidden = [t for t in run.themes_doc["themes"] if not t.get("relevant", True)]
    if hidden:
        blocks.append(("h", 2, "Temaer markert som ikke relevante"))
        blocks.append(("ul", [f"{t['label']} ({count(t['n_submissions'], 'innspill')})"
                              + (f": {t['not_relevant_reason']}"
                                 if t.get("not_relevant_reason") else "") for t in hidden]))
    return blocks


def comparison_blocks(run: Run) -> list[Block]:
    """The comparison with the human summary (on the edited themes), figures explained."""
    from .comparison_section import section_blocks

    if run.comparison_doc is None:
        return []
    return section_blocks(run.comparison_doc,
                          {t["id"]: t["label"] for t in run.themes_doc["themes"]})


def figures_appendix(run: Run) -> list[Block]:
    """The machine figures per theme: segments, stability, key phrases with their scores."""
    rows = []
    for t in run.relevant_themes:
        phrases = "; ".join(f"{k['phrase']} ({decimal(k['score'], 2)})"
                            for k in t["key_phrases"][:6])
        rows.append([t["label"], integer(t["n_segments"]), integer(t["n_submissions"]),
                     ("fra kodeboken" if t["stability"] is None else decimal(t["stability"], 2)
                      + (" (ustabilt)" if t["unstable"] else "")),
                     phrases])
    return [("h", 2, "Vedlegg: maskinelle tall per tema"),
            ("p", "Stabilitet: andelen av temaet som kommer igjen når temaene finnes på nytt "
                  "i utvalg av dataene (under 0,6: ustabilt, les sitatene før temaet "
                  "brukes). Tallet etter et nøkkeluttrykk er vekten det fikk i temaet."),
            ("table", ["Tema", "Tekstbiter", "Innspill", "Stabilitet",
                       "Nøkkeluttrykk (vekt)"], rows)]


def appendix(run: Run) -> list[Block]:
    """Every submission, its sender (persons unnamed), standard, themes and main theme."""
    subs = run.submission_themes()
    who = _who_map(run)
    mains = subs["main_theme"].tolist() if "main_theme" in subs else None
    rows = [[sid, who.get(sid, sid), standard_name(std) if std else "", themes or "–"]
            for sid, std, themes in zip(subs["id"].tolist(), subs["standard"].tolist(),
                                        subs["themes"].tolist(), strict=True)]
    header = ["Innspill", "Avsender", "Målform", "Temaer"]
    if mains is not None:
        header.append("Hovedtema")
        rows = [r + [m if isinstance(m, str) else "–"] for r, m in zip(rows, mains,
                                                                      strict=True)]
    return [("h", 2, "Vedlegg: alle innspill og temaene deres"), ("table", header, rows)]


def report_blocks(run: Run) -> list[Block]:
    created = run.manifest.get("created", "")
    blocks: list[Block] = [
        ("h", 1, "Oppsummering av innspill – utkast"),
        ("p", f"Utkast laget av innonlp {__version__}"
              + (f" {date(created)}" if created else "") + ". Temaene, tallene og sitatene "
              "er funnet maskinelt; les sitatene i sammenheng før de brukes i en rapport."),
    ]
    if run.edits.applied:
        blocks.append(("p", f"Analytikerens endringer er tatt inn "
                            f"({count(len(run.edits.applied), 'endring')} fra "
                            f"{run.edits.source})."))
    return (blocks + overview(run) + seed_blocks(run) + question_blocks(run)
            + closed_blocks(run) + theme_blocks(run) + endorsement_blocks(run)
            + comparison_blocks(run) + figures_appendix(run) + appendix(run))
