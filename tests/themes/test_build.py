"""The themes stage's per-segment features: worked out part by part where the segments were
analysed (the Dask engine's workers) they equal those of the whole corpus at once."""

from innonlp.config import load_config
from innonlp.ingest import ingest
from innonlp.nlp import NorwegianNLP
from innonlp.nlp.analysis import analyze_segments
from innonlp.nlp.features import lemma_features
from innonlp.nlp.loader import pipeline_standard
from innonlp.nlp.nbnn import shared_feature, to_bokmaal_many
from innonlp.nlp.standard import annotate_standards
from innonlp.themes.build import part_features, segment_features
from innonlp.themes.features import _furniture

from ..conftest import SAMPLE


def test_features_joined_from_parts_equal_the_whole() -> None:
    cfg = load_config(SAMPLE / "innonlp.toml")
    res = ingest([SAMPLE / "innspill"], cfg)
    _, segments = annotate_standards(res.submissions, res.segments)
    analyses, _ = analyze_segments(segments, NorwegianNLP(nlp="embedded"))
    corpus, docs, formal = segment_features(segments, analyses)
    assert formal is not None and formal.any() and not formal.all()
    # per segment: what lemma_features gives it alone, then its multi-word phrase keys, in
    # one form for both written standards and without genre furniture
    for i, a in enumerate(analyses):
        lang = pipeline_standard(a.standard)
        base = [shared_feature(t, lang) for t in lemma_features(a)]
        phrases = ["_".join(to_bokmaal_many(k)) for k, ok in zip(
            corpus.segment_keys(i), corpus.has_atoms[corpus.ptr[i]:corpus.ptr[i + 1]],
            strict=True) if ok and len(k) > 1]
        assert docs[i] == [t for t in base + phrases if not _furniture(t)]
    n = len(segments)
    cuts = [0, 1, n // 3, n // 3 + 2, n]
    parts = [part_features([s.text for s in segments[a:b]], analyses[a:b])
             for a, b in zip(cuts, cuts[1:], strict=False)]
    corpus2, docs2, formal2 = segment_features(segments, analyses, parts=parts)
    assert docs2 == docs
    assert formal2 is not None and formal2.tolist() == formal.tolist()
    assert corpus2.keys == corpus.keys and corpus2.key_ids.tolist() == corpus.key_ids.tolist()
    assert corpus2.ptr.tolist() == corpus.ptr.tolist() and corpus2.n_tokens == corpus.n_tokens


def test_features_of_segments_without_compounds_or_content() -> None:
    from innonlp.types import Segment

    texts = ["Ja.", "Nei, takk.", "Hei hei!"]
    segments = [Segment(id=f"s{i}", submission_id=f"s{i}", n=0, part=0, text=t, start=0,
                        end=len(t), standard="nb") for i, t in enumerate(texts)]
    analyses, _ = analyze_segments(segments, NorwegianNLP(nlp="embedded"))
    corpus, docs, formal = segment_features(segments, analyses)
    assert len(docs) == 3 and all(d == [shared_feature(t, "nb") for t in lemma_features(a)]
                                  for d, a in zip(docs, analyses, strict=True))
    _, none, _ = segment_features([], [])
    assert len(none) == 0


def test_nynorsk_and_bokmaal_forms_are_one_feature_and_furniture_none() -> None:
    from innonlp.types import Segment

    texts = ["Kommunane må ta vare på eigedomen og tenestene til innbyggjarane.",
             "Kommunene må ta vare på eiendommen og tjenestene til innbyggerne.",
             "Forskriften gjelder fra 1. januar 2024, jf. § 3 nr. 2."]
    std = ["nn", "nb", "nb"]
    segments = [Segment(id=f"s{i}", submission_id=f"s{i}", n=0, part=0, text=t, start=0,
                        end=len(t), standard=s) for i, (t, s) in enumerate(zip(texts, std,
                                                                               strict=True))]
    analyses, _ = analyze_segments(segments, NorwegianNLP(nlp="embedded"))
    _, docs, _ = segment_features(segments, analyses)
    assert {"kommune", "eiendom", "tjeneste"} <= set(docs[0]) & set(docs[1])
    assert not {"januar", "§", "nr", "jf"} & set(docs[2])
