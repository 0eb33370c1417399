"""The command line as a newcomer meets it: usage errors are one line with a hint and exit
status 2, a bare ``innonlp`` prints its help, no input files stops before any stage, -q
still names failed inputs, and the demo says what to open."""

import subprocess
import sys
from pathlib import Path

import pytest

from innonlp import __version__


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "innonlp", *args], capture_output=True,
                          text=True, timeout=300)


@pytest.mark.parametrize("args, hint", [
    (["analyze", "x", "--out", "y", "--summ", "s.md"], "did you mean --summary?"),
    (["analyze"], "Missing argument"),
    (["analyze", "x", "--out", "y", "--jobs", "many"], "'--jobs'"),
    (["frobnicate"], "No such command"),
])
def test_usage_errors_are_one_line_and_exit_2(args: list[str], hint: str) -> None:
    res = _cli(*args)
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("innonlp: error: ")
    assert hint in lines[0] and "--help" in lines[0]
    assert "internal error" not in res.stderr


def test_bare_innonlp_prints_help_and_version_works() -> None:
    res = _cli()
    assert res.returncode == 0 and "Usage: innonlp" in res.stdout and "analyze" in res.stdout
    res = _cli("--version")
    assert res.returncode == 0 and res.stdout.strip() == f"innonlp {__version__}"


def test_help_renders_brackets_and_flags_have_no_metavar() -> None:
    out = _cli("analyze", "--help").stdout
    assert "[ingest]" in out
    assert "--strict <bool>" not in out and "<bool>" not in out


@pytest.mark.parametrize("make", ["empty", "missing"])
def test_no_input_files_stop_before_any_stage(tmp_path: Path, make: str) -> None:
    src = tmp_path / "inn"
    if make == "empty":
        src.mkdir()
    res = _cli("analyze", str(src), "--out", str(tmp_path / "run"))
    assert res.returncode == 2 and "no input files found" in res.stderr
    assert not (tmp_path / "run").exists()


def test_quiet_still_names_failed_inputs(tmp_path: Path) -> None:
    src = tmp_path / "inn"
    src.mkdir()
    (src / "god.txt").write_text("Vi støtter forslaget om flere sykkelveier i byen.",
                                 encoding="utf-8")
    (src / "[skadet].pdf").write_bytes(b"%PDF-1.4 not really")
    res = _cli("ingest", str(src), "--out", str(tmp_path / "run"), "-q")
    assert res.returncode == 1
    assert "failed" in res.stderr and "[skadet].pdf" in res.stderr


def test_out_over_an_input_is_one_clear_line(tmp_path: Path) -> None:
    src = tmp_path / "inn"
    src.mkdir()
    (src / "a.txt").write_text("Vi støtter forslaget.", encoding="utf-8")
    res = _cli("ingest", str(src), "--out", str(src))
    assert res.returncode == 2 and "outside the inputs" in res.stderr


def test_out_naming_a_file_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Vi støtter forslaget.", encoding="utf-8")
    (tmp_path / "run").write_text("not a folder", encoding="utf-8")
    res = _cli("ingest", str(tmp_path / "a.txt"), "--out", str(tmp_path / "run"))
    assert res.returncode == 2 and res.stderr.startswith("innonlp: error:")


def test_a_full_disk_is_one_clear_line(tmp_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    """An environment failure while writing (ENOSPC) ends in exit 2 and one line, never an
    internal error; nothing half-written is left (outputs are written atomically)."""
    import errno

    from innonlp import io as innonlp_io
    from innonlp.cli import main

    (tmp_path / "a.txt").write_text("Vi støtter forslaget om flere sykkelveier.",
                                    encoding="utf-8")

    def full(path, writer):  # noqa: ANN001, ANN202
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(innonlp_io, "atomic_write", full)
    monkeypatch.setattr(sys, "argv", ["innonlp", "ingest", str(tmp_path / "a.txt"), "--out",
                                      str(tmp_path / "run"), "-q"])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no space left on the device" in err[0]
    assert not (tmp_path / "run" / "manifest.json").exists()
