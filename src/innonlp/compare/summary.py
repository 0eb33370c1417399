"""Read a human-written summary and split it into its themes.

A summary is read from .txt, .md, .docx or .pdf into paragraphs, each with a heading hint
(a Markdown ``#`` line, a Word heading or title style, a paragraph set all in bold). A
paragraph is a heading when it has the hint, or when it is numbered ("2. Regelverk",
"3.1 Finansiering"), or when it is a short line without a final full stop followed by body
text. Each heading opens a theme whose body runs to the next heading; without any heading,
each paragraph is a theme. Paragraphs before the first heading, and paragraphs that only say
who met, who is thanked or where to read more (patterns below), are framing, not themes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..ingest.paragraphs import Paragraph, read_paragraphs

HEADING_MAX_WORDS = 30
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[a-h]\))\s+\S")
_FRAMING = re.compile(
    r"\b(?:her kan du lese|kan du lese|les mer|lese mer|se (?:informasjon|egen sak|eiga sak|"
    r"nettsid|vedlegg|rapporten)|nettsid(?:e|en|ene|a|ene)|publisert på|er publisert|"
    r"takker for|takkar for|takk til alle|ønsket velkommen|ønskte velkomen|"
    r"oppsummerende rapport|vi mottok|mottok vi|vi fekk|kom det inn|nedenfor oppsummerer|"
    r"under følger|nedanfor|oppsummerer vi|arbeidet (?:med meldingen )?fortsetter)\b",
    re.IGNORECASE)
FRAMING_SHARE = 0.34  # a paragraph is framing when its sentences mostly match the patterns


@dataclass
class SummarySection:
    """One theme of the summary (``kind="theme"``) or a framing paragraph."""
    id: str
    kind: str                # "theme" | "framing"
    title: str | None
    text: str                # the body (for framing: the paragraph)
    paragraphs: list[str] = field(default_factory=list)

    @property
    def full_text(self) -> str:
        return f"{self.title}. {self.text}" if self.title else self.text


def _looks_like_heading(par: Paragraph, following: Paragraph | None) -> bool:
    s = par.text.strip()
    if following is None or _looks_short(following.text):
        return par.heading_hint and following is not None
    if par.heading_hint or _NUMBERED.match(s) and len(s.split()) <= HEADING_MAX_WORDS:
        return True
    return _looks_short(s)


def _looks_short(s: str) -> bool:
    s = s.strip()
    return (0 < len(s.split()) <= HEADING_MAX_WORDS and not s.endswith((".", ":", ";", ","))
            and s[:1].isupper() | s[:1].isdigit())


def is_framing(text: str) -> bool:
    """Who met, who is thanked, where to read more: no theme of the consultation."""
    sents = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    if not sents:
        return True
    hits = sum(1 for s in sents if _FRAMING.search(s))
    return hits / len(sents) >= FRAMING_SHARE and hits >= 1


def split_summary(paragraphs: list[Paragraph]) -> list[SummarySection]:
    """Themes and framing, in document order."""
    pars = [p for p in paragraphs if p.text.strip()]
    heads = [i for i, p in enumerate(pars)
             if _looks_like_heading(p, pars[i + 1] if i + 1 < len(pars) else None)]
    sections: list[SummarySection] = []

    def framing(text: str) -> None:
        sections.append(SummarySection(f"F{sum(s.kind == 'framing' for s in sections) + 1}",
                                       "framing", None, text, [text]))

    def theme(title: str | None, body: list[str]) -> None:
        n = sum(s.kind == "theme" for s in sections) + 1
        sections.append(SummarySection(f"H{n}", "theme", title, " ".join(body), body))

    if not heads:
        for p in pars:
            (framing if is_framing(p.text) else lambda t: theme(None, [t]))(p.text)
        return sections
    for p in pars[:heads[0]]:
        framing(p.text)
    for n, h in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(pars)
        body = [p.text for p in pars[h + 1:end]]
        trailing: list[str] = []
        while body and len(body) > 1 and is_framing(body[-1]):
            trailing.insert(0, body.pop())
        if body and is_framing(" ".join(body)) and not trailing:
            for t in body:  # a document title followed by its introduction
                framing(t)
            continue
        if not body:  # a title over the next heading ("# Oppsummering" / "## Tema")
            continue
        theme(pars[h].text.strip(), body)
        for t in trailing:
            framing(t)
    return sections


def read_summary(path: str | Path) -> list[SummarySection]:
    """Paragraphs of ``path`` split into themes and framing (see the module docstring)."""
    sections = split_summary(read_paragraphs(path))
    if not any(s.kind == "theme" for s in sections):
        raise InputError(f"Summary {Path(path).name!r} has no themes: every paragraph reads "
                         "as framing (who met, where to read more).")
    return sections
