"""Personal data: detection, validation and masking, and masking in a real run."""

import json
from pathlib import Path

import pandas as pd
import pytest

from innonlp.config import IngestConfig
from innonlp.ingest import ingest
from innonlp.privacy.pii import find_personal_data, identity_kind, kinds_for, mask, shift
from innonlp.run.pipeline import analyze


def _with_control_digits(base9: str) -> str:
    n = [int(c) for c in base9]
    k1 = 11 - sum(w * x for w, x in zip((3, 7, 6, 1, 8, 9, 4, 5, 2), n, strict=True)) % 11
    k1 = 0 if k1 == 11 else k1
    k2 = 11 - sum(w * x for w, x in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), n + [k1],
                                        strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    assert k1 < 10 and k2 < 10
    return base9 + str(k1) + str(k2)


FNR = _with_control_digits("010190124")
DNR = _with_control_digits("410190123")


def test_identity_numbers_are_validated() -> None:
    assert identity_kind(FNR) == "fodselsnummer"
    assert identity_kind(DNR) == "d_nummer"
    wrong = FNR[:-1] + str((int(FNR[-1]) + 1) % 10)
    assert identity_kind(wrong) is None              # control digit off
    assert identity_kind("31029012345") is None      # 31 February
    assert identity_kind("1234567890") is None


@pytest.mark.parametrize("text,kind", [
    (f"Mitt fødselsnummer er {FNR}.", "fodselsnummer"),
    (f"Fnr. {FNR[:6]} {FNR[6:]}", "fodselsnummer"),
    (f"D-nummer {DNR}", "d_nummer"),
    ("Ring meg på 912 34 567.", "telefon"),
    ("Tlf: +47 22 33 44 55", "telefon"),
    ("mobil 91234567, kveld", "telefon"),
    ("Tlf. 9123 4567", "telefon"),
    ("Skriv til ola.nordmann+hoering@eksempel.no i dag", "epost"),
    ("Jeg bor i Kirkeveien 12B, 0368 Oslo.", "adresse"),
    ("Adresse: Kongens gate 3", "adresse"),
])
def test_personal_data_is_found(text: str, kind: str) -> None:
    assert [s.kind for s in find_personal_data(text)] == [kind]


@pytest.mark.parametrize("text", [
    "Budsjettet er 12 345 678 kroner.", "Perioden 2024-2025.", "Org.nr. 974 760 673",
    "Saksnummer 2023/4567", "Kontonummer 1234.56.78901", "Det gjelder 40 000 innbyggere.",
    "Kapittel 12345678901 i boka",  # 11 digits that are no valid identity number
    "Vi viser til veien videre.",
])
def test_not_personal_data(text: str) -> None:
    assert find_personal_data(text) == []


def test_mask_counts_and_offsets() -> None:
    text = f"Hei. Fnr {FNR}, tlf 912 34 567. Takk for meg."
    masked, counts, edits = mask(text)
    assert masked == "Hei. Fnr [fødselsnummer], tlf [telefon]. Takk for meg."
    assert counts == {"fodselsnummer": 1, "telefon": 1}
    takk = text.index("Takk")
    assert masked[shift(takk, edits):].startswith("Takk")
    assert shift(0, edits) == 0


def test_organisations_keep_public_contact_details() -> None:
    assert kinds_for("kommune") == ("fodselsnummer", "d_nummer")
    assert set(kinds_for("privatperson")) >= {"telefon", "epost", "adresse"}
    assert set(kinds_for(None)) >= {"telefon", "epost", "adresse"}


