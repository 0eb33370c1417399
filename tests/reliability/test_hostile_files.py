"""Broken and hostile files made by the test, each with its expected outcome and reason
(the cases not already in tests/ingest/test_bad_inputs.py)."""

import io
import zipfile
from pathlib import Path

import pytest

from innonlp import IngestConfig, ingest
from innonlp.cli import app

from ..conftest import make_pdf

TEXT = "Vi ønsker flere sykkelveier og bedre kollektivtilbud i kommunen vår."
DOCX_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
           '.org/package/2006/content-types"><Default Extension="rels" ContentType="application'
           '/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
           'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
           '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
           '/></Types>')
DOCX_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
             'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
             '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'officeDocument" Target="word/document.xml"/></Relationships>')
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(document_xml: str, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", DOCX_CT)
        z.writestr("_rels/.rels", DOCX_RELS)
        z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def _body(text: str, doctype: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w="{W}">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>")


def _odt(content_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                   '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                   '"application/vnd.oasis.opendocument.text"/><manifest:file-entry '
                   'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                   '</manifest:manifest>')
        z.writestr("content.xml", content_xml)
    return buf.getvalue()


def _odt_body(text: str, doctype: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            f"<office:body><office:text><text:p>{text}</text:p></office:text></office:body>"
            "</office:document-content>")


XXE = ('<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
LAUGHS = ("<!DOCTYPE w:document [<!ENTITY a \"ha\">" + "".join(
    f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9)) + "]>")


def _bomb(member: str, what: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", DOCX_CT)
        z.writestr(member, b" " * 30_000_000)
    return buf.getvalue()


def _one(tmp_path: Path, name: str, data: bytes, cfg: IngestConfig | None = None):  # noqa: ANN202
    p = tmp_path / name
    p.write_bytes(data)
    res = ingest([p], cfg)
    assert res.counts()["inputs"] == len(res.entries) >= 1
    return res, res.entries[0]


@pytest.mark.parametrize("name,member", [("bombe.docx", "word/document.xml"),
                                         ("bombe.odt", "content.xml"),
                                         ("bombe.xlsx", "xl/worksheets/sheet1.xml")])
def test_office_zip_bombs_are_refused_before_decompression(tmp_path: Path, name: str,
                                                            member: str) -> None:
    _, e = _one(tmp_path, name, _bomb(member, name))
    assert e.status == "failed" and "suspected zip bomb" in e.reason, e.reason


def test_docx_with_path_traversal_member(tmp_path: Path) -> None:
    data = _docx(_body(TEXT), {"../../evil.txt": b"owned"})
    res, e = _one(tmp_path, "sti.docx", data)
    assert not (tmp_path.parent / "evil.txt").exists()
    assert e.status == "failed" and "path traversal" in e.reason, e.reason


@pytest.mark.parametrize("name,data", [
    ("xxe.docx", _docx(_body("Hei &xxe; slutt", XXE))),
    ("xxe.odt", _odt(_odt_body("Hei &xxe; slutt", XXE.replace("w:document",
                                                              "office:document-content")))),
])
def test_external_entities_are_never_resolved(tmp_path: Path, name: str, data: bytes) -> None:
    res, e = _one(tmp_path, name, data)
    assert all("root:" not in s.text for s in res.submissions)
    assert e.status in ("failed", "skipped", "processed")
    if e.status == "failed":
        assert "entit" in e.reason.lower() or "DTD" in e.reason, e.reason


@pytest.mark.parametrize("name,data", [
    ("latter.docx", _docx(_body("&j;", LAUGHS))),
    ("latter.odt", _odt(_odt_body("&j;", LAUGHS.replace("w:document",
                                                        "office:document-content")))),
])
def test_billion_laughs_is_never_expanded(tmp_path: Path, name: str, data: bytes) -> None:
    res, e = _one(tmp_path, name, data)
    assert all(len(s.text) < 10_000 for s in res.submissions)
    if e.status == "failed":
        assert "entit" in e.reason.lower() or "DTD" in e.reason, e.reason


def test_pdf_with_thousands_of_pages_names_the_limit_and_flag(tmp_path: Path) -> None:
    nouns = ("skole", "vei", "helse", "kultur", "idrett", "havn", "park")
    data = make_pdf([[f"Vi skriver om {nouns[i % 7]} og {nouns[(i // 7) % 7]} i del "
                      f"{'abcdefghij'[i % 10]}{'klmnopqrst'[(i // 10) % 10]}."]
                     for i in range(2_100)])
    _, e = _one(tmp_path, "tykk.pdf", data)
    assert e.status == "failed"
    assert "2100 pages" in e.reason and "2000" in e.reason and "--max-pdf-pages" in e.reason
    res, e = _one(tmp_path, "tykk2.pdf", data, IngestConfig(max_pdf_pages=3000))
    assert e.status == "processed"


def test_csv_with_formulas_nul_bytes_ragged_rows_and_huge_cells(tmp_path: Path) -> None:
    big = "stor " * 2_100_000  # about 10 MB in one cell
    rows = ["id;tekst", '1;=HYPERLINK("http://example.invalid")', "2;Vi vil ha\x00 flere busser",
            "3;for;mange;felt", f"4;{big}", "5;@SUM(A1:A2)"]
    res, _ = _one(tmp_path, "skjema.csv", "\n".join(rows).encode("utf-8"))
    by_row = {e.input.rsplit("#row", 1)[-1]: e for e in res.entries}
    assert res.counts()["inputs"] == 5
    texts = {s.source.rsplit("#row", 1)[-1]: s.text for s in res.submissions}
    assert texts["2"].startswith("=HYPERLINK")         # kept as text; exports neutralise it
    assert "\x00" not in texts["3"] and "flere busser" in texts["3"]
    assert by_row["4"].status == "failed" and "ragged row: 4 fields" in by_row["4"].reason
    assert by_row["5"].status == "processed" and len(texts["5"]) > 9_000_000
    assert by_row["6"].status == "processed"


def test_mixed_encodings_keep_norwegian_letters(tmp_path: Path) -> None:
    data = "Første linje på UTF-8 med æøå.\n".encode() + \
        "Andre linje på latin-1 med ÆØÅ.\n".encode("latin-1")
    res, e = _one(tmp_path, "blanding.txt", data)
    assert e.status == "processed"
    assert "æøå" in res.submissions[0].text


def test_nothing_is_written_outside_out(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    inputs = tmp_path / "inn"
    inputs.mkdir()
    (inputs / "a.txt").write_text(TEXT, encoding="utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("../../utenfor.txt", TEXT)
        z.writestr("/etc/absolutt.txt", TEXT)
    (inputs / "pakke.zip").write_bytes(buf.getvalue())
    before = {p for p in tmp_path.rglob("*")}
    out = tmp_path / "ut"
    res = CliRunner().invoke(app, ["ingest", str(inputs), "--out", str(out), "-q"])
    assert res.exit_code in (0, 1)
    after = {p for p in tmp_path.rglob("*")}
    assert {p for p in after - before if out not in p.parents and p != out} == set()
