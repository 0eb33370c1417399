"""Terminal output: a rich progress display on terminals, plain lines elsewhere."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..run.pipeline import RunResult


class Reporter:
    def __init__(self, quiet: bool = False, verbose: bool = False) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self.console = Console(stderr=True)
        self.is_tty = sys.stderr.isatty()

    def info(self, message: str) -> None:
        """One plain line on stderr (not with --quiet)."""
        if not self.quiet:
            self.console.print(message, markup=False, highlight=False)

    @contextmanager
    def progress(self, label: str) -> Iterator[Callable[[str], None]]:
        if self.quiet:
            yield lambda name: None
            return
        if self.is_tty and not self.verbose:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            with Progress(SpinnerColumn(), TextColumn("{task.description}"),
                          TextColumn("{task.completed} inputs"), TimeElapsedColumn(),
                          console=self.console, transient=True) as prog:
                task = prog.add_task(label, total=None)
                yield lambda name: prog.advance(task)
            return
        count = [0]

        def tick(name: str) -> None:
            count[0] += 1
            if self.verbose:
                print(f"reading {name}", file=sys.stderr)
            elif count[0] % 1000 == 0:
                print(f"{label}: {count[0]} inputs", file=sys.stderr)

        yield tick

    @contextmanager
    def stage(self, label: str, total: int | None) -> Iterator[Callable[[int], None]]:
        """A long stage: a rich bar with counts and time left on a terminal; elsewhere
        (CI, pipes) a plain line at every tenth of the work, with the time left."""
        if self.quiet:
            yield lambda n: None
            return
        if self.is_tty:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                          console=self.console, transient=not self.verbose) as prog:
                task = prog.add_task(label, total=total)
                yield lambda n: prog.advance(task, n)
            return
        t0 = time.perf_counter()
        done = [0, 0]  # items done, last tenth reported
        print(f"{label}: started" + (f" ({total} to do)" if total else ""), file=sys.stderr)

        def advance(n: int) -> None:
            done[0] += n
            if not total:
                return
            tenth = 10 * done[0] // total
            if tenth > done[1]:
                done[1] = tenth
                spent = time.perf_counter() - t0
                left = spent * (total - done[0]) / max(done[0], 1)
                print(f"{label}: {done[0]}/{total} ({10 * tenth} %), {spent:.0f} s, about "
                      f"{left:.0f} s left", file=sys.stderr)

        yield advance
        print(f"{label}: done in {time.perf_counter() - t0:.1f} s", file=sys.stderr)

    def failures(self, result: RunResult) -> None:
        """The inputs that failed (also with --quiet), and with --verbose the skipped ones,
        one plain line each (file names are never read as markup)."""
        for e in result.manifest["inputs"]:
            if e["status"] == "failed" or (self.verbose and e["status"] == "skipped"):
                self.console.print(f"{e['status']} {e['input']}: {e['reason']}",
                                   markup=False, highlight=False)

    def summary(self, result: RunResult) -> None:
        if self.quiet:
            self.failures(result)
            return
        m = result.manifest
        c = m["counts"]
        table = Table(title=Text(f"innonlp run → {result.out}"), show_header=False)
        table.add_row("inputs", str(c["inputs"]))
        table.add_row("processed", str(c["processed"]))
        table.add_row("skipped", str(c["skipped"]))
        table.add_row("failed", str(c["failed"]))
        table.add_row("submissions", str(m["submissions"]))
        table.add_row("segments", str(m["segments"]))
        cs = m["campaign_summary"]
        table.add_row("campaigns", f"{cs['campaigns']} ({cs['campaign_copies']} copies)")
        if "nlp" in m:
            n = m["nlp"]
            for std, c in n["pipelines"].items():
                table.add_row(f"language {std}", f"{c['model']} ({c['tier']})")
            table.add_row("tokens", f"{n['tokens']} ({n['words_per_second']} words/s)")
        if "themes" in m:
            t = m["themes"]
            table.add_row("themes", f"{t['n_themes']} (Andre innspill: "
                                    f"{t['outlier_share']:.0%} of segments)")
        if m.get("summary", {}).get("status") == "compared":
            sm = m["summary"]
            table.add_row("summary", f"theme recall {sm['theme_recall']:.2f}, weighted "
                                     f"coverage {sm['weighted_coverage']:.2f}")
        if "reports" in m:
            table.add_row("reports", ", ".join(m["reports"]["files"]))
        self.console.print(table)
        edits = (m.get("reports") or {}).get("edits")
        if edits:
            self.console.print(f"edits applied: {edits['applied']}", markup=False)
            for e in edits["not_applied"]:
                self.console.print(f"edit not applied ({e['kind']}): {e['reason']}",
                                   markup=False, highlight=False)
        self.failures(result)
