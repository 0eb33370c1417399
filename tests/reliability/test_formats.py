"""Formats read as a reader sees them, and parsers bounded in time: control bytes named
.txt, DOCX content controls, tracked changes, fields, smart tags and text boxes, ODT tracked
changes, comments and frames, HTML nested 100,000 deep, XLSX whose declared dimension lies,
and every sheet of a workbook (real files made by the test)."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import pytest

from innonlp import IngestConfig, ingest
from innonlp.ingest.documents import read_docx, read_html, read_odt

from .test_hostile_files import W, _docx, _odt

CFG = IngestConfig(detect_campaigns=False)
TEXT = "Vi ønsker flere sykkelveier og bedre kollektivtilbud i kommunen vår nå."

# --- control bytes named .txt --------------------------------------------------------

CONTROL_BYTES = {
    "utf16-like": b"\x01\x00\x02\x00\x1b\x00\x07\x00" * 300,
    "no NULs": bytes(range(1, 32)) * 60,
    "BOM then controls": b"\xff\xfe" + b"\x03\x00\x04\x00" * 300,
    "utf8 BOM then controls": b"\xef\xbb\xbf" + bytes(range(1, 9)) * 200,
    "NUL-heavy": b"\x00\x00\x01\x02" * 300,
}


@pytest.mark.parametrize("kind", sorted(CONTROL_BYTES))
def test_control_bytes_named_txt_are_skipped_as_binary(tmp_path: Path, kind: str) -> None:
    (tmp_path / "svar.txt").write_bytes(CONTROL_BYTES[kind])
    (e,) = ingest([tmp_path], CFG).entries
    assert e.status == "skipped" and "binary content" in e.reason


def test_real_utf16_text_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "svar.txt").write_bytes(TEXT.encode("utf-16-le"))
    res = ingest([tmp_path], CFG)
    assert res.submissions[0].text == TEXT


# --- DOCX ----------------------------------------------------------------------------

def _r(text: str) -> str:
    return f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>"


def _doc(*paragraphs: str) -> str:
    body = "".join(p if p.startswith("<w:tbl") or p.startswith("<w:sdt>")
                   else f"<w:p>{p}</w:p>" for p in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:v="urn:schemas-microsoft-com:vml" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f"<w:body>{body}</w:body></w:document>")


DOCX_CASES = {  # name: (paragraphs, text that must be read, text that must not)
    "block content control": ([f"<w:sdt><w:sdtContent><w:p>{_r('Skjemafelt tekst')}</w:p>"
                               "</w:sdtContent></w:sdt>"], ["Skjemafelt tekst"], []),
    "inline content control": ([_r("Navn: ") + f"<w:sdt><w:sdtContent>{_r('Innfylt svar')}"
                                "</w:sdtContent></w:sdt>"], ["Navn: Innfylt svar"], []),
    "tracked insertion": ([_r("Vi vil ") + f"<w:ins w:id=\"1\" w:author=\"A\">{_r('gjerne ')}"
                           "</w:ins>" + _r("ha buss.")], ["Vi vil gjerne ha buss."], []),
    "tracked deletion": ([_r("Vi vil ") + '<w:del w:id="2" w:author="A"><w:r><w:delText>'
                          "aldri </w:delText></w:r></w:del>" + _r("ha buss.")],
                         ["Vi vil ha buss."], ["aldri"]),
    "moved text": (['<w:moveFrom w:id="3" w:author="A"><w:r><w:t>Flyttet bort</w:t></w:r>'
                    "</w:moveFrom>" + f"<w:moveTo w:id=\"4\" w:author=\"A\">{_r('Flyttet hit')}"
                    "</w:moveTo>"], ["Flyttet hit"], ["Flyttet bort"]),
    "simple field": ([_r("Side ") + f'<w:fldSimple w:instr=" PAGE ">{_r("7")}</w:fldSimple>'],
                     ["Side 7"], ["PAGE"]),
    "complex field": ([_r("Se ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                       '<w:r><w:instrText> HYPERLINK "http://x" </w:instrText></w:r>'
                       '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _r("lenken")
                       + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'],
                      ["Se lenken"], ["HYPERLINK", "http://x"]),
    "smart tag": ([_r("Møte i ") + f'<w:smartTag w:uri="u" w:element="place">{_r("Bergen")}'
                   "</w:smartTag>"], ["Møte i Bergen"], []),
    "custom XML": ([f'<w:customXml w:element="x">{_r("Egendefinert")}</w:customXml>'],
                   ["Egendefinert"], []),
    "hyperlink": ([f'<w:hyperlink w:anchor="a">{_r("Lenketekst")}</w:hyperlink>'],
                  ["Lenketekst"], []),
    "text box read once": ([_r("Ankertekst ") + "<w:r><mc:AlternateContent><mc:Choice "
                            'Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p>'
                            + _r("Tekst i boksen") + "</w:p></w:txbxContent></wps:txbx>"
                            "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>"
                            "<w:txbxContent><w:p>" + _r("Tekst i boksen")
                            + "</w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback>"
                            "</mc:AlternateContent></w:r>"],
                           ["Ankertekst", "Tekst i boksen"], []),
    "table with a deleted row": (["<w:tbl><w:tr><w:tc><w:p>" + _r("Celle en")
                                  + "</w:p></w:tc></w:tr><w:tr><w:trPr><w:del w:id=\"5\" "
                                  'w:author="A"/></w:trPr><w:tc><w:p>' + _r("Slettet rad")
                                  + "</w:p></w:tc></w:tr></w:tbl>"],
                                 ["Celle en"], ["Slettet rad"]),
}


@pytest.mark.parametrize("case", sorted(DOCX_CASES))
def test_docx_text_as_a_reader_sees_it(case: str) -> None:
    paragraphs, present, absent = DOCX_CASES[case]
    text, _ = read_docx(_docx(_doc(*paragraphs)), CFG)
    for p in present:
        assert text.count(p) == 1, (case, text)
    for a in absent:
        assert a not in text, (case, text)


def test_docx_made_by_python_docx_keeps_headings_and_furniture() -> None:
    from ..conftest import make_docx

    data = make_docx([("h1", "Høringssvar"), ("p", TEXT)], header="Brevhode AS")
    text, info = read_docx(data, CFG)
    assert "Høringssvar" in text and TEXT in text
    assert info["headings"] == 1 and info["page_furniture"] == ["Brevhode AS"]


# --- ODT -----------------------------------------------------------------------------

def _odt_doc(body: str) -> bytes:
    return _odt('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
                'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">'
                f"<office:body><office:text>{body}</office:text></office:body>"
                "</office:document-content>")


ODT_CASES = {
    "tracked deletion": ('<text:tracked-changes><text:changed-region text:id="c1">'
                         "<text:deletion><text:p>Slettet setning</text:p></text:deletion>"
                         "</text:changed-region></text:tracked-changes>"
                         '<text:p>Vi vil <text:change text:change-id="c1"/>ha buss.</text:p>',
                         ["Vi vil ha buss."], ["Slettet"]),
    "annotation": ("<text:p>Hovedtekst<office:annotation><dc:creator>Ola</dc:creator>"
                   "<dc:date>2026-01-01</dc:date><text:p>Kommentar i margen</text:p>"
                   "</office:annotation> fortsetter.</text:p>",
                   ["Hovedtekst fortsetter."], ["Kommentar", "Ola", "2026"]),
    "frame read once": ('<text:p>Anker<draw:frame draw:name="f"><draw:text-box><text:p>'
                        "Rammetekst</text:p></draw:text-box></draw:frame> slutt</text:p>",
                        ["Anker slutt", "Rammetekst"], ["None"]),
    "empty frame": ('<text:p>Tekst<draw:frame draw:name="bilde"><draw:image/></draw:frame>'
                    "</text:p>", ["Tekst"], ["None"]),
    "spaces and tabs": ('<text:p>A<text:s text:c="3"/>B<text:tab/>C<text:line-break/>D'
                        "</text:p>", ["A B C", "D"], []),
    "table": ("<table:table><table:table-row><table:table-cell><text:p>Celle en</text:p>"
              "</table:table-cell><table:table-cell><text:p>Celle to</text:p>"
              "</table:table-cell></table:table-row></table:table>",
              ["Celle en – Celle to"], []),
    "list and section": ("<text:section><text:list><text:list-item><text:p>Punkt en</text:p>"
                         "</text:list-item></text:list></text:section>", ["Punkt en"], []),
}


@pytest.mark.parametrize("case", sorted(ODT_CASES))
def test_odt_text_as_a_reader_sees_it(case: str) -> None:
    body, present, absent = ODT_CASES[case]
    text, _ = read_odt(_odt_doc(body), CFG)
    for p in present:
        assert text.count(p) == 1, (case, text)
    for a in absent:
        assert a not in text, (case, text)


# --- HTML ----------------------------------------------------------------------------

@pytest.mark.parametrize("depth", [300, 100_000])
def test_deeply_nested_html_is_read_fast(depth: int) -> None:
    page = ("<html><head><script>var x = '<div>';</script></head><body>"
            + "<div>" * depth + "Innspill p&aring; bunnen" + "</div>" * depth
            + "<p>Og en siste setning.</p></body></html>").encode()
    start = time.perf_counter()
    text, info = read_html(page, CFG)
    assert time.perf_counter() - start < 5
    assert "Innspill på bunnen" in text and "Og en siste setning." in text
    assert "var x" not in text and "flat text" in info["note"]


def test_ordinary_html_keeps_its_tree_reading() -> None:
    text, info = read_html(b"<h1>Tittel</h1><ul>" + b"<li>punkt" * 500 + b"</ul>", CFG)
    assert info["title"] == "Tittel" and "note" not in info


# --- XLSX ----------------------------------------------------------------------------

def _xlsx(sheets: dict[str, list[list[str]]], dimension: str | None = None,
          far_row: bool = False) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    if dimension is None and not far_row:
        return buf.getvalue()
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                if dimension:
                    data = re.sub(rb'<dimension ref="[^"]*"/>',
                                  f'<dimension ref="{dimension}"/>'.encode(), data)
                if far_row:
                    data = data.replace(b"</sheetData>", b'<row r="1048576"/></sheetData>')
            z.writestr(info, data)
    return out.getvalue()


ROWS = [["navn", "tekst"], ["Kari", TEXT], ["Per", TEXT.replace("sykkelveier", "busser")]]


@pytest.mark.parametrize("far_row", [False, True])
def test_a_lying_dimension_reads_only_real_rows_fast(tmp_path: Path, far_row: bool) -> None:
    data = _xlsx({"Svar": ROWS}, dimension="A1:XFD1048576", far_row=far_row)
    assert len(data) < 10_000
    (tmp_path / "svar.xlsx").write_bytes(data)
    start = time.perf_counter()
    res = ingest([tmp_path], CFG)
    assert time.perf_counter() - start < 10
    assert len(res.submissions) == 2
    assert res.containers[0].details["rows"] == 2


def test_every_sheet_is_read_or_named_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "skjema.xlsx").write_bytes(_xlsx({
        "Svar": ROWS,
        "Flere svar": [["tekst"], ["Et svar fra ark to om skoler og barnehager i bygda."]],
        "Koder": [["kode", "betydning"], ["A", "Ja"]],
        "Tomt": [],
    }))
    res = ingest([tmp_path], CFG)
    assert len(res.submissions) == 3
    assert any(s.source.endswith("#Flere svar!row2") for s in res.submissions)
    skipped = {e.input.split("#")[-1]: e.reason for e in res.entries if e.kind == "sheet"}
    assert set(skipped) == {"Koder", "Tomt"}
    assert "no text column" in skipped["Koder"] and "empty sheet" in skipped["Tomt"]
    assert res.containers[0].details["sheets"] == ["Svar", "Flere svar", "Koder", "Tomt"]


def test_a_workbook_without_any_text_column_fails_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "koder.xlsx").write_bytes(_xlsx({"A": [["kode"], ["1"]],
                                                 "B": [["x"], ["2"]]}))
    res = ingest([tmp_path], CFG)
    file_entry = [e for e in res.entries if e.kind != "sheet"]
    assert file_entry[0].status == "failed" and "no text column" in file_entry[0].reason
