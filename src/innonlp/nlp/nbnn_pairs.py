"""Nynorsk → Bokmål lemma pairs written by hand: words the spelling rules cannot derive.

Data for :mod:`innonlp.nlp.build_nbnn`, written for innonlp (no third-party source). Each
``nn=nb`` token pairs a Nynorsk lemma with the Bokmål lemma that is its one shared feature:
lexical pairs (``framlegg=forslag``, ``løyve=tillatelse``, ``røynsle=erfaring``) and irregular
spellings (``eigedom=eiendom``, ``kyrkje=kirke``), both infinitives of Nynorsk verbs where the
treebank (``-e``) and simplemma (``-a``) disagree. The builder applies these before its rules
and also to the parts of compounds (``lovframlegg`` → ``lovforslag``).

``føresegn`` pairs with ``bestemmelse``, not ``forskrift``: Nynorsk regulations call
themselves ``forskrift`` (1,653 times in Lovdata's Nynorsk regulations) and use ``føresegn``
for their provisions ("føresegnene i denne forskrifta").

Homographs are left out on purpose: a Nynorsk word that is also a common Bokmål word with
another sense (``leie`` lead/rent, ``viss`` if/certain, ``trong`` need/narrow, ``att``) would
rewrite Bokmål text as well.
"""

from __future__ import annotations

# Function words (mostly stop words; mapped so that stop lists and n-grams agree).
_FUNCTION = """
eg=jeg ho=hun dei=de me=vi dykk=dere dykkar=deres deira=deres hennar=hennes honom=ham
ein=en eit=en ei=en noko=noe nokon=noen nokre=noen inga=ingen sume=noen kvarandre=hverandre
kva=hva kvar=hver kvifor=hvorfor korleis=hvordan kor=hvor kven=hvem
ikkje=ikke berre=bare difor=derfor òg=også no=nå då=da frå=fra hjå=hos utan=uten
sidan=siden medan=mens anten=enten korkje=verken enno=ennå endå=enda elles=ellers
allereie=allerede framleis=fortsatt saman=sammen attende=tilbake sjeldan=sjelden
sjølv=selv same=samme annan=annen anna=annen eigen=egen heil=hel mykje=mye meir=mye
fleire=mange ovanfor=ovenfor nedanfor=nedenfor innanfor=innenfor utanfor=utenfor
desse=disse samstundes=samtidig kring=rundt trass=tross jamvel=endog såleis=således
åleine=alene særs=svært dimed=dermed somme=noen stundom=iblant tri=tre
"""

# Verbs (both the -e infinitive of the treebank and the -a infinitive of simplemma).
_VERBS = """
vere=være vera=være verte=bli verta=bli kome=komme koma=komme seie=si seia=si gje=gi
gjeve=gi gjeva=gi gjere=gjøre gjera=gjøre sjå=se liggje=ligge liggja=ligge leggje=legge
leggja=legge spørje=spørre spørja=spørre setje=sette setja=sette sitje=sitte sitja=sitte
søkje=søke søkja=søke tenkje=tenke tenkja=tenke byggje=bygge byggja=bygge følgje=følge
følgja=følge fylgje=følge fylgja=følge syne=vise syna=vise tru=tro bu=bo døy=dø
gløyme=glemme gløyma=glemme køyre=kjøre køyra=kjøre eige=eie eiga=eie handsame=behandle
handsama=behandle krevje=kreve krevja=kreve trengje=trenge velje=velge velja=velge
selje=selge selja=selge fortelje=fortelle fortelja=fortelle telje=telle telja=telle
dekkje=dekke rekne=regne rekna=regne nemne=nevne nemna=nevne opne=åpne opna=åpne
fastsetje=fastsette fastsetja=fastsette iverksetje=iverksette iverksetja=iverksette
tilsetje=ansette tilsetja=ansette avgjere=avgjøre avgjera=avgjøre grunngje=begrunne
grunngjeve=begrunne førebu=forberede førebyggje=forebygge førebyggja=forebygge
tydeleggjere=tydeliggjøre utgreie=utrede utgreia=utrede rettleie=veilede rettleia=veilede
tilrå=anbefale kunngjere=kunngjøre kunngjera=kunngjøre sørgje=sørge syte=sørge syta=sørge
ynskje=ønske ynskja=ønske ønskje=ønske ønskja=ønske meine=mene meina=mene tene=tjene
tena=tjene vekse=vokse veksa=vokse halde=holde halda=holde sleppe=slippe sleppa=slippe
byrje=begynne byrja=begynne lyfte=løfte oppmode=oppfordre oppmoda=oppfordre
teikne=tegne teikna=tegne røyste=stemme røysta=stemme
finnast=finnes synast=synes trengast=trenges gjerast=gjøres leggjast=legges seiast=sies
spele=spille spela=spille knyte=knytte knyta=knytte freiste=forsøke freista=forsøke
innebere=innebære innebera=innebære skjøne=skjønne skjøna=skjønne fremje=fremme
fremja=fremme utgjere=utgjøre utgjera=utgjøre skilje=skille skilja=skille bere=bære
bera=bære hugse=huske hugsa=huske stogge=stoppe stogga=stoppe råke=ramme råka=ramme
tykkje=synes tykkja=synes vitje=besøke vitja=besøke truge=true truga=true
utsetje=utsette utsetja=utsette spreie=spre spreia=spre overtyde=overbevise
overtyda=overbevise åtvare=advare åtvara=advare sakne=savne sakna=savne bede=be
lyge=lyve lyga=lyve tilvise=henvise tilvisa=henvise heimle=hjemle heimla=hjemle
"""

