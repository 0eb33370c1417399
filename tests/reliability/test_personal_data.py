"""Personal data in all spellings and all places: identity numbers with any separator,
e-mail addresses spelled out, in text, subject lines, file names (the id is then
pseudonymous), table columns and document metadata — and none of it in any output of a
full run."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from innonlp import IngestConfig, ingest
from innonlp.privacy.names import Pseudonyms, mask_name
from innonlp.privacy.pii import find_personal_data, kinds_for, mask

from .conftest import DNR, EMAIL_USER, FNR, FNR2, IN_NAME, identity, output_texts

CFG = IngestConfig(detect_campaigns=False)
LETTER = ("Jeg mener kommunen må bygge flere sykkelveier og gjøre skoleveien trygg for "
          "barna i bygda vår. ")


def _forms(n: str) -> dict[str, str]:
    return {"no separator": n, "space": f"{n[:6]} {n[6:]}", "no-break space": f"{n[:6]}\u00a0{n[6:]}",
            "narrow no-break space": f"{n[:6]}\u202f{n[6:]}", "hyphen": f"{n[:6]}-{n[6:]}",
            "dot": f"{n[:6]}.{n[6:]}", "en dash": f"{n[:6]}\u2013{n[6:]}",
            "grouped 6+3+2": f"{n[:6]} {n[6:9]} {n[9:]}",
            "dotted date": f"{n[:2]}.{n[2:4]}.{n[4:6]} {n[6:]}",
            "spaced date": f"{n[:2]} {n[2:4]} {n[4:6]} {n[6:]}"}


IDENTITY_CASES = [(kind, form, text) for kind, n in (("fodselsnummer", FNR),
                                                     ("d_nummer", DNR))
                  for form, text in _forms(n).items()]


@pytest.mark.parametrize("kind,form,written", IDENTITY_CASES,
                         ids=[f"{k}-{f}" for k, f, _ in IDENTITY_CASES])
def test_identity_numbers_with_any_separator(kind: str, form: str, written: str) -> None:
    text = f"Mitt nummer er {written}, takk."
    assert [s.kind for s in find_personal_data(text)] == [kind]
    masked, _, _ = mask(text)
    assert re.sub(r"\D", "", masked) == ""  # no digit of it is left


@pytest.mark.parametrize("form", sorted(_forms(FNR)))
def test_a_wrong_control_digit_is_left_alone_in_every_spelling(form: str) -> None:
    wrong = FNR[:-1] + str((int(FNR[-1]) + 1) % 10)
    assert find_personal_data(f"Nummer {_forms(wrong)[form]}.") == []


@pytest.mark.parametrize("text", [
    "Budsjettet er 12 345 678 901 kroner.", "Kontonummer 1234.56.78901",
    "Org.nr. 974 760 673", "Perioden 2024-2025 og 2025–2026.", "Tallet 3,14159265358.",
    "Saksnummer 21/01234-5", "Vi mener at regjeringen.no bør svare på dette.",
    "Jeg tror at kommunen.no er best.", "jf. bokstav (a) i.no-forskriften",
    "Han sa at (se vedlegg) det var greit.", "se www.regjeringen.no for mer",
])
def test_look_alikes_are_left_alone(text: str) -> None:
    assert find_personal_data(text) == []


EMAIL_SPELLINGS = [
    f"{EMAIL_USER}@eksempel.no", f"{EMAIL_USER}(at)eksempel.no", f"{EMAIL_USER}[at]eksempel.no",
    f"{EMAIL_USER} (at) eksempel.no", f"{EMAIL_USER} [at] eksempel [dot] no",
    f"{EMAIL_USER}{{at}}eksempel.no", f"{EMAIL_USER} (krøllalfa) eksempel.no",
    f"{EMAIL_USER}(AT)EKSEMPEL(DOT)NO", f"{EMAIL_USER} at eksempel.no",
    "kari at gmail.com", "kari at eksempel dot no", "kari at eksempel punktum no",
]


@pytest.mark.parametrize("written", EMAIL_SPELLINGS)
def test_email_in_every_spelling_for_private_persons(written: str) -> None:
    text = f"Skriv til {written} om dette."
    masked, counts, _ = mask(text, kinds_for("privatperson"))
    assert masked == "Skriv til [e-post] om dette.", masked
    assert counts == {"epost": 1}
    # an organisation's public address stays
    assert mask(text, kinds_for("kommune"))[0] == text


# --- where it can stand --------------------------------------------------------------

def _all_text(res: object) -> str:
    subs = res.submissions  # type: ignore[attr-defined]
    entries = res.entries + res.containers  # type: ignore[attr-defined]
    parts = [f"{s.id} {s.source} {s.title} {s.submitter} {s.organisation} {s.date} "
             f"{s.meta} {s.text} {[p.raw_text for p in s.parts]} "
             f"{[r.text for p in s.parts for r in p.removed]}" for s in subs]
    parts += [f"{e.input} {e.reason} {e.submission_ids} {e.details}" for e in entries]
    parts += [f"{g.id} {g.text}" for g in res.segments]  # type: ignore[attr-defined]
    return " ".join(parts)


def _leaks(text: str, *numbers: str) -> list[str]:
    flat = re.sub(r"[\s\u00a0\u202f.\-–]", "", text)
    return [n for n in numbers if n in flat]


def test_in_a_subject_line(tmp_path: Path) -> None:
    (tmp_path / "brev.txt").write_text(
        f"Oslo kommune\nPostboks 1\n\nSak: Søknad for fnr {FNR[:6]} {FNR[6:]}\n\n"
        f"Hei,\n\n{LETTER}\n\nMed vennlig hilsen\nfor Oslo kommune\nKari Nordmann\n"
        "rådgiver\n", encoding="utf-8")
    res = ingest([tmp_path], CFG)
    assert _leaks(_all_text(res), FNR) == []


def test_in_title_sender_and_organisation_fields() -> None:
    from innonlp.privacy.ingest import mask_submissions
    from innonlp.types import Part, Submission

    sub = Submission(id="x", source="x.txt", parts=(Part(LETTER),),
                     submitter=f"Kari {FNR}", organisation=f"Lag {DNR[:6]}-{DNR[6:]}",
                     title=f"Sak: søknad {FNR2[:6]}\u00a0{FNR2[6:]}",
                     respondent_type="organisasjon")
    (masked,), _ = mask_submissions([sub])
    assert masked.title == "Sak: søknad [fødselsnummer]"
    assert masked.submitter == "Kari [fødselsnummer]"
    assert masked.organisation == "Lag [d-nummer]"


@pytest.mark.parametrize("name", [f"{IN_NAME}.txt", f"svar-{IN_NAME}.txt",
                                  f"{IN_NAME[:6]} {IN_NAME[6:]} brev.txt",
                                  f"{EMAIL_USER}@eksempel.no.txt", "mappe/{n}.txt"])
def test_in_a_file_name_the_id_is_pseudonymous(tmp_path: Path, name: str) -> None:
    path = tmp_path / name.replace("{n}", IN_NAME)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(LETTER, encoding="utf-8")
    res = ingest([tmp_path], CFG)
    (sub,) = res.submissions
    assert re.search(r"(fnr|epost)-\d{3}", sub.id), sub.id
    assert _leaks(_all_text(res), IN_NAME) == [] and EMAIL_USER not in _all_text(res)
    assert res.entries[0].input.endswith(".txt")
    kept = ingest([tmp_path], IngestConfig(detect_campaigns=False, keep_personal_data=True))
    assert kept.entries[0].input == str(path)


def test_an_archive_member_name(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "dump.zip", "w") as z:
        z.writestr(f"svar/{IN_NAME}.txt", LETTER)
    res = ingest([tmp_path], CFG)
    assert _leaks(_all_text(res), IN_NAME) == []


def test_pseudonyms_are_stable_and_never_the_number() -> None:
    p = Pseudonyms()
    a, b = p.id(f"x/{FNR}"), p.id(f"y/{FNR2}")
    assert (a, b) == ("x/fnr-001", "y/fnr-002") and p.id(f"z/{FNR}") == "z/fnr-001"
    assert mask_name(f"a/{FNR[:6]}-{FNR[6:]}.pdf") == "a/[fødselsnummer].pdf"


def test_in_web_form_columns(tmp_path: Path) -> None:
    (tmp_path / "skjema.csv").write_text(
        "id;navn;organisasjon;telefon_fnr;tekst\n"
        f"{FNR};Kari Nordmann {FNR2};Lag {DNR[:6]} {DNR[6:]};{FNR2};{LETTER}\n",
        encoding="utf-8")
    res = ingest([tmp_path], CFG)
    assert len(res.submissions) == 1
    assert _leaks(_all_text(res), FNR, FNR2, DNR) == []


def test_in_xlsx_and_json_columns(tmp_path: Path) -> None:
    import json

    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["navn", "tekst"])
    wb.active.append([f"Kari {FNR[:6]}\u00a0{FNR[6:]}", LETTER])
    buf = io.BytesIO()
    wb.save(buf)
    (tmp_path / "skjema.xlsx").write_bytes(buf.getvalue())
    (tmp_path / "svar.jsonl").write_text(json.dumps(
        {"tekst": LETTER, "avsender": f"Per ({DNR})", "ekstra": f"{FNR2}"}) + "\n",
        encoding="utf-8")
    res = ingest([tmp_path], CFG)
    assert len(res.submissions) == 2
    assert _leaks(_all_text(res), FNR, FNR2, DNR) == []


def test_docx_core_properties_are_not_read(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph(LETTER)
    d.core_properties.author = f"Ola {FNR}"
    d.core_properties.title = f"Søknad {FNR2}"
    d.core_properties.comments = f"{EMAIL_USER}@eksempel.no"
    buf = io.BytesIO()
    d.save(buf)
    (tmp_path / "brev.docx").write_bytes(buf.getvalue())
    res = ingest([tmp_path], CFG)
    assert len(res.submissions) == 1
    text = _all_text(res)
    assert _leaks(text, FNR, FNR2) == [] and EMAIL_USER not in text


def test_pdf_metadata_is_not_read(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.setAuthor(f"Ola {FNR}")
    c.setTitle(f"Søknad {FNR2}")
    c.drawString(72, 700, LETTER[:80])
    c.showPage()
    c.save()
    (tmp_path / "brev.pdf").write_bytes(buf.getvalue())
    res = ingest([tmp_path], CFG)
    assert len(res.submissions) == 1 and _leaks(_all_text(res), FNR, FNR2) == []


def test_in_html_title_and_heading(tmp_path: Path) -> None:
    (tmp_path / "svar.html").write_text(
        f"<html><head><title>{FNR}</title></head><body><h1>Svar fra {FNR2[:6]} "
        f"{FNR2[6:]}</h1><p>{LETTER}</p></body></html>", encoding="utf-8")
    res = ingest([tmp_path], CFG)
    assert _leaks(_all_text(res), FNR, FNR2) == []


# --- a full run ----------------------------------------------------------------------

def test_no_output_of_a_full_run_holds_any_of_it(hostile_run: Path) -> None:
    other = identity("311299127")
    for name, text in output_texts(hostile_run).items():
        assert _leaks(text, FNR, FNR2, DNR, IN_NAME) == [], name
        assert f"{EMAIL_USER}(at)" not in text and f"{EMAIL_USER} [at]" not in text, name
        assert f"{EMAIL_USER}@" not in text, name
    assert other  # the helper makes valid numbers for other dates too
