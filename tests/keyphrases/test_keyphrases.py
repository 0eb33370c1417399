"""Key phrases: Norwegian noun-phrase candidates, lemma grouping, spread, de-duplication."""

import pytest

from innonlp.keyphrases import score
from innonlp.keyphrases.candidates import noun_phrases
from innonlp.keyphrases.score import EXTRACTORS, PhraseCorpus, lemma_ctfidf, noun_phrase_ctfidf
from innonlp.nlp import NorwegianNLP
from innonlp.nlp.analysis import analyze_segments
from innonlp.nlp.stopwords import is_stop_lemma
from innonlp.parallel import ForkExecutor
from innonlp.types import Segment


def _corpus(texts: list[tuple[str, str]]) -> tuple[PhraseCorpus, list]:
    segs = [Segment(id=f"{sub}#{i}", submission_id=sub, n=i, part=0, text=t, start=0,
                    end=len(t), standard="nb") for i, (sub, t) in enumerate(texts)]
    analyses, _ = analyze_segments(segs, NorwegianNLP(nlp="embedded"))
    return PhraseCorpus(analyses, [s.text for s in segs], [s.submission_id for s in segs]), \
        analyses


@pytest.fixture(scope="module")
def corpus() -> PhraseCorpus:
    texts = [(f"s{i}", "Vi trenger mer innovasjon i offentlig sektor og bedre digitale "
                       "tjenester.") for i in range(6)]
    texts += [("s6", "Innovasjonsarbeid krever tid. Arbeid med innovasjon krever ledelse.")]
    texts += [("s7", "Sykkelveier sykkelveier sykkelveier sykkelveier sykkelveier.")]
    texts += [(f"s{8 + i}", "Kommunene ønsker digital tjeneste for innbyggerne.")
              for i in range(3)]
    return _corpus(texts)[0]


def test_candidates_have_patterns_and_offsets() -> None:
    corpus, analyses = _corpus([("a", "Vi vil ha innovasjon i offentlig sektor.")])
    text = "Vi vil ha innovasjon i offentlig sektor."
    surfaces = {c.surface for c in noun_phrases(analyses[0], 0, text)}
    assert {"innovasjon i offentlig sektor", "offentlig sektor", "innovasjon"} <= surfaces
    found = noun_phrases(analyses[0], 0, text)
    for c in found:
        assert text[c.start:c.end] == c.surface
    # the corpus keeps each candidate's key, in order
    assert corpus.segment_keys(0) == [c.key for c in found]
    assert corpus.total[("offentlig", "sektor")] == 1


def test_article_adjective_and_misread_verb_is_no_phrase() -> None:
    """'det offentlige mangler' (a nominal adjective and a finite verb the tagger read as
    the noun 'mangel') is no phrase; a definite or base-form noun after the article is."""
    texts = ["Sosiale entreprenører bidrar med metoder som det offentlige mangler.",
             "Det offentlige tilbudet er godt.", "Den gamle lov gjelder."]
    _, analyses = _corpus([("a", t) for t in texts])
    found = [{c.surface for c in noun_phrases(a, 0, t)}
             for a, t in zip(analyses, texts, strict=True)]
    assert not any("mangler" in s for s in found[0])
    assert "sosiale entreprenører" in found[0]
    assert "offentlige tilbudet" in found[1]
    assert "gamle lov" in found[2]


def test_corpus_in_worker_processes_equals_one_process(monkeypatch) -> None:  # noqa: ANN001
    texts = [(f"s{i % 4}", t) for i, t in enumerate([
        "Vi trenger mer innovasjon i offentlig sektor.", "Digitale tjenester for alle.",
        "Innovasjonsarbeid krever tid og ledelse.", "Kommunene ønsker bedre samarbeid.",
        "Offentlig sektor må dele data.", "Arbeid med innovasjon krever ledelse.",
        "Ta gjerne kontakt.", "Gode digitale løsninger i kommunene."] * 2)]
    one, analyses = _corpus(texts)
    monkeypatch.setattr(score, "SCAN_BATCH", 2)  # several scans per chunk
    many = PhraseCorpus(analyses, [t for _, t in texts], [s for s, _ in texts],
                        ForkExecutor(2, min_items=0, max_chunk=5))
    assert many.keys == one.keys and many.atoms == one.atoms and many.total == one.total
    assert many.key_ids.tolist() == one.key_ids.tolist()
    assert many.ptr.tolist() == one.ptr.tolist()
    assert {k: many.surface[k] for k in many.keys} == {k: one.surface[k] for k in one.keys}


