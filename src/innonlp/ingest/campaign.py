"""Campaign and form-letter detection: MinHash LSH candidates, verified by exact Jaccard.

Submissions whose word 3-shingles overlap strongly are grouped (union-find over verified
pairs). Each group records the text its members share and what each sender added.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from typing import Any

import numpy as np

from ..parallel import SERIAL, Executor
from ..types import Campaign

_WORD = re.compile(r"\w+", re.UNICODE)
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9«\"])|\n{2,}")


def _norm_sentence(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


_MIX = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77), np.uint64(0xC2B2AE3D))


def _shingle_hashes(text: str, k: int = 3, memo: dict[str, int] | None = None
                    ) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word k-shingles (k <= 3), deterministic across
    runs: each word's CRC-32 (memoised in ``memo``) mixed by multiply-and-add."""
    memo = {} if memo is None else memo
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter((memo[w] if w in memo else memo.setdefault(w, zlib.crc32(w.encode()))
                     for w in words), dtype=np.uint64, count=len(words))
    k = min(k, len(words))
    grams = np.zeros(len(words) - k + 1, dtype=np.uint64)
    for j in range(k):
        grams = grams * _MIX[j] + h[j:len(h) - k + 1 + j]
    return np.unique(grams & _MAX_HASH)


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(seed)
    a = gen.randint(1, int(_MERSENNE), size=num_perm, dtype=np.uint64)
    b = gen.randint(0, int(_MERSENNE), size=num_perm, dtype=np.uint64)
    return a, b


def _minhash(hashes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    # Universal hashing as in datasketch, vectorised over shingles × permutations.
    phv = ((hashes[:, None] * a[None, :] + b[None, :]) % _MERSENNE) & _MAX_HASH
    return phv.min(axis=0)


def _signature_chunk(state: tuple, start: int, stop: int
                     ) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(id, shingle hashes, MinHash values) of the texts with enough shingles."""
    ids, texts, min_shingles, a, b, memo = state
    out = []
    for i in ids[start:stop]:
        h = _shingle_hashes(texts[i], memo=memo)
        if len(h) >= min_shingles:
            out.append((i, h, _minhash(h, a, b)))
    return out


def find_campaigns(
    texts: dict[str, str],
    threshold: float = 0.3,
    min_size: int = 3,
    num_perm: int = 64,
    seed: int = 1,
    min_words: int = 30,
    executor: Executor = SERIAL,
) -> list[Campaign]:
    """Group near-duplicate texts. ``texts`` maps submission id to cleaned text.

    Candidate pairs come from MinHash LSH at ``threshold`` and are kept only when their
    exact shingle Jaccard is at least ``threshold`` too. Groups smaller than ``min_size``
    are not campaigns (two similar letters are more likely a coincidence or a resubmission),
    and texts under ``min_words`` words are left out (a sentence or two shares wording by
    chance). Shingles and signatures of many texts are worked out through ``executor``
    (forked processes give the same result as one).
    """
    from datasketch import MinHash, MinHashLSH

    ids = sorted(texts)
    a, b = _permutations(num_perm, seed)
    state: tuple[Any, ...] = (ids, texts, max(5, min_words - 2), a, b, {})
    sh: dict[str, np.ndarray] = {}
    values: dict[str, np.ndarray] = {}
    for chunk in executor.map_range(_signature_chunk, state, len(ids), chunk=500):
        for i, h, v in chunk:
            sh[i], values[i] = h, v
    ids = [i for i in ids if i in sh]
    if len(ids) < min_size:
        return []
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    signatures: dict[str, MinHash] = {}
    for i in ids:
        m = MinHash(num_perm=num_perm, seed=seed, hashvalues=values[i],
                    permutations=(a, b), scheme="legacy")
        signatures[i] = m
        lsh.insert(i, m)
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sims: dict[tuple[str, str], float] = {}
    for i in ids:
        for j in lsh.query(signatures[i]):
            if j <= i:
                continue
            inter = len(np.intersect1d(sh[i], sh[j], assume_unique=True))
            jac = inter / (len(sh[i]) + len(sh[j]) - inter)
            if jac >= threshold:
                sims[(i, j)] = jac
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    members_list = sorted((sorted(g) for g in groups.values() if len(g) >= min_size),
                          key=lambda g: (-len(g), g[0]))
    campaigns: list[Campaign] = []
    for n, members in enumerate(members_list, start=1):
        shared, additions = _template(members, texts)
        pair_sims = [v for (a, b), v in sims.items() if a in members and b in members]
        campaigns.append(
            Campaign(
                id=f"kampanje-{n}",
                member_ids=tuple(members),
                shared_text=shared,
                additions=tuple(additions),
                mean_similarity=round(sum(pair_sims) / max(len(pair_sims), 1), 4),
            )
        )
    return campaigns


def _template(members: list[str], texts: dict[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """Sentences present in at least half of the members form the shared text."""
    per_member: dict[str, list[str]] = {
        m: [s.strip() for s in _SENT.split(texts[m]) if s and s.strip()] for m in members
    }
    counts: Counter[str] = Counter()
    for sents in per_member.values():
        counts.update({_norm_sentence(s) for s in sents})
    need = max(2, (len(members) + 1) // 2)
    common = {k for k, c in counts.items() if c >= need and k}
    # The shared text in the order of the member that holds the most shared sentences.
    best = max(members, key=lambda m: (sum(_norm_sentence(s) in common for s in per_member[m]),
                                       -members.index(m)))
    seen: set[str] = set()
    shared_sents: list[str] = []
    for s in per_member[best]:
        k = _norm_sentence(s)
        if k in common and k not in seen:
            seen.add(k)
            shared_sents.append(s)
    additions = []
    for m in members:
        extra = [s for s in per_member[m] if _norm_sentence(s) not in common]
        additions.append((m, " ".join(extra)))
    return " ".join(shared_sents), additions
