"""Formalia: greeting, reference and closing sentences are set apart, content is not."""

import pytest

from innonlp.themes.formalia import formula_sentence


@pytest.mark.parametrize("text", [
    "Vi viser til høringsbrevet og takker for muligheten til å gi innspill.",
    "Vi viser til høyringsbrevet og takkar for høvet til å kome med innspel.",
    "Takk for invitasjonen til å komme med innspill om innovasjon i offentlig sektor.",
    "Ta gjerne kontakt dersom noe er uklart.",
    "Ta gjerne kontakt dersom noko er uklart.",
    "Vi ser fram til å følge arbeidet videre.",
    "Vi bidreg gjerne i det vidare arbeidet med meldinga.",
    "Her følger våre innspill etter intern behandling.",
    "Vi har følgende merknader til høringsnotatet.",
    "Uttalelsen er behandlet i formannskapet 3. mars.",
    "Med vennlig hilsen",
])
def test_formulas_are_recognised(text: str) -> None:
    assert formula_sentence(text)


@pytest.mark.parametrize("text", [
    "Deling av data mellom etater er en forutsetning for sammenhengende tjenester.",
    "Små kommunar har ikkje kapasitet til å vere med i store innovasjonsprosjekt.",
    "Vi ser at regelverket hindrer forsøk med nye arbeidsformer i kommunene.",
    "Takk for at dere tar personvernet på alvor, men kunstig intelligens i barnevernet "
    "krever langt strengere kontroll enn forslaget legger opp til, og vi ber departementet "
    "utrede konsekvensene for barn og familier grundig før noe innføres.",
])
def test_content_is_not_formalia(text: str) -> None:
    from innonlp.nlp.loader import load_pipeline
    from innonlp.nlp.stopwords import stop_lemmas
    nlp = load_pipeline("nb")
    stop = stop_lemmas()
    lemmas = [t.lemma_.lower() for t in nlp(text)
              if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and t.lemma_.lower() not in stop]
    assert not formula_sentence(text, lemmas)


def test_sentence_without_content_words_is_left_to_the_finder() -> None:
    assert not formula_sentence("Enig.", [])
