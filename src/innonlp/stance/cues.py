"""Stance cues of Norwegian høringssvar as data (Bokmål and Nynorsk): phrase, stance, weight.

Each cue is a :class:`Cue`: a regular-expression fragment matched against the lower-cased
sentence (a space in a fragment matches any run of whitespace), the stance it signals, its
weight and whether a nearby negator flips it. Weights: 1.0 for the conventional formulas of
consultation answers ("støtter forslaget", "går imot", "har ingen merknader"), about 0.5 for
weaker evaluative phrasing ("i strid med", "ser ingen grunn til å"). The roll-up
(:mod:`innonlp.stance.rollup`) lets weak cues decide only when no strong cue is present.

The lists follow the conventions of real answers rather than any one consultation's topic:
verbs of support and opposition, formal conditions, and the "no comments" formulas that
agencies send.
"""

from __future__ import annotations

from dataclasses import dataclass

STANCES: tuple[str, ...] = ("støtter", "imot", "betinget", "ingen_merknader")
"""Sentence-level stances a cue may signal."""

STRONG = 1.0
"""Weight of a conventional, unambiguous formula."""
WEAK = 0.5
"""Weight of evaluative phrasing that leans one way; decides only without strong cues."""


@dataclass(frozen=True, slots=True)
class Cue:
    """One stance cue.

    Attributes
    ----------
    pattern : str
        Regex fragment over lower-cased text; a space matches any whitespace run.
    stance : str
        One of :data:`STANCES`.
    weight : float
        :data:`STRONG`, :data:`WEAK` or in between.
    negatable : bool
        Whether a negator next to the cue flips it (support ↔ opposition) or voids it.
    """

    pattern: str
    stance: str
    weight: float = STRONG
    negatable: bool = True


_W = r"(?:\w+ )?"  # one optional word ("støtter derfor", "kan ikke støtte")
_ADVERBS = ("sterkt", "svært", "helt", "totalt", "absolutt", "klart", "derfor", "også", "ogso",
            "fortsatt", "framleis", "prinsipielt", "kategorisk", "veldig", "grunnleggende",
            "grunnleggjande", "ikke", "ikkje", "dermed", "difor", "følgelig", "så", "heilt",
            "fullt", "fullstendig", "i utgangspunktet", "generelt", "hovedsakelig", "langt på vei",
            "i hovedsak", "i all hovudsak", "i hovudsak", "i stor grad", "samlet sett", "meget",
            "mest", "med dette", "altså", "uansett", "likevel", "derimot", "imidlertid", "her",
            "vi", "jeg", "eg", "dei", "de", "men", "nok", "ganske", "heller")
_A = r"(?:(?:" + "|".join(_ADVERBS) + r") ){0,3}"  # up to three adverbs ("er derfor sterkt imot")
_OBJ = r"(?:forslag\w*|lovforslag\w*|framlegg\w*|høringsforslag\w*|endring\w*|utkast\w*|" \
       r"forskrift\w*|tiltak\w*|departementets \w+|regjeringens \w+)"
_PASSIVE_DO = (r"(?:innføres|innførast|vedtas|vedtakast|vedtast|gjennomføres|gjennomførast|"
               r"forlenges|forlengast|videreføres|vidareførast|iverksettes|iverksetjast|"
               r"settes i verk|godkjennes|godkjennast|gjøres permanent\w*|lovfestes|vedtatt|"
               r"vedteke|innført|gjennomført|forlenget|forlengd|godkjent)")

