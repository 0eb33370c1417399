"""Every command of the CLI, run as a user would (a subprocess of the installed entry point
for exit codes and error lines; typer's runner for the rest)."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from innonlp.cli import app

from .conftest import sample_truth_ids

runner = CliRunner()
GOOD = "Vi støtter forslaget om flere sykkelveier i sentrum av byen vår."


def _cli(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = None
    if home is not None:  # a home of its own: what the run leaves there can be seen
        import os

        env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    return subprocess.run([sys.executable, "-c", "from innonlp.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=300, env=env)


def test_a_run_leaves_nothing_outside_its_folder(tmp_path: Path) -> None:
    """The default cache lives in the run folder: no copy of the submissions' words in the
    user's home (issue 21), and a rerun into the same folder reuses it."""
    home = tmp_path / "home"
    home.mkdir()
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "run"
    for _ in range(2):
        res = _cli("analyze", str(tmp_path / "a.txt"), "--out", str(out), "-q", home=home)
        assert res.returncode == 0, res.stderr
    assert list(home.rglob("*")) == []
    assert (out / ".innonlp" / "cache.sqlite").is_file()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "themes" in manifest["cache"]["stages_reused"]


@pytest.mark.parametrize("cmd", [[], ["ingest"], ["analyze"], ["demo"], ["evaluate"],
                                 ["evaluate", "standard"]])
def test_help_on_every_command(cmd: list[str]) -> None:
    res = runner.invoke(app, [*cmd, "--help"])
    assert res.exit_code == 0
    assert "Usage" in res.output


def test_ingest_writes_its_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "run"
    res = _cli("ingest", str(tmp_path / "a.txt"), "--out", str(out), "-q")
    assert res.returncode == 0, res.stderr
    # and innonlp's private folder (the lock; the cache for analyze)
    assert {p.name for p in out.iterdir()} - {".innonlp"} == {
        "submissions.parquet", "segments.parquet", "manifest.json", "run.json"}


def test_exit_status_reflects_failures_and_strict(tmp_path: Path) -> None:
    d = tmp_path / "inn"
    d.mkdir()
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    (d / "b.pdf").write_bytes(b"%PDF-1.4 broken")
    res = _cli("ingest", str(d), "--out", str(tmp_path / "r1"))
    assert res.returncode == 1
    assert "b.pdf" in res.stderr and "corrupt" in res.stderr
    res = _cli("ingest", str(d), "--out", str(tmp_path / "r2"), "--strict")
    assert res.returncode == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("innonlp: error:") and "--strict" in lines[0]
    assert "Traceback" not in res.stderr


def test_errors_are_one_line_and_debug_shows_traceback(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[ingest]\nmax_fil_size = 3\n", encoding="utf-8")
    res = _cli("ingest", str(tmp_path), "--out", str(tmp_path / "r"), "--config", str(cfg))
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0
    assert "Unknown key(s) 'max_fil_size'" in res.stderr
    res = _cli("--debug", "ingest", str(tmp_path), "--out", str(tmp_path / "r"), "--config",
               str(cfg))
    assert "Traceback" in res.stderr


def test_size_limit_flag(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD * 50, encoding="utf-8")
    out = tmp_path / "run"
    res = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--out", str(out),
                              "--max-file-size", "1KB", "-q"])
    assert res.exit_code == 1
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "--max-file-size" in m["inputs"][0]["reason"]
    res = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--out", str(out),
                              "--max-file-size", "lots"])
    assert res.exit_code != 0


