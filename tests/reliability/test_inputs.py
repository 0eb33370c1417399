"""Every input accounted for: unreadable, empty and earlier-run folders, inputs given
twice, symlink loops and paths longer than PATH_MAX each get a manifest entry with a
reason — never a traceback, never counted twice."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from innonlp import IngestConfig, ingest
from innonlp.cli import app

TEXT = "Vi ønsker flere sykkelveier og bedre kollektivtilbud i kommunen vår nå."
CFG = IngestConfig(detect_campaigns=False)


def _folder(root: Path) -> Path:
    (root / "brev").mkdir(parents=True)
    (root / "brev" / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "b.txt").write_text(TEXT.replace("sykkelveier", "busser"), encoding="utf-8")
    return root


def _by_name(res: object) -> dict[str, object]:
    return {Path(e.input).name: e for e in res.entries}  # type: ignore[attr-defined]


# --- folders -------------------------------------------------------------------------

def test_an_unreadable_folder_is_listed_as_failed(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = _folder(tmp_path / "in")
    (root / "lukket").mkdir()
    (root / "lukket" / "c.txt").write_text(TEXT, encoding="utf-8")
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if str(path).endswith("lukket"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    e = _by_name(ingest([root], CFG))["lukket"]
    assert e.status == "failed" and e.kind == "folder"  # type: ignore[attr-defined]
    assert "permission denied" in e.reason  # type: ignore[attr-defined]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_a_folder_without_read_permission_is_listed(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    (root / "lukket").mkdir(mode=0o000)
    try:
        e = _by_name(ingest([root], CFG))["lukket"]
        assert e.status == "failed"  # type: ignore[attr-defined]
    finally:
        (root / "lukket").chmod(0o755)


def test_an_empty_folder_is_listed(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    (root / "tom").mkdir()
    e = _by_name(ingest([root], CFG))["tom"]
    assert e.status == "skipped" and "empty folder" in e.reason  # type: ignore[attr-defined]


@pytest.mark.parametrize("marker", ["manifest.json", "run.json", ".innonlp"])
def test_an_earlier_run_folder_inside_an_input_is_skipped(tmp_path: Path,
                                                          marker: str) -> None:
    root = _folder(tmp_path / "in")
    old = root / "forrige-kjoring"
    old.mkdir()
    if marker == ".innonlp":
        (old / ".innonlp").mkdir()
    else:
        (old / marker).write_text("{}", encoding="utf-8")
    (old / "report.md").write_text("# Rapport\n\n" + TEXT, encoding="utf-8")
    (old / "themes.csv").write_text("id,label\nT01,Sykkel\n", encoding="utf-8")
    res = ingest([root], CFG)
    e = _by_name(res)["forrige-kjoring"]
    assert e.status == "skipped" and marker in e.reason  # type: ignore[attr-defined]
    assert "innonlp run folder" in e.reason  # type: ignore[attr-defined]
    assert not any("forrige-kjoring" in s.source for s in res.submissions)
    assert len(res.submissions) == 2


def test_the_run_folder_of_this_run_inside_the_input_is_not_read(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    res = CliRunner().invoke(app, ["ingest", str(root), "--out", str(root / "run"), "-q"])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(app, ["ingest", str(root), "--out", str(root / "run"), "-q"])
    assert res.exit_code == 0, res.output
    m = json.loads((root / "run" / "manifest.json").read_text(encoding="utf-8"))
    assert {Path(e["input"]).name: e["status"] for e in m["inputs"]}["run"] == "skipped"
    assert sum(e["status"] == "processed" for e in m["inputs"]) == 2


# --- duplicates ----------------------------------------------------------------------

def test_the_same_folder_given_twice_is_counted_once(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    res = ingest([root, root, Path(str(root) + "/")], CFG)
    assert len(res.submissions) == 2
    notes = [e for e in res.entries if e.status == "skipped"]
    assert len(notes) == 2 and all("given twice" in e.reason for e in notes)


def test_a_folder_inside_another_input_is_counted_once(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    res = ingest([root, root / "brev"], CFG)
    assert len(res.submissions) == 2
    assert any("given twice" in e.reason for e in res.entries)


def test_a_file_given_again_is_counted_once(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    res = ingest([root, root / "b.txt", root / "brev" / "a.txt"], CFG)
    assert len(res.submissions) == 2
    twice = [e for e in res.entries if "same file as" in e.reason]
    assert len(twice) == 2 and all(e.status == "skipped" for e in twice)


def test_a_folder_holding_an_earlier_input_counts_its_files_once(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    res = ingest([root / "brev", root], CFG)
    assert len(res.submissions) == 2
    assert [e.status for e in res.entries if "same file as" in e.reason] == ["skipped"]


def test_a_symlink_to_a_file_in_the_same_folder_is_counted_once(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    (root / "kopi.txt").symlink_to(root / "b.txt")
    res = ingest([root], CFG)
    assert len(res.submissions) == 2
    assert _by_name(res)["kopi.txt"].status == "skipped"  # type: ignore[attr-defined]


# --- loops and long paths ------------------------------------------------------------

def test_symlink_loops_are_skipped_with_a_reason(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "x.txt").symlink_to(root / "y.txt")
    (root / "y.txt").symlink_to(root / "x.txt")
    (root / "sirkel").symlink_to(root, target_is_directory=True)
    res = ingest([root, root / "loop.txt"], CFG)
    by = _by_name(res)
    for name in ("loop.txt", "x.txt", "y.txt"):
        assert by[name].status in ("skipped", "failed")  # type: ignore[attr-defined]
        assert "loop" in by[name].reason  # type: ignore[attr-defined]
    assert by["sirkel"].status == "skipped"  # type: ignore[attr-defined]
    assert len(res.submissions) == 2


def _deep(root: Path, depth: int = 20) -> Path:
    """A chain of folders whose full path is longer than PATH_MAX (made with dir fds)."""
    name = "d" * 250
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir(name, dir_fd=fd)
            nxt = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nxt
        with open(os.open("dypt.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w",
                  encoding="utf-8") as fh:
            fh.write(TEXT)
    finally:
        os.close(fd)
    return root.joinpath(*([name] * depth))


def test_a_path_longer_than_path_max_is_listed(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    deep = _deep(root)
    assert len(str(deep)) > os.pathconf("/", "PC_PATH_MAX")
    res = ingest([root], CFG)
    failed = [e for e in res.entries if e.status == "failed"]
    assert failed and all("PATH_MAX" in e.reason for e in failed)
    assert len(res.submissions) == 2
    (e,) = ingest([deep / "dypt.txt"], CFG).entries
    assert e.status == "failed" and "PATH_MAX" in e.reason


def test_loops_and_long_paths_never_end_in_internal_error(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    deep = _deep(root)
    res = CliRunner().invoke(app, ["ingest", str(root), str(deep), str(root / "loop.txt"),
                                   "--out", str(tmp_path / "run"), "-q"])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.output
    assert res.exit_code == 1  # some inputs failed, the rest were analysed
    m = json.loads((tmp_path / "run" / "manifest.json").read_text(encoding="utf-8"))
    assert sum(e["status"] == "processed" for e in m["inputs"]) == 2
