"""Reading a human summary and splitting it into themes and framing."""

from pathlib import Path

import pytest

from innonlp.compare.summary import is_framing, read_summary
from innonlp.errors import InputError

from ..conftest import SAMPLE, shared_example


def _kinds(sections):
    return [s.kind for s in sections]


def test_example_summary_has_three_headed_themes_and_framing() -> None:
    sections = read_summary(shared_example("dialogsamling-innovasjon-oppsummering.txt"))
    themes = [s for s in sections if s.kind == "theme"]
    assert len(themes) == 3
    assert themes[0].title.startswith("Offentlig sektor kan ikke løse utfordringene alene")
    assert themes[1].title.startswith("Det er et uutnyttet handlingsrom")
    assert themes[2].title.startswith("Organisasjonens evne")
    assert _kinds(sections)[:2] == ["framing", "framing"]  # who met, who welcomed
    assert _kinds(sections)[-1] == "framing"               # where to read more


def test_markdown_summary_of_the_sample() -> None:
    sections = read_summary(SAMPLE / "oppsummering.md")
    themes = [s for s in sections if s.kind == "theme"]
    assert [t.title for t in themes][:2] == ["Samarbeid med innbyggere, næringsliv og "
                                             "frivillig sektor", "Digitalisering og deling av data"]
    assert len(themes) == 8
    assert sections[0].kind == "framing" and sections[-1].kind == "framing"
    assert "takker for alle innspillene" in sections[-1].text


def test_numbered_headings_in_plain_text(tmp_path: Path) -> None:
    p = tmp_path / "s.txt"
    p.write_text("1. Finansiering\n\nMange ber om mer penger til drift av tiltakene.\n\n"
                 "2. Regelverk\n\nFlere mener regelverket er for strengt. Det hindrer forsøk.\n",
                 encoding="utf-8")
    themes = [s for s in read_summary(p) if s.kind == "theme"]
    assert [t.title for t in themes] == ["1. Finansiering", "2. Regelverk"]
    assert themes[1].text.startswith("Flere mener")


def test_docx_heading_styles_and_bold_paragraphs(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("Oppsummering av innspill", level=1)
    d.add_paragraph("Vi mottok 40 innspill. Nedenfor oppsummerer vi hovedtrekkene.")
    d.add_heading("Skolevei og trafikk", level=2)
    d.add_paragraph("Mange foreldre ber om trygg skolevei og lavere fart forbi skolen.")
    bold = d.add_paragraph()
    bold.add_run("Helsetilbud i distriktet").bold = True
    d.add_paragraph("Flere ønsker legevakt nærmere der folk bor, og kortere ventetid.")
    p = tmp_path / "s.docx"
    d.save(str(p))
    sections = read_summary(p)
    themes = [s for s in sections if s.kind == "theme"]
    assert [t.title for t in themes] == ["Skolevei og trafikk", "Helsetilbud i distriktet"]
    assert sections[0].kind == "framing"


def test_without_headings_paragraphs_are_themes(tmp_path: Path) -> None:
    p = tmp_path / "s.txt"
    p.write_text("Mange ber om trygg skolevei og lavere fart forbi skolen.\n\n"
                 "Flere ønsker legevakt nærmere der folk bor.\n\n"
                 "Les mer på nettsidene våre.\n", encoding="utf-8")
    sections = read_summary(p)
    assert _kinds(sections) == ["theme", "theme", "framing"]


def test_framing_patterns_and_errors(tmp_path: Path) -> None:
    assert is_framing("Her kan du lese en rapport fra møtet.")
    assert is_framing("Departementet takker for alle innspillene.")
    assert not is_framing("Mange mener at regelverket hindrer forsøk i kommunene.")
    only = tmp_path / "only.txt"
    only.write_text("Her kan du lese mer på nettsidene våre.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no themes"):
        read_summary(only)
    with pytest.raises(InputError, match="does not exist"):
        read_summary(tmp_path / "missing.md")
    odd = tmp_path / "s.rtf"
    odd.write_bytes(b"{\\rtf1}")
    with pytest.raises(InputError, match="unsupported format"):
        read_summary(odd)


def test_pdf_summary_is_read_into_its_themes(tmp_path: Path) -> None:
    """A real PDF summary (reportlab): headed paragraphs become themes (issue 17: every PDF
    summary used to fail with 'not a readable PDF')."""
    from ..conftest import make_pdf

    pdf = tmp_path / "oppsummering.pdf"
    pdf.write_bytes(make_pdf([[
        "Oppsummering av innspillene", "",
        "Samarbeid med frivillig sektor", "",
        "Mange innspill ber om faste arenaer der kommunen og frivillige lag",
        "møtes jevnlig, og om at frivilligheten blir tatt med tidlig i arbeidet",
        "med nye tjenester.", "",
        "Innovative anskaffelser", "",
        "Flere peker på at dialog med leverandører før utlysning gir bedre",
        "løsninger, og at innkjøperne trenger mer kunnskap om hvordan det gjøres.",
    ]]))
    sections = read_summary(pdf)
    themes = [s for s in sections if s.kind == "theme"]
    assert [t.title for t in themes] == ["Samarbeid med frivillig sektor",
                                         "Innovative anskaffelser"]
    assert "frivillige lag" in themes[0].text


def test_a_damaged_pdf_summary_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "oppsummering.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    with pytest.raises(InputError, match="not a readable PDF"):
        read_summary(bad)
