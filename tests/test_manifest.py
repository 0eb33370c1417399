"""Run folder and manifest: accounting, outputs, atomic completion."""

import json
from pathlib import Path

import pandas as pd

from innonlp import IngestConfig, analyze, run_ingest

GOOD = "Vi støtter forslaget om flere sykkelveier i sentrum av byen vår."


def _inputs(tmp_path: Path) -> Path:
    d = tmp_path / "inn"
    d.mkdir()
    (d / "a.txt").write_text(GOOD + "\n\nAndre avsnitt om busser og tog i fylket.",
                             encoding="utf-8")
    (d / "b.pdf").write_bytes(b"%PDF-1.4 broken")
    (d / "c.png").write_bytes(b"\x89PNG")
    (d / "d.csv").write_text("tekst\nSvar en fra skjemaet.\n\nSvar to fra skjemaet.\n",
                             encoding="utf-8")
    return d


def test_counts_add_up_and_every_input_is_listed(tmp_path: Path) -> None:
    run = run_ingest([_inputs(tmp_path)], tmp_path / "run")
    m = json.loads((tmp_path / "run" / "manifest.json").read_text(encoding="utf-8"))
    c = m["counts"]
    assert c["inputs"] == c["processed"] + c["skipped"] + c["failed"] == len(m["inputs"])
    assert c == {"inputs": 5, "processed": 3, "skipped": 1, "failed": 1}
    assert all(e["reason"] for e in m["inputs"] if e["status"] != "processed")
    assert m["schema"] == "innonlp.manifest/1"
    assert run.failed == 1
    assert m["containers"][0]["details"]["rows"] == 2


def test_parquet_outputs_agree_with_the_manifest(tmp_path: Path) -> None:
    run_ingest([_inputs(tmp_path)], tmp_path / "run")
    subs = pd.read_parquet(tmp_path / "run" / "submissions.parquet")
    segs = pd.read_parquet(tmp_path / "run" / "segments.parquet")
    m = json.loads((tmp_path / "run" / "manifest.json").read_text(encoding="utf-8"))
    assert len(subs) == m["submissions"] == 3
    assert len(segs) == m["segments"]
    assert set(segs["submission_id"]) <= set(subs["id"])
    for row in segs.itertuples():
        text = subs.set_index("id").loc[row.submission_id, "text"]
        assert row.text in text
        assert row.id == f"{row.submission_id}#{row.n}"


def test_rerun_removes_the_completion_marker_first(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    out = tmp_path / "run"
    run_ingest([_inputs(tmp_path)], out)
    assert (out / "manifest.json").exists()

    import innonlp.run.stages as st

    def boom(*a, **k):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("crash in the middle of a run")

    monkeypatch.setattr(st, "submissions_frame", boom)
    try:
        analyze([tmp_path / "inn"], out)
    except RuntimeError:
        pass
    assert not (out / "manifest.json").exists()  # an interrupted run never looks complete
    assert not list(out.glob(".innonlp-*.tmp"))


def test_deterministic_outputs(tmp_path: Path) -> None:
    inp = _inputs(tmp_path)
    cfg = IngestConfig()
    a = run_ingest([inp], tmp_path / "r1", cfg)
    b = run_ingest([inp], tmp_path / "r2", cfg)
    assert [s.id for s in a.ingest.submissions] == [s.id for s in b.ingest.submissions]
    fa = pd.read_parquet(tmp_path / "r1" / "segments.parquet")
    fb = pd.read_parquet(tmp_path / "r2" / "segments.parquet")
    pd.testing.assert_frame_equal(fa, fb)
