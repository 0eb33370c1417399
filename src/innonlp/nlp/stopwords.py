"""Stop words as data, applied to lemmas: Bokmål, Nynorsk and consultation boilerplate.

- ``BOKMAL``: spaCy's ``nb`` list (read from spaCy, not copied) minus the content words in
  ``KEEP_CONTENT`` that matter in consultations (``kontakt``, ``leder``, ``kroner`` …);
- ``NYNORSK``: the Nynorsk forms of the same function words, written for innonlp;
- ``BOILERPLATE``: words every consultation letter uses and no theme is about (høring,
  høringsinstans, departement, innspill, vise til …), in both standards;
- ``LIGHT_NOUNS``: nouns used mostly in idioms (ta del, i dag, på egen hånd, for eksempel);
- ``STOP_LEMMAS``: all of the above plus their lemmas under the embedded lemmatisers, so the
  list agrees with what the lemmatiser produces (``er`` → ``være`` and ``vere``).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.lang.nb.stop_words import STOP_WORDS as _SPACY_NB

KEEP_CONTENT = frozenset(
    "bris by dag del folk grunn kamp kampen kontakt kort kroner kveld laget land landet leder "
    "løpet mennesker mål personer plass poeng runde saken sted stedet tid år".split())

BOKMAL = frozenset(_SPACY_NB) - KEEP_CONTENT

NYNORSK = frozenset(
    """
    eg meg deg ho honom henne han vi me oss de dei dykk dykkar deira hans hennar sin sitt
    sine min mitt mine din ditt dine vår vårt våre kven kva kvar kvifor korleis kor når
    ikkje ikkje-noko ingen inga ikkje-nokon noko nokon nokre kvarandre sjølv sjølve
    ein ei eit eitt den det dei denne dette desse same slik slikt slike sånn
    og eller men for at som om då no òg også berre heller enn enno før etter sidan medan
    fordi dersom viss sjølv om både anten korkje verken
    er var vore vere vera vert verte vart blir bli blei blitt har hadde hatt ha kan kunne
    skal skulle vil ville må måtte bør burde får fekk fått gjer gjorde gjort
    i på av til frå med mot om ved hjå utan over under mellom gjennom etter bak føre
    fram opp ned ut inn heim her der dit hit no då så svært mykje meir mest mange fleire
    fleste lite litt mindre minst heile alle alt all andre annan anna nokså ganske
    meiner meine seier sei synest
    """.split())

BOILERPLATE = frozenset(
    """
    høring høringen høringsnotat høringsnotatet høringsinstans høringsinstanser høringssvar
    høringsuttalelse høringsbrev høringsfrist høringsdokument høringsforslag
    høyring høyringa høyringsnotat høyringsnotatet høyringsinstans høyringsinstansar
    høyringssvar høyringsfråsegn høyringsbrev høyringsfrist
    departement departementet departementets direktorat direktoratet
    innspill innspel uttalelse uttale fråsegn merknad merknader kommentar kommentarer
    vise viser vist syne syner hilsen helsing vennlig venleg med vennlig hilsen
    vedlegg vedlagt referanse ref saksnummer saksnr dato brev e-post epost
    takk takke takkar invitasjon invitere høve anledning melding stortingsmelding
    dialogmøte innspillsmøte
    """.split())

# Light nouns: in idioms more than about anything ("ta del", "i dag", "på denne måten",
# "på egen hånd", "for eksempel").
LIGHT_NOUNS = frozenset(
    """
    del dag dagen måte måten måter gang gong gonger ganger sted stad hånd hand grunn
    tilfelle tilfelle rekke slags eksempel døme
    """.split())


@lru_cache(maxsize=1)
def stop_lemmas() -> frozenset[str]:
    """Every listed word and its lemma under the Bokmål and Nynorsk lemmatisers."""
    from .components import load_embedded

    words = BOKMAL | NYNORSK | BOILERPLATE | LIGHT_NOUNS
    out = set(words)
    for standard in ("nb", "nn"):
        lemmatizer = load_embedded(standard)[1]
        out.update(lemmatizer.lemma_any(w) for w in words)
    return frozenset(out)


def is_stop_lemma(lemma: str) -> bool:
    return lemma.lower() in stop_lemmas()
