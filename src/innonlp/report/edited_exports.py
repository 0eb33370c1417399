"""The exports beside the reports that follow the edited themes: ``themes.csv``, the
comparison (``comparison.json``/``.md``, the machine's kept as ``comparison.machine.json``)
and the commented ``edits.example.toml`` template."""

from __future__ import annotations

from pathlib import Path

from ..io import write_json, write_text
from .edits_source import EXAMPLE, template
from .run import Run, load_run

MACHINE_COMPARISON = "comparison.machine.json"


def write_edited_exports(run: Run, target: Path) -> list[str]:
    """Write the files and return their names (for the manifest)."""
    from ..compare.report import comparison_markdown
    from ..themes.outputs import themes_csv

    files = ["themes.csv", EXAMPLE]
    write_text(target / "themes.csv", themes_csv(run.themes_doc))
    write_text(target / EXAMPLE, template(run.themes_doc))
    doc = run.comparison_doc
    if doc is None:
        return files
    machine = target / MACHINE_COMPARISON
    edited = bool(run.edits.applied)
    if edited and not machine.is_file() and (target / "comparison.json").is_file():
        machine.write_bytes((target / "comparison.json").read_bytes())
    if edited:
        doc = {**doc, "edits": {"source": run.edits.source,
                                "applied": len(run.edits.applied),
                                "machine_comparison": MACHINE_COMPARISON}}
    elif machine.is_file():
        machine.unlink()  # no edits any more: comparison.json is the machine's again
    write_json(target / "comparison.json", doc)
    write_text(target / "comparison.md", comparison_markdown(doc))
    return files + ["comparison.json", "comparison.md"] + ([MACHINE_COMPARISON]
                                                           if edited else [])


def machine_comparison(run_dir: Path) -> Path:
    """The machine's comparison in a run folder (the edited one sits in comparison.json)."""
    p = run_dir / MACHINE_COMPARISON
    return p if p.is_file() else run_dir / "comparison.json"


def compare_with_edits(run_dir: Path) -> dict[str, object] | None:
    """After ``innonlp compare`` wrote the machine's comparison: with edits in the run
    folder, the comparison on the edited themes (returns the edits record, else None)."""
    stale = run_dir / MACHINE_COMPARISON
    if stale.is_file():
        stale.unlink()  # comparison.json was just written by the machine
    run = load_run(run_dir)
    if not run.edits.applied:
        return None
    write_edited_exports(run, run_dir)
    return {"source": run.edits.source, "applied": len(run.edits.applied),
            "warnings": run.edits.warnings}
