"""Bounded reads from .gz files and zip archive members: sizes checked while unpacking.

Size headers can lie and a member can be damaged, so nothing here trusts them: every read
stops one byte past its limit, and a damaged member (bad CRC, truncated data, a size header
that does not match) fails alone with a reason, never the archive or the run.
"""

from __future__ import annotations

import zipfile
import zlib

from ..config import IngestConfig, format_size
from ..errors import FileFailure

CHUNK = 1 << 20


def size_limit(cfg: IngestConfig) -> tuple[int, str]:
    """The most bytes one unpacked input may hold, and the flag that raises that limit."""
    if cfg.max_file_size <= cfg.max_uncompressed_total:
        return cfg.max_file_size, "--max-file-size"
    return cfg.max_uncompressed_total, "--max-uncompressed"


def _too_much(name: str, limit: int, flag: str, what: str) -> FileFailure:
    suggestion = format_size(limit * 2).replace(" ", "")
    return FileFailure(f"{name} unpacks to more than {format_size(limit)} ({what}); raise "
                       f"the limit with {flag} {suggestion}")


def gunzip(data: bytes, cfg: IngestConfig, name: str) -> bytes:
    """The unpacked bytes of a .gz file, held to ``--max-file-size`` and
    ``--max-uncompressed`` (whichever is lower); concatenated members are read too."""
    limit, flag = size_limit(cfg)
    out = bytearray()
    rest = data
    while rest:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += d.decompress(rest, limit + 1 - len(out))
        except zlib.error as exc:
            raise FileFailure(f"corrupt gzip file ({exc})") from exc
        if len(out) > limit or d.unconsumed_tail:
            raise _too_much(name, limit, flag, "suspected gzip bomb")
        if not d.eof:
            raise FileFailure("truncated gzip file (it ends before its data does)")
        rest = d.unused_data.lstrip(b"\x00")
    return bytes(out)


class MemberReader:
    """Reads members of one zip archive, holding each to the per-file limit and the whole
    archive to ``--max-uncompressed``, whatever the size headers say."""

    def __init__(self, zf: zipfile.ZipFile, cfg: IngestConfig) -> None:
        self.zf = zf
        self.cfg = cfg
        self.total = 0

    def read(self, info: zipfile.ZipInfo) -> bytes:
        """The member's bytes; FileFailure for a damaged member or one over a limit."""
        limit, flag = size_limit(self.cfg)
        room = self.cfg.max_uncompressed_total - self.total
        buf = bytearray()
        try:
            with self.zf.open(info) as fh:
                while True:
                    chunk = fh.read(min(CHUNK, limit + 1 - len(buf)))
                    if not chunk:
                        break
                    buf += chunk
                    if len(buf) > limit:
                        raise _too_much(info.filename, limit, flag,
                                        f"its header says {format_size(info.file_size)}")
                    if len(buf) > room:
                        raise _too_much("the archive", self.cfg.max_uncompressed_total,
                                        "--max-uncompressed", "suspected zip bomb")
        except FileFailure:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError) as exc:
            raise FileFailure(f"damaged archive member ({_why(exc)}); the other members "
                              "are read") from exc
        self.total += len(buf)
        if len(buf) != info.file_size:
            raise FileFailure(f"damaged archive member (its header says "
                              f"{info.file_size} bytes, it holds {len(buf)})")
        return bytes(buf)


def _why(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if "CRC" in text:
        return "bad CRC-32: the data does not match its checksum or its size header"
    if isinstance(exc, EOFError):
        return "truncated data"
    return text[:200]
