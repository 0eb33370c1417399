"""A cache of language-layer results, keyed by content hash and pipeline version.

One SQLite file (default ``$XDG_CACHE_HOME/innonlp/nlp.sqlite``, else
``~/.cache/innonlp/nlp.sqlite``; ``--cache PATH`` or ``--no-cache``). A segment's key is the
SHA-256 of the pipeline's name and version, the written standard and the text, so a new
model, a new innonlp version or an edited text never reuses an old result. The value is the
segment's arrays (form and lemma hashes, UPOS, offsets, sentence starts); the strings behind
the hashes are stored once in their own table. Writes happen in transactions (by the main
process, or with ``--jobs`` by each worker for its own partitions), so a run that is killed
leaves the cache as it was before the batch: never half-written.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from spacy.strings import StringStore

from .analysis import SegmentAnalysis, StringTable

SCHEMA_VERSION = "1"


def default_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "innonlp" / "nlp.sqlite"


def cache_key(pipeline_id: str, standard: str, text: str) -> bytes:
    h = hashlib.sha256()
    for part in (SCHEMA_VERSION, pipeline_id, standard, text):
        h.update(part.encode("utf-8", errors="surrogatepass"))
        h.update(b"\0")
    return h.digest()[:20]


def pack_analysis(a: SegmentAnalysis) -> bytes:
    n = np.array([len(a)], dtype=np.int32).tobytes()
    return b"".join((n, a.orth.astype(np.uint64).tobytes(), a.lemma.astype(np.uint64).tobytes(),
                     a.pos.astype(np.uint8).tobytes(), a.offsets.astype(np.int32).tobytes(),
                     a.sent_starts.astype(np.bool_).tobytes()))


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
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), timeout=120)
        self.db.execute("PRAGMA journal_mode=WAL")
        # a cache: a power cut may lose the last transactions but never corrupts the file
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS analyses (key BLOB PRIMARY KEY, "
                        "value BLOB NOT NULL)")
        self.db.execute("CREATE TABLE IF NOT EXISTS strings (text TEXT PRIMARY KEY)")
        self.db.commit()
        self._known: set[int] = set()  # string hashes stored by this process

    def get(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        for i in range(0, len(keys), 900):
            chunk = keys[i:i + 900]
            q = f"SELECT key, value FROM analyses WHERE key IN ({','.join('?' * len(chunk))})"
            found.update(self.db.execute(q, chunk).fetchall())
        return found

    def load_strings(self, store: StringStore) -> None:
        for (text,) in self.db.execute("SELECT text FROM strings"):
            store.add(text)

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
        process that has the packed analyses at hand writes."""
        with self.db:
            self.db.executemany("INSERT OR IGNORE INTO strings (text) VALUES (?)",
                                ((t,) for t in texts))
            self.db.executemany("INSERT OR REPLACE INTO analyses (key, value) VALUES (?, ?)",
                                rows)

    def unpack(self, blob: bytes, segment_id: str, standard: str, strings: StringTable
               ) -> SegmentAnalysis:
        return unpack_analysis(blob, segment_id, standard, strings)

    def close(self) -> None:
        self.db.close()
