"""Build the Nynorsk → Bokmål lemma map shipped as ``innonlp/nlp/data/nbnn.tsv``.

Run ``python -m innonlp.nlp.build_nbnn --shared ../shared/data`` from the repository root.
Same sources → same bytes. A Nynorsk lemma is mapped when it is not itself a Bokmål lemma,
by the first of:

1. the hand-written pairs of :mod:`innonlp.nlp.nbnn_pairs` (``framlegg`` → ``forslag``);
2. the spelling correspondences in :data:`RULES` (``-leg`` → ``-lig``, ``au`` → ``ø``,
   ``kv-`` → ``hv-`` …), applied up to :data:`MAX_DEPTH` at a time; the result must be a
   Bokmål lemma, fewest rewrites first, then the most frequent in the Bokmål treebank;
3. compounds whose modifier and head map by 1–2 (``eigedomsskatt`` → ``eiendomsskatt``),
   again only onto a Bokmål lemma. A compound with a hand-paired part goes before the rules
   (``dobbeltspel`` → ``dobbeltspill``, where the rules alone reach ``dobbeltspell``).

Bokmål and Nynorsk lemmas come from the NDT treebanks' lemma columns (counts) and
simplemma's ``nb`` and ``nn`` dictionaries. A word counts as Bokmål when the Bokmål treebank
uses it about as often as the Nynorsk one (:func:`is_bokmaal`), so ``ikkje`` (1 Bokmål
token, 2,339 Nynorsk) is Nynorsk even though it occurs once in the Bokmål treebank.
The builder works on in-memory :class:`Sources`, so tests can run it on tiny inputs.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .nbnn_pairs import hand_pairs

OUTPUT = Path(__file__).parent / "data" / "nbnn.tsv"
MAX_DEPTH = 3
MIN_TREEBANK = 3  # Nynorsk tokens from which the treebanks' counts decide
BOKMAAL_SHARE = 0.2  # Bokmål count / Nynorsk count from which a word is (also) Bokmål
MIN_PART = 3
LINKS = ("", "s", "e")
_WORD = re.compile(r"^[a-zæøåéèêóòôü][a-zæøåéèêóòôü-]*[a-zæøåéèêóòôü]$")

# Nynorsk → Bokmål spelling correspondences (regular expression, replacement), each applied
# to every match at once. They only propose: a result counts when it is a Bokmål lemma.
RULES: tuple[tuple[str, str], ...] = (
    (r"leg(?=heit$|het$|gjer|skap$|$)", "lig"),  # vanleg → vanlig, moglegheit
    (r"heit$", "het"),  # openheit → åpenhet
    (r"leik$", "het"),  # tryggleik → trygghet
    (r"ande$", "ende"),  # gjeldande → gjeldende
    (r"a$", "e"),  # a-infinitive: organisera → organisere
    (r"a$", "et"),  # participles: overordna → overordnet
    (r"ar$", "er"),  # agent nouns: arbeidstakar → arbeidstaker
    (r"ei", "e"),  # meir → mer, fleire → flere
    (r"au", "ø"),  # auke → øke, straum → strøm
    (r"øy", "ø"),  # høyring → høring, løyse → løse
    (r"^kv", "hv"),  # kvit → hvit
    (r"gje$", "ge"),  # leggje → legge
    (r"kje$", "ke"),  # tenkje → tenke
    (r"(?<=.)gj(?=[aeiouyæøå])", "g"),  # byggjesak → byggesak
    (r"(?<=.)kj(?=[aeiouyæøå])", "k"),  # kyrkjegard → kyrkegard
    (r"mn", "vn"),  # namn → navn, hamn → havn
    (r"^ten", "tjen"),  # teneste → tjeneste
    (r"sjuk", "syk"),  # sjukdom → sykdom
    (r"y", "ø"),  # fyrst → først
    (r"y", "i"),  # kyrkje → kirke
    (r"saman", "sammen"),  # samanslåing → sammenslåing
    (r"^føre", "fore"),  # førebygging → forebygging
    (r"^føre", "for"),  # føremål → formål
    (r"ing$", "ning"),  # forsking → forskning
    (r"ing$", "else"),  # undersøking → undersøkelse
    (r"nad$", "ning"),  # verknad → virkning (with verk → virk)
    (r"semd$", "somhet"),  # verksemd → virksomhet (with verk → virk)
    (r"verk", "virk"),
    (r"an(?=for$|$)", "en"),  # sidan → siden, innanfor → innenfor
    (r"(?<=[aeiouyæøå])([lnm])$", r"\1\1"),  # løn → lønn, tal → tall
    (r"sle$", "sel"),  # samferdsle → samferdsel
    (r"eikn", "egn"),  # teikn → tegn
    (r"gjev", "giv"),  # tiltaksgjevar → tiltaksgiver (with -ar → -er)
)
_COMPILED = tuple((re.compile(p), r) for p, r in RULES)


@dataclass(frozen=True)
class Sources:
    """Lemma evidence: treebank lemma counts per standard and dictionary lemma sets."""

    nob: Mapping[str, int]
    nno: Mapping[str, int]
    nb_lexicon: frozenset[str] = frozenset()
    nn_lexicon: frozenset[str] = frozenset()
    credits: tuple[str, ...] = field(default=())


def is_bokmaal(word: str, src: Sources) -> bool:
    """``word`` is a Bokmål lemma: the treebanks say so when the Nynorsk one has it at least
    :data:`MIN_TREEBANK` times (then the Bokmål count must keep up), else any Bokmål
    treebank token or simplemma's ``nb`` dictionary vouches for it."""
    b, n = src.nob.get(word, 0), src.nno.get(word, 0)
    if n >= MIN_TREEBANK:
        return b >= MIN_TREEBANK and b >= BOKMAAL_SHARE * n
    return b >= 1 or word in src.nb_lexicon


