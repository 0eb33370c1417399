"""Whole-stage results kept in the cache file, keyed by the content hash of their inputs.

A rerun on unchanged input reuses, besides the per-segment language analyses
(:mod:`innonlp.nlp.cache`), what the ingest and themes stages produced:

- ingest: keyed by innonlp's version, the ingest settings and the bytes (and relative
  names) of every input file, so an edited, added or removed file, another setting or
  another innonlp version misses;
- themes: keyed by the ingest key, the language pipelines (name and version per written
  standard) and every theme parameter (seed included).

Values are compressed pickles in a table of the same SQLite file as the analyses (the cache
is the user's own, under their home folder; it is trusted like the installed code). Only
the ``keep`` newest entries are kept. The run manifest says which stages were reused.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
import time
import zlib
from collections.abc import Iterable
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from .._version import __version__

SCHEMA = "1"


def _update_with_file(h: Any, path: Path) -> None:
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)


def inputs_key(inputs: Iterable[str | Path], settings: Any, extra: Any = None) -> bytes:
    """SHA-256 over innonlp's version, ``settings`` (a dataclass or JSON-able value),
    ``extra`` and every input: a file's bytes, a folder's files (names relative to it, in
    sorted order, symbolic links by their target text)."""
    h = hashlib.sha256()
    conf = asdict(settings) if is_dataclass(settings) else settings
    h.update(json.dumps([SCHEMA, __version__, conf, extra], sort_keys=True,
                        default=str).encode())
    for item in inputs:
        root = Path(item)
        h.update(b"\0input\0" + str(root).encode("utf-8", "surrogatepass"))
        files = [root] if not root.is_dir() else sorted(
            Path(d) / f for d, _, fs in os.walk(root) for f in fs)
        for f in files:
            h.update(b"\0file\0" + str(f.relative_to(root) if f != root else "")
                     .encode("utf-8", "surrogatepass"))
            if f.is_symlink():
                h.update(b"\0link\0" + os.readlink(f).encode("utf-8", "surrogatepass"))
            elif f.is_file():
                _update_with_file(h, f)
            else:
                h.update(b"\0missing\0")
    return h.digest()


def derived_key(*parts: Any) -> bytes:
    """A key from another key and JSON-able parts (pipelines, parameters)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else json.dumps(p, sort_keys=True,
                                                           default=str).encode())
        h.update(b"\0")
    return h.digest()


class StageCache:
    """``get(stage, key)`` / ``put(stage, key, value)`` in the cache file at ``path``."""

    def __init__(self, path: str | Path, keep: int = 8) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.keep = keep
        self.db = sqlite3.connect(str(self.path), timeout=120)
        self.db.execute("PRAGMA journal_mode=WAL")
        # a cache: a power cut may lose the last transactions but never corrupts the file
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS stages (stage TEXT, key BLOB, "
                        "created REAL, value BLOB, PRIMARY KEY (stage, key))")
        self.db.commit()

    def get(self, stage: str, key: bytes) -> Any | None:
        row = self.db.execute("SELECT value FROM stages WHERE stage = ? AND key = ?",
                              (stage, key)).fetchone()
        if row is None:
            return None
        try:
            return pickle.loads(zlib.decompress(row[0]))
        except Exception:  # an entry from an incompatible version: recompute
            return None

    def has(self, stage: str, key: bytes) -> bool:
        """Whether an entry is stored (without reading it)."""
        return self.db.execute("SELECT 1 FROM stages WHERE stage = ? AND key = ?",
                               (stage, key)).fetchone() is not None

    def put(self, stage: str, key: bytes, value: Any) -> None:
        blob = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO stages VALUES (?, ?, ?, ?)",
                            (stage, key, time.time(), blob))
            self.db.execute("DELETE FROM stages WHERE stage = ? AND key NOT IN (SELECT key "
                            "FROM stages WHERE stage = ? ORDER BY created DESC LIMIT ?)",
                            (stage, stage, self.keep))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> StageCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
