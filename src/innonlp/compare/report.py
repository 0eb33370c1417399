"""The side-by-side section of the report: human theme | machine themes | support | gaps."""

from __future__ import annotations

from typing import Any

from ..privacy.safetext import md_inline


def gap_text(human_theme: dict) -> str:
    """What a human theme lacks, in words: no support at all, or how many of its sentences
    have weak support; empty when fully supported (comparison.md, report, HTML)."""
    if not human_theme["supported"]:
        return "uten støtte i innspillene"
    n = human_theme["n_weak_sentences"]
    return f"{n} setninger med svak støtte" if n else ""

def _cell(text: str) -> str:
    """Table-safe, inert Markdown: no pipes, line breaks, links, images, raw HTML or bidi
    controls from submission text (see :func:`innonlp.privacy.safetext.md_inline`)."""
    return md_inline(text)


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def _num(x: float, digits: int = 2) -> str:
    """Norwegian decimal comma."""
    return f"{x:.{digits}f}".replace(".", ",")


def _best_evidence(h: dict[str, Any]) -> str:
    """The submission segment that supports the human theme's sentences best."""
    best = max((seg for e in h["sentences"] for seg in e["segments"][:1]),
               key=lambda seg: seg["similarity"], default=None)
    if best is None:
        return ""
    text = " ".join(best["text"].split())
    return text if len(text) <= 220 else text[:220].rsplit(" ", 1)[0] + " …"


def comparison_markdown(doc: dict[str, Any]) -> str:
    """Norwegian (Bokmål) Markdown: figures, the side-by-side table, omitted themes and
    sentences with weak support."""
    f = doc["figures"]
    lines = [
        "## Sammenligning med oppsummeringen",
        "",
        f"Oppsummeringen «{_cell(doc['summary']['file'])}» har {doc['summary']['n_themes']} "
        f"temaer (og {doc['summary']['n_framing']} innrammende avsnitt). "
        f"{sum(h['supported'] for h in doc['human_themes'])} av dem har støtte i innspillene "
        f"(temadekning {_pct(f['theme_recall'])}); temaene den nevner, dekker "
        f"{_pct(f['weighted_coverage'])} av innspillene som ligger i et tema.",
        "",
        "| Tema i oppsummeringen | Maskinelle temaer | Støtte | Mangler |",
        "|---|---|---|---|",
    ]
    for h in doc["human_themes"]:
        title = h["title"] or (h["text"][:80] + "…")
        machine = "; ".join(f"{m['theme_id']} {m['label']} ({_num(m['similarity'])})"
                            for m in h["matches"]) or "ingen"
        quote = _best_evidence(h)
        support = f"{h['n_submissions']} innspill" + (f": «{quote}»" if quote else "")
        gaps = gap_text(h)
        lines.append(f"| {_cell(title)} | {_cell(machine)} | {_cell(support)} | {_cell(gaps)} |")
    lines += ["", "### Temaer oppsummeringen ikke nevner", ""]
    if f["omitted_themes"]:
        for m in f["omitted_themes"]:
            lines.append(f"- {m['theme_id']} {_cell(m['label'])}: {m['n_submissions']} innspill "
                         f"({_pct(m['share_of_submissions'])})")
    else:
        lines.append("Ingen: alle maskinelle temaer er nevnt.")
    lines += ["", "### Setninger med svak støtte i innspillene", ""]
    if f["weak_sentences"]:
        for w in f["weak_sentences"]:
            lines.append(f"- ({_cell(w['human_theme'])}) «{_cell(w['sentence'])}» "
                         f"(beste likhet {_num(w['support'])})")
    else:
        lines.append("Ingen.")
    r = f.get("rouge")
    if r:
        w, lm = r["words"], r["lemmas"]
        lines += ["", f"ROUGE-1/2/L mellom et maskinelt utkast og oppsummeringen: "
                      f"{_num(w['rouge1'], 3)} / {_num(w['rouge2'], 3)} / "
                      f"{_num(w['rougeL'], 3)} (ordformer), {_num(lm['rouge1'], 3)} / "
                      f"{_num(lm['rouge2'], 3)} / {_num(lm['rougeL'], 3)} (lemmaer)."]
    return "\n".join(lines) + "\n"
