"""Sentence pools for the fictional sample consultation (written for innonlp; not copied).

Each theme has Bokmål ("nb") and Nynorsk ("nn") sentences. The generator in
``make_sample.py`` draws from these with a fixed seed.
"""

THEMES = {
    "samarbeid": {
        "title": "Samarbeid med innbyggere, næringsliv, frivillig sektor og forskning",
        "nb": [
            "Offentlig sektor kan ikke løse de store samfunnsutfordringene på egen hånd.",
            "Vi må involvere innbyggerne tidlig, før løsningene er bestemt.",
            "Samskaping med frivillige organisasjoner gir løsninger som treffer bedre.",
            "Næringslivet sitter på kompetanse som kommunene sjelden får tilgang til.",
            "Forskningsmiljøene bør kobles på innovasjonsprosjektene fra starten av.",
            "Brukerne av tjenestene vet ofte best hvor skoen trykker.",
            "Vi har gode erfaringer med innbyggerpaneler og åpne verksteder.",
            "Samarbeidet mellom kommunen og lokale bedrifter bør bli en fast del av strategien.",
            "Sosiale entreprenører kan bidra med nye arbeidsmåter som det offentlige mangler.",
            "Personlige nettverk er ikke nok; samarbeid på tvers må forankres i ledelsen.",
            "Det trengs faste arenaer der innbyggere, næringsliv og forvaltning møtes.",
            "Frivillig sektor må bli sett på som en likeverdig partner og ikke bare som leverandør.",
            "Når innbyggerne er med og utformer tjenesten, øker også tilliten til forvaltningen.",
            "Samarbeid med universiteter og høgskoler gir tilgang til ny kunnskap og metoder.",
            "Vi anbefaler at staten støtter partnerskap mellom kommuner og lokale aktører.",
        ],
        "nn": [
            "Offentleg sektor kan ikkje løyse dei store utfordringane åleine.",
            "Innbyggjarane må bli tekne med tidleg, før løysingane er bestemde.",
            "Samskaping med frivillige lag og organisasjonar gir betre løysingar.",
            "Næringslivet og forskingsmiljøa bør koplast på arbeidet med innovasjon.",
            "Det trengst faste møteplassar der innbyggjarar, næringsliv og forvaltning samarbeider.",
            "Brukarane av tenestene veit ofte best kva som ikkje fungerer.",
        ],
    },
    "ledelse": {
        "title": "Handlingsrom, modige ledere og risiko",
        "nb": [
            "Det finnes et stort uutnyttet handlingsrom for innovasjon innenfor dagens rammer.",
            "Vi trenger modige ledere som tør å prøve ut nye løsninger.",
            "Ledere må gi medarbeiderne tillit og myndighet til å ta beslutninger.",
            "Frykten for å gjøre feil hindrer mange gode initiativ i offentlig sektor.",
            "Politikere og toppledere må akseptere at innovasjon innebærer risiko.",
            "Et prosjekt som ikke lykkes må ikke automatisk få negative følger for lederen.",
            "Mange virksomheter har både vilje og kapasitet til å teste nye løsninger.",
            "Det bør bli lettere å sette av tid og ressurser til utprøving.",
            "Mellomledere trenger støtte når de vil endre etablerte arbeidsmåter.",
            "Styringssignalene fra departementene bør oppmuntre til forsøk i stedet for å straffe feil.",
            "Toppledelsen må gå foran og vise at det er lov å eksperimentere.",
            "Risikovilje må belønnes i mål- og resultatstyringen.",
            "Ledere bør måles på om de skaper rom for nye ideer, ikke bare på drift.",
            "Vi ser at små forsøk med tydelig ledelse ofte gir store gevinster.",
        ],
        "nn": [
            "Det finst eit stort handlingsrom for innovasjon innanfor dei rammene vi har i dag.",
            "Vi treng modige leiarar som tør å prøve nye løysingar.",
            "Leiarane må gi medarbeidarane tillit og mynde til å ta avgjerder.",
            "Frykta for å gjere feil stoppar mange gode idear.",
            "Politikarar og toppleiarar må godta at innovasjon inneber risiko.",
        ],
    },
    "kultur": {
        "title": "Kompetanse, tankesett og innovasjonskultur",
        "nb": [
            "Evnen til å innovere handler like mye om kultur og tankesett som om formell kompetanse.",
            "Ansatte trenger opplæring i tjenestedesign og gevinstrealisering.",
            "Prosessledelse er en avgjørende kompetanse i innovasjonsarbeid.",
            "Innovasjonsprosesser bør ledes av personer som kan metode, ikke nødvendigvis fag.",
            "Vi må lære av feil og dele erfaringer fra prosjekter som ikke gikk som planlagt.",
            "En kultur for innovasjon må omfatte hele organisasjonen, ikke bare prosjektene.",
            "Feiltrinn bør løftes fram på lik linje med suksesser, slik at alle lærer.",
            "Kompetanseutvikling i innovasjonsmetodikk bør inngå i alle lederprogram.",
            "Mange ansatte har gode ideer, men mangler verktøy for å utvikle dem videre.",
            "Vi foreslår et nasjonalt program for kompetanse i innovasjon og endringsledelse.",
            "Endringskultur bygges over tid gjennom trening, refleksjon og gode eksempler.",
            "Det bør være lett å hente inn metodestøtte når en virksomhet starter et innovasjonsprosjekt.",
            "Tverrfaglige team der ansatte fra ulike fagområder jobber sammen, gir bedre læring.",
        ],
        "nn": [
            "Evna til å arbeide innovativt handlar like mykje om kultur og tankesett som om kompetanse.",
            "Tilsette treng opplæring i tenestedesign og prosessleiing.",
            "Vi må lære av feil og dele erfaringar frå prosjekt som ikkje lukkast.",
            "Ein kultur for innovasjon må gjelde heile organisasjonen og ikkje berre prosjekta.",
        ],
    },
    "digitalisering": {
        "title": "Digitalisering, deling av data og felles løsninger",
        "nb": [
            "Felles digitale løsninger bør utvikles én gang og brukes av alle kommuner.",
            "Deling av data mellom etater er en forutsetning for sammenhengende tjenester.",
            "Mange kommuner sliter med gamle fagsystemer som ikke snakker sammen.",
            "Staten bør ta ansvar for en nasjonal infrastruktur for datadeling.",
            "Innbyggerne forventer å slippe å oppgi de samme opplysningene flere ganger.",
            "Digitaliseringen går for sakte fordi finansieringen er oppsplittet i små prosjekter.",
            "Felles standarder og åpne grensesnitt vil gjøre det lettere å bytte leverandør.",
            "Kommunene trenger bedre tilgang til datasett fra statlige registre.",
            "En nasjonal digital plattform for velferdsteknologi vil spare store ressurser.",
            "Vi etterlyser en tydeligere arbeidsdeling mellom stat og kommune i digitaliseringsarbeidet.",
            "Gevinstene av digitalisering kommer først når arbeidsprosessene endres samtidig.",
            "Det må satses mer på digital kompetanse i kommunale virksomheter.",
            "Skyløsninger og felles komponenter kan gi mindre kommuner samme tilbud som de store.",
            "Mangel på datadeling fører til dobbeltarbeid og feil i saksbehandlingen.",
            "Sammenhengende digitale tjenester krever at lovverket tillater gjenbruk av data.",
        ],
        "nn": [
            "Felles digitale løysingar bør utviklast éin gong og brukast av alle kommunar.",
            "Deling av data mellom etatar er ein føresetnad for samanhengande tenester.",
            "Mange kommunar slit med gamle fagsystem som ikkje snakkar saman.",
            "Staten bør ta ansvar for ein nasjonal infrastruktur for datadeling.",
            "Innbyggjarane ventar at dei slepp å oppgi dei same opplysningane fleire gonger.",
        ],
    },
    "regelverk": {
        "title": "Regelverk og forsøksordninger",
        "nb": [
            "Regelverket er ofte en barriere for nye måter å organisere tjenestene på.",
            "Forsøksloven bør gjøres enklere å bruke for kommuner som vil prøve noe nytt.",
            "Det tar for lang tid å få svar på søknader om unntak fra regelverket.",
            "Vi ønsker regulatoriske sandkasser der nye løsninger kan testes under tilsyn.",
            "Lovverket er skrevet for papirbaserte prosesser og hindrer automatisering.",
            "Departementene bør gjennomgå særlovgivningen for å fjerne unødvendige hindringer.",
            "Tydeligere veiledning om hva regelverket faktisk tillater, vil frigjøre handlingsrom.",
            "Personvernregelverket tolkes ofte strengere enn nødvendig av usikkerhet.",
            "Forsøk må kunne vare lenge nok til at effektene kan måles.",
            "Det bør bli enklere å gjøre vellykkede forsøk om til varige ordninger.",
        ],
        "nn": [
            "Regelverket er ofte ein barriere for nye måtar å organisere tenestene på.",
            "Forsøkslova bør bli enklare å bruke for kommunar som vil prøve noko nytt.",
            "Det tek for lang tid å få svar på søknader om unntak frå regelverket.",
        ],
    },
    "anskaffelser": {
        "title": "Innovative offentlige anskaffelser og leverandørdialog",
        "nb": [
            "Offentlige anskaffelser er et av de sterkeste verktøyene for innovasjon.",
            "Innkjøpere bør etterspørre funksjon og behov i stedet for ferdige løsninger.",
            "Tidlig dialog med leverandørmarkedet gir bedre og mer nyskapende tilbud.",
            "Mange kommuner mangler innkjøpskompetanse til å gjennomføre innovative anskaffelser.",
            "Innovasjonspartnerskap som anskaffelsesprosedyre brukes altfor lite.",
            "Små og mellomstore bedrifter opplever at konkurransene er for store og lite tilgjengelige.",
            "Leverandørutviklingsprogrammet har vist at behovsbaserte anskaffelser gir resultater.",
            "Anskaffelsesregelverket oppleves som komplisert og risikofylt for innkjøperne.",
            "Vi foreslår at staten deler risikoen når kommuner kjøper inn nye løsninger.",
        ],
        "nn": [
            "Offentlege innkjøp er eitt av dei sterkaste verktøya for innovasjon.",
            "Innkjøparar bør spørje etter funksjon og behov i staden for ferdige løysingar.",
        ],
    },
    "distrikt": {
        "title": "Kapasitet og ressurser i små kommuner",
        "nb": [
            "Små kommuner har ikke kapasitet til å delta i store innovasjonsprosjekter.",
            "Innovasjonsmidler må fordeles slik at også distriktskommunene får ta del.",
            "Søknadsprosessene for tilskudd er for krevende for kommuner med få ansatte.",
            "Interkommunalt samarbeid kan gi små kommuner tilgang til nødvendig kompetanse.",
            "I små kommuner har én person ofte ansvar for mange fagområder samtidig.",
        ],
        "nn": [
            "Små kommunar har ikkje kapasitet til å vere med i store innovasjonsprosjekt.",
            "Innovasjonsmidlar må fordelast slik at også distriktskommunane får ta del.",
            "I små kommunar har ein person ofte ansvar for mange fagområde samstundes.",
        ],
    },
    "personvern": {
        "title": "Personvern og etikk ved bruk av kunstig intelligens",
        "nb": [
            "Bruk av kunstig intelligens i forvaltningen krever klare etiske retningslinjer.",
            "Innbyggerne må kunne få forklart hvordan en algoritme har påvirket vedtaket i saken deres.",
            "Personvernet må ivaretas når offentlige data brukes til å trene modeller.",
            "Vi er bekymret for at automatiserte vedtak kan forsterke forskjellsbehandling.",
            "Det bør etableres et uavhengig organ som vurderer risiko ved algoritmer i offentlig sektor.",
        ],
        "nn": [
            "Bruk av kunstig intelligens i forvaltninga krev klare etiske retningsliner.",
            "Personvernet må takast vare på når offentlege data blir brukte til å trene modellar.",
        ],
    },
}

