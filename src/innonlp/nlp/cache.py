"""A cache of language-layer results, keyed by content hash, pipeline and innonlp's code.

One SQLite file: by default inside the run folder (``<out>/.innonlp/cache.sqlite``, so the
submissions' words never leave the folder the user chose), or a shared file with ``--cache
FILE`` (``--no-cache``: none). A segment's key is the SHA-256 of the fingerprint of the
installed innonlp code and data, the pipeline's name and version, the written standard and
the text, so a new model, changed innonlp code or an edited text never reuses an old
result. The value is the segment's arrays (form and lemma hashes, UPOS, offsets, sentence
starts) with a CRC-32 trailer; the strings behind the hashes are stored once in their own
table. Data only, never code: a value whose length or checksum does not match is
recomputed. Writes happen in transactions (by the main process, or with ``--jobs`` by each
worker for its own partitions), so a killed run leaves the cache as it was before the
batch. A cache that cannot be opened, read or written is not used (the run goes on).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from spacy.strings import StringStore

from .._version import code_fingerprint
from ..io import close_sqlite, open_sqlite
from .analysis import SegmentAnalysis, StringTable

SCHEMA_VERSION = "2"
RUN_CACHE = Path(".innonlp") / "cache.sqlite"
_FAILURES = (sqlite3.Error, OSError)


def default_path(run_folder: str | Path) -> Path:
    """The cache of a run folder: ``<run folder>/.innonlp/cache.sqlite``."""
    return Path(run_folder) / RUN_CACHE


def cache_key(pipeline_id: str, standard: str, text: str) -> bytes:
    h = hashlib.sha256()
    for part in (SCHEMA_VERSION, code_fingerprint(), pipeline_id, standard, text):
        h.update(part.encode("utf-8", errors="surrogatepass"))
        h.update(b"\0")
    return h.digest()[:20]


def pack_analysis(a: SegmentAnalysis) -> bytes:
    """The analysis's arrays as bytes: the token count, the arrays, a CRC-32 of it all."""
    n = np.array([len(a)], dtype=np.int32).tobytes()
    body = b"".join((n, a.orth.astype(np.uint64).tobytes(),
                     a.lemma.astype(np.uint64).tobytes(), a.pos.astype(np.uint8).tobytes(),
                     a.offsets.astype(np.int32).tobytes(),
                     a.sent_starts.astype(np.bool_).tobytes()))
    return body + zlib.crc32(body).to_bytes(4, "little")


def valid_blob(blob: object) -> bool:
    """Whether ``blob`` is a packed analysis: its length fits its token count and its
    CRC-32 matches (a damaged or forged cache value is recomputed, never used)."""
    if not isinstance(blob, bytes) or len(blob) < 8:
        return False
    n = int.from_bytes(blob[:4], "little", signed=True)
    return n >= 0 and len(blob) == 8 + 22 * n \
        and zlib.crc32(blob[:-4]) == int.from_bytes(blob[-4:], "little")


def unpack_analysis(blob: bytes, segment_id: str, standard: str, strings: StringTable
            ) -> SegmentAnalysis:
    """The analysis packed in ``blob``; its arrays are read-only views into the blob (an
    analysis is never changed in place, and a copy per array costs more than the rest)."""
    n = int.from_bytes(blob[:4], "little", signed=True)
    orth = np.frombuffer(blob, dtype=np.uint64, count=n, offset=4)
    lemma = np.frombuffer(blob, dtype=np.uint64, count=n, offset=4 + 8 * n)
    upos = np.frombuffer(blob, dtype=np.uint8, count=n, offset=4 + 16 * n)
    offsets = np.frombuffer(blob, dtype=np.int32, count=n, offset=4 + 17 * n)
    starts = np.frombuffer(blob, dtype=np.bool_, count=n, offset=4 + 21 * n)
    return SegmentAnalysis(segment_id, standard, orth, lemma, upos, offsets, starts, strings)


