"""The "Høringsinstansenes syn" draft: per theme a paragraph in the register of a
proposition (what it is about, how many and who, their stance, two or three quotes)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .norsk import count, integer, join, types_in_words
from .phrases import shown_phrases
from .run import Run
from .who import N_BODIES, body_blocks, respondents
from .who import names as body_names

Block = tuple[Any, ...]
N_QUOTES = 3
N_NAMED = 8  # organisations named in a paragraph before "med flere"


def senders(run: Run) -> dict[str, tuple[str, str, str | None]]:
    """Submission id → (name or "", respondent type, campaign id), computed once per run;
    private persons get no name."""
    cached = run.__dict__.get("_senders")
    if cached is not None:
        return cached
    f = run.submissions
    cols = {c: (f[c].tolist() if c in f else [None] * len(f))
            for c in ("id", "organisation", "submitter", "respondent_type", "campaign_id")}
    out: dict[str, tuple[str, str, str | None]] = {}
    for sid, org, person, kind, camp in zip(*cols.values(), strict=True):
        kind = kind if isinstance(kind, str) and kind else "ukjent"
        name = org if isinstance(org, str) and org else person
        if kind == "privatperson" or not isinstance(name, str):
            name = ""
        out[sid] = (name, kind, camp if isinstance(camp, str) and camp else None)
    run.__dict__["_senders"] = out
    return out


def campaign_sizes(run: Run) -> Counter[str]:
    """Campaign id → how many submissions are copies of it."""
    cached = run.__dict__.get("_campaign_sizes")
    if cached is None:
        cached = Counter(c for _, _, c in senders(run).values() if c)
        run.__dict__["_campaign_sizes"] = cached
    return cached


def sender_text(run: Run, sid: str) -> str:
    """The sender as a quote names it: "Elvdal kommune", "en privatperson", "en kommune"
    (no name known), "… (kampanjebrev, 10 likelydende)" for a campaign copy."""
    name, kind, camp = senders(run).get(sid, ("", "ukjent", None))
    text = name or ("en privatperson" if kind == "privatperson" else
                    "avsender ukjent" if kind == "ukjent" else f"en {kind}")
    if camp:
        text += f" (kampanjebrev, {integer(campaign_sizes(run)[camp])} likelydende)"
    return text


def _names(run: Run, theme: dict[str, Any]) -> list[str]:
    """The organisations behind a theme, once each, in order (``respondents`` when the run
    has them)."""
    if respondents(theme) is not None:
        return body_names(theme)
    people = theme.get("respondents")
    if isinstance(people, list) and people and isinstance(people[0], dict):
        names = [p.get("name") or p.get("organisation") for p in people
                 if p.get("respondent_type") != "privatperson"]
    else:
        who = senders(run)
        names = [who.get(s, ("",))[0] for s in theme.get("submission_ids", [])]
    return list(dict.fromkeys(n for n in names if isinstance(n, str) and n))


def _who_line(run: Run, theme: dict[str, Any]) -> str:
    n = theme["n_submissions"]
    text = f"{count(n, 'innspill')} tar opp temaet"
    types = types_in_words(theme.get("respondent_types", {}))
    if types:
        text += f": {types}"
    bodies = [] if respondents(theme) is not None else _names(run, theme)
    if bodies:  # with ``respondents`` the bodies get a paragraph of their own
        shown = bodies[:N_NAMED]
        rest = len(bodies) - len(shown)
        text += (". Blant høringsinstansene er " + join(shown + (["flere"] if rest else [])))
    text += "."
    unique = theme.get("n_submissions_unique", n)
    if unique < n:
        text += (f" Kopier av samme kampanjebrev er regnet som ett innspill; da er det "
                 f"{count(unique, 'innspill')}.")
    return text + _endorsing_line(theme)


def _endorsing_line(theme: dict[str, Any]) -> str:
    """" Regnes også de 3 innspillene som slutter seg til …" (``--count-endorsements``)."""
    extra = int(theme.get("n_submissions_endorsing") or 0)
    if not extra:
        return ""
    total = int(theme.get("n_submissions_with_endorsements")
                or theme["n_submissions"] + extra)
    return (f" Telles også innspill som slutter seg til høringssvaret fra en "
            f"høringsinstans som tok opp temaet ({count(extra, 'innspill')}), er det "
            f"{count(total, 'innspill')}.")


def _stance_line(theme: dict[str, Any]) -> str:
    """" Av dem støtter 5 forslaget, 1 går imot og 2 støtter med forbehold." (the first
    verb before its number: Norwegian word order)."""
    st = theme.get("stance")
    if not st:
        return ""
    c = st["counts"]
    parts = [(verb, integer(c[key]), rest) for key, verb, rest in (
        ("støtter", "støtter", " forslaget"), ("imot", "går", " imot"),
        ("delvis", "støtter", " med forbehold"), ("uklart", "tar", " ikke tydelig stilling"))
        if c.get(key)]
    if not [p for p in parts if p[0] != "tar"]:
        return " Ingen av dem tar tydelig stilling til forslaget."
    first = f"{parts[0][0]} {parts[0][1]}{parts[0][2]}"
    rest = [f"{n} {verb}{tail}" for verb, n, tail in parts[1:]]
    return f" Av dem {join([first] + rest)}."


def theme_paragraph(run: Run, theme: dict[str, Any], standard: str = "nb") -> str:
    """The paragraph for one theme (an empty seed: "Ingen høringsinstanser kommenterte
    …")."""
    if theme.get("empty") and not theme.get("n_submissions"):
        return f"Ingen høringsinstanser kommenterte {theme['label']}."
    phrases = shown_phrases(theme, standard, 4)
    about = f"Temaet «{theme['label']}»"
    about += f" handler om {join(phrases)}. " if phrases else ". "
    return about + _who_line(run, theme) + _stance_line(theme)


def theme_quotes(run: Run, theme: dict[str, Any]) -> list[Block]:
    """Two or three short quotes from different senders, a campaign counted once."""
    out: list[Block] = []
    seen: set[str] = set()
    who = senders(run)
    for q in theme.get("quotes", []):
        sid = q["submission_id"]
        name, _, camp = who.get(sid, ("", "ukjent", None))
        key = camp or name or sid
        if key in seen or len(q["text"]) > 400:
            continue
        seen.add(key)
        out.append(("quote", q["text"], sender_text(run, sid)))
        if len(out) == N_QUOTES:
            break
    return out


def syn_blocks(run: Run, standard: str = "nb", bodies: int | None = N_BODIES
              ) -> list[Block]:
    """The whole section: a heading, a line on how it was made, a paragraph per theme, who
    said what (``bodies``: the named bodies listed per theme, None: all)."""
    themes = run.relevant_themes
    blocks: list[Block] = [
        ("h", 2, "Høringsinstansenes syn"),
        ("p", f"Innspillene er gruppert i {count(len(themes), 'tema')}. Avsnittene under "
              "er et utkast: tallene er talt maskinelt, organisasjoner er navngitt, "
              "privatpersoner er bare talt. Maskinelle mål (stabilitet, vekter for "
              "nøkkeluttrykk, likhet) står i vedlegget.")]
    for i, t in enumerate(themes, start=1):
        blocks.append(("h", 3, f"{i}. {t['label']}"))
        blocks.append(("p", theme_paragraph(run, t, standard)))
        if not t.get("empty"):
            blocks += body_blocks(t, bodies)
        blocks += theme_quotes(run, t)
        subs = [s for s in t.get("subthemes", []) if s.get("n_submissions")]
        if subs:
            blocks.append(("p", "Undertemaer: " + join(
                [f"{s['label'].lower() if s['label'][1:].islower() else s['label']} "
                 f"({count(s['n_submissions'], 'innspill')})" for s in subs]) + "."))
    return blocks
