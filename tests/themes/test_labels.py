"""Labels: boilerplate never, a short noun phrase, no clashes between themes and sub-themes."""

from innonlp.keyphrases.score import KeyPhrase
from innonlp.themes.labels import NO_LABEL, choose_label, choose_labels, label_ok, phrase_ok


def kp(phrase: str, key: tuple[str, ...], n_sub: int = 5, spec: float = 0.8,
       atoms: frozenset[str] | None = None) -> KeyPhrase:
    return KeyPhrase(phrase, 1.0, n_sub, n_sub, spec, key, atoms or frozenset(key))


def test_boilerplate_is_never_a_label_or_shown_key_phrase() -> None:
    for bad in ("§", "nr.", "Jan", "2019", "3. juli 2019", "Vass-", "Forskrift", "trer i kraft"):
        assert not label_ok(bad), bad
    assert not phrase_ok(kp("§ 3", ("§", "3")))
    assert phrase_ok(kp("innovative anskaffelser", ("innovativ", "anskaffelse")))
    label, _ = choose_label([kp("forskrift", ("forskrift",), 20, 0.9),
                             kp("nr.", ("nr.",), 20, 0.9),
                             kp("fiskeri", ("fiskeri",), 5, 0.5)], 20, [])
    assert label == "Fiskeri"
    assert choose_label([kp("§", ("§",))], 5, [])[0] == NO_LABEL


def test_a_phrase_that_covers_and_separates_wins_and_reads_indefinite() -> None:
    phrases = [kp("tjenester", ("tjeneste",), 20, 0.1),          # everywhere: not distinctive
               kp("innovative anskaffelser", ("innovativ", "anskaffelse"), 12, 0.9),
               kp("leverandørdialogen", ("leverandørdialog",), 12, 0.9)]
    assert choose_label(phrases, 20, [])[0] == "Innovative anskaffelser"
    single = [kp("regelverket", ("regelverk",), 10, 0.9)]
    assert choose_label(single, 10, [])[0] == "Regelverk"  # a single word by its lemma


def test_no_two_themes_or_subthemes_share_a_label_or_an_inflection_of_one() -> None:
    system = kp("fagsystem", ("fagsystem",), atoms=frozenset({"fag", "system"}))
    old = kp("gamle fagsystemer", ("gammel", "fagsystem"),
             atoms=frozenset({"gammel", "fag", "system"}))
    data = kp("datadeling", ("datadeling",), 4, 0.6, atoms=frozenset({"data", "deling"}))
    names = choose_labels({"T01": [system, data], "T01.1": [old, system, data],
                           "T02": [system, data]}, {"T01": 10, "T01.1": 5, "T02": 8})
    assert names["T01"] == "Fagsystem"
    assert names["T02"] == "Datadeling"  # the same idea is taken: the next one
    assert names["T01.1"] not in (names["T01"], names["T02"])  # never its parent's
    assert len(set(names.values())) == 3 or NO_LABEL in names.values()


def test_definite_nouns_are_shown_in_base_form() -> None:
    from innonlp.themes.labels import label_text

    p = kp("verktøyene for innovasjon", ("verktøy", "for", "innovasjon"))
    assert label_text(p) == "Verktøy for innovasjon"
    q = kp("offentlige anskaffelser", ("offentlig", "anskaffelse"))
    assert label_text(q) == "Offentlige anskaffelser"
    # after a weak adjective the definite form is agreement: never "Daglige tjenesteyting"
    r = kp("daglige tjenesteytingen", ("daglig", "tjenesteyting"))
    assert label_text(r) == "Daglige tjenesteytingen"
    # a lemma cut short of a definite plural ("søknadsprosesse"): the word without "-ene"
    s = kp("søknadsprosessene for tilskudd", ("søknadsprosesse", "for", "tilskudd"))
    assert label_text(s) == "Søknadsprosess for tilskudd"


def test_a_superlative_names_a_verdict_not_a_topic() -> None:
    phrases = [kp("sterkeste verktøyene", ("sterk", "verktøy"), 9, 1.0),
               kp("anskaffelser", ("anskaffelse",), 6, 1.0)]
    assert choose_label(phrases, 10, [])[0] == "Anskaffelser"


def test_a_theme_with_two_sides_gets_both_and_a_subtheme_one() -> None:
    privacy = kp("personvernet", ("personvern",), 8, 1.0)
    ai = kp("kunstig intelligens", ("kunstig", "intelligens"), 6, 0.9)
    broad = kp("tjenester", ("tjeneste",), 9, 0.2)
    assert choose_label([privacy, ai, broad], 10, [], pair=True)[0] == \
        "Personvern og kunstig intelligens"
    assert choose_label([privacy, ai, broad], 10, [])[0] == "Personvern"
    # a runner-up used mostly elsewhere, or far behind, is left out
    assert choose_label([privacy, broad], 10, [], pair=True)[0] == "Personvern"
    weak = kp("algoritmer", ("algoritme",), 1, 1.0)
    assert choose_label([privacy, weak], 10, [], pair=True)[0] == "Personvern"
    names = choose_labels({"T01": [privacy, ai], "T01.1": [privacy, ai, weak]},
                          {"T01": 10, "T01.1": 5})
    assert names["T01"] == "Personvern og kunstig intelligens"
    assert names["T01.1"] == "Algoritmer"  # its parent's ideas are taken; one word


def test_a_phrase_pointing_into_the_text_is_no_label() -> None:
    phrases = [kp("følgende posisjoner", ("følgende", "posisjon"), 9, 1.0),
               kp("snurrevad", ("snurrevad",), 5, 1.0)]
    assert choose_label(phrases, 10, [])[0] == "Snurrevad"


def test_an_adverb_opener_or_a_two_letter_word_is_no_label() -> None:
    phrases = [kp("ofte ansvar", ("ofte", "ansvar"), 9, 1.0), kp("år", ("år",), 9, 1.0),
               kp("tilskuddsordninger", ("tilskuddsordning",), 5, 0.8)]
    assert choose_label(phrases, 10, [])[0] == "Tilskuddsordninger"
    assert choose_label([kp("KI", ("KI",), 5, 0.9)], 5, [])[0] == "KI"


def test_a_label_names_something_besides_generic_nouns_and_the_consultations_topic() -> None:
    tools = kp("verktøyene for innovasjon", ("verktøy", "for", "innovasjon"), 8, 1.0)
    needs = kp("behov", ("behov",), 8, 1.0)
    buyers = kp("innkjøpere", ("innkjøper",), 5, 1.0)
    # "innovasjon" is the consultation's own topic: with it among the wide words, neither
    # "Verktøy for innovasjon" nor the generic "Behov" names the theme
    assert choose_label([tools, needs, buyers], 10, [], wide=frozenset({"innovasjon"}))[0] \
        == "Innkjøpere"
    # without it "innovasjon" names something, and the phrase may win
    assert choose_label([tools, needs, buyers], 10, [])[0] == "Verktøy for innovasjon"


def test_a_single_word_reads_in_its_indefinite_plural_where_the_theme_writes_it_so() -> None:
    assert choose_label([kp("anskaffelser", ("anskaffelse",))], 5, [])[0] == "Anskaffelser"
    assert choose_label([kp("innkjøparar", ("innkjøpar",))], 5, [])[0] == "Innkjøparar"
    assert choose_label([kp("regelverket", ("regelverk",))], 5, [])[0] == "Regelverk"
    assert choose_label([kp("kultur", ("kultur",))], 5, [])[0] == "Kultur"