# Nouns and adjectives of public administration and law.
_ADMINISTRATION = """
føresegn=bestemmelse framlegg=forslag løyve=tillatelse verksemd=virksomhet
tilråding=anbefaling utgreiing=utredning kunngjering=kunngjøring fråsegn=uttalelse
røynsle=erfaring naudsynt=nødvendig naudsynleg=nødvendig styresmakt=myndighet
mynde=myndighet handsaming=behandling sakshandsaming=saksbehandling avgjerd=avgjørelse
tilskot=tilskudd eigedom=eiendom eigar=eier grunneigar=grunneier leiar=leder leiing=ledelse
forureining=forurensning ureining=forurensning vatn=vann utslepp=utslipp omsyn=hensyn
føremon=fordel føremål=formål føresetnad=forutsetning førebuing=forberedelse
førebygging=forebygging oppgåve=oppgave utgåve=utgave gåve=gave utval=utvalg val=valg
tal=tall namn=navn stad=sted gong=gang veke=uke månad=måned sumar=sommer haust=høst
bustad=bolig busetjing=bosetting heim=hjem heime=hjemme sjukeheim=sykehjem
sjukehus=sykehus sjukdom=sykdom sjuk=syk sjukepleiar=sykepleier lækjar=lege
lækjemiddel=legemiddel kyrkje=kirke kyrkjeleg=kirkelig skule=skole forsking=forskning
forskar=forsker teneste=tjeneste rekneskap=regnskap løn=lønn marknad=marked
anskaffing=anskaffelse undersøking=undersøkelse oppseiing=oppsigelse
tilsetjing=ansettelse tilsett=ansatt arbeidsløyse=arbeidsledighet løysing=løsning
tryggleik=sikkerhet openheit=åpenhet open=åpen offentleg=offentlig verknad=virkning
verkemiddel=virkemiddel innspel=innspill høyring=høring brot=brudd lovbrot=lovbrudd
døme=eksempel grunngjeving=begrunnelse meining=mening iverksetjing=iverksetting
målsetjing=målsetting fastsetjing=fastsetting samanheng=sammenheng
samanlikning=sammenligning byrjing=begynnelse tilhøve=forhold høve=anledning
moglegheit=mulighet mogleg=mulig kjelde=kilde søkjar=søker klagar=klager
innbyggjar=innbygger innbyggar=innbygger gut=gutt born=barn sjukmelding=sykmelding
avlasting=avlastning tenesteytar=tjenesteyter tenesteyting=tjenesteyting
rettleiing=veiledning rettleiar=veileder ombod=ombud eigarskap=eierskap
tilgjenge=tilgjengelighet nedsett=nedsatt rørsle=bevegelse kjensle=følelse
hending=hendelse ulukke=ulykke bustøtte=bostøtte husleige=husleie leige=leie
utleige=utleie reiarlag=rederi reiar=reder hamn=havn køyretøy=kjøretøy
samferdsle=samferdsel vasskraft=vannkraft vassforsyning=vannforsyning
naturmangfald=naturmangfold mangfald=mangfold dyrehald=dyrehold hald=hold
mattryggleik=mattrygghet noreg=norge statsborgarskap=statsborgerskap røyst=stemme valkrins=valgkrets
krins=krets oppmoding=oppfordring etterspurnad=etterspørsel tilbod=tilbud bod=bud
leiga=leie utbyte=utbytte yting=ytelse trygdeyting=trygdeytelse oppheving=opphevelse
ikraftsetjing=ikraftsetting ikrafttreding=ikrafttredelse teieplikt=taushetsplikt
kjenneteikn=kjennetegn teikn=tegn teikning=tegning skilnad=forskjell ulikskap=ulikhet
likskap=likhet påverknad=påvirkning medverknad=medvirkning innverknad=innvirkning
rettsverknad=rettsvirkning eining=enhet einskild=enkelt særskild=særskilt
heilskap=helhet heilskapleg=helhetlig gamal=gammel vanskeleg=vanskelig
fylkesmann=fylkesmann statsforvaltar=statsforvalter
verneområde=verneområde tilbakebetaling=tilbakebetaling klagenemnd=klagenemnd
opplysningar=opplysning vedtekter=vedtekt skjøn=skjønn skjønn=skjønn
utdanningsinstitusjon=utdanningsinstitusjon elev=elev lærling=lærling
lærebedrift=lærebedrift fagbrev=fagbrev vitnemål=vitnemål læreplan=læreplan
opplæring=opplæring barnehage=barnehage sjukepleie=sykepleie jordmor=jordmor
tannlækjar=tannlege legeteneste=legetjeneste fastlege=fastlege helseføretak=helseforetak
føretak=foretak verdi=verdi eigenandel=egenandel
gammal=gammel høg=høy høgre=høyre sjølvsagt=selvsagt sjølve=selve bilete=bilde
truleg=trolig låg=lav tysdag=tirsdag måndag=mandag laurdag=lørdag sundag=søndag
oppteken=opptatt kjend=kjent ukjend=ukjent morgon=morgen samband=forbindelse samd=enig
usamd=uenig førre=forrige vidaregåande=videregående tilsvarande=tilsvarende
følgjande=følgende haldning=holdning djup=dyp merksemd=oppmerksomhet merksam=oppmerksom
kyrkjedepartement=kirkedepartement skuld=skyld klår=klar vêr=vær nøgd=fornøyd
utruleg=utrolig underskot=underskudd overskot=overskudd mengd=mengde vitskap=vitenskap
vitskapleg=vitenskapelig naturvitskap=naturvitenskap hovudsak=hovedsak
hovudstad=hovedstad hovudmål=hovedmål hovudregel=hovedregel hovudoppgåve=hovedoppgave
hovud=hode borgarleg=borgerlig vaksen=voksen vald=vold folkevald=folkevalgt
forteljing=fortelling trugsmål=trussel mogeleg=mulig opphavleg=opprinnelig
røynd=virkelighet røyndom=virkelighet førebels=foreløpig motsett=motsatt utspel=utspill
spel=spill omgrep=begrep kjærleik=kjærlighet sjølvstendig=selvstendig fridom=frihet
vone=håp sanning=sannhet mjøl=mel verdskrig=verdenskrig berekraftig=bærekraftig
berekraft=bærekraft løyving=bevilgning spreidd=spredt botn=bunn åtvaring=advarsel
uventa=uventet viljug=villig utanlandsk=utenlandsk frammøte=fremmøte auge=øye
lagnad=skjebne jamn=jevn nestleiar=nestleder framand=fremmed einskap=enhet
noverande=nåværende betre=bedre lønsam=lønnsom sjukefråvære=sykefravær fråvære=fravær
heimel=hjemmel heimelsgrunnlag=hjemmelsgrunnlag gjeremål=gjøremål påbod=påbud
forbod=forbud tilvising=henvisning sakkunnig=sakkyndig omgjering=omgjøring
stadfesting=stadfestelse avgjerdsmynde=avgjørelsesmyndighet tenestemann=tjenestemann
arbeidsgjevar=arbeidsgiver oppdragsgjevar=oppdragsgiver ålmenta=allmennheten
ålmenn=allmenn allmenta=allmennheten omsetnad=omsetning forvalting=forvaltning
"""

PAIRS_TEXT = _FUNCTION + _VERBS + _ADMINISTRATION


def hand_pairs() -> dict[str, str]:
    """The pairs as a mapping (Nynorsk lemma → Bokmål lemma), pairs that map a word to
    itself left out (they are listed only to say "same in both")."""
    out: dict[str, str] = {}
    for token in PAIRS_TEXT.split():
        nn, _, nb = token.partition("=")
        if nn != nb:
            out[nn] = nb
    return out
