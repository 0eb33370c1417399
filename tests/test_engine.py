"""The Dask engine on a LocalCluster of two workers gives the local engine's result."""

from pathlib import Path

import pytest

from innonlp.config import load_config
from innonlp.parallel import SERIAL, ExecutionPolicy, ForkExecutor
from innonlp.run.pipeline import analyze

from .conftest import SAMPLE

distributed = pytest.importorskip("distributed")


def test_dask_engine_matches_local(tmp_path: Path) -> None:
    cfg = load_config(SAMPLE / "innonlp.toml")
    local = analyze([SAMPLE / "innspill"], tmp_path / "local", config=cfg)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = analyze([SAMPLE / "innspill"], tmp_path / "dask", config=cfg, engine="dask",
                         scheduler=cluster.scheduler_address)
    assert remote.manifest["nlp"]["engine"] == "dask"
    assert remote.manifest["nlp"]["workers"] == 2
    assert remote.manifest["nlp"]["partitions"] >= 4
    # the key-phrase candidates, compound splits and formalia came from the workers
    assert remote.manifest["nlp"]["features_on_workers"] is True
    for name in ("themes.json", "themes.csv", "segments.parquet"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    assert local.manifest["nlp"]["tokens"] == remote.manifest["nlp"]["tokens"]


def test_unknown_engine_is_refused(tmp_path: Path) -> None:
    from innonlp.errors import ConfigError

    with pytest.raises(ConfigError, match="--engine must be local or dask"):
        analyze([SAMPLE / "innspill"], tmp_path / "x", engine="spark")


def test_worker_processes_match_one_process(tmp_path: Path, monkeypatch) -> None:
    """Every step that can run in forked workers (standard detection, campaign signatures,
    masking, the language layer, key-phrase candidates, token lists, formalia) gives the
    bytes of one process, with the workers forced on for the small sample."""
    cfg = load_config(SAMPLE / "innonlp.toml")
    one = analyze([SAMPLE / "innspill"], tmp_path / "one", config=cfg, jobs=1)
    # workers forced on for every step, and started before ingest
    policy = ExecutionPolicy(jobs=2, min_items=0, max_chunk=7, early_start_bytes=0)
    many = analyze([SAMPLE / "innspill"], tmp_path / "many", config=cfg, policy=policy,
                   cache=tmp_path / "c.sqlite")
    assert many.manifest["nlp"]["processes"] == 2
    assert many.manifest["nlp"]["workers_started"].startswith("before ingest")
    assert many.manifest["nlp"]["load_seconds"] == 0
    assert one.manifest["campaigns"]
    for name in ("themes.json", "themes.csv", "segments.parquet", "submissions.parquet"):
        assert (tmp_path / "many" / name).read_bytes() == \
            (tmp_path / "one" / name).read_bytes(), name
    for key in ("campaigns", "personal_data", "standards", "counts"):
        assert many.manifest[key] == one.manifest[key], key


def _die(state: object, start: int, stop: int) -> list[int]:
    import os

    if start > 0:
        os._exit(9)  # a worker killed mid-task
    return list(range(start, stop))


def test_a_dead_worker_is_a_clear_error() -> None:
    from innonlp.errors import WorkerError

    with pytest.raises(WorkerError, match="rerun with --jobs 1"):
        list(ForkExecutor(2, min_items=0).map_range(_die, None, 4, chunk=2))


def _chunk_with_pid(state: list[int], start: int, stop: int) -> tuple[int, list[int]]:
    import os

    return os.getpid(), [x * x for x in state[start:stop]]


def test_forked_range_map_hands_chunks_over_in_order_from_worker_processes() -> None:
    import os

    from innonlp import parallel

    data = list(range(23))
    it = ForkExecutor(2, min_items=0).map_range(_chunk_with_pid, data, len(data), chunk=5)
    first = next(it)  # handed over before the rest is asked for
    rest = list(it)
    assert [x for _, part in [first, *rest] for x in part] == [x * x for x in data]
    assert {pid for pid, _ in [first, *rest]} - {os.getpid()}  # really in workers
    assert parallel._STATE is None
    # one process: the same results
    assert [p for _, p in SERIAL.map_range(_chunk_with_pid, data, len(data), 5)] == \
        [p for _, p in [first, *rest]]
