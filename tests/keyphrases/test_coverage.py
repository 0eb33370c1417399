"""The consultation's own topic: atoms that half the submitters carry, in any candidate."""

from innonlp.keyphrases.coverage import wide_atoms
from innonlp.keyphrases.score import PhraseCorpus
from innonlp.nlp import NorwegianNLP
from innonlp.nlp.analysis import analyze_segments
from innonlp.types import Segment

TEXTS = {
    "a": "Innovasjonsarbeidet i kommunen trenger bedre innkjøp.",
    "b": "Vi ønsker mer innovasjon i helsetjenesten.",
    "c": "Innovasjonen må komme brukerne til gode i skolen.",
    "d": "Regelverket for anskaffelser er for komplisert.",
}


def _corpus() -> PhraseCorpus:
    segs = [Segment(id=f"{sid}#0", submission_id=sid, n=0, part=0, text=t, start=0,
                    end=len(t)) for sid, t in TEXTS.items()]
    analyses, _ = analyze_segments(segs, NorwegianNLP(nlp="embedded"))
    return PhraseCorpus(analyses, list(TEXTS.values()), list(TEXTS))


def test_an_atom_carried_by_half_the_submitters_is_wide_and_a_rarer_one_is_not() -> None:
    corpus = _corpus()
    wide = wide_atoms(corpus)
    # "innovasjon" alone, inside "innovasjonsarbeid" and definite: three of four submitters
    assert "innovasjon" in wide
    assert "anskaffelse" not in wide and "regelverk" not in wide
    assert wide_atoms(corpus, share=1.0) == frozenset()
