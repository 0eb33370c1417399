"""ThemeFinder: the estimator contract, determinism, outliers, sub-themes, stability."""

import numpy as np
import pytest

from innonlp.errors import ConfigError
from innonlp.themes.finder import OUTLIER, ThemeFinder
from innonlp.themes.stability import bootstrap_stability

VOCAB = {
    "skole": "skole lærer elev undervisning klasserom lekse rektor".split(),
    "vei": "vei bru tunnel trafikk kollektiv buss ferje".split(),
    "helse": "sykehus lege pasient sykepleier fastlege legevakt behandling".split(),
}


def planted(n_per: int = 30, noise: int = 6, seed: int = 0) -> tuple[list[list[str]], list]:
    rng = np.random.default_rng(seed)
    docs, truth = [], []
    for name, words in VOCAB.items():
        for _ in range(n_per):
            docs.append(list(rng.choice(words, 6)))
            truth.append(name)
    junk = [f"ord{i}" for i in range(200)]
    for _ in range(noise):
        docs.append(list(rng.choice(junk, 4)))
        truth.append("støy")
    docs.append([])  # a segment with no content words
    truth.append("tom")
    return docs, truth


def test_estimator_contract_and_planted_themes() -> None:
    docs, truth = planted()
    f = ThemeFinder(random_state=0)
    assert f.fit(docs) is f
    learned = [a for a in vars(f) if a.endswith("_") and not a.startswith("_")]
    assert {"labels_", "n_themes_", "centroids_", "choice_", "sublabels_"} <= set(learned)
    assert len(f.labels_) == len(docs)
    assert f.choice_["mode"] == "auto" and f.choice_["chosen"] >= 3
    # every planted theme is (nearly) one theme
    for name in VOCAB:
        found = f.labels_[[i for i, t in enumerate(truth) if t == name]]
        values, counts = np.unique(found, return_counts=True)
        assert counts.max() / len(found) >= 0.9 and values[counts.argmax()] != OUTLIER
    assert f.labels_[-1] == OUTLIER  # no content words: never forced into a theme
    assert np.array_equal(f.fit_predict(docs), f.labels_)
    pred = f.predict([["lege", "pasient", "sykehus"], []])
    assert pred[0] == f.labels_[truth.index("helse")] and pred[1] == OUTLIER


def test_outlier_accounting_and_share() -> None:
    docs, _ = planted(noise=20)
    f = ThemeFinder(random_state=1, max_outlier_share=0.1).fit(docs)
    in_themes = int((f.labels_ >= 0).sum())
    outliers = int((f.labels_ == OUTLIER).sum())
    assert in_themes + outliers == len(docs)
    assert f.choice_["n_outliers"] == outliers
    sizes = np.bincount(f.labels_[f.labels_ >= 0])
    assert (sizes >= f.min_theme_size).all()
    assert list(sizes) == sorted(sizes, reverse=True)  # numbered by size


def test_deterministic_under_seed() -> None:
    docs, _ = planted(seed=3)
    a = ThemeFinder(random_state=7).fit(docs)
    b = ThemeFinder(random_state=7).fit(docs)
    assert np.array_equal(a.labels_, b.labels_)
    assert np.array_equal(a.sublabels_, b.sublabels_)
    assert a.choice_ == b.choice_


def test_big_lsa_matrix_is_centred_in_place_with_the_same_themes(monkeypatch) -> None:
    """Above BIG_Z_BYTES k-means centres the LSA matrix in place (no copy): same themes."""
    from innonlp.themes import finder as finder_mod

    docs, _ = planted(seed=2)
    ref = ThemeFinder(random_state=1).fit(docs)
    monkeypatch.setattr(finder_mod, "BIG_Z_BYTES", 0)
    big = ThemeFinder(random_state=1).fit(docs)
    assert np.array_equal(big.labels_, ref.labels_)
    assert np.allclose(big.similarity_, ref.similarity_, atol=1e-12)


def test_fixed_number_and_bad_parameters() -> None:
    docs, _ = planted()
    assert ThemeFinder(n_themes=2, random_state=0).fit(docs).choice_["chosen"] == 2
    with pytest.raises(ConfigError):
        ThemeFinder(n_themes=0).fit(docs)
    with pytest.raises(ConfigError):
        ThemeFinder(max_outlier_share=1.5).fit(docs)
    tiny = ThemeFinder().fit([["a"], []])
    assert tiny.n_themes_ == 0 and (tiny.labels_ == OUTLIER).all()


