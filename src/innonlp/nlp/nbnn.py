"""One feature for both written standards: a Nynorsk lemma's Bokmål lemma (``føresegn`` →
``bestemmelse``, ``eigedom`` → ``eiendom``, ``verksemd`` → ``virksomhet``).

The map is data (``data/nbnn.tsv``, built by ``python -m innonlp.nlp.build_nbnn``); Bokmål
lemmas and words the map does not list map to themselves, so the functions can be applied to
the lemmas of any text. Lemmas are expected lower-case, as the language layer gives them.

- :func:`to_bokmaal`: one lemma, a plain lookup;
- :func:`to_bokmaal_many`: many lemmas (a list comprehension over ``dict.get``, tens of
  millions a second);
- :func:`shared_feature`: lower-cases first and, for a lemma of a Nynorsk text that the map
  does not list, maps the parts of a compound (``eigedomsforvaltning`` →
  ``eiendomsforvaltning``);
- :func:`merge_vocabulary`: for features held as ids into one vocabulary, the merged
  vocabulary and each old id's new id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

MAP_FILE = "nbnn.tsv"
MIN_COMPOUND_PART = 4  # a mapped compound part has at least this many letters


@lru_cache(maxsize=1)
def nbnn_map() -> Mapping[str, str]:
    """The shipped map, Nynorsk lemma → Bokmål lemma (read once)."""
    ref = resources.files("innonlp.nlp") / "data" / MAP_FILE
    return parse_map(ref.read_text(encoding="utf-8"))


def parse_map(text: str) -> dict[str, str]:
    """The pairs of a map file (``nn<TAB>nb[<TAB>how]`` lines; ``#`` lines are comments)."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            nn, nb = line.split("\t")[:2]
            out[nn] = nb
    return out


def to_bokmaal(lemma: str) -> str:
    """The Bokmål lemma of ``lemma`` (itself when it is Bokmål or unknown)."""
    return nbnn_map().get(lemma, lemma)


def to_bokmaal_many(lemmas: Iterable[str]) -> list[str]:
    """:func:`to_bokmaal` of each lemma, in order."""
    get = nbnn_map().get
    return [get(x, x) for x in lemmas]


def is_mapped(lemma: str) -> bool:
    """``lemma`` is a Nynorsk lemma with a different Bokmål form."""
    return lemma in nbnn_map()


def shared_feature(lemma: str, standard: str | None = None) -> str:
    """The feature ``lemma`` stands for in both standards: lower-cased and mapped; with
    ``standard="nn"`` an unlisted compound is mapped by its parts (see
    :func:`map_compound`). Bokmål texts never take the compound step: a Bokmål compound can
    hold a part that is a Nynorsk word elsewhere (``tal`` in ``talsmann``)."""
    low = lemma.lower()
    got = nbnn_map().get(low)
    if got is not None:
        return got
    if standard == "nn":
        return map_compound(low)
    return low


@lru_cache(maxsize=200_000)
def map_compound(word: str) -> str:
    """A Nynorsk compound with its modifier and head mapped (``verksemdsplan`` →
    ``virksomhetsplan``), the linking letter kept; the word itself when it is no compound or
    neither part maps. The split is :func:`innonlp.nlp.compounds.split_compound`'s."""
    from .compounds import split_compound

    parts = split_compound(word, "nn")
    if parts is None:
        return word
    mod, head = parts
    if not word.endswith(head) or not word.startswith(mod):
        return word
    link = word[len(mod): len(word) - len(head)]
    table = nbnn_map()
    new_mod = table.get(mod, mod) if len(mod) >= MIN_COMPOUND_PART else mod
    new_head = table.get(head, head) if len(head) >= MIN_COMPOUND_PART else head
    if new_mod == mod and new_head == head:
        return word
    return new_mod + link + new_head


def merge_vocabulary(vocabulary: Sequence[str], standard: str | None = None
                     ) -> tuple[list[str], np.ndarray]:
    """Merge a vocabulary's Nynorsk and Bokmål forms: (the merged vocabulary in first-seen
    order, an int64 array giving each old id its new id). Features counted by old ids are
    summed into new ids with ``np.add.at`` or a sparse matrix product."""
    index: dict[str, int] = {}
    new_ids = np.empty(len(vocabulary), dtype=np.int64)
    for i, word in enumerate(vocabulary):
        feature = shared_feature(word, standard)
        new_ids[i] = index.setdefault(feature, len(index))
    return list(index), new_ids