OPENERS = {
    "nb": [
        "Vi viser til høringsbrevet og takker for muligheten til å gi innspill til stortingsmeldingen.",
        "Takk for invitasjonen til å komme med innspill om innovasjon i offentlig sektor.",
        "Vi har følgende merknader til arbeidet med meldingen.",
        "Her følger våre innspill etter intern behandling.",
    ],
    "nn": [
        "Vi viser til høyringsbrevet og takkar for høvet til å kome med innspel.",
        "Takk for invitasjonen til å gi innspel om innovasjon i offentleg sektor.",
    ],
}
CLOSERS = {
    "nb": [
        "Vi bidrar gjerne i det videre arbeidet med meldingen.",
        "Ta gjerne kontakt dersom noe er uklart.",
        "Vi ser fram til å følge arbeidet videre.",
    ],
    "nn": [
        "Vi bidreg gjerne i det vidare arbeidet med meldinga.",
        "Ta gjerne kontakt dersom noko er uklart.",
    ],
}

CAMPAIGN_TEMPLATE = [
    "Jeg skriver til dere som en del av oppropet for levende distrikter.",
    "Små kommuner har ikke kapasitet til å delta i store innovasjonsprosjekter, fordi de samme "
    "få ansatte må drive den daglige tjenesteytingen.",
    "Innovasjonsmidler må derfor fordeles slik at også distriktskommunene får ta del.",
    "Søknadsprosessene for tilskudd er i dag for krevende for kommuner med få ansatte.",
    "Jeg ber departementet om å sette av egne midler til innovasjon i små kommuner og om å "
    "gjøre søknadene enklere.",
]
CAMPAIGN_ADDITIONS = [
    "I min kommune har vi bare to ansatte i hele planavdelingen.",
    "Jeg har selv jobbet i kommunen i tjue år og ser at vi blir hengende etter.",
    "Det gjelder særlig helse og omsorg, der behovene vokser raskest.",
    "",
    "Tenk også på ungdommen som flytter hvis tjenestene blir dårligere.",
    "",
    "Vi trenger også bedre bredbånd før vi kan ta i bruk nye løsninger.",
    "",
    "Mange av oss er frivillige som allerede gjør en stor innsats.",
    "",
    "Jeg håper dere lytter til oss som bor her.",
]
CAMPAIGN_SWAPS = [
    ("Jeg skriver til dere", "Jeg skriver til departementet"),
    ("derfor", "dermed"),
    ("i dag for krevende", "altfor krevende"),
    ("Jeg ber departementet", "Jeg ber regjeringen"),
    ("små kommuner", "distriktskommunene"),
]
