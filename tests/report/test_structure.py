"""Issue 20 in the exports, on a tiny hand-made run written for real (report.md, .docx,
.html, themes.xlsx read back): who said what, the seeds (empty ones said), a section and a
sheet per question, the closed-column cross-tab, endorsements; hostile text escaped and
neutralised; and a run without the new fields as before."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
import pytest

from innonlp.report import xlsx
from innonlp.report.build import write_reports
from innonlp.report.explore import extra_views
from innonlp.report.structure import SEVERAL

from .tiny_run import EVIL_BODY, EVIL_QUESTION, HOSTILE, tiny_run, with_structure

SHEETS_TODAY = ["temaer", "undertemaer", "sitater", "holdning", "avsender-tema", "innspill",
                "tekstbiter", "sammenligning"]
NEW_HEADINGS = ("Punkter fra høringsnotatet", "Spørsmål 1", "Svar på",
                "Tilslutning til andres høringssvar")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _write(tmp: Path, name: str, structured: bool) -> dict:
    run = tiny_run(tmp / name)
    if structured:
        run = with_structure(run)
    out = tmp / name
    write_reports(run, out)
    d = docx.Document(str(out / "report.docx"))
    return {"md": (out / "report.md").read_text(encoding="utf-8"),
            "html": (out / "report.html").read_text(encoding="utf-8"),
            "docx": d, "docx_text": "\n".join(
                [p.text for p in d.paragraphs]
                + [c.text for t in d.tables for r in t.rows for c in r.cells]),
            "xlsx": openpyxl.load_workbook(out / "themes.xlsx"), "run": run}


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _write(tmp_path_factory.mktemp("plain"), "run", structured=False)


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _write(tmp_path_factory.mktemp("full"), "run", structured=True)


def _rows(book: openpyxl.Workbook, name: str) -> list[tuple]:
    return list(book[name].iter_rows(values_only=True))


def test_without_the_fields_nothing_new_but_the_several_themes_sentence(plain: dict) -> None:
    assert plain["xlsx"].sheetnames == SHEETS_TODAY
    for text in (plain["md"], plain["html"], plain["docx_text"]):
        assert not any(h in text for h in NEW_HEADINGS)
        assert "Temaet tas opp av" not in text and "sluttet seg til" not in text
        assert SEVERAL.split(".")[1].strip() in text  # always said, once per document
    assert plain["md"].count(SEVERAL.split(".")[1].strip()) == 1
    assert "Blant høringsinstansene er Datatilsynet og Elvdal kommune." in plain["md"]
    themes = _rows(plain["xlsx"], "temaer")[0]
    assert "Fra høringsnotatet" not in themes and "Innspill med tilslutning" not in themes
    assert "Slutter seg til" not in _rows(plain["xlsx"], "innspill")[0]
    assert extra_views(plain["run"]) == {}


def test_who_said_what_paragraph_and_bodies_in_every_document(full: dict) -> None:
    para = "Temaet tas opp av 1 statlig virksomhet: Datatilsynet; og 1 kommune: Elvdal kommune."
    assert para in full["md"] and para in full["docx_text"] and para in full["html"]
    assert "Temaet tas opp av 1 organisasjon" in full["md"]
    assert "og 1 privatperson." in full["md"]
    assert "Blant høringsinstansene er" not in full["md"]  # the bodies have their own text
    assert "| Datatilsynet | Statlig virksomhet | Personvernet må sikres. |" in full["md"]
    d = full["docx"]
    bodies = next(t for t in d.tables if t.rows[0].cells[0].text == "Høringsinstans")
    assert [c.text for c in bodies.rows[1].cells] == ["Datatilsynet", "Statlig virksomhet",
                                                      "Personvernet må sikres."]
    assert "<td>Datatilsynet</td><td>Statlig virksomhet</td>" in full["html"]
    for text in (full["md"], full["html"], full["docx_text"]):
        assert "Per Hansen" not in text  # private persons counted, never named


def test_hostile_bodies_evidence_and_questions_are_escaped_in_html_and_markdown(
        full: dict) -> None:
    html = full["html"]
    p = _Tags()
    p.feed(html)
    assert p.tags.count("script") == 1 and "img" not in p.tags
    text = "".join(p.text)
    assert EVIL_BODY in text and HOSTILE in text and EVIL_QUESTION in text
    assert "&lt;img src=x onerror=alert(1)&gt; Forbundet" in html
    assert "<b>forslaget</b>" not in html
    md = full["md"]
    assert "<img" not in md and "<script>" not in md and "<b>" not in md
    assert EVIL_BODY in full["docx_text"] and HOSTILE in full["docx_text"]


def test_hvem_sa_hva_sheet_names_bodies_counts_persons_and_neutralises(full: dict) -> None:
    book = full["xlsx"]
    rows = _rows(book, "hvem-sa-hva")
    assert rows[0] == ("Tema-id", "Tema", "Respondenttype", "Høringsinstans", "Innspill",
                       "Antall", "Hva de skriver")
    assert rows[1] == ("S1", "Punkt 3.1 Personvern", "Statlig virksomhet", "Datatilsynet",
                       "a", 1, "Personvernet må sikres.")
    assert rows[2][6] == "'" + HOSTILE  # a formula's text, never a formula
    assert book["hvem-sa-hva"]["G3"].data_type == "s"
    assert rows[3][3] == EVIL_BODY and rows[3][6] == "'-Kollektivtransport først."
    persons = [r for r in rows if r[2] == "Privatpersoner"]
    assert persons == [("T02", "Samferdsel", "Privatpersoner",
                        "(privatpersoner er talt, ikke navngitt)", None, 1, None)]
    assert not any("Per Hansen" in str(c) for r in rows for c in r)


def test_a_sheet_per_question_with_the_question_first(full: dict) -> None:
    book = full["xlsx"]
    names = book.sheetnames
    assert names.index("avsender-tema") < names.index("hvem-sa-hva") < \
        names.index("spørsmål 1") < names.index("spørsmål 2") < names.index("innspill")
    rows = _rows(book, "spørsmål 1")
    assert rows[0][0] == "'" + EVIL_QUESTION  # the full question, neutralised
    assert rows[1] == ("Tema-id", "Tema", "Innspill", "Tekstbiter", "Støtter", "Går imot",
                       "Tar ikke stilling", "Sitat 1", "Avsender 1")
    assert rows[2] == ("S1", "Punkt 3.1 Personvern", 2, 2, 1, 1, 0, "'" + HOSTILE,
                       "Elvdal kommune")
    ws = book["spørsmål 1"]
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == "A2:I3"
    assert _rows(book, "spørsmål 2")[:3] == [
        ("Andre merknader?", None, None, None), ("Tema-id", "Tema", "Innspill", "Tekstbiter"),
        ("T02", "Samferdsel", 1, 1)]


def test_closed_seeds_and_endorsement_sheets(full: dict) -> None:
    book = full["xlsx"]
    closed = _rows(book, "lukket-svar")
    assert closed[0][0] == "Er du enig i forslaget?"
    assert closed[1] == ("Tema-id", "Tema", "ja", "'=nei", "(tomt)")
    assert closed[2:] == [("", "Alle innspill", 1, 1, 1), ("S1", "Punkt 3.1 Personvern", 1, 1, 0),
                          ("T02", "Samferdsel", 1, 0, 1)]
    seeds = _rows(book, "punkter")
    assert [r[0] for r in seeds[2:]] == ["S1", "S2"] and seeds[3][-1] is True
    assert seeds[2][7:10] == (1, 1, 0)
    assert _rows(book, "tilslutninger")[2:] == [("KS", "b", "Elvdal kommune"),
                                                ("KS", "c", "en privatperson")]
    themes = _rows(book, "temaer")
    head = themes[0]
    assert [r[head.index("Fra høringsnotatet")] for r in themes[1:]] == [True, True, False]
    assert themes[1][head.index("Innspill med tilslutning")] == 3
    subs = _rows(book, "innspill")
    assert [r[subs[0].index("Slutter seg til")] for r in subs[1:]] == [None, "KS", "KS"]


def test_seeds_section_in_codebook_order_with_empty_seeds_said(full: dict) -> None:
    md = full["md"]
    section = md.split("## Punkter fra høringsnotatet")[1].split("\n## ")[0]
    assert "høringsnotat.docx" in section and "25 %" in section
    assert section.index("Punkt 3.1 Personvern") < section.index("Punkt 4 Gebyrer")
    assert "Ingen høringsinstanser kommenterte Punkt 4 Gebyrer." in section
    assert "| Punkt 3.1 Personvern | 2 | 2 | 1 henvisning, 1 nøkkelord |" in section
    assert "Ingen høringsinstanser kommenterte Punkt 4 Gebyrer." in full["docx_text"]
    assert "Ingen høringsinstanser kommenterte Punkt 4 Gebyrer." in full["html"]
    assert "<b>Punkt 4 Gebyrer</b> (punkt fra høringsnotatet)" in full["html"]
    assert "<b>Samferdsel</b>:" in full["html"]
    syn = md.split("### 2. Punkt 4 Gebyrer")[1].split("\n### ")[0]
    assert syn.strip().startswith("Ingen høringsinstanser kommenterte Punkt 4 Gebyrer.")


def test_a_section_per_question_closed_table_and_endorsements(full: dict) -> None:
    heads = [(p.style.name, p.text) for p in full["docx"].paragraphs
             if p.style.name.startswith("Heading")]
    assert ("Heading 2", "Spørsmål 1: " + EVIL_QUESTION) in heads
    assert ("Heading 2", "Spørsmål 2: Andre merknader?") in heads
    assert heads.index(("Heading 2", "Spørsmål 1: " + EVIL_QUESTION)) < \
        heads.index(("Heading 2", "Spørsmål 2: Andre merknader?")) < \
        heads.index(("Heading 2", "Høringsinstansenes syn"))
    md = full["md"]
    q1 = md.split("## Spørsmål 1:")[1].split("\n## ")[0]
    assert "2 innspill svarte på spørsmålet" in q1
    assert "| Punkt 3.1 Personvern | 2 | 2 | 1 | 1 | 0 |" in q1
    assert "| Alle innspill | 1 | 1 | 1 |" in md.split("## Svar på «Er du enig i forslaget?»")[1]
    ends = md.split("## Tilslutning til andres høringssvar")[1].split("\n## ")[0]
    assert "Disse sluttet seg til andres høringssvar:" in ends
    assert "KS: 2 innspill sluttet seg til høringssvaret \\(Elvdal kommune og 1 " \
        "privatperson\\)" in ends
    assert "telles med" in ends
    assert "(1 innspill), er det 3 innspill." in full["docx_text"]


def test_endorsements_not_counted_say_so(tmp_path: Path) -> None:
    run = with_structure(tiny_run(tmp_path))
    run.themes_doc["endorsements"]["counted"] = False
    write_reports(run, tmp_path)
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "er ikke talt med i temaene" in md
    book = openpyxl.load_workbook(tmp_path / "themes.xlsx")
    assert "Innspill med tilslutning" not in _rows(book, "temaer")[0]


def test_notebook_views(full: dict) -> None:
    views = extra_views(full["run"])
    assert set(views) == {"questions", "respondents", "seeded", "closed", "endorsements"}
    assert views["questions"]["question_no"].tolist() == [1, 2]
    people = views["respondents"]
    assert people.loc[people["respondent_type"] == "privatperson", "n"].tolist() == [1]
    assert people["name"].dropna().tolist() == ["Datatilsynet", "Elvdal kommune", EVIL_BODY]
    assert views["seeded"]["empty"].tolist() == [False, True]
    assert views["closed"].columns.tolist() == ["id", "label", "ja", "=nei", "(tomt)"]
    assert views["endorsements"]["submission_id"].tolist() == ["b", "c"]


@pytest.mark.parametrize(("name", "taken", "want"), [
    ("a[b]:c*d?e/f\\g", [], "a b  c d e f g"), ("'sitat'", [], "sitat"), ("", [], "ark"),
    ("x" * 40, [], "x" * 31), ("Temaer", ["temaer"], "Temaer (2)"),
    ("x" * 40, ["x" * 31], "x" * 27 + " (2)"), ("\x01ok\x1f", [], "ok")])
def test_sheet_names_excel_accepts(name: str, taken: list[str], want: str) -> None:
    assert xlsx.sheet_name(name, taken) == want


def test_workbook_sanitises_and_deduplicates_sheet_names() -> None:
    buf = io.BytesIO()
    with xlsx.Workbook(buf) as wb:
        for name in ("Spørsmål: hva [1]?", "Spørsmål: hva [1]?", "a/b\\c*"):
            wb.add_sheet(name, ["x"], [["1"]], [8], title="=tittel?")
    book = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))
    assert book.sheetnames == ["Spørsmål  hva  1", "Spørsmål  hva  1 (2)", "a b c"]
    assert list(book["a b c"].iter_rows(values_only=True)) == [("=tittel?",), ("x",), ("1",)]
    assert book["a b c"]["A1"].data_type == "s" and book["a b c"]["A1"].font.b


def test_every_seed_a_segment_matched_and_the_main_theme_per_submission(full: dict) -> None:
    subs = _rows(full["xlsx"], "innspill")
    head = subs[0]
    themes = {r[0]: r[head.index("Temaer")] for r in subs[1:]}
    assert themes["c"] == "S1 Punkt 3.1 Personvern; T02 Samferdsel"  # seed S9 is no theme
    mains = {r[0]: r[head.index("Hovedtema")] for r in subs[1:]}
    assert mains == {"a": "S1 Punkt 3.1 Personvern", "b": "S1 Punkt 3.1 Personvern",
                     "c": "T02 Samferdsel"}
    assert "| c | privatperson | Bokmål | S1 Punkt 3.1 Personvern; T02 Samferdsel | T02 " \
        "Samferdsel |" in full["md"]
    seg = _rows(full["xlsx"], "tekstbiter")
    assert seg[0][seg[0].index("Punkter")] == "Punkter"
    assert [r[seg[0].index("Punkter")] for r in seg[1:]] == ["S1", "", "S1", "S1; S9"]


def test_main_theme_after_edits_is_the_theme_with_most_text(tmp_path: Path) -> None:
    run = tiny_run(tmp_path)
    run.segments.loc[run.segments["id"] == "b#1", "theme_id"] = "T02"  # as a move would
    assert run.submission_themes()["main_theme"].tolist()[1] == "T01 Personvern"  # stored
    run.edits.applied.append({"kind": "move"})
    mains = run.submission_themes()["main_theme"].tolist()
    assert mains == ["T01 Personvern", "T02 Samferdsel", "T02 Samferdsel"]


def test_the_overview_does_not_count_an_empty_seed_as_a_theme(plain: dict, full: dict
                                                              ) -> None:
    themes = full["run"].relevant_themes
    assert sum(1 for t in themes if t.get("empty")) == 1
    held = len(themes) - 1
    assert f"{held} temaer samler" in full["md"] or f"{held} tema samler" in full["md"]
    assert "fra kodeboken fikk ingen tekstbiter: Punkt 4 Gebyrer." in full["md"]
    assert "fra kodeboken fikk ingen" not in plain["md"]
    assert "2 temaer samler" in plain["md"]
