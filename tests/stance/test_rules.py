"""Per-sentence cues on invented sentences (Bokmål and Nynorsk): every cue family, negation,
contrast, targets, look-alikes, and the per-cue scan against the one alternation of every
cue (speed: ``benchmarks/stance_speed.py``)."""


import pytest

from innonlp.stance import rules as R
from innonlp.stance import sentence_cue
from innonlp.stance.rules import GENERAL_TARGET, NO_CUE

FAMILIES = [
    # support
    ("Vi støtter forslaget om nye fartsgrenser.", "støtter", "støtter"),
    ("Kommunen støttar framlegget.", "støtter", "støttar"),
    ("Forslaget støttes av forbundet.", "støtter", "støttes"),
    ("Vi kan støtte at ordningen blir varig.", "støtter", "kan støtte"),
    ("Vi gir full støtte til forslaget.", "støtter", "gir full støtte til"),
    ("Foreningen slutter seg til departementets vurderinger.", "støtter", "slutter seg til"),
    ("Fylket sluttar seg til framlegget.", "støtter", "sluttar seg til"),
    ("Vi er enige i forslaget.", "støtter", "er enige i"),
    ("Vi er einige i framlegget.", "støtter", "er einige i"),
    ("Forbundet stiller seg bak forslaget.", "støtter", "stiller seg bak"),
    ("Vi ser positivt på endringene.", "støtter", "ser positivt på"),
    ("Vi anbefaler at forslaget vedtas.", "støtter", "anbefaler at forslaget vedtas"),
    ("Fylkeskommunen tilrår at framlegget blir vedteke.", "støtter",
     "tilrår at framlegget blir vedteke"),
    ("Vi går inn for den foreslåtte modellen.", "støtter", "går inn for"),
    ("Vi har ingen innvendinger til forslaget.", "støtter", "har ingen innvendinger"),
    # opposition
    ("Vi går imot forslaget.", "imot", "går imot"),
    ("Kommunen går i mot framlegget.", "imot", "går i mot"),
    ("Vi fraråder innføring av bompenger.", "imot", "fraråder"),
    ("Direktoratet frarår at regelen blir innført.", "imot", "frarår"),
    ("Vi er uenige i forslaget.", "imot", "uenige"),
    ("Eg er ueinig i framlegget.", "imot", "ueinig"),
    ("Vi avviser forslaget.", "imot", "avviser"),
    ("Vi ber om at forslaget trekkes tilbake.", "imot", "trekkes tilbake"),
    ("Ordningen må ikke innføres.", "imot", "må ikke innføres"),
    ("Ordninga må ikkje innførast.", "imot", "må ikkje innførast"),
    ("Vi sier nei til bompenger.", "imot", "sier nei"),
    ("Vi er negative til forslaget.", "imot", "er negative til"),
    # conditions
    ("Vi forutsetter at kommunene får full kompensasjon.", "betinget", "forutsetter at"),
    ("Vi føreset at staten dekkjer kostnadene.", "betinget", "føreset at"),
    ("Vi støtter forslaget under forutsetning av at fristen forlenges.", "betinget",
     "under forutsetning av"),
    ("Vi støtter forslaget med forbehold om finansiering.", "betinget", "med forbehold om"),
    ("Vi støttar framlegget på vilkår av at ordninga blir evaluert.", "betinget", "på vilkår av"),
    # no comments
    ("Vi har ingen merknader.", "ingen_merknader", "har ingen merknader"),
    ("Vi har ikke merknader til forslaget.", "ingen_merknader", "har ikke merknader"),
    ("Vi har ingen kommentarer til høringen.", "ingen_merknader", "har ingen kommentarer"),
    ("Vi har inga merknader.", "ingen_merknader", "har inga merknader"),
    ("Ingen merknader.", "ingen_merknader", "Ingen merknader"),
    ("Etaten har ikke noe å bemerke.", "ingen_merknader", "har ikke noe å bemerke"),
]


@pytest.mark.parametrize(("sentence", "stance", "cue"), FAMILIES)
def test_every_cue_family(sentence: str, stance: str, cue: str) -> None:
    got = sentence_cue(sentence)
    assert (got.stance, got.cue) == (stance, cue)
    assert got.span is not None and sentence[got.span[0]:got.span[1]] == cue


NEGATION = [
    ("Vi støtter ikke forslaget.", "imot"),
    ("Jeg støtter IKKE dette forslaget.", "imot"),
    ("Vi støttar ikkje framlegget.", "imot"),
    ("Vi kan ikke støtte forslaget.", "imot"),
    ("Vi kan ikkje støtte framlegget.", "imot"),
    ("Vi er ikke enige i forslaget.", "imot"),
    ("Vi er ikkje einige i framlegget.", "imot"),
    ("Vi støtter heller ikke forslaget om avgift.", "imot"),
    ("Vi er ikke uenige i forslaget.", "støtter"),
    ("Vi er ikkje ueinige i framlegget.", "støtter"),
    ("Vi er ikke imot forslaget.", "støtter"),
]