SUPPORT: tuple[Cue, ...] = (
    Cue(r"støtt(?:er|ar|es|ast)(?: opp om)?(?!\s+(?:seg|meg|oss)\s+(?:til|på))", "støtter"),
    Cue(r"(?:kan|vil|kunne|ville) " + _A + r"støtte", "støtter"),
    Cue(r"gir (?:sin |vår |full |vår fulle )?støtte til|gjev (?:si |vår |full )?støtte til",
        "støtter"),
    Cue(r"slutt(?:er|ar|a|et) (?:seg|oss|meg) " + _A + r"til", "støtter"),
    Cue(r"(?:er|var) " + _A + _W + r"(?:enig|enige|einig|einige)(?: i| med| at)?", "støtter"),
    Cue(r"(?:er|var) " + _A + _W + r"samde? (?:i|med)", "støtter"),  # nn "er samde i"
    Cue(r"stør (?:framlegg|forslag)\w*", "støtter"),  # nn "stør framlegget"
    Cue(r"stiller (?:seg|oss|meg) " + _A + r"bak", "støtter"),
    Cue(r"stiller (?:seg|oss|meg) " + _A + r"positiv\w*", "støtter"),
    Cue(r"(?:er|var) " + _A + r"positiv[et]? (?:til|til at)", "støtter"),
    Cue(r"ser " + _A + r"positivt på", "støtter"),
    Cue(r"går " + _A + r"inn for", "støtter"),
    Cue(r"(?:anbefaler|tilrår|tilrår) " + _W + r"at " + _W + _OBJ + r" " + _W + _PASSIVE_DO,
        "støtter"),
    Cue(r"tilrår", "støtter", 0.4),
    Cue(r"(?:ønsker|ønskjer|hilser|helsar) " + _A + r"(?:\w+ )?velkom(?:men|e)", "støtter", 0.8),
    Cue(r"(?:er|var) " + _A + r"(?:glad|glade|fornøyd|fornøgd|fornøgde) (?:for|med)", "støtter",
        0.7),
    Cue(r"har (?:ingen|ikke|ikkje|ikke noen|ikkje nokon|inga) "
        r"(?:innvendinger|innvendingar|motforestillinger|motførestellingar|"
        r"innsigelser|prinsipielle innvendinger)", "støtter", 0.8, negatable=False),
    Cue(r"(?:har|hadde) (?:ingen|inga|ikke|ikkje|ingenting|ikkje noko|ikke noe)(?: \w+)? "
        r"(?:å|å særlig) innvende", "støtter", 0.8, negatable=False),
    Cue(r"(?:er|var) " + _A + r"(?:fornuftig|riktig|nødvendig) (?:at|å)",
        "støtter", WEAK),
    Cue(r"(?:et|eit) (?:godt|viktig|fornuftig|riktig) (?:forslag|framlegg)", "støtter", WEAK),
)

