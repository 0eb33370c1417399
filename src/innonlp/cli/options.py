"""Command-line options shared by several command groups."""

from __future__ import annotations

from typing import Annotated

import typer

SeedOpt = Annotated[int, typer.Option("--seed", help="Random seed; same input and seed give "
                                      "the same themes.")]
NlpOpt = Annotated[str, typer.Option(
    "--nlp", help="Language pipeline: auto (an installed nb_core_news_* for Bokmål, else the "
    "embedded one), embedded (built in, no download), or a spaCy package name or path.")]
