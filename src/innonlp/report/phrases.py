"""Key phrases as a report shows them: in base form and in the report's written standard
(a Bokmål report maps Nynorsk forms with :mod:`innonlp.nlp.nbnn`)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


def report_standard(manifest: dict[str, Any]) -> str:
    """The run's majority written standard, "nb" or "nn" (Bokmål when none is known)."""
    counts = manifest.get("standards", {}).get("submissions", {})
    nb, nn = counts.get("nb", 0), counts.get("nn", 0)
    return "nn" if nn > nb else "nb"


@lru_cache(maxsize=50_000)
def base_form(word: str, standard: str = "nb") -> str:
    """One word in base form (``digitaliseringen`` → ``digitalisering``, ``kommuner`` →
    ``kommune``) and, for a Bokmål report, in Bokmål (``verksemda`` → ``virksomhet``)."""
    import simplemma

    from ..nlp.nbnn import to_bokmaal

    low = word.lower()
    if standard == "nn":
        return simplemma.lemmatize(low, lang="nn")
    lemma = simplemma.lemmatize(low, lang="nb")
    if not simplemma.is_known(low, lang="nb") and simplemma.is_known(low, lang="nn"):
        lemma = simplemma.lemmatize(low, lang="nn")  # a Nynorsk form: its Nynorsk lemma
    if len(lemma) > len(low):
        lemma = low  # a noun read as a verb ("bruk" → "bruke"): keep the word
    return to_bokmaal(lemma)


def show_phrase(phrase: str, standard: str = "nb") -> str:
    """A key phrase as shown: one word in base form; in a longer phrase each Nynorsk word
    mapped to Bokmål (a Bokmål report), inflection kept so the phrase still reads."""
    words = phrase.split()
    if len(words) == 1:
        return base_form(phrase, standard)
    if standard == "nn":
        return phrase
    from ..nlp.nbnn import to_bokmaal

    return " ".join(to_bokmaal(w) for w in words)


def shown_phrases(theme: dict[str, Any], standard: str = "nb", n: int = 6) -> list[str]:
    """The theme's first ``n`` key phrases as shown, duplicates (after mapping) dropped."""
    out: list[str] = []
    for k in theme.get("key_phrases", []):
        p = show_phrase(k["phrase"], standard)
        if p not in out:
            out.append(p)
        if len(out) == n:
            break
    return out
