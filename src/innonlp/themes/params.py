"""The themes stage's parameters (light to import: the command line and the run record need
them before any model library is loaded)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeParams:
    n_themes: int | str = "auto"
    min_theme_size: int = 3
    max_themes: int | str = "auto"
    max_outlier_share: float = 0.15
    seed: int = 0
    n_bootstrap: int = 5
    keyphrases: str = "noun_phrases"
    top_n: int = 10
    n_quotes: int = 4