def rewrites(word: str, max_depth: int = MAX_DEPTH) -> list[tuple[int, str]]:
    """(number of rewrites, candidate) for every spelling reachable from ``word`` by up to
    ``max_depth`` rules, breadth first, each candidate once."""
    seen = {word}
    frontier = [word]
    out: list[tuple[int, str]] = []
    for depth in range(1, max_depth + 1):
        nxt: list[str] = []
        for w in frontier:
            for pattern, repl in _COMPILED:
                cand = pattern.sub(repl, w)
                if cand != w and cand not in seen:
                    seen.add(cand)
                    nxt.append(cand)
                    out.append((depth, cand))
        frontier = nxt
    return out


def by_rules(word: str, src: Sources, nn_heads: tuple[str, ...] = ()) -> str | None:
    """The Bokmål lemma the spelling rules lead to: fewest rewrites, then the most frequent in
    the Bokmål treebank, then alphabetical; None when no rewrite is a Bokmål lemma. A result
    that ends in one of ``nn_heads`` (Nynorsk words of the hand pairs) is refused: simplemma's
    Bokmål dictionary lists a few such compounds (``byggeløyve``)."""
    hits = [(d, -src.nob.get(c, 0), c) for d, c in rewrites(word)
            if is_bokmaal(c, src) and not (nn_heads and c.endswith(nn_heads))]
    return min(hits)[2] if hits else None


def nynorsk_heads(pairs: Mapping[str, str]) -> tuple[str, ...]:
    """The hand pairs' Nynorsk words that are no Bokmål compound's head (5+ letters)."""
    return tuple(sorted(k for k in pairs if len(k) >= 5))


class _Resolver:
    """Maps one word by hand pairs, then rules (cached), keeping Bokmål words as they are."""

    def __init__(self, src: Sources, pairs: Mapping[str, str]):
        self.src = src
        self.pairs = pairs
        self.heads = nynorsk_heads(pairs)
        self.simple = lru_cache(maxsize=None)(self._simple)

    def _simple(self, word: str) -> str | None:
        if word in self.pairs:
            return self.pairs[word]
        if is_bokmaal(word, self.src):
            return word
        return by_rules(word, self.src, self.heads)

    def part(self, word: str) -> str | None:
        """A compound part's Bokmål form (itself when it is Bokmål), or None; only words the
        sources know are tried."""
        if len(word) < MIN_PART or not self.known(word):
            return None
        return self.simple(word)

    def known(self, word: str) -> bool:
        src = self.src
        return (word in self.pairs or word in src.nno or word in src.nn_lexicon
                or is_bokmaal(word, src))

    def compound(self, word: str, hand_only: bool = False) -> str | None:
        """Map modifier and head (longest head first); the joined result must be Bokmål.
        With ``hand_only``, only splits where a part maps by a hand pair count."""
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            head = self.part(word[i:])
            if head is None:
                continue
            for link in LINKS:
                stem = word[:i]
                if link and not stem.endswith(link):
                    continue
                mod_nn = stem[: len(stem) - len(link)]
                mod = self.part(mod_nn)
                if mod is None:
                    continue
                if hand_only and word[i:] not in self.pairs and mod_nn not in self.pairs:
                    continue
                cand = mod + link + head
                if cand != word and is_bokmaal(cand, self.src):
                    return cand
        return None


def nynorsk_words(src: Sources, pairs: Mapping[str, str]) -> list[str]:
    """The Nynorsk lemmas to map: treebank lemmas, dictionary lemmas and the hand pairs'
    Nynorsk side, lower-case words only, sorted."""
    words = set(src.nno) | src.nn_lexicon | set(pairs)
    return sorted(w for w in words if _WORD.match(w))


