"""Issue 22's deliverables on real files: the "Høringsinstansenes syn" draft, Word (A4,
nb-NO, widths, right-aligned numbers, keep-with-next, charts), Excel (Norwegian headers,
integer counts, percent format, filters), Norwegian wording and the HTML search."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from innonlp import load_run
from innonlp.config import load_config
from innonlp.report import norsk
from innonlp.report.phrases import base_form, show_phrase
from innonlp.report.word import column_widths
from innonlp.run.pipeline import analyze

from ..conftest import SAMPLE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("deliverables") / "run"
    analyze([SAMPLE / "innspill"], out, config=load_config(SAMPLE / "innonlp.toml"),
            summary=SAMPLE / "oppsummering.md")
    return out


def _themes(run_dir: Path) -> list[dict]:
    return json.loads((run_dir / "themes.json").read_text(encoding="utf-8"))["themes"]


def test_hoeringsinstansenes_syn_names_organisations_counts_persons(run_dir: Path) -> None:
    md = (run_dir / "report.md").read_text(encoding="utf-8")
    assert "## Høringsinstansenes syn" in md
    run = load_run(run_dir)
    persons = set(run.submissions.loc[run.submissions["respondent_type"] == "privatperson",
                                      "submitter"].dropna())
    for i, t in enumerate(_themes(run_dir), start=1):
        section = md.split(f"### {i}. {t['label']}")[1].split("\n### ")[0]
        para = section.strip().split("\n\n")[0]
        assert para.startswith(f"Temaet «{t['label']}» handler om")
        assert f"{t['n_submissions']} innspill tar opp temaet" in para
        if t["respondent_types"].get("privatperson"):
            n = t["respondent_types"]["privatperson"]
            assert f"{n} privatperson" in para
        if t.get("respondents"):  # who said what: the pasteable paragraph after it
            assert t["respondents"]["paragraph"] in section
            assert "Blant høringsinstansene er" not in para
        else:
            assert "Blant høringsinstansene er" in para
        if t.get("stance") and t["stance"]["counts"]["støtter"]:
            assert f"støtter {t['stance']['counts']['støtter']} forslaget" in para \
                or f"{t['stance']['counts']['støtter']} støtter forslaget" in para
        quotes = [line for line in section.split("\n") if line.startswith("> «")]
        assert 2 <= len(quotes) <= 3 or len(t["quotes"]) < 2
        assert not any(p in section for p in persons)  # persons are never named
    assert "## Vedlegg: maskinelle tall per tema" in md
    syn = md.split("## Høringsinstansenes syn")[1].split("## Vedlegg")[0]
    assert "Stabilitet" not in syn.split("står i vedlegget")[1]


def test_word_is_a4_norwegian_with_fitting_columns_and_charts(run_dir: Path) -> None:
    d = docx.Document(str(run_dir / "report.docx"))
    s = d.sections[0]
    assert (round(s.page_width.cm, 1), round(s.page_height.cm, 1)) == (21.0, 29.7)
    lang = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(
        qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "nb-NO"
    assert d.styles["Heading 3"].paragraph_format.keep_with_next
    assert len(d.inline_shapes) >= 2  # the charts, as PNG
    types = d.tables[0]
    assert types.rows[0].cells[0].text == "Respondenttype"
    body = types.rows[1]._tr.findall(qn("w:tc"))
    jc = body[1].find(qn("w:p")).find(qn("w:pPr")).find(qn("w:jc"))
    assert jc.get(qn("w:val")) == "right"  # numbers right-aligned
    assert body[0].find(qn("w:p")).find(qn("w:pPr")) is None  # text left
    for table in d.tables:
        grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for row in table.rows[:40]:
            for cell, twips in zip(row.cells, grid, strict=True):
                longest = max((len(w) for w in cell.text.split()), default=0)
                if "/" not in cell.text and "-" not in cell.text:  # ids may wrap
                    assert twips / 567 >= 0.18 * longest, (cell.text, twips)


def test_column_widths_keep_words_whole() -> None:
    widths = column_widths(["Tema", "Innspill"], [["innovasjonskulturen", "7"]] * 3, 16.0)
    assert widths[0] >= 0.2 * len("innovasjonskulturen") and widths[1] < widths[0]


def test_excel_has_norwegian_headers_formats_and_filters(run_dir: Path) -> None:
    wb = openpyxl.load_workbook(run_dir / "themes.xlsx")
    assert wb.sheetnames[:3] == ["temaer", "undertemaer", "sitater"]
    assert {"holdning", "avsender-tema", "innspill", "tekstbiter",
            "sammenligning"} <= set(wb.sheetnames)
    titled = ("punkter", "spørsmål ", "lukket-svar", "tilslutninger")  # a first row above
    for ws in wb:
        top = 2 if ws.title.startswith(titled) else 1
        assert ws.freeze_panes == f"A{top + 1}", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith(f"A{top}:"), ws.title
        header = [c.value for c in ws[top]]
        assert not [h for h in header if re.fullmatch(r"[a-z]+(_[a-z]+)+", str(h))], header
    ws = wb["temaer"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        cell = {h: c for h, c in zip(header, row, strict=True)}
        assert type(cell["Innspill"].value) is int and cell["Innspill"].number_format == "0"
        assert cell["Andel av innspillene"].number_format.endswith("%")
        assert 0 <= cell["Andel av innspillene"].value <= 1
    stance = list(wb["holdning"].iter_rows(values_only=True))
    assert stance[0][:4] == ("Tema-id", "Tema", "Respondenttype", "Støtter")
    assert all(type(v) is int for r in stance[1:] for v in r[3:])
    quotes = list(wb["sitater"].iter_rows(values_only=True))
    assert len(quotes) - 1 == sum(len(t["quotes"]) for t in _themes(run_dir))


def test_norwegian_number_agreement_and_words() -> None:
    assert norsk.count(1, "tekstbit") == "1 tekstbit"
    assert norsk.count(2, "tekstbit") == "2 tekstbiter"
    assert norsk.count(1, "setning") == "1 setning" and norsk.count(1, "innspill") == "1 innspill"
    assert norsk.type_count(1, "kommune") == "1 kommune"
    assert norsk.type_count(3, "næringsliv") == "3 næringslivsaktører"
    assert "ukjente" not in norsk.share_in_words(4, 10, {"ukjent": 4})
    assert norsk.share_in_words(4, 10, {"ukjent": 4}).endswith("avsendertype ukjent")
    assert norsk.standard_name("other:en") == "Engelsk"
    assert norsk.standard_name("nn") == "Nynorsk"
    assert norsk.share_percent(1, 400) == "under 1\u00a0%"
    assert base_form("digitaliseringen") == "digitalisering"
    assert base_form("verksemda") == "virksomhet"  # Nynorsk mapped in a Bokmål report
    assert base_form("tankesett") == "tankesett"
    assert show_phrase("etiske retningslinjer") == "etiske retningslinjer"


def test_report_text_has_no_tangles(run_dir: Path) -> None:
    md = (run_dir / "report.md").read_text(encoding="utf-8")
    html = (run_dir / "report.html").read_text(encoding="utf-8")
    for text in (md, html):
        assert not re.search(r"\b1 (tekstbiter|setninger|temaer|endringer)\b", text)
        assert "alle fra ukjente" not in text and "other:" not in text
        assert "kampanjekopier; " not in text
        assert not re.search(r"kommune \(kommune\)", text)


def test_html_search_covers_every_segment_and_lists_andre_innspill(run_dir: Path) -> None:
    import pandas as pd

    html = (run_dir / "report.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r"var SEG=(\[.*?\]);var box", html, re.S).group(1))
    seg = pd.read_parquet(run_dir / "segments.parquet")
    assert len(data) == len(seg)
    assert "<h2>Høringsinstansenes syn</h2>" in html
    n_other = int((seg["bucket"] == "outlier").sum())
    if n_other:
        assert f"{n_other} tekstbiter passet ikke" in html or "1 tekstbit" in html
        assert "0\u00a0%<span>andre innspill" not in html
    assert "Andel av temaets innspill" in html  # the heat map's legend


@pytest.mark.skipif(shutil.which("libreoffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice or poppler-utils is not installed")
def test_word_renders_in_libreoffice(run_dir: Path, tmp_path: Path) -> None:
    subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(run_dir / "report.docx")], check=True,
                   capture_output=True, timeout=240)
    pdf = tmp_path / "report.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 10_000
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in info
