"""The report's words for stance: the overall split, the "ingen merknader" bucket, and per
theme "N støtter, M går imot, K med forbehold" with a quote for each side."""

from __future__ import annotations

from typing import Any

from .norsk import integer

Block = tuple[Any, ...]


def _n(n: int, one: str, many: str) -> str:
    return f"{integer(n)} {one if n == 1 else many}"


def _list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]


def overview_blocks(manifest: dict[str, Any]) -> list[Block]:
    """The overall split and who had no comments (organisations named, persons counted)."""
    st = manifest.get("stance")
    if not st:
        return []
    c = st["submissions"]
    parts = [f"{integer(c['støtter'])} støtter forslaget", f"{integer(c['imot'])} går imot",
             f"{integer(c['delvis'])} støtter delvis eller med forbehold"]
    text = (f"Holdning til forslaget (funnet fra formuleringer som «støtter forslaget», «går "
            f"imot», «forutsetter at»): {', '.join(parts)}, "
            f"{_n(c['ingen_merknader'], 'har', 'har')} ingen merknader, og "
            f"{integer(c['uklart'])} tar ikke tydelig stilling.")
    blocks: list[Block] = [("p", text)]
    quiet = st["ingen_merknader"]
    if quiet["n_submissions"]:
        orgs = quiet["organisations"]
        persons = quiet["respondent_types"].get("privatperson", 0)
        who = []
        if orgs:
            who.append(_list(orgs))
        if persons:
            who.append(_n(persons, "privatperson", "privatpersoner"))
        text = (f"{_n(quiet['n_submissions'], 'innspill', 'innspill')} sier bare at "
                f"avsenderen ikke har merknader («Ingen merknader»)"
                + (f": {' og '.join(who)}" if who else "") + ". De er ikke tatt med i "
                "temaene.")
        blocks.append(("p", text))
    return blocks


def theme_stance_blocks(theme: dict[str, Any], who: Any) -> list[Block]:
    """"N støtter, M går imot, K med forbehold" and a quote for each side (``who`` maps a
    submission id to the sender as the report shows it)."""
    st = theme.get("stance")
    if not st:
        return []
    c = st["counts"]
    if not (c["støtter"] or c["imot"] or c["delvis"]):
        return [("p", "Ingen av innspillene om temaet tar tydelig stilling til forslaget.")]
    text = (f"Av {_n(st['n_submissions'], 'innspill', 'innspill')} om temaet støtter "
            f"{integer(c['støtter'])}, {integer(c['imot'])} går imot og "
            f"{integer(c['delvis'])} støtter med forbehold eller delvis")
    if c["uklart"]:
        text += f"; {integer(c['uklart'])} tar ikke tydelig stilling"
    blocks: list[Block] = [("p", text + ".")]
    for key, side in (("quote_for", "For"), ("quote_against", "Imot")):
        q = st.get(key)
        if q:
            blocks.append(("quote", q["sentence"], f"{who(q['submission_id'])} ({side.lower()})"))
    return blocks


