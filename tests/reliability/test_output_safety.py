"""Output safety: nothing from a submission becomes live in an output — no Markdown link,
image, autolink or raw HTML in report.md and comparison.md, no javascript: link or remote
image in report.html, no formula in themes.csv or themes.xlsx — and no bidi control
character reaches any output (file names, ids, text, quotes)."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from innonlp import IngestConfig, ingest
from innonlp.compare.report import comparison_markdown
from innonlp.privacy.safetext import md_inline, strip_bidi
from innonlp.report.build import write_reports
from innonlp.report.run import load_run

from .conftest import BIDI, PAYLOADS, RLO, output_texts, xlsx_cells

MD = MarkdownIt("commonmark")

MARKDOWN_CASES = {
    "inline link": "[klikk](javascript:alert(1))",
    "link with title": '[x](http://evil.example "tittel")',
    "image": "![sporing](http://evil.example/spor.png)",
    "autolink": "<javascript:alert(2)>",
    "url autolink": "<http://evil.example>",
    "raw HTML tag": "<img src=http://evil.example/x.png onerror=alert(1)>",
    "raw HTML block": "<script>alert(3)</script>",
    "reference definition": "[ref]: javascript:alert(4)",
    "reference link": "[klikk][ref]",
    "entity-hidden scheme": "[x](&#106;avascript:alert(5))",
    "escaped bracket": "\\[x](javascript:alert(6))",
    "code-span break-out": "`x` <img src=y>",
    "bare URL": "se https://evil.example/sti?a=1&b=2 nå",
    "heading at line start": "# Overskrift fra innspill",
    "list at line start": "1. første",
    "table pipe": "a | b | c",
}


def _live(html: str) -> list[str]:
    """What a rendered page would make live: links, images and any tag but the few the
    Markdown renderer itself makes for plain text."""
    class P(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in ("p", "code", "table", "thead", "tbody", "tr", "th", "td", "h1",
                           "h2", "h3", "ul", "li", "blockquote", "em", "strong"):
                self.found.append(tag)
            self.found += [f"{tag}[{a}]" for a, _ in attrs if a in ("href", "src")
                           or a.startswith("on")]

    p = P()
    p.feed(html)
    return p.found


@pytest.mark.parametrize("case", sorted(MARKDOWN_CASES))
def test_markdown_from_submissions_is_inert(case: str) -> None:
    rendered = MD.render(md_inline(MARKDOWN_CASES[case]))
    assert _live(rendered) == [], rendered
    assert rendered.startswith("<p>"), rendered  # never a heading, list or block


def test_inert_markdown_still_reads_as_the_text() -> None:
    text = "Vi vil ha [mer] buss (og tog) — 50 % * 2 = _mye_!"
    rendered = MD.render(md_inline(text))
    assert "[mer] buss (og tog) — 50 % * 2 = _mye_!" in rendered


@pytest.mark.parametrize("char", list(BIDI))
def test_every_bidi_control_is_removed(char: str) -> None:
    assert strip_bidi(f"rapport{char}fdp.exe") == "rapportfdp.exe"
    assert char not in md_inline(f"a{char}b")


def test_bidi_controls_are_removed_at_ingest(tmp_path: Path) -> None:
    text = f"Vi ønsker flere{RLO} sykkelveier\u2066 og bedre\u200f kollektivtilbud i byen."
    (tmp_path / f"svar{RLO}txt.exe.txt").write_text(text, encoding="utf-8")
    (tmp_path / "skjema.csv").write_text(f"navn,tekst\nKari{RLO},{text}\n", encoding="utf-8")
    res = ingest([tmp_path], IngestConfig(detect_campaigns=False))
    for s in res.submissions:
        for value in (s.id, s.source, s.text, s.submitter or "", *(v for _, v in s.meta),
                      *(p.raw_text for p in s.parts)):
            assert not any(c in value for c in BIDI), value
    assert all(not any(c in e.input for c in BIDI) for e in res.entries)


# --- the outputs of a full run -------------------------------------------------------

def test_no_output_holds_a_bidi_control(hostile_run: Path) -> None:
    for name, text in output_texts(hostile_run).items():
        assert not any(c in text for c in BIDI), name


def test_report_md_has_nothing_live(hostile_run: Path) -> None:
    md = (hostile_run / "report.md").read_text(encoding="utf-8")
    assert "gnp" in md or "svar" in md  # the hostile file name is in the appendix
    assert _live(MD.render(md)) == []


def test_report_md_with_payloads_in_every_field_has_nothing_live(hostile_run: Path,
                                                                 tmp_path: Path) -> None:
    run = load_run(hostile_run)
    theme = run.themes_doc["themes"][0]
    theme["label"] = PAYLOADS[0]
    for q, payload in zip(theme["quotes"], PAYLOADS[1:], strict=False):
        q["text"] = payload
    first = run.submissions.index[0]
    run.submissions.loc[first, "organisation"] = PAYLOADS[2]
    run.submissions.loc[first, "respondent_type"] = "organisasjon"
    write_reports(run, tmp_path)
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert _live(MD.render(md)) == []
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert not [t for t in _html_tags(html) if t[0] in ("img", "a", "iframe", "link")]
    assert "javascript:" not in " ".join(v or "" for _, attrs in _html_tags(html)
                                         for _, v in attrs)


def _html_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    class P(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append((tag, attrs))

    p = P()
    p.feed(html)
    return p.tags


def test_report_html_has_no_live_link_or_remote_image(hostile_run: Path) -> None:
    html = (hostile_run / "report.html").read_text(encoding="utf-8")
    tags = _html_tags(html)
    assert not [t for t in tags if t[0] in ("img", "a", "iframe", "link", "object")]
    assert not [a for _, attrs in tags for a, v in attrs
                if a in ("href", "src") or a.startswith("on")
                or "javascript:" in (v or "")]


def test_comparison_md_has_nothing_live(hostile_run: Path) -> None:
    import json

    doc = json.loads((hostile_run / "comparison.json").read_text(encoding="utf-8"))
    assert _live(MD.render((hostile_run / "comparison.md").read_text(encoding="utf-8"))) == []
    doc["summary"]["file"] = "`x` <img src=http://evil.example/y.png> [a](javascript:1)"
    for h in doc["human_themes"]:
        h["title"] = PAYLOADS[0]
    for w in doc["figures"]["weak_sentences"]:
        w["sentence"], w["human_theme"] = PAYLOADS[2], PAYLOADS[1]
    assert _live(MD.render(comparison_markdown(doc))) == []


def test_csv_and_xlsx_have_no_formula(hostile_run: Path) -> None:
    rows = list(csv.reader(io.StringIO((hostile_run / "themes.csv").read_text(
        encoding="utf-8"))))
    assert rows and not [c for r in rows for c in r if c[:1] in ("=", "+", "@", "\t", "\r")
                         or (c[:1] == "-" and not _number(c))]
    cells = xlsx_cells(hostile_run / "themes.xlsx")
    assert any("HYPERLINK" in c for c in cells)  # the payload is there, as text
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")
                or (c[:1] == "-" and not _number(c))]
    with __import__("zipfile").ZipFile(hostile_run / "themes.xlsx") as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert not [n for n in sheets if b"<f>" in z.read(n) or b"<f " in z.read(n)]


def _number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
        return True
    except ValueError:
        return False