def build_mapping(src: Sources, pairs: Mapping[str, str] | None = None
                  ) -> dict[str, tuple[str, str]]:
    """Nynorsk lemma → (Bokmål lemma, how: ``hand``, ``rule`` or ``compound``)."""
    pairs = hand_pairs() if pairs is None else pairs
    res = _Resolver(src, pairs)
    out: dict[str, tuple[str, str]] = {}
    for word in nynorsk_words(src, pairs):
        if word in pairs:
            out[word] = (pairs[word], "hand")
            continue
        if is_bokmaal(word, src):
            continue
        got = res.compound(word, hand_only=True)
        if got is not None:
            out[word] = (got, "compound")
            continue
        got = by_rules(word, src, res.heads)
        if got is not None:
            out[word] = (got, "rule")
            continue
        got = res.compound(word)
        if got is not None:
            out[word] = (got, "compound")
    return out


def render(mapping: Mapping[str, tuple[str, str]], credits: Sequence[str] = ()) -> str:
    """The TSV text: comment lines (purpose, command, licences, counts), then
    ``nn<TAB>nb<TAB>how`` lines sorted by the Nynorsk lemma."""
    how = Counter(h for _, h in mapping.values())
    head = [
        "# innonlp: Nynorsk lemma -> Bokmål lemma, one feature for both written standards.",
        "# Generated by `python -m innonlp.nlp.build_nbnn --shared ../shared/data`; do not "
        "edit by hand.",
        "# Hand pairs (innonlp.nlp.nbnn_pairs) and spelling rules (innonlp.nlp.build_nbnn) "
        "written for innonlp.",
        *(f"# Source: {c}" for c in credits),
        f"# pairs: {len(mapping)} (" + ", ".join(f"{k} {how[k]}" for k in sorted(how)) + ")",
    ]
    body = [f"{nn}\t{nb}\t{h}" for nn, (nb, h) in sorted(mapping.items())]
    return "\n".join(head + body) + "\n"


def ndt_lemmas(path: Path) -> Counter[str]:
    """Lower-cased lemma counts of an NDT file (10 tab-separated columns, lemma third)."""
    counts: Counter[str] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            cols = line.split("\t")
            if len(cols) >= 4 and cols[0].isdigit():
                counts[cols[2].lower()] += 1
    return counts


def simplemma_lemmas(language: str) -> frozenset[str]:
    """The lower-cased lemmas (dictionary values) of simplemma's ``language`` dictionary."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    table = DefaultDictionaryFactory().get_dictionary(language)
    raw: Iterable[bytes | str] = getattr(table, "_dict", table).values()
    return frozenset((v.decode() if isinstance(v, bytes) else v).lower() for v in raw)


def _credits() -> tuple[str, ...]:
    from importlib.metadata import version

    return (
        "Norwegian Dependency Treebank lemma columns (National Library of Norway; "
        "annotations CC0 1.0), via NorNE's ndt_{nob,nno} train+dev files",
        f"simplemma {version('simplemma')} nb/nn dictionaries (Adrien Barbaresi; MIT); its "
        "data: lemmatization lists by Michal Měchura (ODbL 1.0), Wiktionary via Kaikki "
        "(CC BY-SA), FreeLing, spaCy lookups data, UniMorph, Wikinflection (CC BY 4.0)",
    )


def load_sources(shared: Path) -> Sources:
    """Treebank counts from ``shared/ndt`` and simplemma's dictionaries."""
    ndt = shared / "ndt"
    return Sources(
        nob=ndt_lemmas(ndt / "ndt_nob_train_dev.conll.gz"),
        nno=ndt_lemmas(ndt / "ndt_nno_train_dev.conll.gz"),
        nb_lexicon=simplemma_lemmas("nb"),
        nn_lexicon=simplemma_lemmas("nn"),
        credits=_credits(),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: build the map from ``--shared`` and write it to ``--out``."""
    ap = argparse.ArgumentParser(prog="python -m innonlp.nlp.build_nbnn", description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=OUTPUT)
    args = ap.parse_args(argv)
    src = load_sources(args.shared)
    mapping = build_mapping(src)
    text = render(mapping, src.credits)
    args.out.write_bytes(text.encode("utf-8"))
    missing = sorted({nb for nb, h in mapping.values() if h == "hand"
                      and not is_bokmaal(nb, src)})
    print(f"wrote {args.out}: {len(mapping)} pairs, {len(text.encode()):,} bytes; hand "
          f"targets not seen as Bokmål: {' '.join(missing) or 'none'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
