"""Bad input the foundation must survive: each case with its expected outcome and reason."""

import io
import zipfile
from pathlib import Path

import pytest

from innonlp import IngestConfig, StrictModeError, ingest

from ..conftest import encrypt_pdf, make_image_pdf, make_pdf

GOOD = "Vi støtter forslaget om flere sykkelveier i sentrum av byen vår."


def _one(tmp_path: Path, name: str, data: bytes, cfg: IngestConfig | None = None):  # noqa: ANN202
    p = tmp_path / name
    p.write_bytes(data)
    res = ingest([p], cfg)
    assert res.counts()["inputs"] == 1
    return res.entries[0]


@pytest.mark.parametrize(
    ("name", "data", "status", "reason"),
    [
        ("tom.txt", b"", "skipped", "empty file (0 bytes)"),
        ("blank.txt", b"  \n\n\t ", "skipped", "empty file (no text)"),
        ("null.pdf", b"", "skipped", "empty file (0 bytes)"),
        ("lure.docx", b"Dette er ikke et Word-dokument.", "failed", "not a valid DOCX"),
        ("junk.txt", bytes(range(256)) * 50, "skipped", "binary content"),
        ("bilde.png", b"\x89PNG\r\n\x1a\nxxxx", "skipped", "image file (.png)"),
        ("program.exe", b"MZ\x90\x00", "skipped", "unsupported file type '.exe'"),
        ("gammel.doc", b"\xd0\xcf\x11\xe0", "skipped", "legacy Word .doc"),
    ],
)
def test_simple_bad_files(tmp_path: Path, name: str, data: bytes, status: str,
                          reason: str) -> None:
    entry = _one(tmp_path, name, data)
    assert entry.status == status
    assert reason in entry.reason


def test_truncated_encrypted_and_image_only_pdfs(tmp_path: Path) -> None:
    good = make_pdf([[GOOD, GOOD]])
    assert "corrupt or truncated PDF" in _one(tmp_path, "a.pdf", good[:400]).reason
    assert "encrypted PDF" in _one(tmp_path, "b.pdf", encrypt_pdf(good)).reason
    e = _one(tmp_path, "c.pdf", make_image_pdf())
    assert e.status == "failed"
    assert e.reason == "PDF has no text layer (scanned?) — run OCR first"


def test_cp1252_file(tmp_path: Path) -> None:
    p = tmp_path / "brev.txt"
    p.write_bytes("Vi ønsker bedre kollektivtilbud på Ørsta og Ålesund.".encode("cp1252"))
    res = ingest([p])
    assert res.submissions[0].text == "Vi ønsker bedre kollektivtilbud på Ørsta og Ålesund."
    assert res.entries[0].encoding == "cp1252"


def test_csv_ragged_and_missing_column(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("tekst\nen fin tekst her\n\"to\",\"tre\"\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("navn,dato\nKari,2025\n", encoding="utf-8")
    res = ingest([tmp_path])
    reasons = {e.input.split("/")[-1]: (e.status, e.reason) for e in res.entries}
    assert reasons["a.csv#row3"][0] == "failed" and "ragged" in reasons["a.csv#row3"][1]
    assert reasons["b.csv"][0] == "failed" and "no text column" in reasons["b.csv"][1]
    assert reasons["a.csv#row2"][0] == "processed"


def test_zip_with_path_traversal_writes_nothing_outside(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("../../utenfor.txt", "Ondsinnet innhold som prøver å skrive utenfor.")
        zf.writestr("/etc/absolutt.txt", "Absolutt sti i arkivet.")
        zf.writestr("innspill/ok.txt", GOOD)
        zf.writestr("innspill/bilde.jpg", b"\xff\xd8\xff")
    inp = tmp_path / "inn"
    inp.mkdir()
    (inp / "dump.zip").write_bytes(buf.getvalue())
    before = set(tmp_path.rglob("*"))
    res = ingest([inp])
    assert set(tmp_path.rglob("*")) == before  # nothing extracted anywhere
    by_name = {e.input.split("::")[1]: e for e in res.entries}
    assert by_name["../../utenfor.txt"].status == "skipped"
    assert "path traversal" in by_name["../../utenfor.txt"].reason
    assert "absolute path" in by_name["/etc/absolutt.txt"].reason
    assert by_name["innspill/ok.txt"].status == "processed"
    assert by_name["innspill/bilde.jpg"].status == "skipped"
    assert [s.id for s in res.submissions] == ["dump/innspill/ok"]


def test_corrupt_zip(tmp_path: Path) -> None:
    e = _one(tmp_path, "x.zip", b"PK\x03\x04broken")
    assert e.status == "failed" and "not a valid zip" in e.reason


def test_file_over_the_size_limit_names_limit_and_flag(tmp_path: Path) -> None:
    cfg = IngestConfig(max_file_size=1000)
    e = _one(tmp_path, "stor.txt", (GOOD + "\n").encode() * 100, cfg)
    assert e.status == "failed"
    assert "over the 1 KB size limit" in e.reason
    assert "--max-file-size" in e.reason


def test_folder_with_images_and_binaries(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / "noext").write_bytes(b"abc")
    res = ingest([tmp_path])
    c = res.counts()
    assert c == {"inputs": 5, "processed": 1, "skipped": 4, "failed": 0}
    assert all(e.reason for e in res.entries if e.status != "processed")


def test_symlink_outside_the_input_folder_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("Dette skal ikke leses av innonlp i det hele tatt.", encoding="utf-8")
    inp = tmp_path / "inn"
    inp.mkdir()
    (inp / "lenke.txt").symlink_to(secret)
    res = ingest([inp])
    assert res.entries[0].status == "skipped"
    assert "outside the input folder" in res.entries[0].reason
    assert res.submissions == []


def test_one_bad_file_does_not_lose_the_others_and_strict_stops(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "2.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "3.txt").write_text(GOOD + " Og mer.", encoding="utf-8")
    res = ingest([tmp_path])
    assert [e.status for e in res.entries] == ["processed", "failed", "processed"]
    with pytest.raises(StrictModeError, match="2.pdf"):
        ingest([tmp_path], strict=True)


def test_missing_input_path(tmp_path: Path) -> None:
    res = ingest([tmp_path / "finnes-ikke"])
    assert res.entries[0].status == "failed"
    assert res.entries[0].reason == "input path does not exist"


def test_letter_that_is_only_furniture(tmp_path: Path) -> None:
    e = _one(tmp_path, "x.txt", "Med vennlig hilsen\n\nKari Nordmann\nRådgiver\n".encode())
    assert e.status == "skipped"
    assert e.reason == "empty after removing letterhead and signature"