def _inputs(tmp_path: Path) -> Path:
    d = tmp_path / "innspill"
    d.mkdir()
    (d / "privat.txt").write_text(
        "Hei!\n\nJeg mener kommunen må satse mer på digitale tjenester for eldre. Mitt "
        f"fødselsnummer er {FNR} og jeg bor i Kirkeveien 12B, 0368 Oslo. Ring meg gjerne på "
        "912 34 567 eller skriv til kari.nordmann@eksempel.no.\n\nHilsen Kari Nordmann\n",
        encoding="utf-8")
    (d / "kommune.txt").write_text(
        "Fjellvik kommune\n\nVi ber om bedre digitale tjenester. Kontakt servicetorget på "
        "telefon 22 33 44 55 eller post@fjellvik.kommune.no. En innbygger oppga "
        f"fødselsnummer {DNR} i sin henvendelse.\n\nMed vennlig hilsen\nFjellvik kommune\n",
        encoding="utf-8")
    return d


def test_ingest_masks_by_default_and_keeps_on_request(tmp_path: Path) -> None:
    d = _inputs(tmp_path)
    res = ingest([d])
    text = {s.source: s.text for s in res.submissions}
    priv = next(v for k, v in text.items() if k.endswith("privat.txt"))
    kom = next(v for k, v in text.items() if k.endswith("kommune.txt"))
    assert FNR not in priv and "912 34 567" not in priv and "@eksempel.no" not in priv
    assert "[fødselsnummer]" in priv and "[adresse]" in priv and "[e-post]" in priv
    assert "22 33 44 55" in kom and "post@fjellvik.kommune.no" in kom  # public contact
    assert DNR not in kom and "[d-nummer]" in kom
    assert all(FNR not in s.text for s in res.segments)
    assert res.personal_data["counts"] == {"adresse": 1, "d_nummer": 1, "epost": 1,
                                           "fodselsnummer": 1, "pseudonymous_ids": 1,
                                           "telefon": 1}
    kept = ingest([d], IngestConfig(keep_personal_data=True))
    assert any(FNR in s.text for s in kept.submissions)
    assert kept.personal_data == {"masked": False, "counts": {}}


def test_masking_in_worker_processes_equals_one_process(tmp_path: Path) -> None:
    from innonlp.parallel import ExecutionPolicy

    d = _inputs(tmp_path)
    one = ingest([d])
    many = ingest([d], policy=ExecutionPolicy(jobs=2, min_items=0, max_chunk=1))
    assert many.submissions == one.submissions
    assert many.personal_data == one.personal_data and one.personal_data["counts"]


def test_nothing_personal_reaches_the_exports(tmp_path: Path) -> None:
    d = _inputs(tmp_path)
    for i in range(6):  # enough text for themes
        (d / f"ekstra{i}.txt").write_text(
            f"Digitale tjenester for eldre må bli enklere, skriver innbygger nummer {i}. "
            "Kommunen bør gi opplæring i digitale tjenester.\n", encoding="utf-8")
    out = tmp_path / "run"
    analyze([d], out)
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["personal_data"]["masked"] is True
    assert m["personal_data"]["counts"]["fodselsnummer"] == 1
    for name in ("segments.parquet", "submissions.parquet"):
        frame = pd.read_parquet(out / name)
        blob = frame.astype(str).to_csv()
        assert FNR not in blob and "912 34 567" not in blob and "kari.nordmann@" not in blob
    for name in ("themes.json", "report.md", "report.html", "themes.csv"):
        if (out / name).exists():
            blob = (out / name).read_text(encoding="utf-8")
            assert FNR not in blob and "kari.nordmann@" not in blob, name


@pytest.mark.parametrize("spelled", ["ola.n (at) eksempel.no", "ola.n[ AT ]eksempel.no",
                                     "ola.n {Krøllalfa} eksempel punktum no",
                                     "ola.n < at > eksempel.no"])
def test_bracketed_at_is_found_behind_the_cheap_first_test(spelled: str) -> None:
    text = f"Skriv til {spelled} i morgen."
    spans = find_personal_data(text)
    assert [s.kind for s in spans] == ["epost"]
    assert text[spans[0].start:spans[0].end].startswith("ola.n")


def test_brackets_without_a_spelled_at_are_left_alone() -> None:
    assert find_personal_data("Dette (at alle må svare) er [atskilt] fra resten.") == []
