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


def one_to_one_text(h: dict[str, Any], labels: dict[str, str] | None = None) -> str:
    """The human theme's own machine counterpart in words (``one_to_one: null`` too)."""
    o = h.get("one_to_one")
    if not o:
        return "ingen egen maskinell motpart (ingen ledig maskinell tema passet godt nok)"
    return f"{o} {(labels or {}).get(o, '')}".strip()


def _support_text(h: dict[str, Any], n_total: int) -> str:
    n = h["n_submissions"]
    return (f"{n} av {n_total} innspill har selv tekst som handler om dette "
            f"({_pct(n / max(n_total, 1))})")


def _explained(doc: dict[str, Any]) -> list[str]:
    f = doc["figures"]
    n_human = doc["summary"]["n_themes"]
    n_sup = sum(h["supported"] for h in doc["human_themes"])
    return [
        f"- **Temadekning {_pct(f['theme_recall'])}**: {n_sup} av {n_human} temaer i "
        "oppsummeringen svarer til minst ett tema maskinen fant i innspillene.",
        f"- **Dekning av innspillene {_pct(f['weighted_coverage'])}**: så stor del av de "
        f"{f['n_submissions_in_themes']} innspillene som ligger i et maskinelt tema, ligger "
        "i et tema oppsummeringen nevner.",
        "- **Støtte** for et tema i oppsummeringen er antall innspill der minst én tekstbit "
        "selv handler om temaet (ikke størrelsen på det maskinelle temaet det ligner).",
    ]


def comparison_markdown(doc: dict[str, Any]) -> str:
    """Norwegian (Bokmål) Markdown: figures explained in words, the side-by-side table,
    shared machine themes, quantity words that do not fit, omitted themes, weak sentences,
    and an appendix with cosines and ROUGE."""
    f = doc["figures"]
    n_total = int(f.get("n_submissions") or 0)
    labels = {m["theme_id"]: m["label"] for m in doc["machine_themes"]}
    lines = [
        "## Sammenligning med oppsummeringen", "",
        f"Oppsummeringen «{_cell(doc['summary']['file'])}» har {doc['summary']['n_themes']} "
        f"temaer (og {doc['summary']['n_framing']} innrammende avsnitt).", "",
        *_explained(doc), "",
        "| Tema i oppsummeringen | Maskinelle temaer | Egen motpart | Støtte | Mangler |",
        "|---|---|---|---|---|",
    ]
    for h in doc["human_themes"]:
        title = h["title"] or (h["text"][:80] + "…")
        machine = "; ".join(f"{m['theme_id']} {m['label']}" for m in h["matches"]) or "ingen"
        quote = _best_evidence(h)
        support = _support_text(h, n_total) + (f": «{quote}»" if quote else "")
        lines.append(f"| {_cell(title)} | {_cell(machine)} | "
                     f"{_cell(one_to_one_text(h, labels))} | {_cell(support)} | "
                     f"{_cell(gap_text(h))} |")
    lines += _shared(f) + _quantities(f, doc)
    lines += ["", "### Temaer oppsummeringen ikke nevner", ""]
    if f["omitted_themes"]:
        for m in f["omitted_themes"]:
            lines.append(f"- {m['theme_id']} {_cell(m['label'])}: {m['n_submissions']} innspill "
                         f"({_pct(m['share_of_submissions'])} av alle innspill)")
    else:
        lines.append("Ingen: alle maskinelle temaer er nevnt.")
    lines += ["", "### Setninger med svak støtte i innspillene", "",
              "Setninger i oppsummeringen som ingen tekstbit i innspillene ligner godt på "
              "(les dem mot innspillene før de brukes).", ""]
    if f["weak_sentences"]:
        for w in f["weak_sentences"]:
            lines.append(f"- ({_cell(w['human_theme'])}) «{_cell(w['sentence'])}»")
    else:
        lines.append("Ingen.")
    return "\n".join(lines + _appendix(doc)) + "\n"


def _shared(f: dict[str, Any]) -> list[str]:
    shared = f.get("shared_themes") or []
    if not shared:
        return []
    return ["", "### Maskinelle temaer som flere temaer i oppsummeringen deler", "",
            "Her har oppsummeringen delt opp det maskinen ser som ett tema (eller maskinen "
            "slått sammen det oppsummeringen skiller):", ""] + [
        f"- {m['theme_id']} {_cell(m['label'])}: {', '.join(m['human_themes'])}"
        for m in shared]


def _quantities(f: dict[str, Any], doc: dict[str, Any]) -> list[str]:
    bad = f.get("quantity_mismatches")
    if bad is None:
        return []
    titles = {h["id"]: h["title"] or h["id"] for h in doc["human_themes"]}
    lines = ["", "### Mengdeord i oppsummeringen", "",
             "Ord som «mange», «et flertall» og «noen få» sjekket mot hvor mange innspill "
             "som faktisk handler om temaet.", ""]
    if not bad:
        return lines + ["Alle mengdeord passer med tallene."]
    return lines + [
        f"- {_cell(titles.get(b['human_theme'], b['human_theme']))}: «{b['word']}», men "
        f"{b['n_submissions']} av {b['n_total']} innspill ({_pct(b['share'])}); ordet passer "
        f"for {_pct(b['fits'][0])}–{_pct(b['fits'][1])}" for b in bad]


def _appendix(doc: dict[str, Any]) -> list[str]:
    """Cosines and ROUGE, for readers who want the machine's figures."""
    lines = ["", "### Vedlegg: maskinelle likhetstall", "",
             "Likhet (cosinus, 0–1) mellom teksten i oppsummeringens tema og de maskinelle "
             "temaene; over "
             f"{_num(doc.get('params', {}).get('match_threshold', 0.2))} regnes som treff.", ""]
    for h in doc["human_themes"]:
        sims = "; ".join(f"{m['theme_id']} {_num(m['similarity'])}" for m in h["matches"])
        lines.append(f"- {_cell(h['title'] or h['id'])}: {sims or 'ingen treff'}")
    for w in doc["figures"]["weak_sentences"]:
        lines.append(f"- svak setning ({_cell(w['human_theme'])}): beste likhet "
                     f"{_num(w['support'])}")
    r = doc["figures"].get("rouge")
    if r:
        w, lm = r["words"], r["lemmas"]
        lines += ["", "ROUGE-1/2/L (ordoverlapp mellom et maskinelt utkast laget av "
                      "temanavn og sitater, og oppsummeringen; 1 er likt): "
                      f"{_num(w['rouge1'], 3)} / {_num(w['rouge2'], 3)} / "
                      f"{_num(w['rougeL'], 3)} (ordformer), {_num(lm['rouge1'], 3)} / "
                      f"{_num(lm['rouge2'], 3)} / {_num(lm['rougeL'], 3)} (lemmaer)."]
    return lines
