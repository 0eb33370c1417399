"""Where the bundled sample consultation lives (installed wheel or source checkout)."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError


def sample_path() -> Path:
    """The folder of the bundled fictional sample consultation.

    In an installed wheel it is ``innonlp/_sample``; in a source checkout ``data/sample-
    consultation`` at the repository root.
    """
    here = Path(__file__).resolve().parent
    for cand in (here / "_sample", here.parent.parent / "data" / "sample-consultation"):
        if (cand / "innspill").is_dir():
            return cand
    raise InputError(
        "The bundled sample consultation is missing from this installation; reinstall "
        "innonlp or run from a source checkout."
    )