@pytest.mark.parametrize(("sentence", "stance"), NEGATION)
def test_negation_flips(sentence: str, stance: str) -> None:
    got = sentence_cue(sentence)
    assert got.stance == stance and got.negated


def test_hedged_flip_weighs_less() -> None:
    assert sentence_cue("Vi er ikke uenige i forslaget.").weight < 1.0
    assert sentence_cue("Vi støtter ikke forslaget.").weight == 1.0


def test_not_negating_phrases() -> None:
    got = sentence_cue("Vi støtter forslaget, ikke minst fordi det forenkler.")
    assert got.stance == "støtter" and not got.negated


def test_negated_condition_is_no_cue() -> None:
    assert sentence_cue("Ordningen forutsetter ikke nye midler.").stance is None


def test_contrast() -> None:
    got = sentence_cue("Vi støtter forslaget, men forutsetter at det følger penger med.")
    assert got.stance == "betinget"
    assert [m.stance for m in got.matches] == ["støtter", "betinget"]
    got = sentence_cue("Vi har ingen merknader til kapittel 3, men går imot forslaget i kapittel 4.")
    assert (got.stance, got.target) == ("imot", "kapittel 4")
    assert [m.stance for m in got.matches] == ["ingen_merknader", "imot"]
    got = sentence_cue("Vi støtter forslaget i punkt 3, men går imot forslaget i punkt 5.")
    assert (got.stance, got.target) == ("imot", "punkt 5")


@pytest.mark.parametrize(("sentence", "target"), [
    ("Vi støtter forslaget.", GENERAL_TARGET),
    ("Kommunen støttar framlegget.", GENERAL_TARGET),
    ("Vi kan ikke støtte forslaget i punkt 3.2.", "punkt 3.2"),
    ("Kommunen er ikkje einig i framlegget til § 12.", "§ 12"),
    ("Vi fraråder at § 4-3 vedtas.", "§ 4-3"),
    ("Når det gjelder kapittel 4, går vi imot.", "kapittel 4"),
    ("Vi er sterkt imot dette.", None),
])
def test_targets(sentence: str, target: str | None) -> None:
    assert sentence_cue(sentence).target == target


@pytest.mark.parametrize("sentence", [
    "Vi tar imot innspill fra alle.",
    "Vi ser frem imot samarbeidet.",
    "Loven om støtte til frivillige lag gjelder fortsatt.",
    "Jeg støtter meg til uttalelsen fra forbundet.",
    "Kommunen har 12 000 innbyggere.",
    "",
])
def test_look_alikes_are_no_cue(sentence: str) -> None:
    assert sentence_cue(sentence) == NO_CUE


def test_partial_no_comments_has_no_weight() -> None:
    got = sentence_cue("Vi har ingen merknader utover følgende.")
    assert got.stance is None and got.matches[0].weight == 0.0


def test_questions_are_weak() -> None:
    assert sentence_cue("Hvorfor støttes dette?").weight == 0.5


def test_offsets_survive_case_and_spacing() -> None:
    s = "VI  STØTTER\nFORSLAGET."
    got = sentence_cue(s)
    assert got.stance == "støtter" and got.span is not None
    assert s[got.span[0]:got.span[1]] == "STØTTER"


def _full_scan(low: str) -> list[tuple[int, int, int]]:
    return [(int(m.lastgroup[1:]), m.start(), m.end())  # type: ignore[index]
            for m in R._CUE_RE.finditer(low)]


def test_the_per_cue_scan_finds_what_the_one_alternation_of_every_cue_finds() -> None:
    # sentences with several cues, overlapping anchors and cues of both standards
    texts = [
        "Vi støtter forslaget, men går imot at fristen kortes ned.",
        "Kommunen har ingen merknader utover det som står under punkt 3.",
        "Vi stiller oss bak forslaget og er godt fornøyde, under forutsetning av midler.",
        "Vi går sterkt imot dette og ber om at det ikke skjer, men støtter resten.",
        "Me stør framlegget, men er usamde i at ordninga vert avvikla.",
        "Det er viktig at dette ikkje skjer; vi meiner forslaget bør trekkjast.",
        "Ingen kommentarer. Vi slutter oss til forslaget.",
    ]
    for text in texts:
        for sentence in R.text_sentences(text):
            low = R._lower(sentence)
            assert R._cue_scan(low) == _full_scan(low), sentence
    assert any(R._cue_scan(R._lower(t)) for t in texts)