def test_stability_higher_for_planted_themes_than_for_noise() -> None:
    rng = np.random.default_rng(0)
    centres = np.eye(6)[:3] * 3
    planted_z = np.vstack([c + rng.normal(0, 0.3, (40, 6)) for c in centres])
    noise_z = rng.normal(0, 1, (120, 6))
    def norm(z: np.ndarray) -> np.ndarray:
        return z / np.linalg.norm(z, axis=1, keepdims=True)
    labels = np.repeat([0, 1, 2], 40)
    good = bootstrap_stability(norm(planted_z), labels, 3, seed=0)
    arbitrary = np.arange(120) % 3  # themes that are not in the data
    bad = bootstrap_stability(norm(noise_z), arbitrary, 3, seed=0)
    assert good.min() > 0.9
    assert bad.max() < good.min()


def _clusters(close: bool, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Eight tight clusters in 40 dimensions; with ``close`` the centres of 0 and 1 are
    alike (cosine about 0.7) while all other pairs are near orthogonal."""
    from sklearn.preprocessing import normalize
    rng = np.random.default_rng(seed)
    centres = normalize(rng.normal(size=(8, 40)))
    if close:
        centres[1] = normalize((centres[0] + 0.8 * centres[1])[None])[0]
    fine = np.repeat(np.arange(8), 20)
    Z = normalize(centres[fine] + 0.15 * rng.normal(size=(len(fine), 40)))
    return Z, fine


def test_merge_joins_only_pairs_alike_beyond_the_usual() -> None:
    f = ThemeFinder(random_state=0)
    Z, fine = _clusters(close=True)
    record: list = []
    _, groups = f._merge(Z, fine, 8, 2, record)
    assert groups[0] == groups[1] and len(set(groups.tolist())) == 7
    assert record and record[0]["themes"] == [0, 1] and record[0]["z"] > 3.5
    Z, fine = _clusters(close=False)
    record = []
    _, groups = f._merge(Z, fine, 8, 2, record)
    assert len(set(groups.tolist())) == 8 and record == []
    _, groups = ThemeFinder(merge_z=None)._merge(*_clusters(close=True), 8, 2, [])
    assert len(set(groups.tolist())) == 8


def test_fixed_number_of_themes_is_never_merged_below() -> None:
    halves = {"digital_a": "fagsystem plattform integrasjon system digital".split(),
              "digital_b": "datadeling register data deling digital".split()}
    rng = np.random.default_rng(1)
    docs = [list(rng.choice(w, 5)) for w in list(VOCAB.values()) + list(halves.values())
            for _ in range(25)]
    f = ThemeFinder(n_themes=5, random_state=0).fit(docs)
    assert f.n_themes_ == 5 and f.choice_["merged"] == []  # --themes N taken at its word
    a, b = f.labels_[75:100], f.labels_[100:125]
    assert np.bincount(a[a >= 0]).argmax() != np.bincount(b[b >= 0]).argmax()


def test_token_list_tfidf_matches_scikit_learn() -> None:
    """The term counting from ids gives TfidfVectorizer's vocabulary and matrix exactly."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from innonlp.themes.tokens import TokenDocs
    from innonlp.themes.vectorizer import TokenListTfidf, identity

    rng = np.random.default_rng(3)
    words = [f"ord{i}" for i in range(40)] + ["innspill", "kommune", "skole"]
    docs = [[words[j] for j in rng.integers(0, len(words), rng.integers(0, 12))]
            for _ in range(300)]
    kw = {"sublinear_tf": True, "min_df": 2, "max_df": 0.5}
    ref = TfidfVectorizer(analyzer=identity, **kw)
    Y = ref.fit_transform(docs)
    for given in (docs, TokenDocs.from_lists(docs)):
        ours = TokenListTfidf(**kw)
        X = ours.fit_transform(given)
        assert ours.vocabulary_ == ref.vocabulary_
        assert type(X) is type(Y) and X.shape == Y.shape
        assert np.array_equal(X.indptr, Y.indptr) and np.array_equal(X.indices, Y.indices)
        assert np.array_equal(X.data, Y.data)
        assert (ours.transform(docs[:5]) != ref.transform(docs[:5])).nnz == 0
        assert list(ours.get_feature_names_out()) == list(ref.get_feature_names_out())
    with pytest.raises(ValueError, match="no terms remain"):
        TokenListTfidf(min_df=2).fit([["a"], ["b"]])


def test_cosine_silhouette_equals_scikit_learn() -> None:
    """The silhouette from cluster sums is scikit-learn's (same sampled rows), singletons
    and all-zero rows included."""
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import normalize

    from innonlp.themes.selection import cosine_silhouette

    rng = np.random.default_rng(5)
    for n, d, k, sample in ((40, 3, 4, 40), (500, 20, 7, 300), (3500, 50, 12, 3000)):
        X = normalize(rng.normal(size=(n, d)) + rng.normal(size=(1, d)))
        X[:2] = 0.0
        labels = rng.integers(0, k, n)
        labels[5] = k  # a cluster of one
        ref = silhouette_score(X, labels, metric="cosine", sample_size=sample,
                               random_state=3)
        assert abs(cosine_silhouette(X, labels, sample, 3) - ref) < 1e-12
    with pytest.raises(ValueError, match="Number of labels"):
        cosine_silhouette(np.eye(3), np.array([0, 1, 2]), 3, 0)


# ---- the scikit-learn estimator contract ---------------------------------------------------
def test_get_params_lists_every_constructor_parameter_and_set_params_changes_them() -> None:
    import inspect

    f = ThemeFinder(n_themes=4, random_state=3)
    names = [p for p in inspect.signature(ThemeFinder).parameters]
    params = f.get_params()
    assert sorted(params) == sorted(names)
    assert params["n_themes"] == 4 and params["random_state"] == 3
    assert params["merge_z"] == 3.5 and params["vectorizer"] is None
    assert f.set_params(n_themes=2, min_theme_size=5) is f
    assert (f.n_themes, f.min_theme_size) == (2, 5)
    with pytest.raises(ValueError, match="Invalid parameter 'seed'"):
        f.set_params(seed=1)


def test_init_is_keyword_only_and_only_stores() -> None:
    with pytest.raises(TypeError):
        ThemeFinder(3)  # type: ignore[misc]
    f = ThemeFinder(n_themes=0, max_outlier_share=2.0)  # stored, checked at fit
    assert f.n_themes == 0 and not [a for a in vars(f) if a.endswith("_")]


def test_clone_gives_an_unfitted_copy_with_the_same_parameters_and_result() -> None:
    from sklearn.base import clone

    docs, _ = planted(seed=4)
    f = ThemeFinder(random_state=5, min_theme_size=4).fit(docs)
    g = clone(f)
    assert g.get_params() == f.get_params() and not hasattr(g, "labels_")
    assert np.array_equal(g.fit(docs).labels_, f.labels_)
    h = clone(f).set_params(random_state=6)
    assert h.get_params()["random_state"] == 6 and f.random_state == 5


def test_random_state_int_generator_and_randomstate() -> None:
    docs, _ = planted(seed=5)
    a = ThemeFinder(random_state=np.random.RandomState(1)).fit(docs)
    b = ThemeFinder(random_state=np.random.RandomState(1)).fit(docs)
    assert np.array_equal(a.labels_, b.labels_) and a.seed_ == b.seed_
    c = ThemeFinder(random_state=np.random.default_rng(2)).fit(docs)
    d = ThemeFinder(random_state=np.random.default_rng(2)).fit(docs)
    assert np.array_equal(c.labels_, d.labels_)
    assert ThemeFinder(random_state=7).fit(docs).seed_ == 7  # an int is the seed itself
    assert ThemeFinder(random_state=None).fit(docs).n_themes_ >= 2


@pytest.mark.parametrize(("param", "value", "words"), [
    ("n_themes", 0, "'auto' or an int in the range [1, inf)"),
    ("n_themes", "many", "'auto' or an int"),
    ("max_outlier_share", 1.5, "a float in the range [0, 1)"),
    ("min_theme_size", 0, "an int in the range [1, inf)"),
    ("random_state", -1, "None, an int in the range [0, 4294967295]"),
    ("random_state", "x", "a numpy RandomState or a numpy Generator"),
    ("subthemes", "yes", "a bool"),
    ("merge_z", 0, "None or a float in the range (0, inf)"),
    ("vectorizer", "tfidf", "an object with fit_transform() and transform()"),
])
def test_bad_parameters_fail_at_fit_naming_parameter_and_value(param: str, value: object,
                                                               words: str) -> None:
    docs, _ = planted()
    f = ThemeFinder().set_params(**{param: value})
    with pytest.raises(ConfigError) as err:
        f.fit(docs)
    msg = str(err.value)
    assert msg.startswith(f"The {param!r} parameter of ThemeFinder must be ")
    assert words in msg and msg.endswith(f"Got {value!r} instead.")


def test_stability_reclusters_through_the_public_fitted_state() -> None:
    from innonlp.themes.stability import theme_stability

    docs, _ = planted(seed=6)
    f = ThemeFinder(random_state=0).fit(docs)
    assert f.embedding_.shape[0] == len(f.rows_) and f.k_fine_ >= f.n_themes_ >= f.min_k_
    boot = f.recluster(f.embedding_, random_state=1)
    assert boot.shape == f.rows_.shape
    s = theme_stability(f, n_boot=3, seed=0)
    assert s.shape == (f.n_themes_,) and (s > 0.9).all()
    assert np.array_equal(s, theme_stability(f, n_boot=3, seed=0))
