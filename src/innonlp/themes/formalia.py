"""Formalia: segments that only greet, thank, refer or close ("Vi viser til høringsbrevet",
"Ta gjerne kontakt dersom noe er uklart", "Vi ser fram til å følge arbeidet videre").

Letters to a ministry open and close with such formulas; a letter clean-up that removed them
would also remove real content now and then, so they stay in the segments and are set apart
here instead: a segment is formalia when every sentence in it is a formula, recognised either
by its opening words (Bokmål and Nynorsk patterns below) or by having no content lemma outside
a small procedural vocabulary (arbeid, innspill, kontakt, merknad, behandling …). Formalia
segments are not clustered; ``themes.json`` counts them in their own bucket, so segments in
themes + "Andre innspill" + formalia = all segments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

from ..nlp.analysis import SegmentAnalysis
from ..types import Segment

FORMALIA_LABEL = "Formalia (hilsener, henvisninger, avslutninger)"

_S = r"(?:vi|jeg|eg|me|[A-ZÆØÅ][\wæøå-]+ (?:kommune|fylkeskommune))"
_OPENING = (
    r"(?:vi |jeg |eg |me )?(?:viser|syner|vil vise) til\b",
    r"takk(?:er|ar)? for\b",
    rf"{_S} takk(?:er|ar)\b",
    r"her (?:følger|følgjer|fylgjer|kommer|kjem)\b",
    r"vedlagt (?:følger|følgjer|er)\b",
    rf"{_S} (?:har|vil gi|vil gje|ønsker å gi|ønskjer å gje|gir|gjev) (?:herved )?"
    r"(?:følgende|følgjande|fylgjande|disse|desse|nokre|noen|våre|vårt|sine|sitt)?\s*"
    r"(?:merknader|merknadar|kommentarer|kommentarar|innspill|innspel|høringssvar|"
    r"høyringssvar|høringsuttalelse|høyringsuttale|uttalelse|uttale)\b",
    r"(?:innspillet|innspelet|uttalelsen|uttalen|høringssvaret|høyringssvaret|saken|saka) "
    r"(?:er|ble|vart|blei) (?:behandlet|handsama|handsamt|vedtatt|vedteke|godkjent|"
    r"til intern|sendt|utarbeidet|utarbeidd|skrevet|skrive)\b",
)
_CLOSING = (
    r"(?:ta|tek) (?:gjerne |gjerne )?kontakt\b",
    r"(?:kontakt|kontakt oss|spørsmål)\b.{0,40}\b(?:kan rettes|kan rettast|rettes til|"
    r"rettast til)\b",
    rf"{_S} (?:ser|ser gjerne) (?:fram|frem) til\b",
    rf"{_S} (?:bidrar|bidreg|stiller|stiller gjerne|bidrar gjerne|bidreg gjerne)\b"
    r".{0,40}\b(?:arbeid|arbeidet|videre|vidare|prosess|prosessen)\b",
    r"lykke til\b",
    r"(?:med )?(?:vennlig|venleg|beste) hils(?:en|ing)\b",
    r"(?:dette|innspillet|innspelet|uttalelsen) (?:er|vart|ble) (?:sendt|gitt|gjeve)\b",
)
FORMULA = re.compile(r"^\s*(?:" + "|".join(_OPENING + _CLOSING) + ")", re.IGNORECASE)
FORMULA_MAX_WORDS = 30

# Content lemmas that alone carry no theme in a consultation letter (both standards).
PROCEDURAL = frozenset("""
arbeid arbeide videre vidare følge følgje fylgje bidra bidrege kontakt uklar uklart
merknad merknader kommentar innspill innspel følgende følgjande fylgjande behandling
handsaming intern takk takke takka invitasjon mulighet moglegheit høve anledning melding
meldinga stortingsmelding høring høyring høringsbrev høyringsbrev høringsnotat høyringsnotat
uttalelse uttale sak prosess spørsmål ønske ønskje glede se sjå gi gje komme kome ta ha
vise syne sende legge leggje vedlegg vedlagt svar svare frist hilsen helsing vennlig venleg
kommentere nevnt nemnd ovennevnt departement departementet
""".split())


def formula_sentence(text: str, content_lemmas: Iterable[str] = ()) -> bool:
    """A greeting, reference or closing sentence: it opens with a formula (and is short), or
    it has content lemmas and every one is procedural. A sentence without any content word
    ("Ja.", "Enig.") is not a formula: it goes to the theme finder, which sends it to
    "Andre innspill". The cheapest tests come first and ``content_lemmas`` (may be lazy) is
    read only as far as needed."""
    words = text.split()
    if not words:
        return True
    if len(words) > FORMULA_MAX_WORDS:
        return False
    if FORMULA.match(text):
        return True
    seen = False
    for lem in content_lemmas:
        if lem not in PROCEDURAL:
            return False
        seen = True
    return seen


def is_formalia(segment: Segment, analysis: SegmentAnalysis) -> bool:
    """Every sentence of the segment is a formula (see :func:`formula_sentence`); the
    sentences are the language layer's."""
    return text_is_formalia(segment.text, analysis)


def text_is_formalia(text: str, analysis: SegmentAnalysis) -> bool:
    """:func:`is_formalia` for a segment's text and its analysis."""
    n = len(analysis)
    if n == 0:
        return not text.strip()
    if len(text) > FORMULA_MAX_WORDS * 12 * 4:  # long segments are never all formulas
        return False
    starts = np.flatnonzero(analysis.sent_starts)
    if not len(starts) or starts[0] != 0:
        starts = np.concatenate([[0], starts])
    mask = analysis.content_mask()
    low = analysis.strings.lower
    bounds = starts.tolist() + [n]
    offsets = analysis.offsets
    for i in range(len(bounds) - 1):
        s, e = bounds[i], bounds[i + 1]
        z = int(offsets[e]) if e < n else len(text)
        sentence = text[int(offsets[s]):z].strip()
        content = (low(h) for h in analysis.lemma[s:e][mask[s:e]].tolist())
        if not formula_sentence(sentence, content):
            return False
    return True


def formalia_mask(segments: Sequence[Segment], analyses: Sequence[SegmentAnalysis]
                  ) -> np.ndarray:
    """Boolean per segment: True where the segment is formalia."""
    return np.array([is_formalia(s, a) for s, a in zip(segments, analyses, strict=True)],
                    dtype=bool)
