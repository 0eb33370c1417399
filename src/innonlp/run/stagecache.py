"""Whole-stage results kept in the cache file, keyed by the content hash of their inputs.

A rerun on unchanged input reuses, besides the per-segment language analyses
(:mod:`innonlp.nlp.cache`), what the standard stage (ingest included) and the themes stage
produced:

- standard: keyed by the fingerprint of the installed innonlp (code and data, see
  :func:`innonlp._version.code_fingerprint`), the ingest settings and the bytes (and
  relative names) of every input file, so an edited, added or removed file, another setting
  or other innonlp code misses;
- themes: keyed by the ingest key, the language pipelines (name and version per written
  standard) and every theme parameter (seed included).

Entries are **data, never code**: zlib-compressed JSON with its SHA-256 and length stored
beside it. An entry is used only when its checksum and length match and the stage's own
reader accepts its shape (``from_data`` of the result type); anything else is a bad entry:
it is recomputed and listed in the manifest (``cache.bad_entries``). A cache that cannot be
opened, read or written (corrupt, read-only, a folder, a full disk) never stops a run: the
run goes on without it and says so in one warning line and in the manifest. Only the
``keep`` newest entries per stage are kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Iterable
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from .._version import code_fingerprint
from ..io import close_sqlite, open_sqlite

SCHEMA = "innonlp.stagecache/2"
_FAILURES = (sqlite3.Error, OSError, MemoryError)


def _update_with_file(h: Any, path: Path) -> None:
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)


def inputs_key(inputs: Iterable[str | Path], settings: Any, extra: Any = None) -> bytes:
    """SHA-256 over the code fingerprint, ``settings`` (a dataclass or JSON-able value),
    ``extra`` and every input: a file's bytes, a folder's files (names relative to it, in
    sorted order, symbolic links by their target text). Unreadable files count by name."""
    h = hashlib.sha256()
    conf = asdict(settings) if is_dataclass(settings) and not isinstance(settings, type) \
        else settings
    h.update(json.dumps([SCHEMA, code_fingerprint(), conf, extra], sort_keys=True,
                        default=str).encode())
    for item in inputs:
        root = Path(item)
        h.update(b"\0input\0" + str(root).encode("utf-8", "surrogatepass"))
        files = [root] if not root.is_dir() else sorted(
            Path(d) / f for d, _, fs in os.walk(root) for f in fs)
        for f in files:
            h.update(b"\0file\0" + str(f.relative_to(root) if f != root else "")
                     .encode("utf-8", "surrogatepass"))
            try:
                if f.is_symlink():
                    h.update(b"\0link\0" + os.readlink(f).encode("utf-8", "surrogatepass"))
                elif f.is_file():
                    _update_with_file(h, f)
                else:
                    h.update(b"\0missing\0")
            except OSError as exc:
                h.update(b"\0unreadable\0" + str(exc.errno).encode())
    return h.digest()


def derived_key(*parts: Any) -> bytes:
    """A key from another key and JSON-able parts (pipelines, parameters)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else json.dumps(p, sort_keys=True,
                                                           default=str).encode())
        h.update(b"\0")
    return h.digest()


def encode(data: Any) -> bytes:
    """JSON-able ``data`` as the bytes an entry stores (compact, key order kept)."""
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":"))
                         .encode("utf-8"), 1)


class StageCache:
    """``get(stage, key)`` / ``put(stage, key, data)`` in the cache file at ``path``.

    ``problem`` is None while the cache works, else why it was switched off (the run goes
    on without it); ``bad_entries`` lists the stages whose entry was damaged and
    recomputed."""

    def __init__(self, path: str | Path, keep: int = 8,
                 warn: Any = None) -> None:
        self.path = Path(path)
        self.keep = keep
        self.warn = warn or (lambda msg: None)
        self.problem: str | None = None
        self.bad_entries: list[str] = []
        self.db: sqlite3.Connection | None = None
        try:
            self.db = open_sqlite(self.path, (
                "CREATE TABLE IF NOT EXISTS stage_entries (stage TEXT, key BLOB, "
                "created REAL, schema TEXT, sha256 BLOB, size INTEGER, value BLOB, "
                "PRIMARY KEY (stage, key))",))
        except _FAILURES as exc:
            self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        if self.problem is None:
            self.problem = f"{exc.__class__.__name__}: {exc}"
            self.warn(f"innonlp: warning: the cache {str(self.path)!r} cannot be used "
                      f"({self.problem}); this run goes on without it.")
        close_sqlite(self.db)
        self.db = None

    def _row(self, stage: str, key: bytes) -> tuple | None:
        if self.db is None:
            return None
        try:
            return self.db.execute("SELECT schema, sha256, size, value FROM stage_entries "
                                   "WHERE stage = ? AND key = ?", (stage, key)).fetchone()
        except _FAILURES as exc:
            self._fail(exc)
            return None

    def has(self, stage: str, key: bytes) -> bool:
        """Whether an entry is stored (without checking it)."""
        return self._row(stage, key) is not None

    def get(self, stage: str, key: bytes) -> Any | None:
        """The entry's data, or None when there is none or it is damaged (then counted in
        ``bad_entries``)."""
        row = self._row(stage, key)
        if row is None:
            return None
        schema, digest, size, blob = row
        try:
            if schema != SCHEMA or not isinstance(blob, bytes) or len(blob) != size \
                    or hashlib.sha256(blob).digest() != digest:
                raise ValueError("checksum, length or schema do not match")
            return json.loads(zlib.decompress(blob).decode("utf-8"))
        except (ValueError, zlib.error, UnicodeDecodeError, RecursionError):
            self.bad(stage)
            return None

    def bad(self, stage: str) -> None:
        """Count a stage entry that could not be used (recomputed)."""
        self.bad_entries.append(stage)

    def put(self, stage: str, key: bytes, data: Any) -> None:
        if self.db is None:
            return
        try:
            blob = encode(data)
            with self.db:
                self.db.execute("INSERT OR REPLACE INTO stage_entries VALUES "
                                "(?, ?, ?, ?, ?, ?, ?)",
                                (stage, key, time.time(), SCHEMA,
                                 hashlib.sha256(blob).digest(), len(blob), blob))
                self.db.execute("DELETE FROM stage_entries WHERE stage = ? AND key NOT IN "
                                "(SELECT key FROM stage_entries WHERE stage = ? ORDER BY "
                                "created DESC LIMIT ?)", (stage, stage, self.keep))
        except _FAILURES as exc:
            self._fail(exc)

    def record(self) -> dict[str, Any]:
        """What the manifest says of the cache."""
        return {"path": str(self.path),
                "status": "used" if self.problem is None else f"not used: {self.problem}",
                "bad_entries": list(self.bad_entries)}

    def close(self) -> None:
        close_sqlite(self.db)
        self.db = None

    def __enter__(self) -> StageCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
