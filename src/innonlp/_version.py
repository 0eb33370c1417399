"""The version of innonlp (one place; pyproject reads it) and a fingerprint of the installed
code and data, which keys every cache: a changed innonlp never reuses an old result, whether
or not anybody bumped the version."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

__version__ = "0.2.0"

_SKIP_DIRS = frozenset({"__pycache__", "_sample"})


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 (first 16 hex digits) over the names and bytes of every file of the installed
    package (code, language data, models), in sorted order; ``__pycache__`` and the bundled
    sample consultation are left out. About 10 ms, once per process."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    files = sorted(p for p in root.rglob("*")
                   if p.is_file() and not _SKIP_DIRS.intersection(p.relative_to(root).parts)
                   and p.suffix not in (".pyc", ".pyo"))
    for f in files:
        h.update(b"\0" + f.relative_to(root).as_posix().encode("utf-8", "surrogatepass") + b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()[:16]
