"""The report's "Sammenligning med oppsummeringen" section: every figure with a plain
Norwegian explanation beside it, shared machine themes and quantity words that do not fit;
the cosines stay in comparison.md's appendix."""

from __future__ import annotations

from typing import Any

from ..compare.report import gap_text, one_to_one_text
from .norsk import integer, percent

Block = tuple[Any, ...]


def _figures(doc: dict[str, Any]) -> Block:
    f, n_human = doc["figures"], doc["summary"]["n_themes"]
    n_sup = sum(h["supported"] for h in doc["human_themes"])
    return ("ul", [
        f"Temadekning {percent(f['theme_recall'])}: {integer(n_sup)} av {integer(n_human)} "
        "temaer i oppsummeringen svarer til minst ett tema maskinen fant i innspillene.",
        f"Dekning av innspillene {percent(f['weighted_coverage'])}: så stor del av de "
        f"{integer(f['n_submissions_in_themes'])} innspillene som ligger i et maskinelt tema, "
        "ligger i et tema oppsummeringen nevner.",
        "Støtte: antall innspill der minst én tekstbit selv handler om temaet (ikke "
        "størrelsen på det maskinelle temaet det ligner)."])


def section_blocks(doc: dict[str, Any], labels: dict[str, str]) -> list[Block]:
    """The section's blocks from a comparison document (edited or not)."""
    f = doc["figures"]
    n_total = int(f.get("n_submissions") or 0)
    rows = []
    for h in doc["human_themes"]:
        machine = "; ".join(labels.get(m["theme_id"], m["label"]) for m in h["matches"])
        rows.append([h["title"] or h["text"][:80], machine or "ingen",
                     one_to_one_text(h, labels),
                     f"{integer(h['n_submissions'])} av {integer(n_total)} innspill",
                     gap_text(h)])
    blocks: list[Block] = [
        ("h", 2, "Sammenligning med oppsummeringen"),
        ("p", f"Oppsummeringen ({doc['summary']['file']}) har "
              f"{integer(doc['summary']['n_themes'])} temaer."), _figures(doc),
        ("table", ["Tema i oppsummeringen", "Maskinelle temaer", "Egen motpart", "Støtte",
                   "Mangler"], rows)]
    if f.get("shared_themes"):
        blocks.append(("p", "Maskinelle temaer som flere temaer i oppsummeringen deler:"))
        blocks.append(("ul", [f"{labels.get(m['theme_id'], m['label'])}: "
                              f"{', '.join(m['human_themes'])}" for m in f["shared_themes"]]))
    if f.get("quantity_mismatches"):
        blocks.append(("p", "Mengdeord i oppsummeringen som ikke passer med tallene:"))
        blocks.append(("ul", [f"{b['human_theme']}: «{b['word']}», men "
                              f"{integer(b['n_submissions'])} av {integer(b['n_total'])} "
                              f"innspill ({percent(b['share'])})"
                              for b in f["quantity_mismatches"]]))
    if f["omitted_themes"]:
        blocks.append(("p", "Temaer i innspillene som oppsummeringen ikke nevner:"))
        blocks.append(("ul", [f"{labels.get(m['theme_id'], m['label'])}: "
                              f"{integer(m['n_submissions'])} innspill "
                              f"({percent(m['share_of_submissions'])} av alle innspill)"
                              for m in f["omitted_themes"]]))
    return blocks
