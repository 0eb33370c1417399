"""Read CoNLL-U (UD) and NDT-format treebank files, plain or gzipped."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Sentence:
    """One sentence: comment metadata and its word rows (10 tab-separated columns)."""

    meta: dict[str, str] = field(default_factory=dict)
    rows: list[list[str]] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return [r[1] for r in self.rows]

    @property
    def text(self) -> str:
        """The ``# text`` comment, or the words joined with UD's SpaceAfter=No respected."""
        if "text" in self.meta:
            return self.meta["text"]
        out = []
        for r in self.rows:
            out.append(r[1])
            if "SpaceAfter=No" not in r[9]:
                out.append(" ")
        return "".join(out).rstrip()


def _open(path: Path):  # noqa: ANN202
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def read_conll(path: str | Path) -> Iterator[Sentence]:
    """Sentences of a CoNLL-U or NDT file; multiword-token and empty-node rows are skipped."""
    sent = Sentence()
    with _open(Path(path)) as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                if sent.rows:
                    yield sent
                sent = Sentence()
            elif line.startswith("#"):
                key, sep, value = line[1:].partition("=")
                if sep:
                    sent.meta[key.strip()] = value.strip()
            else:
                cols = line.split("\t")
                if len(cols) < 10 or "-" in cols[0] or "." in cols[0]:
                    continue
                sent.rows.append(cols)
    if sent.rows:
        yield sent
