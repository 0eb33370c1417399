"""Atomic file output: write to a temporary file beside the target, then rename.

Temporary files are named ``.innonlp-<name>.<random>.tmp`` (:data:`TMP_PREFIX`), so clean-up
can tell innonlp's own from a user's; the finished file gets the permissions of any file the
user writes (``0666`` less the umask), not ``mkstemp``'s private ``0600``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

TMP_PREFIX = ".innonlp-"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: str | Path, writer: Callable[[Path], object]) -> Path:
    """Call ``writer(tmp_path)`` and move the result to ``path`` in one rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{target.name}.", suffix=".tmp",
                               dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        writer(tmp_path)
        with open(tmp_path, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return target


def write_text(path: str | Path, text: str) -> Path:
    return atomic_write(path, lambda p: p.write_text(text, encoding="utf-8"))


def write_json(path: str | Path, obj: Any) -> Path:
    text = json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return write_text(path, text)


PARQUET_SCHEMAS = {"segments.parquet": "innonlp.segments/1",
                   "submissions.parquet": "innonlp.submissions/1"}


def write_parquet(path: str | Path, frame: Any) -> Path:
    """Parquet, atomically; innonlp's own tables carry their schema name and version in the
    file's key-value metadata (``innonlp.schema``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    schema = PARQUET_SCHEMAS.get(Path(path).name)
    if schema:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                               b"innonlp.schema": schema.encode()})
    return atomic_write(path, lambda p: pq.write_table(table, p))


def close_sqlite(db: Any) -> None:
    """Close a cache connection, ignoring a database that is already broken."""
    import sqlite3

    if db is not None:
        try:
            db.close()
        except sqlite3.Error:
            pass


def open_sqlite(path: Path, schema: tuple[str, ...], timeout: float = 30.0) -> Any:
    """A cache database at ``path``: WAL journal and NORMAL sync (a power cut may lose the
    last transactions but never corrupts the file), ``schema``'s statements run; the
    connection is closed again if any of that fails (the error is raised)."""
    import sqlite3

    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path), timeout=timeout)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        for statement in schema:
            db.execute(statement)
        db.commit()
    except BaseException:
        db.close()
        raise
    return db
