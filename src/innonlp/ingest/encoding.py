"""Decode bytes of unknown encoding: UTF-8 (with/without BOM), UTF-16, cp1252 or latin-1."""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import FileFailure, FileSkipped
from ..privacy.safetext import strip_bidi

# Bytes undefined in cp1252: their presence means the text is latin-1 (ISO-8859-1) instead.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _looks_utf16(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from where the NUL bytes sit in mostly-ASCII text."""
    if len(data) < 4:
        return None
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise FileSkipped/FileFailure for binary or empty data.

    Order: BOMs, strict UTF-8, BOM-less UTF-16, cp1252, latin-1. The chain is deterministic so
    the same bytes always decode the same way, and the encoding used goes into the manifest.
    """
    if not data:
        raise FileSkipped("empty file (0 bytes)")
    if data.startswith(codecs.BOM_UTF8):
        return _textlike(data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _textlike(data.decode("utf-16", errors="replace")), "utf-16"
    guess16 = _looks_utf16(data)
    if guess16:
        # control bytes with NULs between them look like UTF-16 too: checked as text
        return _textlike(data.decode(guess16, errors="replace")), guess16
    note = ""
    if b"\x00" in data[:65536]:
        nuls = data.count(b"\x00")
        if nuls > 0.01 * len(data):
            raise FileSkipped("binary content (NUL bytes), not a text file")
        data, note = data.replace(b"\x00", b""), f" ({nuls} NUL bytes removed)"
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if _mostly_utf8(data):  # a file pasted together from two encodings
            text, enc = _decode_lines(data), "mixed (utf-8, cp1252 lines)"
        elif _CP1252_UNDEFINED.intersection(data):
            text, enc = data.decode("latin-1"), "latin-1"
        else:
            text, enc = data.decode("cp1252", errors="replace"), "cp1252"
    enc += note
    check_textlike(text)
    return text, enc


def _mostly_utf8(data: bytes) -> bool:
    """Some lines are valid UTF-8 with non-ASCII letters, and most lines decode as UTF-8."""
    lines = data.split(b"\n")
    ok = bad = multibyte = 0
    for line in lines:
        try:
            line.decode("utf-8")
            ok += 1
            multibyte += any(b >= 0x80 for b in line)
        except UnicodeDecodeError:
            bad += 1
    return multibyte > 0 and ok >= bad


def _decode_lines(data: bytes) -> str:
    out = []
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
    return "\n".join(out)


def _textlike(text: str) -> str:
    check_textlike(text)
    return text


def check_textlike(text: str) -> None:
    """Raise FileSkipped when decoded text is mostly control characters (binary junk)."""
    sample = text[:20000]
    if not sample:
        return
    bad = sum(
        1
        for ch in sample
        if (unicodedata.category(ch) in {"Cc", "Co", "Cn", "Cs"} and ch not in "\n\r\t\f")
        or ch == "\ufffd"  # bytes the decoder could not place
    )
    if bad > 0.05 * len(sample):
        raise FileSkipped(
            f"binary content ({bad} control characters in the first {len(sample)}), "
            "not a text file"
        )


def normalise_text(text: str) -> str:
    """NFC-normalise, unify newlines, drop NULs, other C0 controls except tab/newline, and
    bidirectional control characters."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = text.replace("\u00ad", "")  # soft hyphen
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = strip_bidi(text)  # right-to-left overrides and friends mislead every reader
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def require_text(text: str, what: str = "file") -> None:
    """Raise FileSkipped when nothing but whitespace is left."""
    if not text.strip():
        raise FileSkipped(f"empty {what} (no text)")


__all__ = ["decode_bytes", "normalise_text", "check_textlike", "require_text", "FileFailure"]
