"""Write every export of a run: ``report.md``, ``report.docx``, ``report.html``,
``themes.xlsx`` and, when edits were applied, ``edits_applied.json`` (what was applied and
what could not be, with reasons). Each file is written atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..io import atomic_write, write_json, write_text
from ..parallel import SERIAL, Executor
from .content import report_blocks
from .edited_exports import write_edited_exports
from .excel import write_xlsx
from .html import to_html
from .phrases import report_standard
from .plots import pngs
from .render import to_docx, to_markdown
from .run import Run, load_run

EXPORTS = ("report.md", "report.docx", "report.html", "themes.xlsx")


def _write_bytes(path: Path, data: bytes) -> None:
    atomic_write(path, lambda tmp: tmp.write_bytes(data))


def _documents(run: Run) -> tuple[str, bytes, str]:
    blocks = report_blocks(run)
    charts = pngs(run, [b[1] for b in blocks if b[0] == "chart"])
    lang = "nn-NO" if report_standard(run.manifest) == "nn" else "nb-NO"
    return to_markdown(blocks), to_docx(blocks, charts, lang), to_html(run)


def write_reports(run: Run, out: Path | None = None, executor: Executor = SERIAL
                  ) -> dict[str, Any]:
    """All exports into ``out`` (default: the run folder); returns a record for the
    manifest and the command line. With a forked ``executor`` the workbook is written by a
    forked process while the documents are built here (the same bytes)."""
    target = Path(out) if out is not None else run.path
    target.mkdir(parents=True, exist_ok=True)
    # the workbook is streamed to its file (a big run's segment sheet is never held)
    calls: list[Any] = [lambda: _documents(run), lambda: write_xlsx(run, target / "themes.xlsx")]
    documents = executor.map_calls(calls)[0]
    markdown, docx, html = documents
    write_text(target / "report.md", markdown)
    _write_bytes(target / "report.docx", docx)
    write_text(target / "report.html", html)
    record: dict[str, Any] = {"files": list(EXPORTS) + write_edited_exports(run, target),
                              "edits": None}
    if run.edits.source is not None:
        write_json(target / "edits_applied.json", run.edits.as_dict())
        record["files"].append("edits_applied.json")
        record["edits"] = {"applied": len(run.edits.applied),
                           "not_applied": run.edits.not_applied,
                           "warnings": run.edits.warnings, "source": run.edits.source,
                           "translated_file": run.edits.translated_file}
    return record


def report_run(run_dir: str | Path, edits: str | Path | None = None) -> dict[str, Any]:
    """``innonlp report RUNDIR``: regenerate the exports from the stored run plus edits."""
    return write_reports(load_run(run_dir, edits=edits))
