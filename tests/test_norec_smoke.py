"""Smoke test: all 43,437 NoReC reviews ingest without error (skipped without ../shared)."""

import pytest

from innonlp import IngestConfig, ingest

from .conftest import shared_file


@pytest.mark.shared
@pytest.mark.slow
def test_norec_ingests_completely() -> None:
    path = shared_file("norec", "norec_v2.1_texts.jsonl.gz")
    # 108 M characters unpacked: above the default --max-file-size, which a .gz is held to
    res = ingest([path], IngestConfig(max_file_size=2 * 10**9))
    c = res.counts()
    assert c["inputs"] == 43_437
    assert c["failed"] == 0
    assert c["processed"] + c["skipped"] == 43_437
    assert len(res.submissions) == c["processed"] >= 43_000
    assert len(res.segments) > len(res.submissions)
