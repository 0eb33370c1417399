"""Norwegian letter boilerplate as data (Bokmål and Nynorsk): letterheads, reference fields,
greetings, signatures and contact lines. Patterns are case-insensitive and match whole lines."""

from __future__ import annotations

import re

# Reference/metadata fields in a letterhead ("Deres ref.", "Vår ref.", "Dato", "Saksnr." …).
REFERENCE_FIELDS = (
    r"deres\s+ref\.?", r"dykkar\s+ref\.?", r"vår\s+ref\.?", r"vår\s+referanse",
    r"deres\s+referanse", r"dykkar\s+referanse", r"vår\s+dato", r"deres\s+dato",
    r"dykkar\s+dato", r"dato", r"saksnr\.?", r"saksnummer", r"sak\s*nr\.?", r"arkivkode",
    r"arkivnr\.?", r"arkiv\s*sak\s*nr\.?", r"j\.?\s*post\s*id", r"løpenr\.?", r"journalpost\s*id",
    r"saksbehandler", r"sakshandsamar", r"sakshandsamer", r"unntatt\s+offentlighet",
    r"gradering", r"vår\s+saksbehandler", r"kontaktperson", r"direkte\s+telefon",
    r"direktetelefon", r"deres\s+ref\.?/?\s*vår\s+ref\.?",
)
REFERENCE_LINE = re.compile(
    r"^\s*(?:" + "|".join(REFERENCE_FIELDS) + r")\s*(?::|\s{2,}|\t|$|\s+\S)",
    re.IGNORECASE,
)

# Contact lines: org.nr., phone, e-mail, web, postal/visiting address, bank account.
CONTACT_LINE = re.compile(
    r"^\s*(?:"
    r"org(?:anisasjons)?\.?\s*-?\s*nr\.?|organisasjonsnummer|foretaksregisteret|"
    r"tlf\.?|telefon|telefaks|faks|mobil|sentralbord|e-?post|epost|e-mail|"
    r"www\.|https?://|nettside|heimeside|hjemmeside|"
    r"postadresse|besøksadresse|besøksadresse|kontoradresse|fakturaadresse|adresse|"
    r"postboks|pb\.|bankkonto|kontonr\.?|kontonummer|iban|swift"
    r")(?:\b|\s|:|$)",
    re.IGNORECASE,
)
POSTCODE_LINE = re.compile(r"^\s*(?:N[O]?-?\s*)?\d{4}\s+[A-ZÆØÅ][A-Za-zÆØÅæøå\- ]+\s*$")
STREET_LINE = re.compile(
    r"^\s*[A-ZÆØÅ][\wæøåÆØÅ\.\- ]*?(?:veien|vegen|vei|veg|gata|gate|gaten|plass|plassen|"
    r"allé|alle|brygge|bryggen|torg|torget|stien|tunet|bakken|kaia|kai)\s+\d+\s*[A-Za-z]?"
    r"(?:\s*,.*)?$"
)
# A line that only holds contact bits separated by | or • (typical letterhead footers).
CONTACT_SEPARATED = re.compile(r"(?:\s[|•·]\s)")

# Closings: everything from here to the end of the letter is signature.
CLOSING = re.compile(
    r"^\s*(?:med\s+vennlig\s+hilsen|med\s+vennleg\s+helsing|med\s+venleg\s+helsing|"
    r"vennlig\s+hilsen|vennleg\s+helsing|venleg\s+helsing|med\s+hilsen|med\s+helsing|"
    r"beste\s+hilsen|beste\s+helsing|hilsen|helsing|mvh\.?|vh\.?|med\s+beste\s+hilsen)"
    r"\s*[,!.]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# Lines that follow a signature and still belong to it.
ELECTRONIC_APPROVAL = re.compile(
    r"^\s*(?:dokumentet\s+er\s+(?:elektronisk\s+)?godkjent|dette\s+dokumentet\s+er\s+"
    r"elektronisk\s+godkjent|brevet\s+er\s+elektronisk\s+godkjent|dokumentet\s+er\s+"
    r"godkjent\s+elektronisk|godkjent\s+elektronisk|elektronisk\s+godkjent)\b.*$",
    re.IGNORECASE,
)
COPY_TO = re.compile(r"^\s*(?:kopi\s+til|kopi|gjenpart|vedlegg|vedlegg:|mottakere?)\s*:?.*$",
                     re.IGNORECASE)

# Subject lines and salutations at the start of a letter.
SUBJECT = re.compile(
    r"^\s*(?:sak:|emne:|ang\.?|angående|vedr\.?|vedrørande|vedrørende|gjeld:|gjelder:|"
    r"høringssvar|høyringssvar|høringsuttalelse|høyringsuttale|høyringsfråsegn|"
    r"høringsinnspill|høyringsinnspel|innspill til|innspel til|svar på høring|"
    r"svar på høyring|uttalelse til|fråsegn til)\b.*$",
    re.IGNORECASE,
)
SALUTATION = re.compile(
    r"^\s*(?:hei|hallo|god\s+dag|kjære|til\s+(?:de[tn]\s+)?(?:\w+\s+)?"
    r"(?:departement(?:et)?|direktorat(?:et)?|kommune(?:n)?)|til\s+den\s+det\s+måtte)"
    r"\b[^.]{0,80}[,!:]?\s*$",
    re.IGNORECASE,
)
# Recipient lines typical in the address block.
RECIPIENT = re.compile(
    r"^\s*(?:\w+[- ])*(?:departementet|direktoratet|kommune|fylkeskommune|statsforvaltaren|"
    r"statsforvalteren)\s*$",
    re.IGNORECASE,
)
ORG_HINT = re.compile(
    r"\b(?:kommune|fylkeskommune|departement(?:et)?|direktorat(?:et)?|tilsyn(?:et)?|etaten|"
    r"forbund(?:et)?|forening(?:en)?|organisasjon(?:en)?|lag(?:et)?|stiftelse(?:n)?|råd(?:et)?|"
    r"universitet(?:et)?|høgskole(?:n)?|høgskule(?:n)?|AS|ASA|SA|senter(?:et)?|senteret|"
    r"Norge|Noreg|NHO|LO|KS|Virke|Unio|YS|Akademikerne|Spekter|statsforvalteren|"
    r"statsforvaltaren|sykehus(?:et)?|HF|RHF|nettverk(?:et)?|klynge(?:n)?)\b"
)
PERSONAL_NAME = re.compile(
    r"^\s*[A-ZÆØÅ][a-zæøåéü]+(?:[- ][A-ZÆØÅ][a-zæøåéü]+){1,3}\s*$"
)

# A job title line in a signature ("Kommunedirektør", "Seniorrådgiver", "Dagleg leiar").
JOB_TITLE = re.compile(
    r"^\s*(?:[\wæøå]+\s+){0,3}[\wæøå]*(?:leder|leiar|direktør|sjef|rådgiver|rådgjevar|"
    r"konsulent|sekretær|professor|dekan|koordinator|partner|rådmann|ordfører|ordførar|"
    r"saksbehandler|sakshandsamar|medarbeider|medarbeidar|ansvarlig|ansvarleg|forsker|"
    r"forskar|jurist|advokat|økonom|analytiker)\s*$",
    re.IGNORECASE,
)
