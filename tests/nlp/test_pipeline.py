"""The embedded Norwegian pipelines: sentences, lemmas, POS, compounds, stop lemmas, tiers."""

from pathlib import Path

import pytest

from innonlp.errors import ModelNotFoundError
from innonlp.ingest.sentences import sentences
from innonlp.nlp import NorwegianNLP, load_pipeline, resolve
from innonlp.nlp.compounds import split_compound
from innonlp.nlp.stopwords import BOILERPLATE, NYNORSK, is_stop_lemma


@pytest.fixture(scope="module")
def nb():
    return load_pipeline("nb", "embedded")


@pytest.fixture(scope="module")
def nn():
    return load_pipeline("nn", "embedded")


ABBREV_TEXT = ("Vi viser til høringsnotatet, jf. kap. 3 og pkt. 4.2. Tiltakene gjelder "
               "bl.a. skoler, barnehager mv. Dette gjelder f.eks. nr. 5 i § 3-1. "
               "Kommunen er enig.")


def test_sentences_survive_abbreviations(nb) -> None:
    doc = nb(ABBREV_TEXT)
    sents = [s.text for s in doc.sents]
    assert sents == [
        "Vi viser til høringsnotatet, jf. kap. 3 og pkt. 4.2.",
        "Tiltakene gjelder bl.a. skoler, barnehager mv.",
        "Dette gjelder f.eks. nr. 5 i § 3-1.",
        "Kommunen er enig.",
    ]
    assert sentences(ABBREV_TEXT) == sents
    words = [t.text for t in doc]
    for abbr in ("jf.", "kap.", "pkt.", "bl.a.", "f.eks.", "nr."):
        assert abbr in words


def test_compound_lemma_and_head(nb, nn) -> None:
    tok = next(t for t in nb("Vi må øke innovasjonstakten i kommunene.")
               if t.text == "innovasjonstakten")
    assert tok.pos_ == "NOUN"
    assert tok.lemma_ == "innovasjonstakt"
    assert (tok._.compound_modifier, tok._.compound_head) == ("innovasjon", "takt")
    tok = next(t for t in nn("Vi treng meir kommunesamarbeid no.")
               if t.text == "kommunesamarbeid")
    assert tok._.compound_head == "samarbeid"
    assert split_compound("avdeling") is None  # a known word with no real split
    assert split_compound("barnehageplass") == ("barnehage", "plass")


def test_bokmal_and_nynorsk_lemmas_and_pos(nb, nn) -> None:
    d = {t.text: (t.lemma_, t.pos_) for t in nb("Kommunene har ikke fått nok midler.")}
    assert d["Kommunene"] == ("kommune", "NOUN")
    assert d["har"][0] == "ha" and d["har"][1] in ("AUX", "VERB")
    assert d["midler"][0] == "middel"
    d = {t.text: (t.lemma_, t.pos_) for t in nn("Kommunane har ikkje fått nok pengar, "
                                                  "og det er vanskeleg.")}
    assert d["Kommunane"] == ("kommune", "NOUN")
    assert d["er"][0] == "vere"
    assert d["ikkje"][0] == "ikkje"
    assert d["vanskeleg"] == ("vanskeleg", "ADJ")


def test_stop_words_apply_to_lemmas(nb, nn) -> None:
    for text, pipe in (("Vi er enige i forslaget.", nb), ("Eg er samd i forslaget.", nn)):
        doc = pipe(text)
        er = next(t for t in doc if t.text == "er")
        assert er._.is_stop_lemma  # via its lemma være / vere
    assert is_stop_lemma("høringsnotat") and is_stop_lemma("Departement")
    assert not is_stop_lemma("innovasjon") and not is_stop_lemma("kontakt")
    assert "ikkje" in NYNORSK and "høyringsnotat" in BOILERPLATE
    # the lemmatiser's lemma of a listed form is listed too
    doc = nb("Høringsnotatene ble sendt til departementene.")
    assert all(t._.is_stop_lemma for t in doc if t.lower_.startswith(("hørings", "departem")))


def test_tier_choice_and_errors(tmp_path: Path) -> None:
    c = resolve("embedded", "nb")
    assert (c.tier, c.model) == ("embedded", "innonlp-embedded-nb")
    auto = resolve("auto", "nb")
    assert auto.reason.startswith("auto:")  # says what it chose and why
    nn = resolve("nb_core_news_sm", "nn")
    assert nn.tier == "embedded" and "Bokmål only" in nn.reason
    with pytest.raises(ModelNotFoundError, match="pip install"):
        resolve("nb_core_news_zz", "nb")
    with pytest.raises(ModelNotFoundError, match="config.cfg"):
        resolve(str(tmp_path), "nb")


def test_pipe_keeps_context_and_order() -> None:
    layer = NorwegianNLP(nlp="embedded", batch_size=2)
    items = [("Kommunen er enig.", "nb", "a"), ("Eg er usamd.", "nn", "b"),
             ("Vi støtter forslaget.", "other:da", "c"), ("Dei meiner noko anna.", "nn", "d")]
    out = list(layer.pipe_mixed(items, block=3))
    assert [ctx for _, ctx in out] == ["a", "b", "c", "d"]
    assert out[1][0]._.standard == "nn" and out[2][0]._.standard == "nb"
    docs = list(layer.pipe([("Ein test.", 1), ("To testar.", 2)], "nn"))
    assert [c for _, c in docs] == [1, 2]
    rec = layer.record()
    assert rec["pipelines"]["nn"]["tier"] == "embedded"
    assert sum(rec["docs"].values()) == 6


def test_the_recogniser_runs_in_the_layer_only_when_asked() -> None:
    layer = NorwegianNLP(nlp="embedded")
    text = "Ordfører Kari Nordvik besøkte Bergen."
    (plain, _), = list(layer.pipe([(text, 0)], "nb"))
    (named, _), = list(layer.pipe([(text, 0)], "nb", entities=True))
    (mixed, _), = list(layer.pipe_mixed([(text, "nb", 0)], entities=True))
    assert list(plain.ents) == []
    assert ("Kari Nordvik", "PER") in [(e.text, e.label_) for e in named.ents]
    assert [e.text for e in mixed.ents] == [e.text for e in named.ents]
    # the rest of the analysis is the same
    assert [(t.lemma_, t.pos_, t.is_sent_start) for t in plain] == \
        [(t.lemma_, t.pos_, t.is_sent_start) for t in named]
    assert [(e.text, e.label_) for e in layer.language("nb")(text).ents] == \
        [(e.text, e.label_) for e in named.ents]


def test_a_spacy_pipeline_folder_is_a_tier(tmp_path: Path) -> None:
    import spacy

    folder = tmp_path / "my_nb_pipeline"
    spacy.blank("nb").to_disk(folder)
    choice = resolve(str(folder), "nb")
    assert choice.tier == "spacy" and choice.model == str(folder.resolve())
    layer = NorwegianNLP(nlp=str(folder))
    (doc, ctx), = list(layer.pipe([("Kommunene ønsker innovasjonsarbeid.", 7)], "nb"))
    assert ctx == 7 and doc._.standard == "nb"  # innonlp's components were added
    assert layer.record()["pipelines"]["nb"]["tier"] == "spacy"
    assert layer.record()["pipelines"]["nn"]["tier"] == "embedded"