OPPOSE: tuple[Cue, ...] = (
    Cue(r"(?<!ta\s)(?<!tar\s)(?<!tatt\s)(?<!tok\s)(?<!tek\s)(?<!teke\s)(?<!fram\s)(?<!frem\s)"
        r"(?:går|gå|gjekk|gikk|stiller (?:seg|oss|meg)) " + _A + r"(?:imot|i mot)", "imot"),
    Cue(r"(?:er|var|blir|står) " + _A + r"(?:imot|i mot|mot)(?= |$|[.,!;:])", "imot"),
    Cue(r"(?:sier|seier|sa|melder|si|seie)(?: \w+){0,3} nei\b", "imot"),
    Cue(r"nei til|^nei\b", "imot"),
    Cue(r"protest\w* mot", "imot"),
    Cue(r"motset(?:ter)? (?:seg|oss|meg)", "imot"),
    Cue(r"fraråd\w*|frarår", "imot"),
    Cue(r"avvis(?:er|es|ast|e)", "imot"),
    Cue(r"forkast(?:er|es|ast|e)", "imot"),
    Cue(r"(?:uenig|uenige|ueinig|ueinige)", "imot"),
    Cue(r"(?:trekkes|trekkast|trekkjast|trekke|trekkje) (?:\w+ )?tilbake|"
        r"(?:forslaget|framlegget|lovforslaget) (?:må|bør|skal) trekkes", "imot"),
    Cue(r"skrot(?:es|ast|e|ast)", "imot", 0.9),
    Cue(r"(?:må|bør|skal|kan) " + _A + r"(?:ikke|ikkje|aldri) " + _W + _PASSIVE_DO, "imot",
        negatable=False),
    Cue(r"(?:må|bør|skal|kan) " + _A + r"(?:ikke|ikkje|aldri) " + _W +
        r"(?:innføre|vedta|gjennomføre|forlenge|videreføre|vidareføre)", "imot",
        negatable=False),
    Cue(r"(?:ikke|ikkje) (?:bør|må|skal|kan) " + _A + _W + r"(?:" + _PASSIVE_DO[3:-1] +
        r"|skje|handsamast|behandles|vedtakast|tillates|tillatast)", "imot", negatable=False),
    Cue(r"(?:må|bør|skal) " + _A + r"(?:ikke|ikkje|aldri) (?:skje|tillates|tillatast)", "imot",
        negatable=False),
    Cue(r"(?:er|var|stiller (?:seg|oss|meg)) " + _A + r"(?:negativ[et]?|kritisk[e]?) til",
        "imot", 0.8),
    Cue(r"ser " + _A + r"negativt på", "imot"),
    Cue(r"(?:advarer|åtvarar|advare|åtvare) " + _A + r"mot", "imot", 0.8),
    Cue(r"(?:ser|kan (?:ikke|ikkje) se|kan ikkje sjå|ser ikke|ser ikkje|ser heller ikke) "
        r"(?:ingen|noen|nokon|ikke noen|ikkje nokon|\w+ ikke|\w+ ikkje)? ?"
        r"(?:grunn|behov|nødvendighet\w*|naudsyn\w*) (?:til|for|med)",
        "imot", WEAK, negatable=False),
    Cue(r"(?:trenger|treng|trengs|trengst) (?:ingen|ikke|ikkje|ikke noen|ikkje nokon)", "imot",
        WEAK, negatable=False),
    Cue(r"(?:er|var) " + _A + r"(?:bekymret|bekymra|urolig|uroa|skeptisk|skeptiske|betenkt)"
        r" (?:for|over|til|med)", "imot", WEAK),
    Cue(r"grunnlovsstridig\w*|lovstridig\w*|udemokratisk\w*|uforholdsmessig\w*|"
        r"diskriminerende|uakseptab\w+|unødvendig\w*|en dårlig id[eé]", "imot", WEAK),
    Cue(r"(?:strider|stridar|stride) " + _A + r"(?:mot|imot)|i strid med|bryter med",
        "imot", WEAK),
    Cue(r"(?:ønsker|ønskjer) (?:ikke|ikkje)|(?:vil|ønsker|ønskjer) (?:ikke|ikkje) ha", "imot",
        WEAK, negatable=False),
    Cue(r"(?:er|blir) " + _A + r"(?:feil|uakseptabelt|uakseptabel|urimelig|uheldig)"
        r"(?= |$|[.,!;:])", "imot", WEAK),
)

CONDITION: tuple[Cue, ...] = (
    Cue(r"forutset(?:ter|te)?(?: at| en| et)?|føreset(?:t)?(?: at)?", "betinget"),
    Cue(r"forutsatt at|føresett at", "betinget"),
    Cue(r"under (?:forutsetning|føresetnad) (?:av|om|at)", "betinget"),
    Cue(r"på (?:vilkår|det vilkår|det vilkåret) (?:av|om|at)", "betinget"),
    Cue(r"(?:med|tar|tek|under) (?:\w+ )?(?:forbehold|atterhald|reservasjon) (?:om|for|mot|at)",
        "betinget"),
    Cue(r"(?:er|blir) (?:en |ein )?(?:forutsetning|føresetnad) (?:for|at)", "betinget", 0.8),
)

_NONE = r"(?:ingen|inga|ikke|ikkje|ikke noen|ikkje nokon|ikke nokon|ingen særlige|" \
        r"ingen særskilte|ingen spesielle|ingen vesentlige|inga vesentlege|inga særskilde|" \
        r"ingen andre|inga andre|ingen ytterligere|ingen ytterlegare|ingen videre)"
