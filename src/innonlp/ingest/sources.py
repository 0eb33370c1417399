"""Walk inputs (folders, files, zip archives, .gz files) into readable items, safely.

Nothing is ever extracted to disk: archive members are read into memory after checks on
their names and sizes, so a hostile archive cannot write outside the run folder.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import IngestConfig, format_size
from ..errors import FileFailure
from .zipguard import check_zip, open_zip, unsafe_member_path

DOCUMENT_FORMATS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".pdf": "pdf",
    ".docx": "docx", ".odt": "odt", ".html": "html", ".htm": "html", ".xhtml": "html",
}
TABLE_FORMATS = {".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".json": "json",
                 ".jsonl": "jsonl", ".ndjson": "jsonl"}
IMAGE_EXTS = {".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".heic",
              ".svg", ".ico"}
LEGACY = {".doc": "legacy Word .doc is not supported — save it as .docx",
          ".xls": "legacy Excel .xls is not supported — save it as .xlsx",
          ".rtf": "RTF is not supported — save it as .docx or .txt",
          ".ppt": "PowerPoint files are not supported",
          ".pptx": "PowerPoint files are not supported",
          ".msg": "Outlook .msg files are not supported — save the e-mail as .txt or .pdf",
          ".eml": "e-mail .eml files are not supported yet — save the e-mail as .txt or .pdf"}
SYSTEM_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}


@dataclass
class Item:
    """One readable input: its display name, kind, format and a loader for its bytes."""

    name: str
    id_base: str
    kind: str  # file | archive-member
    fmt: str
    load: Callable[[], bytes]
    size: int | None
    skip: str | None = None
    fail: str | None = None


def classify_name(name: str) -> tuple[str | None, str | None, str]:
    """Return ``(format, skip reason, inner name)`` for a file name; .gz is looked through."""
    lower = name.lower()
    base = os.path.basename(lower)
    if base in SYSTEM_NAMES or base.startswith("._") or "__macosx/" in lower:
        return None, "system file (not a submission)", name
    inner = name[:-3] if lower.endswith(".gz") else name
    ext = os.path.splitext(inner.lower())[1]
    if ext in DOCUMENT_FORMATS:
        return DOCUMENT_FORMATS[ext], None, inner
    if ext in TABLE_FORMATS:
        return TABLE_FORMATS[ext], None, inner
    if ext == ".zip":
        return "zip", None, inner
    if ext in IMAGE_EXTS:
        return None, f"image file ({ext}) holds no text layer — run OCR if it is a scanned " \
                     "letter", inner
    if ext in LEGACY:
        return None, LEGACY[ext], inner
    if not ext:
        return None, "file has no extension, so its type is unknown", inner
    return None, f"unsupported file type '{ext}'", inner


def _id_base(rel: str) -> str:
    stem = rel[:-3] if rel.lower().endswith(".gz") else rel
    stem = os.path.splitext(stem)[0]
    return stem.replace("\\", "/").replace("#", "-").replace(" ", "_").strip("/") or "input"


def _gunzip(data: bytes, limit: int, name: str) -> bytes:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        raise FileFailure(f"corrupt gzip file ({exc})") from exc
    if len(out) > limit:
        raise FileFailure(
            f"{name} unpacks to more than {format_size(limit)} (suspected gzip bomb); raise "
            "the limit with --max-uncompressed"
        )
    return out


def _file_loader(path: Path, gz: bool, cfg: IngestConfig) -> Callable[[], bytes]:
    def load() -> bytes:
        data = path.read_bytes()
        if gz:
            try:
                return _gunzip(data, cfg.max_uncompressed_total, path.name)
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                raise FileFailure(f"corrupt gzip file ({exc})") from exc
        return data

    return load


def iter_items(inputs: list[Path], cfg: IngestConfig) -> Iterator[Item]:
    """Yield every leaf input under ``inputs`` in a stable (sorted) order."""
    for root in inputs:
        if root.is_dir():
            root_real = root.resolve()
            files: list[tuple[Path, str]] = []
            for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
                dirnames.sort()
                for d in list(dirnames):
                    if (Path(dirpath) / d).is_symlink():
                        dirnames.remove(d)
                        rel = os.path.relpath(Path(dirpath) / d, root)
                        yield Item(f"{root}/{rel}", _id_base(rel), "file", "", lambda: b"",
                                   None, skip="symlinked folder not followed")
                for f in sorted(filenames):
                    p = Path(dirpath) / f
                    files.append((p, os.path.relpath(p, root).replace(os.sep, "/")))
            for p, rel in sorted(files, key=lambda t: t[1]):
                yield from _file_items(p, rel, str(p), cfg, root_real)
        elif root.exists():
            yield from _file_items(root, root.name, str(root), cfg, root.resolve().parent)
        else:
            yield Item(str(root), _id_base(root.name), "file", "", lambda: b"", None,
                       fail="input path does not exist")


def _file_items(p: Path, rel: str, display: str, cfg: IngestConfig,
                root_real: Path) -> Iterator[Item]:
    if p.is_symlink():
        target = p.resolve()
        if not cfg.follow_symlinks_outside and not target.is_relative_to(root_real):
            yield Item(display, _id_base(rel), "file", "", lambda: b"", None,
                       skip="symlink pointing outside the input folder — not followed")
            return
    if not p.is_file():
        yield Item(display, _id_base(rel), "file", "", lambda: b"", None,
                   skip="not a regular file (device, socket or broken link)")
        return
    fmt, skip, inner = classify_name(rel)
    size = p.stat().st_size
    if skip:
        yield Item(display, _id_base(rel), "file", "", lambda: b"", size, skip=skip)
        return
    assert fmt is not None
    if size > cfg.max_file_size:
        yield Item(display, _id_base(rel), "file", fmt, lambda: b"", size,
                   fail=_too_big(size, cfg))
        return
    gz = rel.lower().endswith(".gz")
    loader = _file_loader(p, gz, cfg)
    if fmt == "zip":
        yield from _zip_items(display, _id_base(rel), loader, size, cfg)
        return
    yield Item(display, _id_base(rel), "file", fmt, loader, size)


def _too_big(size: int, cfg: IngestConfig) -> str:
    suggestion = format_size(int(size * 1.2) + 1).replace(" ", "")
    return (f"file is {format_size(size)}, over the {format_size(cfg.max_file_size)} size "
            f"limit — raise it with --max-file-size {suggestion}")


def _zip_items(display: str, id_base: str, loader: Callable[[], bytes], size: int,
               cfg: IngestConfig) -> Iterator[Item]:
    try:
        zf = open_zip(loader(), "zip")
        check_zip(zf, cfg, "zip archive", refuse_unsafe_names=False)
    except FileFailure as exc:
        yield Item(display, id_base, "file", "zip", lambda: b"", size, fail=exc.reason)
        return
    for info in sorted(zf.infolist(), key=lambda i: i.filename):
        if info.is_dir():
            continue
        name = f"{display}::{info.filename}"
        member_id = f"{id_base}/{_id_base(info.filename)}"
        unsafe = unsafe_member_path(info.filename)
        if unsafe:
            yield Item(name, member_id, "archive-member", "", lambda: b"", info.file_size,
                       skip=f"unsafe archive member name ({unsafe}) — not read")
            continue
        if info.flag_bits & 0x1:
            yield Item(name, member_id, "archive-member", "", lambda: b"", info.file_size,
                       fail="encrypted archive member (password protected)")
            continue
        fmt, skip, _ = classify_name(info.filename)
        if skip or fmt is None:
            yield Item(name, member_id, "archive-member", "", lambda: b"", info.file_size,
                       skip=skip or "unsupported")
            continue
        if fmt == "zip":
            yield Item(name, member_id, "archive-member", "zip", lambda: b"", info.file_size,
                       skip="zip inside a zip is not opened — unpack the outer archive first")
            continue
        if info.file_size > cfg.max_file_size:
            yield Item(name, member_id, "archive-member", fmt, lambda: b"", info.file_size,
                       fail=_too_big(info.file_size, cfg))
            continue

        def load(info=info) -> bytes:  # type: ignore[no-untyped-def]
            try:
                data = zf.read(info)
            except (zlib.error, OSError, EOFError, NotImplementedError) as exc:
                raise FileFailure(f"archive member cannot be decompressed ({exc})") from exc
            if info.filename.lower().endswith(".gz"):
                return _gunzip(data, cfg.max_uncompressed_total, info.filename)
            return data

        yield Item(name, member_id, "archive-member", fmt, load, info.file_size)

