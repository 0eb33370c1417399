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
("Regelverket" → "Regelverk"), or in its indefinite plural where the theme writes it so
("Anskaffelser", "Innkjøpere").

A label names a topic, not a verdict: a phrase with a superlative ("sterkeste
verktøyene", "viktigste tiltak") is no candidate, nor one that starts with a word pointing
into the text or an adverb ("følgende posisjoner", "ofte ansvar":
:data:`~innonlp.themes.boilerplate.LABEL_OPENERS`), nor a two-letter word ("år"), nor one
whose every word is a stop word, a generic noun ("behov", "verktøy":
:data:`~innonlp.themes.boilerplate.GENERIC_NOUNS`) or a word half the consultation uses
(its own topic, ``wide``: "Verktøy for innovasjon" in a consultation on innovation). When the
runner-up names another side of the same theme almost as well (a score at least
:data:`PAIR_SHARE` of the best, at least :data:`PAIR_SPECIFICITY` of its uses in the
theme, no shared atoms, both of one or two words), a theme's label joins them (a
sub-theme's never: "Kultur og kompetanse", "Personvern og kunstig intelligens"): one word
alone would name half the theme.

Labels are chosen for the themes in order (the largest first), then for the sub-themes; a
candidate is passed over when it is the same idea as a label already given (the same Bokmål
atoms, or one's atoms a part of the other's: "Fagsystem" / "Gamle fagsystemer"), so no two
themes or sub-themes share a label or an inflection of one, and a sub-theme never
repeats its parent's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..keyphrases.score import KeyPhrase
from .boilerplate import (
    GENERIC_NOUNS,
    LABEL_OPENERS,
    STOP_WORDS,
    is_bad_label,
    is_boilerplate_token,
)

NO_LABEL = "Uten tydelig tema"
DEFINITE_ENDINGS = ("en", "et", "ene", "ane", "a")
PLURAL_ENDINGS = ("er", "ar", "r", "e")  # indefinite plural, both standards
CANDIDATES = 10
PAIR_SHARE = 0.75  # the runner-up's share of the best score that joins it to the label
PAIR_WORDS = 2  # the most words of each half of a joined label
PAIR_SPECIFICITY = 0.8  # the runner-up is mostly used in this theme


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
    "verktøy for innovasjon"), except after a weak adjective, where the definite form is
    agreement ("daglige tjenesteytingen" stays); the words as written otherwise."""
    words = p.phrase.split()
    if len(words) != len(p.key):
        return p.phrase
    out = []
    for i, (w, lem) in enumerate(zip(words, p.key, strict=True)):
        # after a weak adjective ("daglige", "nye") the noun's definite form is agreement:
        # "daglige tjenesteyting" would be ungrammatical, the words stay as written
        weak = i > 0 and _weak_adjective(words[i - 1].lower(), p.key[i - 1])
        out.append(_base(w, lem) if not weak else w)
    return " ".join(out)


def _base(word: str, lemma: str) -> str:
    """A definite noun's base form: its lemma; when the lemmatizer cut only "-ne" off a
    definite plural ("søknadsprosessene" → "søknadsprosesse"), the word without "-ene"
    ("søknadsprosess"); any other word as written."""
    low = word.lower()
    cut_short = lemma.endswith("e") and low == lemma + "ne"
    if cut_short:
        return word[:-3] if len(low) > 6 else word
    return lemma if _definite(low, lemma) else word


def _weak_adjective(word: str, lemma: str) -> bool:
    """``word`` is ``lemma`` plus the weak (definite or plural) ending -e ("daglige" of
    "daglig"); a lemma that ends in -e already ("moderne") is not counted."""
    return len(lemma) >= 3 and not lemma.endswith("e") and word == lemma + "e"


def _score(p: KeyPhrase, n_submitters: int) -> float:
    coverage = p.n_submissions / max(n_submitters, 1)
    length = len(p.key)
    bonus = 1.25 if 2 <= length <= 4 else (1.0 if length == 1 else 0.7)
    return (coverage ** 0.5) * max(p.specificity, 1e-3) * bonus


def label_text(p: KeyPhrase) -> str:
    """How a key phrase reads as a label: a single word in its indefinite form (its lemma,
    or the indefinite plural where the theme writes it so: "innkjøpere", not "innkjøper"), a
    longer phrase in its natural written form with definite nouns in their base form
    (:func:`indefinite`; all lemmas would break agreement: "gamle fagsystemer"), with a
    capital first letter."""
    text = _single(p.phrase, p.key[0]) if len(p.key) == 1 and p.key[0].isalpha() \
        else indefinite(p)
    return text[:1].upper() + text[1:]


def _single(word: str, lemma: str) -> str:
    """One word as a label: as written when that is ``lemma`` plus an indefinite plural
    ending ("anskaffelser", "innkjøparar"), its lemma otherwise ("regelverket" →
    "regelverk")."""
    low = word.lower()
    plural = len(lemma) >= 3 and low.startswith(lemma) and low[len(lemma):] in PLURAL_ENDINGS
    return word if plural else lemma


def _superlative(p: KeyPhrase) -> bool:
    """A word of the phrase is its lemma plus a superlative ending ("sterkeste" of
    "sterk", "viktigste" of "viktig")."""
    words = p.phrase.lower().split()
    if len(words) != len(p.key):
        return False
    return any(len(lem) >= 3 and (w == lem + "este" or w == lem + "ste")
               for w, lem in zip(words, p.key, strict=True))


def _too_short(p: KeyPhrase) -> bool:
    """A single word of two letters ("år", "ny") names no topic; an acronym ("KI", "EU")
    does."""
    return len(p.key) == 1 and len(p.phrase) <= 2 and not p.phrase.isupper()


def _names_something(p: KeyPhrase, wide: frozenset[str]) -> bool:
    """A word of the phrase is no stop word, no generic noun ("behov", "verktøy":
    :data:`~innonlp.themes.boilerplate.GENERIC_NOUNS`) and no word of ``wide`` (those half
    the consultation uses, its own topic): "verktøy for innovasjon" names nothing in a
    consultation on innovation."""
    return any(w.isalpha() and low not in STOP_WORDS and low not in GENERIC_NOUNS
               and low not in wide for w in p.key for low in (w.lower(),))


def _clashes(atoms: frozenset[str], used: Sequence[frozenset[str]]) -> bool:
    return any(atoms == u or (atoms and u and (atoms < u or u < atoms)) for u in used)


def choose_label(phrases: Sequence[KeyPhrase], n_submitters: int,
                 used: Sequence[frozenset[str]], pair: bool = False,
                 wide: frozenset[str] = frozenset()
                 ) -> tuple[str, frozenset[str]]:
    """The best candidate among the first :data:`CANDIDATES` that is no boilerplate and
    does not clash with ``used`` (ties: the higher key-phrase score), with ``pair`` joined
    by its runner-up when that names another side of the theme (see the module); (label,
    its atoms). Without one: :data:`NO_LABEL`."""
    ok = [p for p in phrases[:CANDIDATES] if phrase_ok(p) and not _superlative(p)
          and p.phrase.split()[0].lower() not in LABEL_OPENERS
          and not _too_short(p) and _names_something(p, wide)]
    ranked = [p for p in sorted(ok, key=lambda p: (-_score(p, n_submitters), -p.score,
                                                   p.phrase))
              if not _clashes(p.atoms, used)]
    if not ranked:
        return NO_LABEL, frozenset()
    best = ranked[0]
    second = _partner(best, ranked[1:], n_submitters, used) if pair else None
    if second is None:
        return label_text(best), best.atoms
    text = label_text(best) + " og " + _lower(label_text(second))
    return text, best.atoms | second.atoms


def _lower(text: str) -> str:
    """A label's first letter lower-cased, unless the word is a name or an acronym
    ("EØS-avtalen", "NAV")."""
    first = text.split()[0]
    return text if first[1:2].isupper() else text[:1].lower() + text[1:]


def _partner(best: KeyPhrase, rest: Sequence[KeyPhrase], n_submitters: int,
             used: Sequence[frozenset[str]]) -> KeyPhrase | None:
    """The runner-up that joins ``best`` in the label (see the module), or None."""
    if len(best.key) > PAIR_WORDS or not rest:
        return None
    top = _score(best, n_submitters)
    p = rest[0]
    if (_score(p, n_submitters) >= PAIR_SHARE * top and len(p.key) <= PAIR_WORDS
            and p.specificity >= PAIR_SPECIFICITY
            and not (p.atoms & best.atoms) and not _clashes(best.atoms | p.atoms, used)):
        return p
    return None


def choose_labels(phrases: Mapping[str, Sequence[KeyPhrase]],
                  submitters: Mapping[str, int],
                  wide: frozenset[str] = frozenset()) -> dict[str, str]:
    """Labels for theme ids ("T01", numbered largest first) and sub-theme ids ("T01.2"):
    the themes first, then the sub-themes (see the module); ``submitters``: the number of
    distinct submitters per id (for coverage); ``wide``: the consultation's own topic
    (:func:`~innonlp.keyphrases.coverage.wide_atoms`)."""
    used: list[frozenset[str]] = []
    out: dict[str, str] = {}
    order = sorted(phrases, key=lambda g: ("." in g, g))
    for gid in order:
        label, atoms = choose_label(phrases[gid], submitters.get(gid, 0), used,
                                    pair="." not in gid, wide=wide)
        out[gid] = label
        if atoms:
            used.append(atoms)
    return out
