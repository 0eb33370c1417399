"""Which submitters carry an atom (a compound part, the same in both written standards) in
any of their candidates: "anskaffelse" is carried by "offentlige anskaffelser",
"innovasjonsanskaffelser", "anskaffelsesregelverket" … The atoms that half a consultation
carries are its own topic (:func:`wide_atoms`), which names none of its themes.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from .score import PhraseCorpus

__all__ = ["wide_atoms"]


def wide_atoms(corpus: PhraseCorpus, share: float = 0.5) -> frozenset[str]:
    """The atoms carried by at least ``share`` of the corpus's distinct submitters (in any
    candidate of any of their segments): the consultation's own topic ("innovasjon" in one
    on innovation), which names none of its themes."""
    n_keys, n_atoms = len(corpus.keys), len(corpus.atom_names)
    if not len(corpus) or not n_atoms:
        return frozenset()
    seg_key = sp.csr_matrix((np.ones(len(corpus.key_ids), dtype=np.float32), corpus.key_ids,
                             np.asarray(corpus.ptr, dtype=np.int64)),
                            shape=(len(corpus), n_keys))
    key_atom = sp.csr_matrix((np.ones(len(corpus.atom_ids), dtype=np.float32),
                              corpus.atom_ids, np.asarray(corpus.atom_ptr, dtype=np.int64)),
                             shape=(n_keys, n_atoms))
    _, who = np.unique(np.asarray(corpus.submission_ids), return_inverse=True)
    n_sub = int(who.max()) + 1
    to_sub = sp.csr_matrix((np.ones(len(who), dtype=np.float32), (who, np.arange(len(who)))),
                           shape=(n_sub, len(who)))
    carried = (to_sub @ (seg_key @ key_atom)).tocsc()
    n = np.diff(carried.indptr)  # distinct submitters per atom (non-zero rows per column)
    return frozenset(corpus.atom_names[i] for i in np.flatnonzero(n >= share * n_sub).tolist())
