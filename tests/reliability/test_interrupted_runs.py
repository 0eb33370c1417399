"""A run killed at any stage leaves no folder that looks complete, and the next run into the
same folder recovers cleanly."""

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from innonlp import load_run

STAGES = ["Language analysis (segments): started", "Finding themes: started"]
TOPICS = {"skole": "Skolen trenger flere lærere og bedre klasserom for elevene.",
          "vei": "Veien gjennom bygda trenger gang- og sykkelvei og lavere fart.",
          "helse": "Legevakten må ligge nærmere, og ventetiden hos fastlegen er for lang."}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("inn")
    for i in range(18):
        topic = list(TOPICS)[i % 3]
        (d / f"{topic}{i}.txt").write_text(f"{TOPICS[topic]} Innspill nummer {i}.\n",
                                           encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def complete(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("complete") / "run"
    assert _analyze(inputs, out).returncode == 0
    return out


def _analyze(inputs: Path, out: Path) -> subprocess.CompletedProcess[str]:
    # --no-cache: a reused stage would finish before the signal could be sent
    return subprocess.run([sys.executable, "-m", "innonlp", "analyze", str(inputs), "--out",
                           str(out), "-q", "--no-cache"], timeout=600, capture_output=True,
                          text=True)


def _default_sigint() -> None:
    # a shell without job control starts background jobs with SIGINT ignored, and Python
    # then never turns it into KeyboardInterrupt: give the run the default, as a terminal does
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(inputs: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "innonlp", "analyze", str(inputs), "--out",
                             str(out), "--no-cache"], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, preexec_fn=_default_sigint)


def _kill_at(proc: subprocess.Popen[str], marker: str, sig: int) -> bool:
    """Send ``sig`` once ``marker`` shows in the progress log; False if the run ended first."""
    assert proc.stderr is not None
    for line in proc.stderr:
        if marker in line:
            proc.send_signal(sig)
            break
    else:
        return False
    proc.wait(timeout=120)
    return True


@pytest.mark.parametrize("marker", STAGES)
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL],
                         ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_killed_run_never_looks_complete_and_reruns_cleanly(
        tmp_path: Path, inputs: Path, complete: Path, marker: str, sig: int) -> None:
    import shutil

    out = tmp_path / "run"
    # a complete earlier run in the same folder: the killed run must not leave it looking
    # complete with a mix of old and new files
    shutil.copytree(complete, out)
    proc = _start(inputs, out)
    if not _kill_at(proc, marker, sig):
        pytest.skip("the run finished before the signal could be sent")
    assert proc.returncode != 0
    assert not (out / "manifest.json").exists()
    with pytest.raises(Exception, match="not a finished innonlp run"):
        load_run(out)
    assert not (out / "themes.json").exists() or marker != STAGES[0]  # old results gone
    again = _analyze(inputs, out)
    assert again.returncode == 0, again.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["processed"] == 18
    assert not list(out.glob(".*.tmp"))
    load_run(out)
