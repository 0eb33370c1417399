"""The perceptron tagger and the lemmatiser as estimators, on tiny hand-written data."""

import numpy as np

from innonlp.nlp.lemmatizer import Lemmatizer
from innonlp.nlp.tagger import PerceptronTagger, word_shape

SENTS = [
    ("Kommunen ønsker bedre samarbeid .", "NOUN VERB ADJ NOUN PUNCT"),
    ("Vi ønsker mer innovasjon i sektoren .", "PRON VERB ADJ NOUN ADP NOUN PUNCT"),
    ("Departementet må lytte til kommunene .", "NOUN AUX VERB ADP NOUN PUNCT"),
    ("Regelverket er for komplisert .", "NOUN AUX ADV ADJ PUNCT"),
    ("Innbyggerne vil ha gode tjenester .", "NOUN AUX AUX ADJ NOUN PUNCT"),
] * 3


def _data():
    words = [s.split() for s, _ in SENTS]
    tags = [t.split() for _, t in SENTS]
    return words, tags


def test_tagger_learns_and_round_trips() -> None:
    words, tags = _data()
    tagger = PerceptronTagger(n_buckets=1 << 14, epochs=5).fit(words, tags)
    assert set(tagger.tags_) == {t for s in tags for t in s}
    assert [tagger.predict(w) for w in words[:5]] == tags[:5]
    again = PerceptronTagger.from_arrays(tagger.to_arrays())
    for w in words[:5]:
        assert again.predict(w) == tagger.predict(w)
    # unseen words still get a tag from their endings and context
    assert tagger.predict(["Fylkeskommunen", "ønsker", "mer", "digitalisering", "."])[-1] \
        == "PUNCT"


def test_tagger_is_deterministic_and_sparse() -> None:
    words, tags = _data()
    a = PerceptronTagger(n_buckets=1 << 14, epochs=3, seed=1).fit(words, tags)
    b = PerceptronTagger(n_buckets=1 << 14, epochs=3, seed=1).fit(words, tags)
    assert np.array_equal(a.weights_, b.weights_)
    assert len(a.buckets_) < a.n_buckets  # only trained buckets are kept


def test_sentence_starts_reset_history() -> None:
    words, tags = _data()
    tagger = PerceptronTagger(n_buckets=1 << 14, epochs=5).fit(words, tags)
    doc = words[0] + words[1]
    starts = [False] * len(doc)
    starts[len(words[0])] = True
    assert tagger.predict(doc, starts) == tags[0] + tags[1]
    assert tagger.predict([]) == []


def test_word_shape() -> None:
    assert word_shape("Oslo") == "Xxx"  # runs of three or more are cut to two
    assert word_shape("2024") == "dd"
    assert word_shape("NAV") == "XX"


def test_lemmatizer_lexicon_rules_and_names() -> None:
    lem = Lemmatizer(language="nb", use_simplemma=False).fit([
        ("takten", "takt", "NOUN"), ("kommunene", "kommune", "NOUN"),
        ("er", "være", "AUX"), ("Oslo", "Oslo", "PROPN"), ("bøkene", "bok", "NOUN"),
        ("skrev", "skrive", "VERB"),
    ])
    assert lem.lemmatize("kommunene", "NOUN") == "kommune"
    assert lem.lemmatize("Er", "AUX") == "være"
    # unseen compound: the rule learned from its head
    assert lem.lemmatize("innovasjonstakten", "NOUN") == "innovasjonstakt"
    assert lem.lemmatize("Oslos", "PROPN") == "Oslo"      # genitive of a known name
    assert lem.lemmatize("Bergens", "PROPN") == "Bergens"  # unknown name: kept
    assert lem.lemmatize(",", "PUNCT") == ","
    again = Lemmatizer.from_arrays(lem.to_arrays())
    assert again.lexicon_ == lem.lexicon_
    assert again.lemmatize("innovasjonstakten", "NOUN") == "innovasjonstakt"


def test_feature_hash_is_scikit_learns_murmurhash() -> None:
    # the shipped weights were trained with scikit-learn's murmurhash3_32(seed=7,
    # positive=True); the tagger computes the same buckets without importing scikit-learn
    import random

    from sklearn.utils import murmurhash3_32

    tagger = PerceptronTagger()
    rnd = random.Random(5)
    for _ in range(3000):
        s = "".join(rnd.choice("abcæøåÆØÅ -_|1é") for _ in range(rnd.randint(0, 24)))
        assert tagger._hash(s) == murmurhash3_32(s, seed=7, positive=True) % tagger.n_buckets
