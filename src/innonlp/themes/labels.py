"""Theme labels that name the topic: a short noun phrase from the theme's own key phrases.

Each key phrase of a theme is a candidate; genre boilerplate is never one
(:func:`~innonlp.themes.boilerplate.is_bad_label`: numbers, dates, months, "§", "nr.",
fragments ending in a hyphen, abbreviations, "forskrift", "trer i kraft" …). A candidate's
score combines how much of the theme it covers (the share of the theme's submitters who use
it) with how much it separates the theme from its neighbours (the share of all its uses
that fall in the theme); a phrase of two to four words gets a bonus, and a noun in the
definite form is shown in its base form ("Verktøyene for innovasjon" → "Verktøy for
innovasjon"): a label is a short indefinite noun phrase ("Innovative anskaffelser",
"Samarbeid med frivillig sektor"). A single word is shown as its lemma
("Regelverket" → "Regelverk").

Labels are chosen for the themes in order (the largest first), then for the sub-themes; a
candidate is passed over when it is the same idea as a label already given (the same Bokmål
atoms, or one's atoms a part of the other's: "Fagsystem" / "Gamle fagsystemer"), so no two
themes or sub-themes share a label or an inflection of one, and a sub-theme never
repeats its parent's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..keyphrases.score import KeyPhrase
from .boilerplate import is_bad_label, is_boilerplate_token

NO_LABEL = "Uten tydelig tema"
DEFINITE_ENDINGS = ("en", "et", "ene", "ane", "a")
CANDIDATES = 10


def label_ok(text: str) -> bool:
    """``text`` is a usable label (not boilerplate, not the no-label placeholder)."""
    return text != NO_LABEL and not is_bad_label(text)


def phrase_ok(p: KeyPhrase) -> bool:
    """A key phrase that may be shown or chosen as a label: its text is no bad label and
    none of its words is genre furniture ("§ 3", "nr. 12", "forskrift")."""
    return not is_bad_label(p.phrase) and not any(is_boilerplate_token(w) for w in p.key)


def _definite(word: str, lemma: str) -> bool:
    """``word`` is ``lemma`` plus a definite ending ("sektoren", "verktøyene"); a lemma
    that is itself off ("søknadsprosesse") leaves the word as written."""
    return len(lemma) >= 3 and word.startswith(lemma) and word[len(lemma):] in DEFINITE_ENDINGS


def indefinite(p: KeyPhrase) -> str:
    """The phrase with each definite noun in its base form ("verktøyene for innovasjon" →
    "verktøy for innovasjon"); the words as written otherwise."""
    words = p.phrase.split()
    if len(words) != len(p.key):
        return p.phrase
    return " ".join(lem if _definite(w.lower(), lem) else w
                    for w, lem in zip(words, p.key, strict=True))


def _score(p: KeyPhrase, n_submitters: int) -> float:
    coverage = p.n_submissions / max(n_submitters, 1)
    length = len(p.key)
    bonus = 1.25 if 2 <= length <= 4 else (1.0 if length == 1 else 0.7)
    return (coverage ** 0.5) * max(p.specificity, 1e-3) * bonus


def label_text(p: KeyPhrase) -> str:
    """How a key phrase reads as a label: a single word by its lemma, a longer phrase in
    its natural written form with definite nouns in their base form (:func:`indefinite`;
    all lemmas would break agreement: "gamle fagsystemer"), with a capital first letter."""
    text = p.key[0] if len(p.key) == 1 and p.key[0].isalpha() else indefinite(p)
    return text[:1].upper() + text[1:]


def _clashes(atoms: frozenset[str], used: Sequence[frozenset[str]]) -> bool:
    return any(atoms == u or (atoms and u and (atoms < u or u < atoms)) for u in used)


def choose_label(phrases: Sequence[KeyPhrase], n_submitters: int,
                 used: Sequence[frozenset[str]]) -> tuple[str, frozenset[str]]:
    """The best candidate among the first :data:`CANDIDATES` that is no boilerplate and
    does not clash with ``used``; (label, its atoms). Without one: :data:`NO_LABEL`."""
    ok = [p for p in phrases[:CANDIDATES] if phrase_ok(p)]
    ranked = sorted(ok, key=lambda p: (-_score(p, n_submitters), p.phrase))
    for p in ranked:
        if not _clashes(p.atoms, used):
            return label_text(p), p.atoms
    return NO_LABEL, frozenset()


def choose_labels(phrases: Mapping[str, Sequence[KeyPhrase]],
                  submitters: Mapping[str, int]) -> dict[str, str]:
    """Labels for theme ids ("T01", numbered largest first) and sub-theme ids ("T01.2"):
    the themes first, then the sub-themes (see the module); ``submitters``: the number of
    distinct submitters per id (for coverage)."""
    used: list[frozenset[str]] = []
    out: dict[str, str] = {}
    order = sorted(phrases, key=lambda g: ("." in g, g))
    for gid in order:
        label, atoms = choose_label(phrases[gid], submitters.get(gid, 0), used)
        out[gid] = label
        if atoms:
            used.append(atoms)
    return out
