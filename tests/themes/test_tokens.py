"""Token lists held as ids (TokenDocs) behave like lists of lists and count the same."""

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from innonlp.themes.tokens import TokenDocs
from innonlp.themes.vectorizer import TokenListTfidf, identity

LISTS = [["skole", "elev", "skole"], [], ["vei", "bro_bygging"], ["elev", "lærer", "vei"],
         ["skole"]]


def test_reads_like_lists() -> None:
    docs = TokenDocs.from_lists(LISTS)
    assert len(docs) == 5 and list(docs) == LISTS and docs == LISTS
    assert docs[-1] == ["skole"] and docs[1] == []
    with pytest.raises(IndexError):
        docs[5]
    assert docs[1:4] == LISTS[1:4]
    assert docs.take([3, 0, 3]) == [LISTS[3], LISTS[0], LISTS[3]]
    assert docs.take([]) == []
    assert docs.n_distinct().tolist() == [2, 0, 2, 3, 1]


def test_counting_leaves_the_ids_alone() -> None:
    docs = TokenDocs.from_lists(LISTS)
    ids, ptr = docs.ids.copy(), docs.ptr.copy()
    X = docs.counts()
    assert X.toarray()[0, docs.vocab.index("skole")] == 2
    assert np.array_equal(docs.ids, ids) and np.array_equal(docs.ptr, ptr)
    assert docs == LISTS


def test_bad_pointers_are_refused() -> None:
    with pytest.raises(ValueError):
        TokenDocs(["a"], np.array([0, 0], dtype=np.int32), np.array([0, 1]))


def test_tfidf_from_ids_equals_tfidf_from_lists() -> None:
    rng = np.random.default_rng(0)
    words = [f"ord{i}" for i in range(60)]
    lists = [[words[j] for j in rng.integers(0, 60, rng.integers(0, 12))] for _ in range(300)]
    docs = TokenDocs.from_lists(lists).take(np.arange(299, -1, -1))  # a reordered view
    lists = lists[::-1]
    for kwargs in ({"min_df": 2, "max_df": 0.5}, {"min_df": 1, "max_df": 1.0}):
        ref = TfidfVectorizer(analyzer=identity, sublinear_tf=True, **kwargs)
        A = ref.fit_transform(lists)
        ours = TokenListTfidf(sublinear_tf=True, **kwargs)
        B = ours.fit_transform(docs)
        assert ours.vocabulary_ == ref.vocabulary_
        assert abs(A - B).max() < 1e-12
        assert abs(ours.transform(docs) - A).max() < 1e-12  # transform reads the lists
