"""The language-layer cache: same results read back, keyed by pipeline version and text;
--jobs gives the same output as one process."""

from pathlib import Path

import numpy as np

from innonlp import ingest
from innonlp.nlp.analysis import analyze_segments
from innonlp.nlp.cache import AnalysisCache, cache_key
from innonlp.nlp.loader import NorwegianNLP
from innonlp.run.pipeline import analyze

TEXTS = {"a.txt": "Kommunen bør bygge flere sykkelveier langs hovedveien.",
         "b.txt": "Skolen trenger flere lærere, og elevene trenger bedre klasserom.",
         "c.txt": "Vi meiner kommunen må satse på betre kollektivtilbod i bygdene."}


def _inputs(tmp_path: Path) -> Path:
    d = tmp_path / "inn"
    d.mkdir()
    for name, text in TEXTS.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def _same(a: list, b: list) -> bool:
    return all(x.segment_id == y.segment_id and x.words == y.words and x.lemmas == y.lemmas
               and np.array_equal(x.pos, y.pos) and np.array_equal(x.offsets, y.offsets)
               and np.array_equal(x.sent_starts, y.sent_starts) for x, y in zip(a, b,
                                                                                 strict=True))


def test_second_pass_reads_everything_back(tmp_path: Path) -> None:
    segs = ingest([_inputs(tmp_path)]).segments
    layer = NorwegianNLP("embedded")
    cache = AnalysisCache(tmp_path / "c.sqlite")
    first, r1 = analyze_segments(segs, layer, cache=cache)
    second, r2 = analyze_segments(segs, layer, cache=cache)
    assert r1["cache"]["hits"] == 0 and r1["cache"]["analysed"] == len(segs)
    assert r2["cache"]["hits"] == len(segs) and r2["cache"]["analysed"] == 0
    assert _same(first, second)
    fresh, _ = analyze_segments(segs, NorwegianNLP("embedded"))
    assert _same(first, fresh)


def test_worker_processes_fill_the_cache(tmp_path: Path) -> None:
    """With --jobs the workers write the cache; one process then reads all of it back."""
    from innonlp.parallel import ExecutionPolicy
    from innonlp.run.pool import AnalysisPool

    segs = ingest([_inputs(tmp_path)]).segments
    cache = AnalysisCache(tmp_path / "c.sqlite")
    layer = NorwegianNLP("embedded")
    pool = AnalysisPool(layer, ExecutionPolicy(jobs=2, min_items=1))
    try:
        first, r1 = analyze_segments(segs, layer, cache=cache, parallel=pool)
    finally:
        pool.close()
    assert r1["processes"] == 2 and r1["cache"]["analysed"] == len(segs)
    cache.close()
    cache = AnalysisCache(tmp_path / "c.sqlite")
    second, r2 = analyze_segments(segs, NorwegianNLP("embedded"), cache=cache)
    assert r2["cache"]["hits"] == len(segs) and r2["cache"]["analysed"] == 0
    assert _same(first, second)
    assert _same(first, analyze_segments(segs, NorwegianNLP("embedded"))[0])


def test_key_changes_with_pipeline_standard_and_text() -> None:
    k = cache_key("innonlp-embedded-nb@0.1.0+model1", "nb", "Tekst.")
    assert k != cache_key("innonlp-embedded-nb@0.1.1+model1", "nb", "Tekst.")
    assert k != cache_key("innonlp-embedded-nb@0.1.0+model1", "nn", "Tekst.")
    assert k != cache_key("innonlp-embedded-nb@0.1.0+model1", "nb", "Tekst!")


def test_cached_run_and_two_processes_give_identical_themes(tmp_path: Path) -> None:
    d = _inputs(tmp_path)
    for i in range(9):
        (d / f"x{i}.txt").write_text(list(TEXTS.values())[i % 3] + f" Innspill {i}.",
                                     encoding="utf-8")
    outs = []
    for name, kw in (("plain", {}), ("cold", {"cache": tmp_path / "c.sqlite"}),
                     ("warm", {"cache": tmp_path / "c.sqlite"}), ("jobs", {"jobs": 2})):
        out = tmp_path / name
        res = analyze([d], out, **kw)
        outs.append(out)
        if name == "warm":  # unchanged input: the language analysis and themes are reused
            assert res.manifest["cache"]["stages_reused"] == ["standard", "stance", "themes"]
            assert res.manifest["cache"]["stages_skipped"] == ["ingest", "nlp"]
            assert res.manifest["nlp"]["reused_from_cache"] is True
    for out in outs[1:]:
        assert (out / "themes.json").read_bytes() == (outs[0] / "themes.json").read_bytes()