class AnalysisCache:
    """The per-segment cache file at ``path``. ``problem`` is None while it works, else why
    it was switched off; ``bad`` counts values that failed their check."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.problem: str | None = None
        self.bad = 0
        self.db: sqlite3.Connection | None = None
        self._known: set[int] = set()  # string hashes stored by this process
        try:
            self.db = open_sqlite(self.path, (
                "CREATE TABLE IF NOT EXISTS analyses (key BLOB PRIMARY KEY, "
                "value BLOB NOT NULL)",
                "CREATE TABLE IF NOT EXISTS strings (text TEXT PRIMARY KEY)"), timeout=120)
        except _FAILURES as exc:
            self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        self.problem = self.problem or f"{exc.__class__.__name__}: {exc}"
        close_sqlite(self.db)
        self.db = None

    def get(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """The valid stored values of ``keys`` (damaged ones are left out and counted)."""
        found: dict[bytes, bytes] = {}
        try:
            for i in range(0, len(keys) if self.db is not None else 0, 900):
                chunk = keys[i:i + 900]
                q = ("SELECT key, value FROM analyses WHERE key IN "
                     f"({','.join('?' * len(chunk))})")
                found.update(self.db.execute(q, chunk).fetchall())  # type: ignore[union-attr]
        except _FAILURES as exc:
            self._fail(exc)
            return {}
        good = {k: v for k, v in found.items() if valid_blob(v)}
        self.bad += len(found) - len(good)
        return good

    def load_strings(self, store: StringStore) -> None:
        try:
            for (text,) in self.db.execute("SELECT text FROM strings"):  # type: ignore[union-attr]
                if isinstance(text, str):
                    store.add(text)
        except _FAILURES as exc:
            self._fail(exc)

    def put(self, items: Iterable[tuple[bytes, SegmentAnalysis]]) -> None:
        """Store analyses and the strings behind their hashes, in one transaction."""
        rows, arrays, table = [], [], None
        for key, a in items:
            rows.append((key, pack_analysis(a)))
            arrays += [a.orth, a.lemma]
            table = a.strings
        if not rows or table is None:
            return
        hashes = np.unique(np.concatenate(arrays))
        new = [int(h) for h in hashes if int(h) not in self._known]
        self.put_packed(rows, [table[h] for h in new])
        self._known.update(new)

    def put_packed(self, rows: Sequence[tuple[bytes, bytes]], texts: Iterable[str]) -> None:
        """Store (key, packed analysis) rows and the strings their hashes stand for (all of
        them, or at least those not stored before), in one transaction: what a worker
        process that has the packed analyses at hand writes. A cache that cannot be written
        (a full disk, say) is switched off: results are still returned, just not kept."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.executemany("INSERT OR IGNORE INTO strings (text) VALUES (?)",
                                    ((t,) for t in texts))
                self.db.executemany("INSERT OR REPLACE INTO analyses (key, value) "
                                    "VALUES (?, ?)", rows)
        except _FAILURES as exc:
            self._fail(exc)

    def unpack(self, blob: bytes, segment_id: str, standard: str, strings: StringTable
               ) -> SegmentAnalysis:
        return unpack_analysis(blob, segment_id, standard, strings)

    def close(self) -> None:
        close_sqlite(self.db)
        self.db = None


def legacy_path() -> Path:
    """Where innonlp 0.1 kept one cache for every consultation by default
    (``$XDG_CACHE_HOME/innonlp/nlp.sqlite``, else ``~/.cache/innonlp/nlp.sqlite``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "innonlp" / "nlp.sqlite"


def cache_file(target: str | Path | None) -> Path:
    """The cache file meant by ``target``: a run folder's own cache, a cache file, or with
    None the shared cache earlier versions wrote by default."""
    if target is None:
        return legacy_path()
    t = Path(target)
    return default_path(t) if t.is_dir() else t


def clear_cache(target: str | Path | None) -> list[Path]:
    """Remove a cache file (and SQLite's ``-wal``/``-shm`` files beside it); returns what
    was removed. Only files that are SQLite databases (or their side files) are removed."""
    path = cache_file(target)
    removed = []
    if path.is_file():
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise ValueError(f"{str(path)!r} is not an innonlp cache (not a SQLite file)")
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if p.is_file():
            p.unlink()
            removed.append(p)
    return removed