def test_analyze_with_column_flags_and_summary(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text("nr;svar1;svar2;hvem\n1;Mer buss.;Billigere buss.;Kari "
                                    "Nordmann\n", encoding="utf-8")
    summary = tmp_path / "oppsummering.txt"
    summary.write_text("Folk vil ha buss.", encoding="utf-8")
    out = tmp_path / "run"
    res = runner.invoke(app, ["analyze", str(tmp_path / "s.csv"), "--out", str(out),
                              "--text-column", "svar1", "--text-column", "svar2",
                              "--id-column", "nr", "--submitter-column", "hvem",
                              "--summary", str(summary), "-q"])
    assert res.exit_code == 0, res.output
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert m["inputs"][0]["submission_ids"] == ["privatperson-001"]  # a person, not named
    assert m["summary"]["path"] == str(summary)
    res = runner.invoke(app, ["analyze", str(tmp_path / "s.csv"), "--out", str(out),
                              "--summary", str(tmp_path / "mangler.txt")])
    assert res.exit_code != 0


def test_demo_accounts_for_every_sample_input(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    res = _cli("demo", "--out", str(out))
    assert res.returncode == 0, res.stderr
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    sample = Path(__file__).resolve().parents[1] / "data" / "sample-consultation" / "innspill"
    files = [p for p in sample.rglob("*") if p.is_file()]
    csv_rows = 40
    assert m["counts"]["inputs"] == len(files) - 1 + csv_rows  # the CSV counts by its rows
    assert m["counts"]["failed"] == 0
    assert m["counts"]["processed"] == 100
    assert m["campaign_summary"]["campaign_copies"] == 10
    truth = json.loads((sample.parent / "ground_truth.json").read_text(encoding="utf-8"))
    n_nn = sum(t["standard"] == "nn" for t in truth["submissions"])
    assert m["standards"]["submissions"] == {"nb": 100 - n_nn, "nn": n_nn}
    assert m["stages"] == ["ingest", "standard", "nlp", "stance", "themes", "report"]
    # the run records which language pipeline ran for each standard, and why
    for std in ("nb", "nn"):
        choice = m["nlp"]["pipelines"][std]
        assert choice["tier"] in ("embedded", "spacy") and choice["reason"]
    assert m["nlp"]["segments"] == m["segments"] and m["nlp"]["tokens"] > 1000
    assert "Language pipeline for nb" in res.stderr


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kommunen støtter forslaget om mer samarbeid.", "utf-8")
    res = _cli("analyze", str(tmp_path / "a.txt"), "--out", str(tmp_path / "run"),
               "--nlp", "nb_core_news_zz")
    assert res.returncode != 0
    assert "nb_core_news_zz" in res.stderr and "pip install" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "run" / "manifest.json").exists()


def _theme_f1(themes: dict, truth: dict, out: Path | None = None) -> dict[str, float]:
    ids = sample_truth_ids(out) if out is not None else {}
    themes = {"themes": [{**t, "submission_ids": [ids.get(i, i) for i in t["submission_ids"]]}
                         for t in themes["themes"]]}
    planted: dict[str, set[str]] = {}
    for s in truth["submissions"]:
        for t in s["themes"]:
            planted.setdefault(t, set()).add(s["id"])
    out = {}
    for name, members in planted.items():
        out[name] = max((2 * len(members & set(t["submission_ids"]))
                         / (len(members) + len(t["submission_ids"]))
                         for t in themes["themes"]), default=0.0)
    return out


def test_demo_themes(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    res = _cli("demo", "--out", str(out), "-q")
    assert res.returncode == 0, res.stderr
    themes = json.loads((out / "themes.json").read_text(encoding="utf-8"))
    assert themes["schema"] == "innonlp.themes/1"
    in_themes = sum(t["n_segments"] for t in themes["themes"])
    assert (in_themes + themes["outliers"]["n_segments"] + themes["formalia"]["n_segments"]
            == themes["n_segments"])
    assert themes["formalia"]["n_segments"] > 0  # the sample's letters greet and close
    for t in themes["themes"]:
        assert t["label"] and t["key_phrases"] and 0 <= t["stability"] <= 1
        assert 1 <= len(t["quotes"]) <= 5
        for q in t["quotes"]:
            assert q["end"] > q["start"] and q["submission_id"] in t["submission_ids"]
    seg = pd.read_parquet(out / "segments.parquet")
    assert {"theme_id", "subtheme_id", "theme_label", "theme_similarity"} <= set(seg.columns)
    assert (seg["theme_id"].isna() == (seg["bucket"] != "theme")).all()
    assert (seg.loc[seg["bucket"] == "outlier", "theme_label"] == "Andre innspill").all()
    assert seg.loc[seg["bucket"] == "formalia", "theme_label"].str.startswith("Formalia").all()
    assert (seg["bucket"] == "formalia").sum() == themes["formalia"]["n_segments"]
    again = tmp_path / "again"
    # a second run with no cache at all: the same bytes are computed, not read back
    assert _cli("demo", "--out", str(again), "-q", "--no-cache").returncode == 0
    assert not (again / ".innonlp" / "cache.sqlite").exists()
    for name in ("themes.json", "comparison.json", "themes.csv"):  # same input and seed
        assert (again / name).read_bytes() == (out / name).read_bytes(), name
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert info["schema"] == "innonlp.run/1" and info["dependencies"]["spacy"]
    assert info["params"]["themes"]["seed"] == 0 and info["nlp"]["nb"]["tier"]
    assert all(e["sha256"] for e in info["inputs"]
               if e["status"] == "processed" and e["kind"] == "file")
    assert all(c["sha256"] for c in info["containers"])
    assert set(info["seconds"]) >= {"ingest", "nlp", "themes", "compare", "report"}


def test_demo_recovers_every_planted_theme(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    assert _cli("demo", "--out", str(out), "-q").returncode == 0
    themes = json.loads((out / "themes.json").read_text(encoding="utf-8"))
    truth = json.loads((Path(__file__).resolve().parents[1] / "data" / "sample-consultation"
                        / "ground_truth.json").read_text(encoding="utf-8"))
    f1 = _theme_f1(themes, truth, out)
    print("per-theme F1:", {k: round(v, 2) for k, v in sorted(f1.items())})
    sizes = {}
    for s in truth["submissions"]:
        for t in s["themes"]:
            sizes[t] = sizes.get(t, 0) + 1
    assert all(f1[t] >= 0.7 for t, n in sizes.items() if n >= 8), f1


def test_demo_compares_with_its_summary_and_compare_command(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    assert _cli("demo", "--out", str(out), "-q").returncode == 0
    doc = json.loads((out / "comparison.json").read_text(encoding="utf-8"))
    assert doc["figures"]["theme_recall"] == 1.0
    assert "Sammenligning med oppsummeringen" in (out / "comparison.md").read_text("utf-8")
    summary = Path(__file__).resolve().parents[1] / "data" / "sample-consultation" / \
        "oppsummering.md"
    before = (out / "comparison.json").read_bytes()
    res = _cli("compare", str(out), str(summary))
    assert res.returncode == 0, res.stderr
    assert "theme recall 1.00" in res.stdout
    assert (out / "comparison.json").read_bytes() == before
    res = _cli("compare", str(out), str(tmp_path / "missing.md"))
    assert res.returncode == 2 and "does not exist" in res.stderr
    res = _cli("compare", str(tmp_path), str(summary))
    assert res.returncode == 2 and "not a finished innonlp run" in res.stderr


def test_progress_is_plain_lines_off_a_terminal_and_quiet_is_silent(tmp_path: Path) -> None:
    res = _cli("demo", "--out", str(tmp_path / "a"))
    assert res.returncode == 0, res.stderr
    assert "Language analysis (segments): started (" in res.stderr
    assert "(100 %)" in res.stderr and "s left" in res.stderr
    assert "Finding themes: done in" in res.stderr
    assert "\x1b[" not in res.stderr  # no terminal control codes in logs
    res = _cli("demo", "--out", str(tmp_path / "b"), "-q")
    assert res.returncode == 0 and res.stderr == ""


def test_command_line_starts_without_the_model_libraries() -> None:
    # scikit-learn (and SciPy's statistics) load only when a stage clusters or compares:
    # a rerun whose stages all come from the cache, or --help, starts in about half the time
    import subprocess
    import sys

    code = ("import sys, innonlp.cli.app; "
            "print(sorted(m for m in ('sklearn', 'scipy.stats') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
