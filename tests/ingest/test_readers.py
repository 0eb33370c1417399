"""Readers on real files made here: PDF (repair), DOCX, ODT, HTML."""

from pathlib import Path

import pytest

from innonlp.config import IngestConfig
from innonlp.errors import FileFailure, FileSkipped
from innonlp.ingest.documents import read_docx, read_html, read_odt
from innonlp.ingest.pdf import extract_pdf

from ..conftest import encrypt_pdf, make_docx, make_image_pdf, make_odt, make_pdf

CFG = IngestConfig()


def test_pdf_hyphenation_paragraphs_headers_and_page_numbers() -> None:
    page1 = [
        "Kommunen mener at arbeidet med innova-",
        "sjon i offentlig sektor må styrkes, og at",
        "finansierings- og forvaltningsmodeller må utvikles.",
        "",
        "Et nytt avsnitt begynner her og fortsetter",
        "over flere linjer uten noe brudd.",
    ]
    page2 = ["Andre side handler om digitalisering og deling av data mellom etater."]
    data = make_pdf([page1, page2], header="Nordvik kommune – høringssvar", page_numbers=True)
    pdf = extract_pdf(data, max_pages=100)
    assert pdf.n_pages == 2
    assert "innovasjon i offentlig sektor" in pdf.text
    assert "finansierings- og forvaltningsmodeller" in pdf.text
    paras = pdf.text.split("\n\n")
    assert paras[0].startswith("Kommunen mener") and paras[0].endswith("utvikles.")
    assert paras[1] == "Et nytt avsnitt begynner her og fortsetter over flere linjer uten noe brudd."
    assert "Side 1" not in pdf.text and "høringssvar" not in pdf.text
    assert any("Side" in r for r in pdf.removed_furniture)
    assert any("Nordvik kommune" in r for r in pdf.removed_furniture)
    # page 2 starts where its text starts
    assert pdf.text[pdf.page_starts[1]:].startswith("Andre side")


def test_pdf_keeps_norwegian_letters() -> None:
    pdf = extract_pdf(make_pdf([["Blåbærsyltetøy på Ærøy og i Øygarden."]]), max_pages=10)
    assert "Blåbærsyltetøy på Ærøy og i Øygarden." in pdf.text


def test_pdf_failures_have_reasons() -> None:
    good = make_pdf([["Litt tekst som er lang nok til å telle som et tekstlag i PDF-en."]])
    with pytest.raises(FileSkipped, match="empty"):
        extract_pdf(b"", 10)
    with pytest.raises(FileFailure, match="corrupt or truncated"):
        extract_pdf(good[: len(good) // 3], 10)
    with pytest.raises(FileFailure, match="encrypted PDF"):
        extract_pdf(encrypt_pdf(good), 10)
    with pytest.raises(FileFailure, match="no text layer .*OCR"):
        extract_pdf(make_image_pdf(), 10)
    with pytest.raises(FileFailure, match="not a PDF"):
        extract_pdf(b"PK\x03\x04 this is a zip", 10)
    many = make_pdf([["side"]] * 5)
    with pytest.raises(FileFailure, match="over the limit of 3 pages.*--max-pdf-pages"):
        extract_pdf(many, 3)


def test_docx_headings_tables_and_header_furniture() -> None:
    data = make_docx([("h1", "Høringssvar om skole"), ("p", "Første avsnitt med æøå."),
                      ("h2", "Økonomi"), ("p", "Andre avsnitt.")], header="Brevhode AS")
    text, info = read_docx(data, CFG)
    assert text.split("\n\n") == ["Høringssvar om skole", "Første avsnitt med æøå.",
                                  "Økonomi", "Andre avsnitt."]
    assert info["headings"] == 2
    assert info["page_furniture"] == ["Brevhode AS"]


def test_docx_that_is_not_a_docx() -> None:
    with pytest.raises(FileFailure, match="not a valid DOCX"):
        read_docx(b"This is plain text pretending to be a Word file.", CFG)


def test_odt() -> None:
    text, _ = read_odt(make_odt([("h1", "Innspel"), ("p", "Vi meiner at dette er bra.")]), CFG)
    assert text == "Innspel\n\nVi meiner at dette er bra."


def test_html_drops_scripts_navigation_and_keeps_blocks() -> None:
    page = ("<!DOCTYPE html><html><head><title>t</title><script>alert(1)</script></head>"
            "<body><nav>Meny</nav><h1>Innspill</h1><p>Første\nlinje fortsetter.</p>"
            "<p>Andre<br>linje</p><!-- kommentar --><footer>Bunn</footer></body></html>")
    text, info = read_html(page.encode("utf-8"), CFG)
    assert text == "Innspill\n\nFørste linje fortsetter.\n\nAndre\nlinje"
    assert info["title"] == "Innspill"


def test_sample_pdf_letters_read_cleanly() -> None:
    root = Path(__file__).resolve().parents[2] / "data" / "sample-consultation" / "innspill"
    for path in sorted((root / "brev").glob("*.pdf"))[:3]:
        pdf = extract_pdf(path.read_bytes(), 100)
        assert "Side 1" not in pdf.text
        assert "  " not in pdf.text
