"""Norwegian abbreviations (Bokmål and Nynorsk) that end in a full stop but not a sentence."""

from __future__ import annotations

ABBREVIATIONS: frozenset[str] = frozenset(
    """
    f.eks bl.a jf jfr nr kap pkt mv m.v m.m mm osv o.l dvs ca evt ev pga p.g.a iht i.h.t
    ifb i.f.b ift i.f.t tlf ref vedr ang ad etc el ds d.s d.d dr prof adm amb avd dept
    dep sst st kl ndf nedf ovf ff f s sp jan feb mar apr jun jul aug sep sept okt nov des
    mill mrd kr stk tab fig vol bd red utg inkl ekskl eks forts fork bet mht m.h.t t.o.m
    f.o.m o.a o.fl m.fl bl.anna mellom.anna t.d m.a vha v.h.a iflg ifølge iflg hhv h.h.v
    o.s.v s.k sk a.s as asa nb n.b nto p.t pr art lit alt adv adj subst ekv mfl mnd
    åd utv høringsnr innst prop meld st.meld st.prp ot.prp nou komm ø.l sml jr sr
    """.split()
)

# Abbreviations that often end a sentence: before a capitalised word they count as a boundary.
SENTENCE_FINAL: frozenset[str] = frozenset(
    "mv m.v mm m.m osv o.s.v etc o.l m.fl o.fl o.a mfl".split()
)

# Single capital letters followed by a full stop are initials ("K. Nordmann").
INITIAL_MAX_LEN = 1

# Abbreviations the embedded tokenizer keeps whole with their full stop ("kap." not "kap" + ".")
# — only those that are not also ordinary words at the end of a sentence ("alt.", "red.").
TOKENIZER_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    nr kap pkt jf jfr mv mm osv ca evt pga iht ifb ift tlf vedr dvs inkl ekskl mht kl ref
    fig avd adm dept prof dr mill mrd kr stk hhv vha iflg sml ndf ovf mfl m.fl m.m o.l
    t.o.m f.o.m o.fl m.a t.d bl.a f.eks p.t m.v o.a
    """.split()
)
