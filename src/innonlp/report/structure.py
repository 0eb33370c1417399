"""The consultation's own structure in the report: the points of the consultation document
(a codebook run's seeds, in its order, empty ones said plainly), a section per question of
a web form, the cross-tabulation with a closed question, and who joined another body's
answer. Each part is there only when ``themes.json`` has its field (``codebook``,
``questions``, ``closed``, ``endorsements``); a run without them gets none of them."""

from __future__ import annotations

from typing import Any

from .norsk import count, integer, join, percent
from .run import Run
from .syn import sender_text

Block = tuple[Any, ...]
N_QUESTION_QUOTES = 3
# stance keys in table order, with the other spellings a run may use, and their heading
STANCE = (("støtter", ("for",), "Støtter"), ("imot", ("mot",), "Går imot"),
          ("delvis", (), "Med forbehold"), ("ingen_merknader", (), "Ingen merknader"),
          ("uklart", (), "Tar ikke stilling"))
SEVERAL = ("Tallene er antall innspill (og tekstbiter). Et innspill kan ta opp flere temaer "
           "og telles da med i hvert av dem, så temaene til sammen kan ha flere innspill enn "
           "det kom inn.")


def several_themes(run: Run | None = None) -> Block:
    """The plain sentence that counts are of submissions and one can count in several
    (with how many do, when ``themes.json`` has ``n_submissions_several_themes``)."""
    n = None if run is None else run.themes_doc.get("n_submissions_several_themes")
    if not isinstance(n, int) or isinstance(n, bool):
        return ("p", SEVERAL)
    return ("p", SEVERAL + f" {integer(n)} av innspillene tar opp mer enn ett tema.")


def _labels(run: Run) -> dict[str, str]:
    return {t["id"]: t["label"] for t in run.themes_doc["themes"]}


