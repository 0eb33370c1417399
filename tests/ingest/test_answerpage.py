"""regjeringen.no answer pages: the header read, and ingest of .txt, .html, .jsonl and .pdf pages
(invented pages in the real layout)."""

import json
from pathlib import Path

from innonlp.config import IngestConfig
from innonlp.ingest import ingest
from innonlp.ingest.answerpage import (
    HEADER_KIND,
    parse_answer_page,
    sender_respondent,
    strip_answer_header,
)

from ..conftest import make_pdf

BODY = ("Fjordvik kommune støtter forslaget om felles regler for vannforsyning.\n\n"
        "Vi ber departementet sørge for en god overgangsordning for de minste verkene.")
PAGE = ("Forsiden\n\nHøringssvar fra Fjordvik kommune\n\nReferanse: 123456\n\n"
        "Dato: 14.02.2024\n\nSvartype: Med merknad\n\n" + BODY)
NN_PAGE = ("Høyringssvar frå Person som ikkje har oppgitt namn\n\nDato: 03.05.2023\n\n"
           "Eg går imot framlegget om å leggje ned skulen i bygda vår.")
CFG = IngestConfig(keep_personal_data=True)


def test_header_fields_and_body() -> None:
    page = parse_answer_page(PAGE)
    assert page is not None
    assert (page.sender, page.reference, page.date, page.svartype) == (
        "Fjordvik kommune", "123456", "14.02.2024", "Med merknad")
    assert page.body == BODY
    assert PAGE[page.body_start:] == BODY


def test_nynorsk_header_and_single_newlines() -> None:
    page = parse_answer_page(NN_PAGE)
    assert page is not None and page.sender.startswith("Person som ikkje")
    assert page.svartype is None and page.reference is None
    compact = "Høringssvar fra Ola Fjellstad\nDato: 01.02.2022\nSvartype: Uten merknad\nOk."
    got = parse_answer_page(compact)
    assert got is not None and got.svartype == "Uten merknad" and got.body == "Ok."


def test_extra_title_line_and_preamble() -> None:
    text = ("Høring NOU 2030: 1 Ny lov om havner\n\nHøringssvar fra Nesby kommune v/teknisk\n\n"
            "Høringsuttalelse fra Nesby kommune\n\nDato: 30.01.2031\nSvartype: Med merknad\n\n"
            "Kommunen er enig i hovedtrekkene i utvalgets forslag.")
    page = parse_answer_page(text)
    assert page is not None and page.sender == "Nesby kommune v/teknisk"
    assert page.body.startswith("Kommunen er enig")


def test_letters_are_no_answer_pages() -> None:
    letter = ("Høringssvar fra Nesby kommune – forslag til ny havnelov\n\n"
              "Kommunen viser til høringsbrevet og støtter forslaget.")
    assert parse_answer_page(letter) is None
    long_preamble = "\n".join(f"Meny {i}" for i in range(10)) + "\nHøringssvar fra X\nDato: 1.1.2020"
    assert parse_answer_page(long_preamble) is None
    assert parse_answer_page("Vi støtter forslaget.") is None


def test_strip_keeps_offsets_and_records_the_header() -> None:
    blanked, removed = strip_answer_header(PAGE)
    assert len(blanked) == len(PAGE) and blanked.strip() == BODY
    assert [r.kind for r in removed] == [HEADER_KIND] * 5
    for r in removed:
        assert PAGE[r.start:r.end] == r.text
    assert strip_answer_header(BODY) == (BODY, ())


def test_sender_to_respondent() -> None:
    assert sender_respondent("Person som ikke har oppgitt navn")[::2] == (
        "Person som ikke har oppgitt navn", "privatperson")
    sub, org, rtype, _ = sender_respondent("Kari Fjellstad")
    assert (sub, org, rtype) == ("Kari Fjellstad", None, "privatperson")
    sub, org, rtype, _ = sender_respondent("Fjordvik kommune")
    assert (sub, org, rtype) == (None, "Fjordvik kommune", "kommune")


def _one(path: Path):
    res = ingest([path], CFG)
    assert len(res.submissions) == 1, [e.to_dict() for e in res.entries]
    return res.submissions[0]


def _check_org_page(sub) -> None:
    assert sub.organisation == "Fjordvik kommune" and sub.respondent_type == "kommune"
    assert sub.date == "14.02.2024"
    meta = dict(sub.meta)
    assert meta["reference"] == "123456" and meta["svartype"] == "Med merknad"
    assert meta["answer_page"] == "regjeringen.no"
    assert sub.text.startswith("Fjordvik kommune støtter forslaget")
    assert "Svartype" not in sub.text and "Høringssvar fra" not in sub.text


def test_ingest_txt_page(tmp_path: Path) -> None:
    (tmp_path / "svar.txt").write_text(PAGE, encoding="utf-8")
    sub = _one(tmp_path / "svar.txt")
    _check_org_page(sub)
    kinds = [r.kind for r in sub.parts[0].removed]
    assert kinds.count(HEADER_KIND) == 5


def test_ingest_saved_html_page(tmp_path: Path) -> None:
    paras = "".join(f"<p>{p}</p>" for p in PAGE.split("\n\n")[1:])
    html = ("<html><head><title>Høringssvar</title></head><body><nav>Meny Søk</nav>"
            f"<main><p>Forsiden</p>{paras}</main><footer>Kontakt oss</footer></body></html>")
    (tmp_path / "svar.html").write_text(html, encoding="utf-8")
    _check_org_page(_one(tmp_path / "svar.html"))


def test_ingest_jsonl_export_of_pages(tmp_path: Path) -> None:
    rows = [{"id": "a1", "page_text": PAGE}, {"id": "a2", "page_text": NN_PAGE}]
    path = tmp_path / "svar.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    res = ingest([path], CFG)
    first, second = res.submissions
    _check_org_page(first)
    assert second.submitter.startswith("Person som ikkje") and second.organisation is None
    assert second.respondent_type == "privatperson" and second.date == "03.05.2023"
    assert second.text.startswith("Eg går imot framlegget")


def test_ingest_jsonl_with_sender_field(tmp_path: Path) -> None:
    row = {"id": "b1", "sender": "Person som ikke har oppgitt navn", "date": "01.03.2022",
           "svartype": "Uten merknad", "text": "Vi har ingen merknader til høringen."}
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    sub = _one(path)
    assert sub.submitter == "Person som ikke har oppgitt navn"
    assert sub.respondent_type == "privatperson"
    assert dict(sub.meta)["svartype"] == "Uten merknad" and sub.date == "01.03.2022"


def test_ingest_pdf_page_with_header(tmp_path: Path) -> None:
    lines = ["Høringssvar fra Kari Fjellstad", "Dato: 02.02.2022", "",
             "Jeg går imot forslaget om nye bompenger i sentrum av byen."]
    (tmp_path / "svar.pdf").write_bytes(make_pdf([lines]))
    sub = _one(tmp_path / "svar.pdf")
    assert sub.submitter == "Kari Fjellstad" and sub.respondent_type == "privatperson"
    assert sub.date == "02.02.2022" and sub.text.startswith("Jeg går imot")


def test_plain_letters_unchanged(tmp_path: Path) -> None:
    (tmp_path / "brev.txt").write_text("Vi støtter forslaget om flere sykkelveier i byen.",
                                       encoding="utf-8")
    sub = _one(tmp_path / "brev.txt")
    assert "answer_page" not in dict(sub.meta) and sub.organisation is None
