"""Per-segment analyses: compact arrays that give back words, lemmas, tags and content."""

from innonlp.nlp import NorwegianNLP
from innonlp.nlp.analysis import analyze_segments
from innonlp.types import Segment


def _seg(i: int, text: str, standard: str) -> Segment:
    return Segment(id=f"s{i}#1", submission_id=f"s{i}", n=1, part=0, text=text, start=0,
                   end=len(text), standard=standard)


def test_segments_are_analysed_on_their_standard() -> None:
    segs = [_seg(1, "Kommunene ønsker mer innovasjon i offentlig sektor.", "nb"),
            _seg(2, "Kommunane ønskjer meir samarbeid med staten.", "nn"),
            _seg(3, "", "nb")]
    out, record = analyze_segments(segs, NorwegianNLP(nlp="embedded"))
    assert [a.segment_id for a in out] == ["s1#1", "s2#1", "s3#1"]
    first = out[0]
    assert first.words[0] == "Kommunene" and first.lemmas[0] == "kommune"
    assert first.tags[0] == "NOUN" and bool(first.sent_starts[0])
    assert segs[0].text[first.offsets[3]:].startswith("innovasjon")
    content = first.content_lemmas()
    assert "innovasjon" in content and "kommune" in content
    assert "i" not in content and "mer" not in content
    assert out[1].lemmas[0] == "kommune" and out[1].standard == "nn"
    assert len(out[2]) == 0 and out[2].content_lemmas() == []
    assert record["segments"] == 3 and record["tokens"] == len(first) + len(out[1])
    assert record["pipelines"]["nb"]["tier"] == "embedded"


def test_compound_parts_on_demand() -> None:
    segs = [_seg(1, "Innovasjonstakten må opp.", "nb")]
    (a,), _ = analyze_segments(segs, NorwegianNLP(nlp="embedded"))
    assert a.lemmas[0] == "innovasjonstakt"
    assert a.compound(0) == ("innovasjon", "takt")
    assert a.compound(1) is None  # a verb


def _arrays(a):  # noqa: ANN001, ANN202
    return (a.segment_id, a.standard, a.orth.tolist(), a.lemma.tolist(), a.pos.tolist(),
            a.offsets.tolist(), a.sent_starts.tolist())


def test_grouped_analysis_equals_one_doc_per_segment(monkeypatch) -> None:  # noqa: ANN001
    """Segments are analysed many to a doc; every segment's arrays must equal those of the
    segment analysed alone, also at awkward edges (abbreviations, no final stop, colons,
    quotes, ordinals, surrounding whitespace, blank lines inside, empty, other standards)."""
    import innonlp.nlp.analysis as analysis
    from innonlp.ingest.run import ingest
    from innonlp.nlp.standard import annotate_standards

    texts = [("Vi viser til f.eks.", "nb"), ("Kap. 3 gjelder dette", "nb"),
             ("Slik er det: Våren 1999 kom «Planen».", "nb"), ("  Innrykk først.  ", "nb"),
             ("1. januar trer den i kraft. 2. Punktet", "nb"), ("", "nb"),
             ("Overskrift\n\nEt avsnitt etter en tom linje.", "nb"),
             ("Kommunane ønskjer meir samarbeid, jf.", "nn"), ("Dette er «sitert.»", "other"),
             ("§ 3-1. Formål", "mixed"), ("Siste ord …", "nb")]
    segs = [_seg(i, t, s) for i, (t, s) in enumerate(texts)]
    res = ingest(["data/sample-consultation/innspill"])
    _, sample = annotate_standards(res.submissions, res.segments)
    segs += sample
    layer = NorwegianNLP(nlp="embedded")
    grouped, _ = analyze_segments(segs, layer)
    assert layer.docs["nb"] < len(segs) / 4  # many segments to a doc
    monkeypatch.setattr(analysis, "GROUP_CHARS", 0)
    alone, _ = analyze_segments(segs, NorwegianNLP(nlp="embedded"))
    assert [_arrays(a) for a in grouped] == [_arrays(a) for a in alone]
    assert len(grouped) == len(segs) and sum(len(a) for a in grouped) > 1000


def test_worker_processes_give_the_same_arrays() -> None:
    """--jobs 2 runs the analysis in two worker processes (here forced on a small input)."""
    from innonlp.ingest.run import ingest
    from innonlp.nlp.standard import annotate_standards
    from innonlp.parallel import ExecutionPolicy
    from innonlp.run.pool import AnalysisPool

    res = ingest(["data/sample-consultation/innspill"])
    _, segs = annotate_standards(res.submissions, res.segments)
    layer = NorwegianNLP(nlp="embedded")
    pool = AnalysisPool(layer, ExecutionPolicy(jobs=2, min_items=1))
    try:
        two, record = analyze_segments(segs, layer, parallel=pool)
    finally:
        pool.close()
    one, _ = analyze_segments(segs, NorwegianNLP(nlp="embedded"))
    assert record["processes"] == 2
    assert [_arrays(a) for a in two] == [_arrays(a) for a in one]
    assert [a.lemmas for a in two[:20]] == [a.lemmas for a in one[:20]]
