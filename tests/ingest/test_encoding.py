import codecs

import pytest

from innonlp.errors import FileSkipped
from innonlp.ingest.encoding import decode_bytes, normalise_text

TEXT = "Høringssvar fra Ærøy: «Vi støtter forslaget» – både nå og i år."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_norwegian_letters_survive_every_encoding(data: bytes, encoding: str) -> None:
    text, enc = decode_bytes(data)
    assert text == TEXT
    assert enc == encoding


def test_latin1_only_bytes_are_decoded_as_latin1() -> None:
    data = ("Blåbær og rømme på Ærøy. " * 10).encode("latin-1") + b"\x81"
    text, enc = decode_bytes(data)
    assert enc == "latin-1"
    assert text.startswith("Blåbær og rømme på Ærøy.")


def test_empty_and_binary_are_skipped_with_reasons() -> None:
    with pytest.raises(FileSkipped, match="empty file"):
        decode_bytes(b"")
    with pytest.raises(FileSkipped, match="binary"):
        decode_bytes(bytes(range(256)) * 20)


def test_normalise_unifies_newlines_and_drops_controls() -> None:
    assert normalise_text("a\r\nb\rc\x00d\x07e\u00ad") == "a\nb\ncde"
    # NFC: a decomposed å becomes one code point
    assert normalise_text("a\u030a") == "å"
