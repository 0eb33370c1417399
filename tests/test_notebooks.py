"""The notebooks run top to bottom on the demo run, and are stored without outputs."""

from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_both_notebooks_exist() -> None:
    assert {p.name for p in NOTEBOOKS} == {"explore_themes.ipynb",
                                           "compare_with_summary.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_stripped_and_runs(path: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, path.name
    monkeypatch.delenv("INNONLP_RUN", raising=False)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert not errors
    shown = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert shown  # tables and charts were produced


def test_explore_notebook_on_the_users_run_leaves_their_files(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from innonlp.config import load_config
    from innonlp.run.pipeline import analyze

    from .conftest import SAMPLE

    run = tmp_path / "min-kjoring"
    analyze([SAMPLE / "innspill"], run, config=load_config(SAMPLE / "innonlp.toml"))
    doc = __import__("json").loads((run / "themes.json").read_text(encoding="utf-8"))
    mine = f'[[rename]]\ntheme = "{doc["themes"][0]["id"]}"\nlabel = "Analytikerens navn"\n'
    (run / "edits.toml").write_text(mine, encoding="utf-8")
    before = {p.name: p.stat().st_mtime_ns for p in run.iterdir() if p.is_file()}
    monkeypatch.setenv("INNONLP_RUN", str(run))
    nb = nbformat.read(NOTEBOOKS[[p.name for p in NOTEBOOKS].index("explore_themes.ipynb")],
                       as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    text = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
                     for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "Analytikerens navn" in text  # the user's run with the user's edits
    assert "Formalia" not in text and "ingen merknader" not in text.lower()
    assert (run / "edits.toml").read_text(encoding="utf-8") == mine
    after = {p.name: p.stat().st_mtime_ns for p in run.iterdir() if p.is_file()}
    assert after == before  # nothing written into the run folder


def test_rerun_inputs_are_the_runs_own(tmp_path: Path) -> None:
    from innonlp import load_run
    from innonlp.config import load_config
    from innonlp.report.explore import rerun_inputs, theme_submissions
    from innonlp.run.pipeline import analyze

    from .conftest import SAMPLE

    cfg = load_config(SAMPLE / "innonlp.toml")
    analyze([SAMPLE / "innspill"], tmp_path / "r", config=cfg,
            stages=("ingest", "standard", "nlp", "stance", "themes"))
    run = load_run(tmp_path / "r")
    files, got = rerun_inputs(run)
    assert files and all(SAMPLE / "innspill" in f.parents for f in files)
    assert got.columns == cfg.columns
    per = theme_submissions(run)
    assert set(per["id"]) <= {t["id"] for t in run.relevant_themes}
    assert per["innspill"].max() <= len(run.submissions)
