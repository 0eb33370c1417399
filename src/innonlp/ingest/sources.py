"""Walk inputs (folders, files, zip archives, .gz files) into readable items, safely.

Nothing is ever extracted to disk: archive members are read into memory after checks on
their names and sizes, so a hostile archive cannot write outside the run folder.
"""

from __future__ import annotations

import errno
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import IngestConfig, format_size
from ..errors import FileFailure
from ..runfolder import PRIVATE, RUN_MARKERS, is_run_folder
from .archives import MemberReader, gunzip
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


def _file_loader(path: Path, gz: bool, cfg: IngestConfig) -> Callable[[], bytes]:
    def load() -> bytes:
        data = path.read_bytes()
        return gunzip(data, cfg, path.name) if gz else data

    return load


def _note(display: str, rel: str, kind: str = "folder", *, skip: str | None = None,
          fail: str | None = None) -> Item:
    """An input that yields nothing to read, with why (a folder, a loop, a duplicate)."""
    return Item(display, _id_base(rel), kind, "", lambda: b"", None, skip=skip, fail=fail)


def os_reason(exc: BaseException) -> str:
    """An OS error as a short reason a person understands."""
    code = getattr(exc, "errno", None)
    if isinstance(exc, RuntimeError) or code == errno.ELOOP:
        return "symlink loop (the link points back at itself)"
    if code == errno.ENAMETOOLONG:
        return "path is longer than the system allows (PATH_MAX)"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.ENOENT:
        return "input path does not exist"
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _run_folder(path: Path) -> str | None:
    """Which innonlp marker ``path`` holds (an earlier run's manifest or run info, or
    innonlp's own private folder), or None."""
    try:
        if is_run_folder(path):
            return next(m for m in RUN_MARKERS if (path / m).is_file())
        return PRIVATE if (path / PRIVATE).is_dir() else None
    except OSError:
        return None


class _Seen:
    """Real paths already read, so a file or folder given twice is counted once."""

    def __init__(self) -> None:
        self.paths: dict[str, str] = {}

    def first(self, path: Path, display: str) -> str | None:
        """None the first time ``path`` is met; later, the name it was first read as."""
        try:
            key = os.path.realpath(path)
        except (OSError, ValueError):
            return None
        if key in self.paths:
            return self.paths[key]
        self.paths[key] = display
        return None

    def inside(self, path: Path) -> str | None:
        """The earlier input folder that holds ``path`` (or is it), or None."""
        try:
            real = Path(os.path.realpath(path))
        except (OSError, ValueError):
            return None
        for key, display in self.paths.items():
            if real == Path(key) or Path(key) in real.parents:
                return display
        return None


def iter_items(inputs: list[Path], cfg: IngestConfig) -> Iterator[Item]:
    """Yield every leaf input under ``inputs`` in a stable (sorted) order; folders that
    cannot be read, earlier run folders, loops and duplicates as notes with a reason."""
    seen, roots = _Seen(), _Seen()
    for root in inputs:
        try:
            is_dir, exists = root.is_dir(), root.exists() or root.is_symlink()
        except (OSError, ValueError) as exc:
            yield _note(str(root), root.name, "file", fail=os_reason(exc))
            continue
        if is_dir:
            earlier = roots.inside(root)
            if earlier is not None:
                yield _note(str(root), root.name, skip=f"given twice (it is, or lies inside, "
                            f"the input {earlier!r}) — its files are counted once")
                continue
            roots.first(root, str(root))
            yield from _walk(root, cfg, seen)
        elif exists:
            yield from _checked(root, root.name, str(root), cfg, _parent(root), seen)
        else:
            yield _note(str(root), root.name, "file", fail="input path does not exist")


def _parent(root: Path) -> Path:
    try:
        return root.resolve().parent
    except (OSError, RuntimeError):
        return root.parent


def _walk(root: Path, cfg: IngestConfig, seen: _Seen) -> Iterator[Item]:
    """The items of one input folder, files sorted by their path inside it."""
    root_real = root.resolve()
    files: list[tuple[Path, str]] = []
    notes: list[Item] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        rel = os.path.relpath(where, root)
        notes.append(_note(str(where), rel, fail=f"folder cannot be read ({os_reason(exc)}); "
                                                 "the files in it are not analysed"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=False):
        dirnames.sort()
        for d in list(dirnames):
            note = _folder_note(root, Path(dirpath) / d)
            if note is not None:
                dirnames.remove(d)
                notes.append(note)
        if not dirnames and not filenames and dirpath != str(root):
            rel = os.path.relpath(dirpath, root)
            notes.append(_note(dirpath, rel, skip="empty folder (no files)"))
        for f in sorted(filenames):
            p = Path(dirpath) / f
            files.append((p, os.path.relpath(p, root).replace(os.sep, "/")))
    yield from notes
    for p, rel in sorted(files, key=lambda t: t[1]):
        yield from _checked(p, rel, str(p), cfg, root_real, seen)


def _folder_note(root: Path, sub: Path) -> Item | None:
    """Why the sub-folder ``sub`` is not walked (a symlink, an innonlp run folder, a path
    the system cannot use), or None to walk it."""
    rel = os.path.relpath(sub, root)
    try:
        if sub.is_symlink():
            return _note(f"{root}/{rel}", rel, skip="symlinked folder not followed")
        marker = _run_folder(sub)
    except (OSError, ValueError) as exc:
        return _note(str(sub), rel, fail=f"folder cannot be read ({os_reason(exc)}); the "
                                         "files in it are not analysed")
    if marker:
        return _note(str(sub), rel, skip=f"an innonlp run folder (it holds {marker}) — its "
                                         "outputs are not read as submissions")
    return None


def _checked(p: Path, rel: str, display: str, cfg: IngestConfig, root_real: Path,
             seen: _Seen) -> Iterator[Item]:
    """:func:`_file_items`, with OS errors (loops, long paths, permissions) and files met
    twice as notes instead of tracebacks."""
    try:
        earlier = seen.first(p, display)
        if earlier is not None:
            yield _note(display, rel, "file", skip=f"same file as {earlier!r} (given twice) — "
                                                  "counted once")
            return
        yield from _file_items(p, rel, display, cfg, root_real)
    except (OSError, RuntimeError, ValueError) as exc:
        why = os_reason(exc)
        if why.startswith("symlink loop"):
            yield _note(display, rel, "file", skip=f"{why} — not followed")
        else:
            yield _note(display, rel, "file", fail=f"cannot be read ({why})")


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
    reader = MemberReader(zf, cfg)
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

        def load(info: zipfile.ZipInfo = info) -> bytes:
            data = reader.read(info)
            if info.filename.lower().endswith(".gz"):
                return gunzip(data, cfg, info.filename)
            return data

        yield Item(name, member_id, "archive-member", fmt, load, info.file_size)

