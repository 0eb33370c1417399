"""The run folder: every file name innonlp writes there, the one "is this a finished run?"
check, clean-up that touches only innonlp's own files, and the lock that keeps two runs out
of one folder.

``manifest.json`` is removed first when a run starts and written last, so a folder without
it is never mistaken for a complete run. Files innonlp did not write (an analyst's
``edits.toml``, notes, drafts) are never removed; temporary files are innonlp's only when
they follow its own pattern (``.innonlp-*.tmp``, see :mod:`innonlp.io`).
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .io import TMP_PREFIX

MANIFEST = "manifest.json"
RUN_INFO = "run.json"
SUBMISSIONS = "submissions.parquet"
SEGMENTS = "segments.parquet"
THEMES_JSON = "themes.json"
THEMES_CSV = "themes.csv"
COMPARISON_JSON = "comparison.json"
COMPARISON_MD = "comparison.md"
EDITS = "edits.toml"
EDITS_APPLIED = "edits_applied.json"
REPORTS = ("report.md", "report.docx", "report.html", "themes.xlsx")
PRIVATE = ".innonlp"  # innonlp's own folder in a run folder: the lock and the cache
LOCK = f"{PRIVATE}/lock"
# files a run writes (edits.toml is the analyst's and stays)
OUTPUTS = (RUN_INFO, SUBMISSIONS, SEGMENTS, THEMES_JSON, THEMES_CSV, COMPARISON_JSON,
           COMPARISON_MD, *REPORTS, EDITS_APPLIED, "edits.translated.toml",
           "edits.example.toml", "comparison.machine.json")
RUN_MARKERS = (MANIFEST, RUN_INFO)


def is_run_folder(path: Path) -> bool:
    """Whether ``path`` holds an innonlp run (finished or not): its manifest or run info."""
    return any((path / m).is_file() for m in RUN_MARKERS)


@dataclass(frozen=True)
class RunFolder:
    """A run folder at ``path`` (created by :meth:`prepare`)."""

    path: Path

    def __truediv__(self, name: str) -> Path:
        return self.path / name

    @property
    def finished(self) -> bool:
        """A run finished here: its manifest was written (it is written last)."""
        return (self.path / MANIFEST).is_file()

    def require_finished(self, *needs: str) -> None:
        """Raise :class:`InputError` unless a run finished here and wrote ``needs``."""
        if not self.path.is_dir():
            raise InputError(f"{str(self.path)!r} is not a folder (give a run folder written "
                             "by `innonlp analyze`).")
        if not self.finished:
            raise InputError(f"{str(self.path)!r} is not a finished innonlp run (no "
                             f"{MANIFEST}; a run that was interrupted has none).")
        for name in needs:
            if not (self.path / name).is_file():
                raise InputError(f"Run {str(self.path)!r} has no {name}: run `innonlp "
                                 "analyze` with the themes stage.")

    def read_json(self, name: str) -> dict[str, Any]:
        """A JSON file of the run; a damaged one is one clear error, not a traceback."""
        path = self.path / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(f"{str(path)!r} cannot be read ({exc.__class__.__name__}: "
                             f"{exc}); the run folder is damaged: run `innonlp analyze` "
                             "again.") from None
        if not isinstance(data, dict):
            raise InputError(f"{str(path)!r} is not an innonlp file (not a JSON object); "
                             "run `innonlp analyze` again.")
        return data

    def check_inputs(self, inputs: list[Path]) -> None:
        """Refuse a run folder that is an input folder or lies above one: preparing it
        would remove files of the user's (the folder is innonlp's only where innonlp made
        it). A run folder inside an input folder is allowed; ingest skips it."""
        try:
            out = self.path.resolve()
        except (OSError, RuntimeError) as exc:
            raise InputError(f"--out {str(self.path)!r} cannot be used: {exc}") from None
        for item in inputs:
            try:
                src = item.resolve()
            except (OSError, RuntimeError):
                continue  # ingest reports an input it cannot reach
            if src == out or out in src.parents:
                raise InputError(f"--out {str(self.path)!r} is "
                                 f"{'the input folder' if src == out else 'above the input'} "
                                 f"{str(item)!r}; choose a run folder outside the inputs.")

    @staticmethod
    def require_some_input(inputs: list[Path]) -> None:
        """Refuse a run with no input file at all (an empty folder, missing paths) before
        any stage runs or anything is written: the reason names what was given."""
        for item in inputs:
            try:
                if item.is_file():
                    return
                if item.is_dir() and any(f.is_file() for f in item.rglob("*")):
                    return
            except OSError:
                continue
        what = ", ".join(repr(str(p)) for p in inputs[:3]) + (" …" if len(inputs) > 3 else "")
        missing = [p for p in inputs if not p.exists()]
        one = len(inputs) == 1
        why = ("does not exist" if one else "do not exist") if len(missing) == len(inputs) \
            else ("holds no files" if one else "hold no files")
        raise InputError(f"no input files found: {what} {why}.")

    def read_parquet(self, name: str) -> Any:
        """A table of the run; a damaged one is one clear error, not a traceback."""
        import pandas as pd

        path = self.path / name
        try:
            return pd.read_parquet(path)
        except (OSError, ValueError) as exc:
            raise InputError(f"{str(path)!r} cannot be read ({exc.__class__.__name__}); the "
                             "run folder is damaged: run `innonlp analyze` again.") from None

    def prepare(self) -> None:
        """Create the folder and remove what an earlier run left: its manifest first (so
        the folder never looks complete while this run works), then its other outputs and
        innonlp's own temporary files. Nothing else is touched."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise InputError(f"--out {str(self.path)!r} is a file, not a folder.") from None
        except OSError as exc:
            raise InputError(f"cannot create the run folder {str(self.path)!r}: "
                             f"{exc.strerror or exc}.") from None
        if not os.access(self.path, os.W_OK | os.X_OK):
            raise InputError(f"cannot write into the run folder {str(self.path)!r} "
                             "(permission denied).")
        (self.path / MANIFEST).unlink(missing_ok=True)
        for name in OUTPUTS:
            (self.path / name).unlink(missing_ok=True)
        for tmp in self.path.glob(f"{TMP_PREFIX}*.tmp"):
            tmp.unlink(missing_ok=True)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder's lock for one run: a second run into the same folder (from
        another process) is refused with one line while this one works."""
        import fcntl

        (self.path / PRIVATE).mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    raise InputError(f"another innonlp run is writing into {str(self.path)!r}; "
                                     "wait for it to finish or choose another --out.") from None
                raise
            yield
        finally:
            os.close(fd)
