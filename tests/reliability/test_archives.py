"""Archives: damaged zip members fail alone, and .gz files and zip members are held to the
size limits whatever their headers say (real zip and gzip bytes made by the test)."""

from __future__ import annotations

import gzip
import io
import json
import struct
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from innonlp import IngestConfig, ingest
from innonlp.cli import app
from innonlp.config import load_config
from innonlp.errors import ConfigError

TEXTS = {
    "a.txt": "Vi ønsker flere sykkelveier og bedre kollektivtilbud i kommunen vår. " * 3,
    "b.txt": "Skolen trenger nye lokaler og flere lærere i årene som kommer nå. " * 3,
    "c.txt": "Bussen går for sjelden om kvelden og i helgene i hele fylket vårt. " * 3,
}
CFG = IngestConfig(detect_campaigns=False)


def _zip(texts: dict[str, str] = TEXTS) -> bytearray:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in texts.items():
            z.writestr(name, text)
    return bytearray(buf.getvalue())


def _central(data: bytearray, n: int) -> int:
    """Offset of the n-th central directory record."""
    at = -1
    for _ in range(n + 1):
        at = data.find(b"PK\x01\x02", at + 1)
    return at


def _bad_crc(data: bytearray, n: int) -> bytearray:
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[n]
    bad = struct.pack("<I", info.CRC ^ 0xFFFF)
    data[info.header_offset + 14:info.header_offset + 18] = bad
    cd = _central(data, n)
    data[cd + 16:cd + 20] = bad
    return data


def _lying_size(data: bytearray, n: int, size: int) -> bytearray:
    cd = _central(data, n)
    data[cd + 24:cd + 28] = struct.pack("<I", size)
    return data


def _truncated_member(data: bytearray, n: int) -> bytearray:
    """The member's compressed size says more than its deflate stream holds."""
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[n]
    start = info.header_offset + 30 + len(info.filename)
    data[start + 2:start + info.compress_size] = b"\x00" * (info.compress_size - 2)
    return data


DAMAGE = {
    "bad CRC-32": lambda d: _bad_crc(d, 1),
    "size header smaller than the data": lambda d: _lying_size(d, 1, 10),
    "size header larger than the data": lambda d: _lying_size(d, 1, 10_000),
    "garbled deflate stream": lambda d: _truncated_member(d, 1),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_member_fails_alone(tmp_path: Path, damage: str) -> None:
    (tmp_path / "dump.zip").write_bytes(bytes(DAMAGE[damage](_zip())))
    res = ingest([tmp_path], CFG)
    status = {e.input.split("::")[-1]: e for e in res.entries}
    assert status["a.txt"].status == status["c.txt"].status == "processed"
    assert status["b.txt"].status == "failed"
    assert status["b.txt"].reason.startswith("damaged archive member")
    assert len(res.submissions) == 2


def test_a_damaged_member_does_not_stop_the_cli(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dump.zip").write_bytes(bytes(_bad_crc(_zip(), 0)))
    res = CliRunner().invoke(app, ["ingest", str(tmp_path / "in"), "--out",
                                   str(tmp_path / "run"), "-q"])
    assert res.exit_code == 1, res.output  # some inputs failed, the rest were read
    m = json.loads((tmp_path / "run" / "manifest.json").read_text(encoding="utf-8"))
    assert [e["status"] for e in m["inputs"]] == ["failed", "processed", "processed"]


def test_a_member_over_the_file_limit_fails_before_it_is_read(tmp_path: Path) -> None:
    big = {"stor.txt": "Tekst om sykkelveier og busser i kommunen. " * 5_000}
    (tmp_path / "dump.zip").write_bytes(bytes(_zip(big)))
    (e,) = ingest([tmp_path], IngestConfig(max_file_size=50_000)).entries
    assert e.status == "failed" and "--max-file-size" in e.reason


GZ_TEXT = "Tekst om sykkelveier og busser i kommunen vår, og mer av det samme. " * 20_000


def test_gz_is_held_to_the_file_size_limit_after_unpacking(tmp_path: Path) -> None:
    (tmp_path / "svar.txt.gz").write_bytes(gzip.compress(GZ_TEXT.encode()))
    assert (tmp_path / "svar.txt.gz").stat().st_size < 100_000 < len(GZ_TEXT)
    (e,) = ingest([tmp_path], IngestConfig(max_file_size=100_000)).entries
    assert e.status == "failed"
    assert "unpacks to more than 100 KB" in e.reason and "--max-file-size" in e.reason


def test_gz_over_the_uncompressed_limit_names_the_real_flag(tmp_path: Path) -> None:
    (tmp_path / "svar.txt.gz").write_bytes(gzip.compress(GZ_TEXT.encode()))
    cfg = IngestConfig(max_file_size=10**8, max_uncompressed_total=200_000)
    (e,) = ingest([tmp_path], cfg).entries
    assert e.status == "failed" and "--max-uncompressed" in e.reason
    # the flag exists: raising it reads the file
    out = tmp_path.parent / f"{tmp_path.name}-run"
    res = CliRunner().invoke(app, ["ingest", str(tmp_path), "--out", str(out),
                                   "--max-uncompressed", "200KB", "-q"])
    assert res.exit_code == 1, res.output
    res = CliRunner().invoke(app, ["ingest", str(tmp_path), "--out", str(out),
                                   "--max-uncompressed", "5MB", "-q"])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(app, ["ingest", str(tmp_path), "--out", str(out),
                                   "--max-uncompressed", "lots"])
    assert isinstance(res.exception, ConfigError)  # one line and exit 2 from main()


def test_the_uncompressed_limit_is_a_config_key(tmp_path: Path) -> None:
    cfg = tmp_path / "innonlp.toml"
    cfg.write_text('[ingest]\nmax_uncompressed_total = "300KB"\n', encoding="utf-8")
    assert load_config(cfg).max_uncompressed_total == 300_000


@pytest.mark.parametrize("name,data,reason", [
    ("kuttet.txt.gz", gzip.compress(GZ_TEXT.encode())[:-30], "truncated gzip"),
    ("rot.txt.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 200, "corrupt gzip"),
    ("ikke.txt.gz", b"just text, not gzip at all", "corrupt gzip"),
])
def test_damaged_gz_fails_with_a_reason(tmp_path: Path, name: str, data: bytes,
                                        reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    (e,) = ingest([tmp_path], CFG).entries
    assert e.status == "failed" and reason in e.reason


def test_concatenated_gz_members_are_all_read(tmp_path: Path) -> None:
    data = gzip.compress(TEXTS["a.txt"].encode()) + gzip.compress(TEXTS["b.txt"].encode())
    (tmp_path / "to.txt.gz").write_bytes(data)
    res = ingest([tmp_path], CFG)
    assert "Skolen trenger" in res.submissions[0].text


def test_a_zip_bomb_names_the_flag(tmp_path: Path) -> None:
    cfg = IngestConfig(max_uncompressed_total=100)
    (tmp_path / "dump.zip").write_bytes(bytes(_zip()))
    (e,) = ingest([tmp_path], cfg).entries
    assert e.status == "failed" and "--max-uncompressed" in e.reason
