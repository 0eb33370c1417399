"""What a run is asked about the consultation's own structure: the codebook (``--codebook``),
a closed question (``--closed-column``) and whether endorsements count
(``--count-endorsements``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .match import MatchParams


@dataclass(frozen=True)
class StructureOptions:
    """The structure options of a run (all off: a run exactly as without them).

    Attributes
    ----------
    codebook : Path or None
        A TOML codebook or the consultation document whose numbered headings become seeds.
    closed_column : str or None
        A table column with a closed answer ("ja", "nei", "delvis") to cross-tabulate.
    count_endorsements : bool
        Count a submission that joins another body's answer in that body's themes.
    match : MatchParams
        When a segment matches a seed.
    """

    codebook: Path | None = None
    closed_column: str | None = None
    count_endorsements: bool = False
    match: MatchParams = field(default_factory=MatchParams)