def seed_themes(run: Run) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Each seed of the codebook in its order with its theme (None when edits removed it)."""
    book = run.themes_doc.get("codebook")
    if not isinstance(book, dict):
        return []
    by_seed: dict[str, dict[str, Any]] = {}
    for t in run.themes_doc["themes"]:
        if t.get("seeded"):
            key = (t.get("seed") or {}).get("id") or t["id"]
            by_seed.setdefault(str(key), t)
    return [(s, by_seed.get(str(s.get("id")))) for s in book.get("seeds", [])]


def _is_empty(seed: dict[str, Any], theme: dict[str, Any] | None, empty: set[str]) -> bool:
    return (str(seed.get("id")) in empty or theme is None or bool(theme.get("empty"))
            or not theme.get("n_submissions"))


def _matched(theme: dict[str, Any] | None) -> str:
    """"4 henvisninger, 2 nøkkelord, 9 likhet" (segments by how they were matched)."""
    by = (theme or {}).get("matched_by") or {}
    words = (("reference", "henvisning"), ("keyword", "nøkkelord"), ("similarity", "likhet"))
    return ", ".join(f"{integer(by[k])} {w}" for k, w in words if by.get(k)) or "–"


def seed_blocks(run: Run) -> list[Block]:
    """"Punkter fra høringsnotatet": every seed in codebook order, empty ones said."""
    pairs = seed_themes(run)
    if not pairs:
        return []
    book = run.themes_doc["codebook"]
    empty = {str(e) for e in book.get("empty_seeds", [])}
    new = [t for t in run.relevant_themes if not t.get("seeded")]
    text = (f"Punktene er hentet fra {book.get('source', 'kodeboken')} "
            f"({count(int(book.get('n_seeds', len(pairs))), 'punkt')}). En tekstbit er lagt "
            "til et punkt når den henviser til det (for eksempel «Til punkt 3.2»), bruker "
            "punktets nøkkelord eller ligner teksten; den kan høre til flere punkter.")
    if isinstance(book.get("share_unmatched"), (int, float)):
        text += (f" {percent(float(book['share_unmatched']))} av tekstbitene passet ikke i "
                 f"noe punkt; i dem er det funnet {integer(len(new))} "
                 f"{'nytt tema' if len(new) == 1 else 'nye temaer'}.")
    rows, quiet = [], []
    for seed, theme in pairs:
        t = theme or {}
        label = t.get("label") or seed.get("label", "")
        n = 0 if _is_empty(seed, theme, empty) else int(t["n_submissions"])
        if not n:
            quiet.append(("p", f"Ingen høringsinstanser kommenterte {label}."))
        rows.append([label, integer(n), integer(int(t.get("n_segments") or 0)),
                     _matched(theme) if n else "–"])
    header = ["Punkt", "Innspill", "Tekstbiter", "Funnet ved (tekstbiter)"]
    return [("h", 2, "Punkter fra høringsnotatet"), ("p", text), ("table", header, rows),
            *quiet]


def stance_columns(themes: list[dict[str, Any]]) -> list[tuple[str, tuple[str, ...], str]]:
    """The stance columns some theme has a count for (known keys in order, then others)."""
    seen = {k for t in themes for k in ((t.get("stance") or {}).get("counts") or {})}
    known = [(k, alt, name) for k, alt, name in STANCE if seen & {k, *alt}]
    taken = {x for k, alt, _ in STANCE for x in (k, *alt)}
    return known + [(k, (), k) for k in sorted(seen - taken)]


def stance_count(theme: dict[str, Any], key: str, alt: tuple[str, ...]) -> int:
    c = (theme.get("stance") or {}).get("counts") or {}
    return sum(int(c.get(k) or 0) for k in (key, *alt))


def _question_blocks(run: Run, i: int, q: dict[str, Any]) -> list[Block]:
    labels = _labels(run)
    themes = q.get("themes", [])
    cols = stance_columns(themes)
    rows = [[labels.get(t["id"], t.get("label", t["id"])), integer(t["n_submissions"]),
             integer(t["n_segments"]), *(integer(stance_count(t, k, a)) for k, a, _ in cols)]
            for t in themes]
    out: list[Block] = [
        ("h", 2, f"Spørsmål {i}: {q['question']}"),
        ("p", f"{count(int(q['n_submissions']), 'innspill')} svarte på spørsmålet "
              f"({count(int(q['n_segments']), 'tekstbit')}), fordelt på "
              f"{count(len(themes), 'tema')}.")]
    if rows:
        out.append(("table", ["Tema", "Innspill", "Tekstbiter", *(n for _, _, n in cols)],
                    rows))
    quotes = [(t, qt) for t in themes for qt in t.get("quotes", [])[:1]
              if len(qt.get("text", "")) <= 400][:N_QUESTION_QUOTES]
    out += [("quote", qt["text"], f"{sender_text(run, qt['submission_id'])}, om "
             f"«{labels.get(t['id'], t.get('label', ''))}»") for t, qt in quotes]
    return out


def question_blocks(run: Run) -> list[Block]:
    """A section per question ("Spørsmål 1: …") with its themes, counts and quotes."""
    out: list[Block] = []
    for i, q in enumerate(run.themes_doc.get("questions") or [], start=1):
        out += _question_blocks(run, i, q)
    return out


def closed_blocks(run: Run) -> list[Block]:
    """The themes × the closed question's answers (submissions)."""
    c = run.themes_doc.get("closed")
    if not isinstance(c, dict) or not c.get("values"):
        return []
    values = [str(v) for v in c["values"]]
    labels = _labels(run)
    total = c.get("n_submissions") or {}
    rows = [["Alle innspill", *(integer(int(total.get(v) or 0)) for v in values)]]
    rows += [[labels.get(t["id"], t.get("label", t["id"])),
              *(integer(int((t.get("counts") or {}).get(v) or 0)) for v in values)]
             for t in c.get("themes", [])]
    return [("h", 2, f"Svar på «{c['column']}»"),
            ("p", f"Hvor mange innspill i hvert tema som svarte hva på «{c['column']}». "
                  "Et innspill telles i hvert tema det tar opp."),
            ("table", ["Tema", *values], rows)]


def _endorsers(run: Run, ids: list[str]) -> str:
    """"Elvdal kommune, Haugnes kommune og 2 privatpersoner" (persons never named)."""
    names, persons = [], 0
    for sid in ids:
        who = sender_text(run, sid)
        if who.startswith("en privatperson"):
            persons += 1
        elif who not in names:
            names.append(who)
    if persons:
        names.append(count(persons, "privatperson"))
    return join(names)


def endorsement_blocks(run: Run) -> list[Block]:
    """"Disse sluttet seg til andres høringssvar: …", counted or not."""
    e = run.themes_doc.get("endorsements")
    if not isinstance(e, dict) or not e.get("bodies"):
        return []
    items = [f"{b['name']}: {count(int(b['n_submissions']), 'innspill')} sluttet seg til "
             f"høringssvaret ({_endorsers(run, list(b.get('submission_ids', [])))})"
             for b in e["bodies"]]
    tail = ("Disse innspillene telles med i temaene som høringsinstansen de slutter seg "
            "til, tok opp." if e.get("counted") else
            "Disse innspillene er ikke talt med i temaene til høringssvaret de slutter seg "
            "til (det gjør innonlp analyze --count-endorsements).")
    return [("h", 2, "Tilslutning til andres høringssvar"),
            ("p", "Disse sluttet seg til andres høringssvar:"), ("ul", items), ("p", tail)]
