"""Checks on zip containers (zip archives, DOCX, ODT, XLSX) before anything is decompressed."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

from ..config import IngestConfig, format_size
from ..errors import FileFailure


def open_zip(data: bytes, what: str) -> zipfile.ZipFile:
    """``data`` as a zip package; FileFailure when it is none."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise FileFailure(f"not a valid {what} file (not a zip package: {exc})") from exc


def check_zip(zf: zipfile.ZipFile, cfg: IngestConfig, what: str,
              refuse_unsafe_names: bool = True) -> None:
    """Refuse zip bombs (too many members, too much uncompressed data or absurd ratios) and,
    for office packages, members with absolute or ``..`` names (a zip archive of
    submissions skips such members one by one instead)."""
    infos = zf.infolist()
    if len(infos) > cfg.max_archive_members:
        raise FileFailure(
            f"{what} has {len(infos)} members, over the limit of {cfg.max_archive_members}"
        )
    total = sum(i.file_size for i in infos)
    if total > cfg.max_uncompressed_total:
        raise FileFailure(
            f"suspected zip bomb: {what} unpacks to {format_size(total)}, over the "
            f"{format_size(cfg.max_uncompressed_total)} limit — raise it with "
            f"--max-uncompressed"
        )
    for info in infos:
        unsafe = unsafe_member_path(info.filename) if refuse_unsafe_names else None
        if unsafe:
            raise FileFailure(f"hostile {what} package: member {info.filename!r} has an "
                              f"unsafe name ({unsafe})")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1_000_000 and ratio > cfg.max_compression_ratio:
            raise FileFailure(
                f"suspected zip bomb: member {info.filename!r} of {what} expands "
                f"{ratio:.0f}-fold to {format_size(info.file_size)}"
            )


def unsafe_member_path(name: str) -> str | None:
    """Why an archive member name is unsafe, or None. Members are never extracted to disk,
    but such names are a sign of a hostile archive, so they are not read at all."""
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "absolute path"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if ".." in parts:
        return "path traversal ('..')"
    return None
