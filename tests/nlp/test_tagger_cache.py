"""The tagger's type cache may be emptied at any call without changing any tag."""

from innonlp.nlp.components import load_embedded


def test_cache_reset_between_calls_keeps_tags(monkeypatch) -> None:
    tagger = load_embedded("nb")[0]
    words = "Kommunen ønsker mer samarbeid med staten om innovasjon .".split()
    expected = tagger.predict(words)
    tagger._reset_cache()
    # force a reset on (almost) every lookup: a tiny cache limit
    import innonlp.nlp.tagger as mod
    monkeypatch.setattr(mod, "CACHE_TYPES", 3)
    for _ in range(3):
        assert tagger.predict(words) == expected
    tagger._reset_cache()
