"""Run the language layer over segments and keep compact per-segment results.

Each :class:`SegmentAnalysis` holds numpy arrays, per token: the form's and the lemma's
64-bit spaCy string hash, the UPOS tag, the character offset into the segment and whether it
starts a sentence (about 22 bytes a token, so 20 M tokens fit in well under 1 GB). Strings
are looked up in a shared :class:`StringTable`. Stop words and compound parts are derived
from lemmas on demand, so nothing is computed for tokens no later stage looks at.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

import numpy as np
from spacy.attrs import IDX, IS_SPACE, LEMMA, ORTH, POS, SENT_START
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import StringStore
from spacy.tokens import Doc

from ..types import Segment
from .compounds import split_compound
from .loader import NorwegianNLP, pipeline_standard
from .stopwords import stop_lemmas

UPOS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SPACE", "SYM", "VERB", "X")
_UPOS_INDEX = np.zeros(max(POS_IDS.values()) + 1, dtype=np.uint8)
for _i, _name in enumerate(UPOS):
    _UPOS_INDEX[POS_IDS[_name]] = _i
_UPOS_INDEX[0] = UPOS.index("X")
CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
CONTENT_POS_CODES = np.array(sorted(UPOS.index(p) for p in CONTENT_POS), dtype=np.uint8)


class StringTable:
    """Hash → string for every string the pipelines produced (their StringStores)."""

    def __init__(self) -> None:
        self.stores: list[StringStore] = []
        self._memo: dict[int, str] = {}
        self._lower: dict[int, str] = {}

    def add_store(self, store: StringStore) -> None:
        if not any(s is store for s in self.stores):
            self.stores.append(store)

    def __getitem__(self, key: int) -> str:
        try:
            return self._memo[key]
        except KeyError:
            pass
        for store in self.stores:
            if key in store:  # type: ignore[operator]  # StringStore has __contains__
                text = self._memo[key] = store[key]
                return text
        raise KeyError(key)

    def lower(self, key: int) -> str:
        """The lower-cased string (memoised)."""
        try:
            return self._lower[key]
        except KeyError:
            text = self._lower[key] = self[key].lower()
            return text

    @cached_property
    def stop_hashes(self) -> np.ndarray:
        """Sorted hashes of the stop lemmas (lower case)."""
        store = StringStore()
        return np.unique(np.array([store.add(w) for w in stop_lemmas()], dtype=np.uint64))


@dataclass(frozen=True, eq=False, slots=True)
class SegmentAnalysis:
    segment_id: str
    standard: str
    orth: np.ndarray         # uint64 form hashes
    lemma: np.ndarray        # uint64 lemma hashes
    pos: np.ndarray          # uint8 indexes into UPOS
    offsets: np.ndarray      # int32 character offsets into the segment text
    sent_starts: np.ndarray  # bool
    strings: StringTable
    # set once by content_mask (slots: a big corpus has hundreds of thousands of analyses)
    _content_mask: np.ndarray | None = field(default=None, init=False, repr=False)

    def __len__(self) -> int:
        return len(self.orth)

    @property
    def words(self) -> list[str]:
        return [self.strings[int(h)] for h in self.orth]

    @property
    def lemmas(self) -> list[str]:
        return [self.strings[int(h)] for h in self.lemma]

    @property
    def tags(self) -> list[str]:
        return [UPOS[int(p)] for p in self.pos]

    def content_mask(self) -> np.ndarray:
        """Nouns, names, adjectives and verbs whose lemma is not a stop word (computed
        once; :func:`precompute_content_masks` does it for many segments in one go)."""
        mask = self._content_mask
        if mask is None:
            mask = _content(self.pos, self.lemma, self.strings.stop_hashes)
            object.__setattr__(self, "_content_mask", mask)
        return mask

    def content_lemmas(self) -> list[str]:
        """Lower-cased lemmas of the content words, in order."""
        low = self.strings.lower
        return [low(h) for h in self.lemma[self.content_mask()].tolist()]

    def compound(self, i: int) -> tuple[str, str] | None:
        """(modifier, head) of token ``i`` when it is a compound noun or adjective."""
        if UPOS[int(self.pos[i])] not in ("NOUN", "ADJ"):
            return None
        return split_compound(self.strings[int(self.lemma[i])].lower(),
                              pipeline_standard(self.standard))


def _content(pos: np.ndarray, lemma: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """Content POS and a lemma outside the sorted ``stop`` hashes (a binary search per
    token: far cheaper than sorting millions of hashes as ``np.isin`` would)."""
    if not len(stop):
        return np.isin(pos, CONTENT_POS_CODES)
    at = np.minimum(np.searchsorted(stop, lemma), len(stop) - 1)
    return np.isin(pos, CONTENT_POS_CODES) & (stop[at] != lemma)


def precompute_content_masks(analyses: list[SegmentAnalysis]) -> None:
    """Content masks of many segments with two vectorised calls instead of two per segment."""
    todo = [a for a in analyses if a._content_mask is None]
    if not todo:
        return
    pos = np.concatenate([a.pos for a in todo])
    lemma = np.concatenate([a.lemma for a in todo])
    mask = _content(pos, lemma, todo[0].strings.stop_hashes)
    at = 0
    for a in todo:
        object.__setattr__(a, "_content_mask", mask[at:at + len(a)])
        at += len(a)


def from_doc(doc: Doc, segment_id: str, standard: str, strings: StringTable
             ) -> SegmentAnalysis:
    return split_doc(doc, [(segment_id, 0)], standard, strings)[0]


def split_doc(doc: Doc, parts: Sequence[tuple[str, int]], standard: str,
              strings: StringTable) -> list[SegmentAnalysis]:
    """Per-segment analyses from one doc that holds several segments: ``parts`` are
    (segment id, character offset of the segment in the doc's text), in text order."""
    strings.add_store(doc.vocab.strings)
    arr = doc.to_array([ORTH, LEMMA, POS, IDX, IS_SPACE, SENT_START])
    arr = arr[arr[:, 4] == 0]
    orth = arr[:, 0].copy()
    lemma = np.where(arr[:, 1] == 0, arr[:, 0], arr[:, 1])
    pos = _UPOS_INDEX[np.minimum(arr[:, 2], len(_UPOS_INDEX) - 1).astype(np.int64)]
    idx = arr[:, 3].astype(np.int64)
    starts = arr[:, 5].astype(np.int64) == 1
    bases = np.array([b for _, b in parts], dtype=np.int64)
    cuts = np.append(np.searchsorted(idx, bases), len(idx))
    out = []
    for k, (sid, base) in enumerate(parts):
        a, b = int(cuts[k]), int(cuts[k + 1])
        st = starts[a:b].copy()
        if len(st):
            st[0] = True  # a segment always starts a sentence
        out.append(SegmentAnalysis(
            segment_id=sid, standard=standard, orth=orth[a:b].copy(),
            lemma=lemma[a:b].copy(), pos=pos[a:b].copy(),
            offsets=(idx[a:b] - base).astype(np.int32), sent_starts=st, strings=strings))
    return out


# Segments of one written standard are analysed together, joined by a blank line, in docs
# of about this many characters: per-doc overhead (spaCy and the tagger's numpy calls)
# otherwise dominates on paragraph-sized segments. A blank line always ends a sentence and
# the embedded tagger never looks across a sentence, so each segment's analysis is the same
# as when it is analysed alone (tested). spaCy's trained pipelines look across sentences,
# so they get one segment per doc.
GROUP_CHARS = 20_000
GROUP_SEP = "\n\n"


def iter_analyses(layer: NorwegianNLP, items: Iterable[tuple[int, str, str, str]],
                  strings: StringTable) -> Iterator[tuple[int, SegmentAnalysis]]:
    """Analyse ``items`` — (index, segment id, written standard, text) — and yield
    (index, analysis), in input order within each written standard."""
    def groups() -> Iterator[tuple[str, str, list[tuple[int, str, int]]]]:
        open_: dict[str, tuple[list[str], list[tuple[int, str, int]], int]] = {}
        for i, sid, std, text in items:
            grouped = layer.choices[pipeline_standard(std)].tier == "embedded"
            texts, parts, size = open_.get(std, ([], [], 0))
            base = size + len(GROUP_SEP) if parts else 0
            texts.append(text)
            parts.append((i, sid, base))
            size = base + len(text)
            if not grouped or size >= GROUP_CHARS:
                open_.pop(std, None)
                yield GROUP_SEP.join(texts), std, parts
            else:
                open_[std] = (texts, parts, size)
        for std, (texts, parts, _) in open_.items():
            yield GROUP_SEP.join(texts), std, parts

    triples = ((text, std, (std, parts)) for text, std, parts in groups())
    # in this process: parallel runs go through a ParallelAnalyser (innonlp.run.pool)
    for doc, (std, parts) in layer.pipe_mixed(triples):
        done = split_doc(doc, [(sid, base) for _, sid, base in parts], std, strings)
        for (i, _, _), a in zip(parts, done, strict=True):
            yield i, a


class ParallelAnalyser(Protocol):
    """Runs the analysis of many segments in worker processes (the run package's
    language-layer pool or a Dask cluster); ``analyze_segments`` hands it the segments
    that are left after the cache when there are at least ``min_items``."""

    processes: int
    min_items: int
    preloaded: bool  # the workers have loaded their pipelines already

    def __call__(self, layer: NorwegianNLP, items: Iterable[tuple[int, str, str, str]],
                 strings: StringTable, cache: str | None, keys: Sequence[bytes]
                 ) -> Iterator[tuple[int, SegmentAnalysis]]: ...


def analyze_segments(segments: Iterable[Segment], layer: NorwegianNLP,
                     progress: Callable[[int], None] | None = None,
                     cache: Any = None, parallel: ParallelAnalyser | None = None
                     ) -> tuple[list[SegmentAnalysis], dict[str, Any]]:
    """Analyse every segment on its written standard's pipeline; return results (in input
    order) and a record (tiers, counts, tokens, seconds, cache hits) for the run manifest.
    With ``cache`` (an :class:`~innonlp.nlp.cache.AnalysisCache`) segments analysed before by
    the same pipeline version are read back instead of analysed again. ``parallel`` runs
    the analysis in worker processes when at least its ``min_items`` segments are left to
    analyse (workers that loaded their pipelines already: this process then loads none)."""
    from .cache import cache_key

    segs = list(segments)
    tick = progress or (lambda n: None)
    t0 = time.perf_counter()
    strings = StringTable()
    out: list[SegmentAnalysis | None] = [None] * len(segs)
    keys: list[bytes] = []
    if cache is not None:
        pid = {std: f"{c.model}@{c.version}" for std, c in layer.choices.items()}
        keys = [cache_key(pid[pipeline_standard(s.standard or "nb")], s.standard or "nb",
                          s.text) for s in segs]
        found = cache.get(keys)
        if found:
            store = StringStore()
            cache.load_strings(store)
            strings.add_store(store)
        for i, k in enumerate(keys):
            if k in found:
                out[i] = cache.unpack(found[k], segs[i].id, segs[i].standard or "nb", strings)
                tick(1)
    todo = [i for i, a in enumerate(out) if a is None]
    items = ((i, segs[i].id, segs[i].standard or "nb", segs[i].text) for i in todo)
    fresh: list[int] = []
    use = parallel if parallel is not None and len(todo) >= parallel.min_items else None
    processes = use.processes if use is not None else 1
    early = use is not None and use.preloaded
    load_seconds = 0.0
    if not early:
        t1 = time.perf_counter()
        for std in sorted({pipeline_standard(segs[i].standard or "nb") for i in todo}):
            layer.language(std)  # load outside the timing of the analysis itself
        load_seconds = time.perf_counter() - t1
    if use is not None:
        # the workers store their results in the cache themselves
        stream = use(layer, items, strings, None if cache is None else str(cache.path), keys)
    else:
        stream = iter_analyses(layer, items, strings)
    own_writes = cache is not None and use is None
    for i, a in stream:
        out[i] = a
        tick(1)
        if not own_writes:
            continue
        fresh.append(i)
        if len(fresh) >= 5000:
            cache.put((keys[j], out[j]) for j in fresh)
            fresh = []
    if own_writes and fresh:
        cache.put((keys[j], out[j]) for j in fresh)
    done = [a for a in out if a is not None]
    seconds = time.perf_counter() - t0 - load_seconds
    tokens = sum(len(a) for a in done)
    record = {**layer.record(), "segments": len(done), "tokens": tokens,
              "seconds": round(seconds, 2), "load_seconds": round(load_seconds, 2),
              "words_per_second": round(tokens / seconds) if seconds > 0 else None,
              "processes": processes,
              "workers_started": "before ingest (pipelines loaded meanwhile)" if early
              else ("with the analysis" if processes > 1 else None),
              "cache": None if cache is None else {
                  "path": str(cache.path), "hits": len(segs) - len(todo),
                  "analysed": len(todo), "bad_values": cache.bad,
                  "status": "used" if cache.problem is None else f"not used: {cache.problem}"}}
    return done, record
