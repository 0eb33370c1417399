"""Every export opens with its own library, agrees with themes.json, and is safe."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest

from innonlp import load_run
from innonlp.config import load_config
from innonlp.errors import InputError
from innonlp.report.build import write_reports
from innonlp.report.html import to_html
from innonlp.run.pipeline import analyze

from ..conftest import SAMPLE

PAYLOADS = ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>',
            '=HYPERLINK("http://example.invalid","klikk")', "+SUM(1;2)", "@cmd", "-2+3"]
HOSTILE = ("Digitalisering og deling av data mellom etater er viktig. "
           + " ".join(PAYLOADS) + "\n\nFelles digitale løsninger bør utvikles én gang.\n")


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("exports")
    inputs = root / "innspill"
    shutil.copytree(SAMPLE / "innspill", inputs)
    (inputs / "brev" / "fiendtlig.txt").write_text(HOSTILE, encoding="utf-8")
    out = root / "run"
    analyze([inputs], out, config=load_config(SAMPLE / "innonlp.toml"),
            summary=SAMPLE / "oppsummering.md")
    return out


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    from html.parser import HTMLParser

    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class P(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    P().feed(html)
    return found


def _themes(run_dir: Path) -> list[dict]:
    return json.loads((run_dir / "themes.json").read_text(encoding="utf-8"))["themes"]


def test_all_exports_written_and_recorded(run_dir: Path) -> None:
    for name in ("report.md", "report.docx", "report.html", "themes.xlsx", "themes.csv",
                 "themes.json", "segments.parquet", "submissions.parquet", "comparison.json"):
        assert (run_dir / name).is_file(), name
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert set(manifest["reports"]["files"]) >= {"report.md", "report.docx", "report.html",
                                                 "themes.xlsx"}


def test_word_report_has_real_headings_and_tables(run_dir: Path) -> None:
    d = docx.Document(str(run_dir / "report.docx"))
    heads = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
    themes = [t for t in _themes(run_dir)]
    theme_heads = [t for s, t in heads if s == "Heading 3"]
    assert theme_heads == [f"{i}. {t['label']}" for i, t in enumerate(themes, start=1)]
    assert ("Heading 2", "Oversikt") in heads
    assert ("Heading 2", "Sammenligning med oppsummeringen") in heads
    assert len(d.tables) >= 4  # respondent types, standards, comparison, appendix
    appendix = d.tables[-1]
    assert appendix.rows[0].cells[0].text == "Innspill"
    n_subs = len(pd.read_parquet(run_dir / "submissions.parquet"))
    assert len(appendix.rows) == n_subs + 1
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Det kom inn 101 innspill" in text  # counts in words, Norwegian style
    assert "privatperson" not in "".join(p.text for p in d.paragraphs
                                         if p.style.name == "Quote" and "Hanne" in p.text)


def test_excel_agrees_with_themes_json_and_is_inert(run_dir: Path) -> None:
    wb = openpyxl.load_workbook(run_dir / "themes.xlsx")
    assert wb.sheetnames[:3] == ["temaer", "undertemaer", "sitater"]
    assert {"holdning", "innspill", "tekstbiter", "sammenligning"} <= set(wb.sheetnames)
    rows = list(wb["temaer"].iter_rows(values_only=True))
    header = rows[0]
    got = [(r[header.index("Tema-id")], r[header.index("Tema")], r[header.index("Innspill")])
           for r in rows[1:]]
    assert got == [(t["id"], t["label"], t["n_submissions"]) for t in _themes(run_dir)]
    seg = pd.read_parquet(run_dir / "segments.parquet")
    assert wb["tekstbiter"].max_row == len(seg) + 1
    found = False
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.value[:1] not in ("=", "+", "@", "\t", "\r") or \
                        cell.value.startswith("'"), cell.value
                    found |= "HYPERLINK" in cell.value
    assert found  # the hostile text is there, as text


def test_html_escapes_everything_and_is_self_contained(run_dir: Path) -> None:
    html = (run_dir / "report.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    tags = _tags(html)
    # nothing is loaded from outside the file, and no tag came from submission text
    assert not [t for t in tags if t[0] in ("link", "img", "iframe", "object", "embed")]
    assert [t for t in tags if t[0] == "script"] == [("script", [])]
    assert not [a for _, attrs in tags for a, _ in attrs
                if a in ("src", "href") or a.startswith("on")]
    run = load_run(run_dir)
    t = run.themes_doc["themes"][0]
    t["label"] = PAYLOADS[0]
    t["quotes"][0]["text"] = PAYLOADS[1]
    run.submissions.loc[run.submissions.index[0], "organisation"] = PAYLOADS[1]
    out = to_html(run)
    assert PAYLOADS[0] not in out and PAYLOADS[1] not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
    assert [t for t in _tags(out) if t[0] == "script"] == [("script", [])]
    assert not [a for _, attrs in _tags(out) for a, _ in attrs if a.startswith("on")]


def test_markdown_agrees_and_escapes(run_dir: Path) -> None:
    md = (run_dir / "report.md").read_text(encoding="utf-8")
    for i, t in enumerate(_themes(run_dir), start=1):
        assert f"### {i}. {t['label']}" in md
    run = load_run(run_dir)
    run.themes_doc["themes"][0]["quotes"][0]["text"] = PAYLOADS[0]
    write_reports(run, run_dir / "again")
    again = (run_dir / "again" / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in again


def test_parquet_files_carry_their_schema_version(run_dir: Path) -> None:
    import pyarrow.parquet as pq

    for name, schema in (("segments.parquet", b"innonlp.segments/1"),
                         ("submissions.parquet", b"innonlp.submissions/1")):
        assert pq.read_schema(run_dir / name).metadata[b"innonlp.schema"] == schema


def test_load_run_views(run_dir: Path) -> None:
    run = load_run(run_dir)
    assert list(run.themes["id"]) == [t["id"] for t in _themes(run_dir)]
    assert run.comparison is not None and len(run.comparison) == 8
    assert {"theme_ids", "key_phrases"} <= set(run.submissions.columns)
    assert len(run.quotes(run.themes["id"].iloc[0])) >= 1
    with pytest.raises(InputError, match="is not a folder"):
        load_run(run_dir / "nowhere")


@pytest.mark.skipif(shutil.which("chromium") is None,
                    reason="Debian's chromium package is not installed")
def test_html_charts_draw_in_headless_chromium(run_dir: Path) -> None:
    res = subprocess.run([sys.executable, str(Path(__file__).resolve().parents[2] / "scripts"
                                              / "check_html_report.py"),
                          str(run_dir / "report.html")], capture_output=True, text=True,
                         timeout=180)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "4 of 4 charts drew" in res.stdout


def test_streamed_workbook_file_holds_what_to_xlsx_builds(run_dir: Path) -> None:
    import io
    import zipfile

    from innonlp.report.excel import to_xlsx

    built = zipfile.ZipFile(io.BytesIO(to_xlsx(load_run(run_dir))))
    written = zipfile.ZipFile(run_dir / "themes.xlsx")
    assert built.namelist() == written.namelist()
    for name in built.namelist():
        assert built.read(name) == written.read(name), name
