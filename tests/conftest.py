"""Shared fixtures: real files made by the tests (PDF, DOCX, ODT), and paths to ../shared."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SAMPLE = REPO / "data" / "sample-consultation"


def shared_file(*parts: str) -> Path:
    """A file under ../shared/data, or skip the test when it is absent (a user's machine)."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/data is only on the developers' machines)")
    return path


def make_pdf(pages: list[list[str]], header: str | None = None, page_numbers: bool = False,
             font_size: int = 11) -> bytes:
    """A real text PDF: each page a list of lines drawn top-down (reportlab canvas)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for n, lines in enumerate(pages, start=1):
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(72, A4[1] - 40, header)
        if page_numbers:
            c.setFont("Helvetica", 8)
            c.drawString(A4[0] / 2, 30, f"Side {n} av {len(pages)}")
        c.setFont("Helvetica", font_size)
        y = A4[1] - 90
        for line in lines:
            if line:
                c.drawString(72, y, line)
                y -= font_size * 1.25
            else:
                y -= font_size * 1.6  # paragraph gap
        c.showPage()
    c.save()
    return buf.getvalue()


def make_image_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.rect(100, 100, 300, 400, fill=1)
    c.circle(300, 600, 50, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


def encrypt_pdf(data: bytes, password: str = "hemmelig") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=password + "x")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(paragraphs: list[tuple[str, str]], header: str | None = None) -> bytes:
    """paragraphs: (style, text) with style 'p' or 'h1'/'h2'."""
    import docx

    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    for style, text in paragraphs:
        if style.startswith("h"):
            d.add_heading(text, level=int(style[1:]))
        else:
            d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_odt(paragraphs: list[tuple[str, str]]) -> bytes:
    import odfdo

    doc = odfdo.Document("text")
    doc.body.clear()
    for style, text in paragraphs:
        if style.startswith("h"):
            doc.body.append(odfdo.Header(int(style[1:]), text))
        else:
            doc.body.append(odfdo.Paragraph(text))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


LETTER_NB = """Nordvik kommune
Rådhusgata 4
9990 Nordvik

Fornyingsdepartementet
Postboks 8004 Dep
0030 Oslo

Deres ref.: 25/1234
Vår ref.: 2025/77
Dato: 12.03.2025

Høringssvar – forslag til endringer i forvaltningsloven

Kommunen støtter forslaget om digital kommunikasjon som hovedregel. Vi mener likevel at innbyggere uten digital kompetanse må sikres et godt alternativ.

Kommunen ber departementet vurdere en lengre overgangsperiode for små kommuner.

Med vennlig hilsen

Kari Nordvik
Kommunedirektør
Nordvik kommune

Dokumentet er elektronisk godkjent og har derfor ingen håndskrevne signaturer.
Org.nr. 912 345 678 | Telefon 77 00 00 00 | postmottak@nordvik.kommune.no
"""

LETTER_NN = """Fjellheim kommune

Dykkar ref.: 25/99
Vår ref.: 25/12-3
Dato: 01.02.2025

Høyringsfråsegn – endringar i opplæringslova

Kommunen meiner at forslaget vil gi betre samanheng i opplæringa. Vi er likevel uroa over kostnadene for skulane i distrikta.

Med venleg helsing

Sigrid Haugen
Kommunalsjef
Fjellheim kommune

Dokumentet er elektronisk godkjent og har difor ikkje handskrivne signaturar.
"""


@pytest.fixture
def letter_nb() -> str:
    return LETTER_NB


@pytest.fixture
def letter_nn() -> str:
    return LETTER_NN


def shared_example(name: str) -> Path:
    """A file under ../shared/examples, or skip when it is absent."""
    path = REPO.parent / "shared" / "examples" / name
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only on the developers' machines)")
    return path


def sample_truth_ids(found: object) -> dict[str, str]:
    """Submission id → the sample's ground-truth id. Private persons get pseudonymous ids in
    every output; only ``source`` (in memory or in submissions.parquet) links them back: a
    file's path under innspill/ without its suffix, or for a web-form row the form's path and
    the row's id column. ``found``: a run folder or a list of submissions."""
    import json

    if isinstance(found, Path):
        import pandas as pd

        subs = pd.read_parquet(found / "submissions.parquet")
        rows = [(i, src, json.loads(m)) for i, src, m in
                zip(subs["id"], subs["source"], subs["meta"], strict=True)]
    else:
        rows = [(s.id, s.source, dict(s.meta)) for s in found]  # type: ignore[attr-defined]
    root = (SAMPLE / "innspill").resolve()
    out = {}
    for sid, source, meta in rows:
        if not sid.startswith("privatperson-"):
            out[sid] = sid
            continue
        path, _, row = source.partition("#row")
        rel = Path(path).resolve().relative_to(root).with_suffix("").as_posix()
        out[sid] = f"{rel}/{meta['id']}" if row else rel
    return out