_REMARKS = r"(?:merknad(?:er)?|merknadar|kommentar(?:er)?|bemerkning(?:er)?|innspill|innspel|" \
           r"synspunkt(?:er)?|anmerkning(?:er)?|kommentarar)"
_STATEMENT = r"(?:høringsuttalelse|høringssvar|høyringsfråsegn|høyringssvar|uttalelse|uttale|" \
             r"fråsegn|merknader|merknadar|innspill|innspel|kommentarer|kommentarar)"

NO_COMMENTS: tuple[Cue, ...] = (
    Cue(r"(?:har|hadde|gir|gjev) " + _W + _NONE + r" " + _REMARKS, "ingen_merknader",
        negatable=False),
    Cue(r"(?:^|[.:] )" + _NONE + r" " + _REMARKS, "ingen_merknader", negatable=False),
    Cue(r"(?:uten|utan) (?:\w+ )?" + _REMARKS, "ingen_merknader", negatable=False),
    Cue(r"(?:avgir|avgi|gi|gir|gjev|sende|sender) (?:ikke|ikkje|ingen|inga) " + _W + _STATEMENT,
        "ingen_merknader", negatable=False),
    Cue(r"(?:vil|ønsker|ønskjer|kommer|kjem) (?:ikke|ikkje) (?:å )?(?:avgi|gi|kome med|"
        r"komme med|sende) (?:\w+ )?" + _STATEMENT + r"|vil (?:ikke|ikkje) uttale (?:seg|oss)",
        "ingen_merknader", negatable=False),
    Cue(r"(?:finner|finn|ser) (?:ikke|ikkje|ingen|inga) (?:grunn|behov|grunnlag) (?:til|for) "
        r"(?:å )?(?:avgi|gi|kome med|komme med|uttale|sende)", "ingen_merknader",
        negatable=False),
    Cue(r"(?:har|hadde) (?:ingen|inga|ikke|ikkje|ingenting|ikkje noko|ikke noe)(?: \w+)? "
        r"(?:å|ytterligere å|meir å|mer å) (?:bemerke|tilføye|tilføre|legge til|leggje til|"
        r"merke|kommentere)", "ingen_merknader", negatable=False),
    Cue(r"(?:tar|tek) (?:\w+ ){0,3}til (?:orientering|etterretning|vitande)", "ingen_merknader",
        0.8, negatable=False),
)

ALL_CUES: tuple[Cue, ...] = SUPPORT + OPPOSE + CONDITION + NO_COMMENTS
"""Every cue, in the order they are tried."""

ANCHORS: tuple[str, ...] = (
    "støtt", "enig", "einig", "samd", "stør ", "slutt", "bak", "positiv", "negativ", "kritisk",
    "inn for",
    "anbefal", "tilrå", "velkom", "glad", "fornøy", "innvend", "motfor", "innsig", "mot", "nei",
    "protest", "frarå", "avvis", "forkast", "trekk", "skrot", "innfør", "vedt", "gjennomfør",
    "forleng", "videreføre", "vidareføre", "iverksett", "iverkset", "settes i verk", "godkjen",
    "lovfest", "permanent", "tillat", "handsam", "behandl", "skje", "advar", "åtvar", "grunn",
    "behov", "nødvendig", "naudsyn", "treng", "bekym", "uro", "skeptisk", "betenk", "strid",
    "bryter", "udemokrat", "uforholds", "diskrimin", "uakseptab", "dårlig", "feil", "urimelig",
    "uheldig", "ønsk", "forutset", "føreset", "forutsatt", "føresett", "vilkår", "forbehold",
    "atterhald", "reservasjon", "forutsetning", "føresetnad", "merknad", "kommentar", "bemerk",
    "innspill", "innspel", "synspunkt", "anmerk", "uttal", "fråsegn", "høringssvar",
    "høyringssvar", "tilfø", "legge til", "leggje til", "merke", "orientering", "etterretning",
    "vitande", "fornuftig", "riktig", "godt", "viktig",
)
"""Stems of which every cue holds at least one: a sentence without any is not scanned."""