def test_corpus_joined_from_parts_equals_the_whole() -> None:
    """Candidates found part by part (as Dask workers do) and joined give the same corpus,
    wherever the parts are cut."""
    texts = [(f"s{i % 3}", t) for i, t in enumerate([
        "Vi trenger mer innovasjon i offentlig sektor.", "Digitale tjenester for alle.",
        "Innovasjonsarbeid krever tid og ledelse.", "Offentlig sektor må dele data.",
        "Arbeid med innovasjon krever ledelse.", "Gode digitale løsninger i kommunene."] * 2)]
    whole, analyses = _corpus(texts)
    ids = [s for s, _ in texts]
    for cuts in ([0, 12], [0, 1, 5, 12], [0, 3, 4, 11, 12]):
        chunks = [score.phrase_chunk(analyses[a:b]) for a, b in
                  zip(cuts, cuts[1:], strict=False)]
        joined = PhraseCorpus.from_chunks(chunks, ids, whole.n_tokens)
        assert joined.keys == whole.keys and joined.atoms == whole.atoms
        assert joined.total == whole.total and joined.n_tokens == whole.n_tokens
        assert joined.key_ids.tolist() == whole.key_ids.tolist()
        assert joined.ptr.tolist() == whole.ptr.tolist()
        assert joined.has_atoms.tolist() == whole.has_atoms.tolist()
        assert {k: joined.surface[k] for k in joined.keys} == \
            {k: whole.surface[k] for k in whole.keys}
    with pytest.raises(ValueError, match="differ in length"):
        PhraseCorpus.from_chunks([score.phrase_chunk(analyses[:4])], ids, 1)


def test_lemma_grouping_natural_surface_and_no_stop_only(corpus: PhraseCorpus) -> None:
    out = noun_phrase_ctfidf(corpus, {"all": list(range(len(corpus)))}, 15)
    phrases = out["all"]
    keys = [p.key for p in phrases]
    assert len(keys) == len(set(keys))
    # "digitale tjenester" and "digital tjeneste" share one lemma key
    digital = [p for p in phrases if p.key == ("digital", "tjeneste")]
    assert len(digital) == 1 and digital[0].phrase == "digitale tjenester"
    for p in phrases:
        assert not all(is_stop_lemma(w) for w in p.key)
    # one idea, one phrase: not both "innovasjonsarbeid" and "arbeid med innovasjon"
    atoms = [frozenset(corpus.atoms[k]) for k in keys]
    assert len(atoms) == len(set(atoms))


def test_spread_beats_repetition(corpus: PhraseCorpus) -> None:
    out = noun_phrase_ctfidf(corpus, {"all": list(range(len(corpus)))}, 15)
    sykkel = next(p for p in out["all"] if "sykkelvei" in p.key[0])
    assert sykkel.n_submissions == 1 and sykkel.n_mentions == 5
    widespread = [p for p in out["all"] if p.n_submissions >= 6]
    assert widespread and all(p.score > sykkel.score for p in widespread)
    assert out["all"][0].n_submissions >= 6


def test_every_extractor_has_the_same_signature(corpus: PhraseCorpus) -> None:
    groups = {"a": [0, 1, 2], "b": [8, 9, 10]}
    for extractor in EXTRACTORS.values():
        out = extractor(corpus, groups, 3)
        assert set(out) == {"a", "b"} and all(len(v) <= 3 for v in out.values())
    assert all(len(p.key) == 1 for p in lemma_ctfidf(corpus, groups, 5)["a"])


def test_compact_corpus_reads_by_key_and_by_id(corpus: PhraseCorpus) -> None:
    key = ("offentlig", "sektor")
    k = corpus.key_id(key)
    assert corpus.keys[k] == key and key in corpus.total and ("ingen", "slik") not in corpus.atoms
    assert corpus.total[key] == int(corpus.freq[k]) == 6
    assert corpus.total[("ingen", "slik")] == 0  # like a Counter
    with pytest.raises(KeyError):
        corpus.atoms[("ingen", "slik")]
    assert corpus.atoms[key] == corpus.atoms_of(k) == frozenset({"offentlig", "sektor"})
    assert corpus.surface[key] == corpus.surface_of(k) == "offentlig sektor"
    assert sum(corpus.total.values()) == len(corpus.key_ids)
    assert len(corpus.n_atoms) == len(corpus.keys)
    # a key phrase carries its key's atoms (the themes stage matches quotes on them)
    for p in noun_phrase_ctfidf(corpus, {"all": list(range(len(corpus)))}, 10)["all"]:
        assert p.atoms == corpus.atoms[p.key]


def test_written_forms_counted_over_chunks() -> None:
    # one key, two written forms: the commoner one names it, however the chunks are cut
    texts = [("a", "Digitale tjenester er bra."), ("b", "Digitale tjenester er bra."),
             ("c", "DIGITALE TJENESTER er bra.")]
    whole, analyses = _corpus(texts)
    ids = [s for s, _ in texts]
    for cut in (1, 2):
        chunks = [score.phrase_chunk(analyses[:cut]), score.phrase_chunk(analyses[cut:])]
        joined = PhraseCorpus.from_chunks(chunks, ids, whole.n_tokens)
        assert dict(joined.surface) == dict(whole.surface)
    assert whole.surface[("digital", "tjeneste")] == "digitale tjenester"
