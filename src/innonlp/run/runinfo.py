"""``run.json``: what a rerun months later needs to know, kept apart from the results.

``themes.json`` and ``comparison.json`` hold no timestamps, durations or versions, so the
same input and seed give the same bytes; everything that changes from run to run, or that
explains a difference, is here: when, how long per stage, innonlp's and its dependencies'
versions, the language pipeline per standard, every parameter, and the hash of every input.
"""

from __future__ import annotations

import platform
import sys
import time
from importlib import metadata
from typing import Any

from .._version import __version__

SCHEMA = "innonlp.run/1"
DEPENDENCIES = ("spacy", "scikit-learn", "numpy", "scipy", "pandas", "pyarrow", "pypdfium2",
                "pypdf", "python-docx", "odfdo", "openpyxl", "beautifulsoup4", "lxml",
                "datasketch", "rapidfuzz", "simplemma", "typer", "rich")


def versions() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for name in DEPENDENCIES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def run_info(manifest: dict[str, Any], timings: dict[str, float],
             params: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.gmtime()),
        "innonlp": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "dependencies": versions(),
        "seconds": {k: round(v, 2) for k, v in timings.items()},
        "nlp": (manifest.get("nlp") or {}).get("pipelines"),
        "params": params,
        # files and archive members carry their own hash; table rows and archive members
        # are also covered by the hash of the file they came from (under "containers")
        "inputs": [{"input": e["input"], "kind": e.get("kind"), "sha256": e.get("sha256"),
                    "status": e["status"]} for e in manifest.get("inputs", [])],
        "containers": [{"input": e["input"], "sha256": e.get("sha256")}
                       for e in manifest.get("containers", [])],
    }
