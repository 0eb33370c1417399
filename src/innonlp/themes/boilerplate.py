"""Genre boilerplate of laws, regulations and letters (Bokmål and Nynorsk) that is never a
label, a key phrase or a theme of its own: dates, section references, amendment notes,
page furniture.

Legal and administrative text repeats the same formulas in every document ("trer i kraft
straks", "Endret ved forskrift 3. juli 2019 nr. 1020", "jf. § 4 annet ledd bokstav b",
"Side 3 av 12", "Vår ref."); clustered as they are, they become themes ("Kraft", "Jan",
"Nr.", "Følgende endringer") and key phrases (``§``, ``nr.``, ``ledd``). This module lists
them as data, in the style of :mod:`innonlp.themes.formalia`:

- ``MONTHS`` (both standards, with their abbreviations), ``WEEKDAYS``;
- ``LEGAL_TOKENS``: the vocabulary of references (``nr``, ``§``, ``jf``, ``ledd``,
  ``bokstav``, ``punktum`` …) and of amendment notes (``endret``, ``endra``, ``tilføyd``,
  ``opphevet``, ``iflg``, ``ikr``);
- ``GENRE_LABEL_LEMMAS``: lemmas that are real topic words in consultations but say only
  "this is a legal text" when they label a theme (``forskrift``, ``føresegn``, ``lov``,
  ``bestemmelse``, ``paragraf``, ``kraft``, ``endring``); stop lemmas for labels only, kept
  as features;
- ``BOILERPLATE_PHRASES``: multi-word formulas ("trer i kraft", "tek til å gjelde",
  "følgende endringer", "med hjemmel i");
- regular expressions for dates, section references, amendment notes, reference lines and
  page furniture (``AMENDMENT_NOTE``, ``REFERENCE_LINE``, ``PAGE_FURNITURE`` …).

:func:`is_bad_label` is the one rule for labels and key phrases; :func:`is_boilerplate_token`
and :func:`is_boilerplate_line` are for token lists and lines.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..ingest.abbreviations import ABBREVIATIONS
from ..nlp.stopwords import BOILERPLATE, BOKMAL, NYNORSK

MONTHS = frozenset(
    """
    januar februar mars april mai juni juli august september oktober november desember
    jan feb mar apr jun jul aug sep sept okt nov des
    """.split())

WEEKDAYS = frozenset(
    """
    mandag tirsdag onsdag torsdag fredag lørdag søndag
    måndag tysdag laurdag sundag
    """.split())

# Reference and amendment vocabulary (lower-case, without a final full stop).
LEGAL_TOKENS = frozenset(
    """
    § §§ nr nummer jf jfr jamfør ledd bokstav punktum pkt kap kapittel ff
    første annet andre tredje fjerde femte sjette sjuende syvende åttende niende tiende
    fyrste anna
    iflg ifølge ikr ikraft ikrafttredelse ikraftsetjing ikraftsetting i.kr
    endret endra endr tilføyd tilføydd tilført opphevet oppheva opph erstattet erstatta
    vedlegg kgl kgl.res res lovdata lovtidend lovtid
    forskr forskrnr lovnr ltid nor
    """.split())

# Topic words of consultations that only say "a legal text" as a label (kept as features).
GENRE_LABEL_LEMMAS = frozenset(
    """
    forskrift forskrifter føresegn føresegner bestemmelse bestemmelser paragraf lov lova
    loven lover lovar kraft endring endringar endringer tilføying tilføyelse oppheving
    opphevelse ikrafttreden ikrafttreding hjemmel heimel følgende følgjande fylgjande
    """.split())

# Words that open a chunk without naming anything: pointers into the text ("følgende
# posisjoner", "nevnte forskrift") and adverbs ("ofte ansvar", "gjerne dialog"); a phrase
# that starts with one is no label (both standards).
LABEL_OPENERS = frozenset(
    """
    følgende fylgjande nevnte nemnde ovennevnte ovannemnde samme same tilsvarende
    tilsvarande ofte gjerne alltid aldri også òg bare berre ikke ikkje særlig særleg
    spesielt svært veldig ganske heller stadig snart
    """.split())

# Abstract nouns that alone name no topic, only a slot in a sentence ("behov", "ramme",
# "verktøy", "måte"): a label needs at least one word besides these, the stop words and the
# words half the consultation uses (lemmas, both standards).
GENERIC_NOUNS = frozenset(
    """
    behov ramme funksjon bruk evne tid måte del sak side forhold grunnlag type form rolle
    mulighet moglegheit utfordring løsning løysing ting verktøy reiskap område prosess
    erfaring røynsle ide idé spørsmål punkt tema aspekt faktor element nivå grad
    oppgave oppgåve resultat innspill innspel forslag merknad synspunkt kommentar ønske
    person folk aktør ressurs tiltak virkemiddel verkemiddel hensyn omsyn viktighet
    """.split())

# Multi-word formulas, lower-case; matched on word boundaries.
BOILERPLATE_PHRASES: tuple[str, ...] = (
    "trer i kraft", "trer i kraft straks", "trer i kraft fra", "trer i kraft den",
    "tek til å gjelde", "tar til å gjelde", "gjeld frå", "gjelder fra", "gjeld straks",
    "følgende endringer", "følgjande endringar", "fylgjande endringar",
    "gjøres følgende endringer", "vert gjort følgjande endringar",
    "med hjemmel i", "med heimel i", "i medhold av", "i medhald av",
    "fastsatt ved kongelig resolusjon", "fastsett ved kongeleg resolusjon",
    "fastsatt av", "fastsett av", "endret ved", "endra ved", "tilføyd ved", "tilføydd ved",
    "opphevet ved", "oppheva ved", "opphevet fra", "oppheva frå",
    "vår ref", "vår referanse", "deres ref", "dykkar ref", "dykkar referanse",
    "vår dato", "deres dato", "dykkar dato", "saksnr", "arkivkode",
)

_MONTH_ALT = "|".join(sorted(MONTHS, key=lambda m: (-len(m), m)))
DATE = re.compile(
    r"^(?:\d{1,2}\.\s*(?:" + _MONTH_ALT + r")\.?(?:\s+\d{4})?"  # 3. juli 2019
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"  # 03.07.2019
    r"|\d{4}-\d{2}-\d{2}"  # 2019-07-03
    r"|(?:" + _MONTH_ALT + r")\.?\s+\d{4})$",  # juli 2019
    re.IGNORECASE)
NUMBER = re.compile(r"^[\d\s.,:/%–+-]*\d[\d\s.,:/%–+-]*$")  # 12, 1 020, 3.2, 2019/20
ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m*(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$",
                   re.IGNORECASE)
SECTION_REF = re.compile(
    r"^(?:§+\s*[\d\w-]*|(?:kap(?:ittel)?|nr|art|pkt)\.?\s*[\d]+[a-z]?)$", re.IGNORECASE)
AMENDMENT_NOTE = re.compile(
    r"^\s*(?:\d+\s+)?(?:endret|endra|tilføyd|tilføydd|opphevet|oppheva|erstattet|erstatta|"
    r"korrigert|rettet|retta|tilf|opph|endr)\b\.?\s*(?:ved|frå|fra|med|iflg|jf)?\b",
    re.IGNORECASE)
REFERENCE_LINE = re.compile(
    r"^\s*(?:vår|deres|dykkar|dykker|dere)\s+(?:ref(?:eranse)?|dato|saksnr)\b\.?"
    r"|^\s*(?:saksnr|saksnummer|arkivkode|arkivsak|jnr|journalnr)\b\.?", re.IGNORECASE)
PAGE_FURNITURE = re.compile(
    r"^\s*(?:side|s\.)\s*\d+(?:\s*(?:av|/)\s*\d+)?\s*$|^\s*\d+\s*(?:av|/)\s*\d+\s*$",
    re.IGNORECASE)
_PHRASES = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(
    BOILERPLATE_PHRASES, key=lambda p: (-len(p), p))) + r")\b", re.IGNORECASE)
_WORD = re.compile(r"[\wæøå§]+(?:[-.][\wæøå]+)*\.?", re.IGNORECASE)

STOP_WORDS = BOKMAL | NYNORSK | BOILERPLATE


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@lru_cache(maxsize=1 << 16)
def is_boilerplate_token(token: str) -> bool:
    """A token or lemma that is genre furniture: a month, a weekday, a reference or
    amendment word, a number, a section sign (``§``, ``§ 4``) or an abbreviation."""
    low = token.lower().strip()
    bare = low.rstrip(".")
    if not bare:
        return bool(low)
    return (bare in MONTHS or bare in WEEKDAYS or bare in LEGAL_TOKENS
            or bare in ABBREVIATIONS or low.startswith("§") or bool(NUMBER.match(bare)))


def is_boilerplate_phrase(text: str) -> bool:
    """A multi-word formula of :data:`BOILERPLATE_PHRASES`, on its own ("trer i kraft")."""
    norm = _norm(text).rstrip(".")
    return bool(norm) and norm in _PHRASE_SET


_PHRASE_SET = frozenset(BOILERPLATE_PHRASES)


def contains_boilerplate_phrase(text: str) -> bool:
    """``text`` holds one of the formulas ("Forskriften trer i kraft straks")."""
    return bool(_PHRASES.search(text))


def is_boilerplate_line(line: str) -> bool:
    """An amendment note, a reference line or page furniture (a whole line)."""
    return bool(AMENDMENT_NOTE.match(line) or REFERENCE_LINE.match(line)
                or PAGE_FURNITURE.match(line) or DATE.match(line.strip()))


def _bad_word(word: str) -> bool:
    """One word (as written) that can never stand as a label; a hyphenated word when each
    part is one ("mai-juni"). Roman numerals count only in capitals ("IV", not "Liv")."""
    low = word.lower()
    bare = low.rstrip(".")
    if "-" in bare.strip("-") and not low.endswith("-"):
        return all(_bad_word(p) for p in word.rstrip(".").split("-") if p)
    return (len(bare) <= 1 or word.endswith(("-", "–")) or low.endswith(".")
            or is_boilerplate_token(word) or bare in STOP_WORDS or bare in GENRE_LABEL_LEMMAS
            or (word.isupper() and bool(ROMAN.match(bare))))


@lru_cache(maxsize=200_000)  # asked for the same phrases of every theme group
def is_bad_label(text: str) -> bool:
    """True when ``text`` may not be a theme label or key phrase: empty, a number, a date, a
    month or weekday, a section sign or reference (``§ 4``, ``nr. 3``), a fragment ending in
    a hyphen (``Vass-``), an abbreviation (ends with ``.`` or is listed in
    :mod:`innonlp.ingest.abbreviations`), a single character, a stop word, a genre lemma
    (``forskrift``, ``kraft``), a boilerplate formula ("trer i kraft", "Vår ref."), or a
    phrase every word of which is one of these ("nr. 12", "jf. § 3")."""
    norm = _norm(text)
    if not norm or len(norm.replace(" ", "")) <= 1:
        return True
    if (DATE.match(norm) or NUMBER.match(norm) or SECTION_REF.match(norm)
            or is_boilerplate_phrase(norm) or is_boilerplate_line(norm)):
        return True
    if norm.endswith(("-", "–")):
        return True
    words = _WORD.findall(" ".join(text.split())) or [norm]
    return all(_bad_word(w) for w in words)
