"""The themes stage's result: the ``themes.json`` document and the per-segment and
per-submission columns that go into the Parquet tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ThemesResult:
    """What :func:`~innonlp.themes.build.find_themes` found.

    ``doc`` is ``themes.json`` as written; ``segments`` maps a column of
    ``segments.parquet`` (``theme_id``, ``bucket``, ``subtheme_id``, ``theme_similarity``,
    ``x``, ``y``) to its values in segment order; ``submissions`` maps a submission id to its
    ``theme_ids``, ``main_theme_id`` and ``key_phrases``; ``seconds`` times the steps (for
    ``run.json``, never for the deterministic files); ``nlp`` is the record of the language
    layer that produced the analyses (the manifest shows it when the themes are read back
    from the cache).
    """

    doc: dict[str, Any]
    segments: dict[str, list[Any]]
    submissions: dict[str, dict[str, Any]]
    seconds: dict[str, float] = field(default_factory=dict)
    nlp: dict[str, Any] | None = None

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-able data (for the stage cache)."""
        return {"doc": self.doc, "segments": self.segments, "submissions": self.submissions,
                "seconds": self.seconds, "nlp": self.nlp}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ThemesResult:
        """The inverse of :meth:`to_data`; a wrong shape is a ``ValueError``."""
        if not isinstance(data, dict) or not isinstance(data.get("doc"), dict) \
                or not isinstance(data.get("segments"), dict) \
                or not isinstance(data.get("submissions"), dict):
            raise ValueError("not a themes stage result")
        n = {len(v) for v in data["segments"].values()}
        if len(n) > 1 or not isinstance(data["doc"].get("themes"), list):
            raise ValueError("themes stage result with columns of different lengths")
        return cls(data["doc"], data["segments"], data["submissions"],
                   dict(data.get("seconds") or {}), data.get("nlp"))