NEGATORS: tuple[str, ...] = ("ikke", "ikkje", "ikkje", "aldri", "ingenlunde", "heller ikke",
                             "ikke lenger", "ikkje lenger", "ei")
"""Words that flip a negatable cue when they stand next to it."""

NOT_NEGATING: tuple[str, ...] = ("ikke minst", "ikkje minst", "ikke bare", "ikkje berre",
                                 "ikke berre", "ikke uten", "ikkje utan")
"""Phrases that start with a negator but do not negate ("ikke minst", "ikke bare")."""

CONTRAST: tuple[str, ...] = ("men", "derimot", "likevel", "imidlertid", "likevel", "samtidig",
                             "dog", "mens", "bortsett fra", "med unntak av", "unntatt")
"""Words that turn a sentence: the cue after them decides the sentence's stance."""

EXCEPTIONS: tuple[str, ...] = ("utover", "ut over", "ut over det", "bortsett fra", "med unntak av",
                               "unntatt", "annet enn", "anna enn", "utenom", "utanom",
                               "med følgende unntak", "følgende")
"""Words right after a "no comments" formula that make it partial ("ingen merknader utover …")."""

PROPOSAL_WORDS: str = (r"forslag\w*|lovforslag\w*|framlegg\w*|høringsnotat\w*|høyringsnotat\w*|"
                       r"høringsforslag\w*|lovendring\w*|endring\w*|utkast\w*|høringen|høyringa|"
                       r"høringa|forskrift\w*")
"""Words naming the proposal in general: a cue next to them targets the whole proposal."""

TARGET_PATTERNS: tuple[str, ...] = (
    r"§§? ?\d+(?: ?- ?\d+)*(?: ?[a-z]\b)?(?: (?:første|andre|annet|tredje|fjerde) ledd)?",
    r"(?:punkt|pkt\.?) ?\d+(?:\.\d+)*(?: ?[a-z]\b)?",
    r"(?:kapittel|kapitel|kap\.?) ?\d+(?:\.\d+)*(?: ?[a-z]\b)?",
    r"(?:artikkel|art\.) ?\d+",
    r"(?:del|avsnitt) \d+(?:\.\d+)*",
)
"""Numbered points a cue may target ("punkt 3.2", "§ 12", "kapittel 4", "artikkel 5")."""

NO_SUBSTANCE_WORDS: int = 25
"""Most words of uncued, non-formulaic text an answer may hold and still count as saying
nothing of substance (for ``ingen_merknader`` and for "Svartype: Uten merknad")."""

TURN_WORDS: int = 6
"""Words after a contrast word that make "ingen merknader …, men …" substantive."""

FORMULAS: tuple[str, ...] = (
    r"viser til (?:\w+ )*?(?:høring|høyring|brev|e-post|epost)",
    r"takk(?:er|ar)? for (?:\w+ )*?(?:mulighet|høve|anledning|invitasjon|henvendelse|høringa|"
    r"høringen|høyringa)",
    r"(?:med )?(?:vennlig|vennleg|venleg|beste) (?:hilsen|helsing)",
    r"^(?:hei|til|kjære|dato|referanse|svartype|høringssvar|høyringssvar|"
    r"høringsuttalelse|sak|emne|vedlegg|fra|frå)\b",
    r"(?:departementet|direktoratet)s? (?:brev|høringsbrev|høyringsbrev)",
    r"(?:høringsbrev|høyringsbrev|høringsnotat|høyringsnotat) (?:av|datert|frå|fra)",
    r"^(?:saken|saka) (?:er|har vore|har vært) (?:behandlet|handsama|vurdert)",
)
"""Formulas that carry no substance (greetings, "viser til høringsbrev …", thanks)."""
