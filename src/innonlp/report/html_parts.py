"""Parts of ``report.html``: the "Høringsinstansenes syn" section from the report blocks,
the "Andre innspill" list and the data for the full-text search over every segment."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from ..privacy.safetext import strip_bidi
from .run import Run

MAX_OTHER = 1000  # "Andre innspill" segments listed in the page
MAX_TEXT = 1500  # characters of a segment held for the search


def _e(text: object) -> str:
    return escape(strip_bidi(str(text)), quote=True)


def blocks_html(blocks: list[tuple[Any, ...]]) -> str:
    """Report blocks (headings, paragraphs, quotes, lists, tables) as escaped HTML."""
    out = []
    for b in blocks:
        if b[0] == "h":
            level = max(b[1], 2)
            out.append(f"<h{level}>{_e(b[2])}</h{level}>")
        elif b[0] == "p":
            out.append(f"<p>{_e(b[1])}</p>")
        elif b[0] == "quote":
            out.append(f"<blockquote>«{_e(b[1])}» <cite>— {_e(b[2])}</cite></blockquote>")
        elif b[0] == "ul":
            out.append("<ul>" + "".join(f"<li>{_e(i)}</li>" for i in b[1]) + "</ul>")
        elif b[0] == "table":
            out.append(table_html(b[1], b[2]))
    return "".join(out)


def table_html(header: list[Any], rows: list[list[Any]]) -> str:
    """A table with a header row, every cell escaped."""
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def other_segments(run: Run, who: Any) -> str:
    """The "Andre innspill" segments (in no theme, not formalia), for reading by hand."""
    seg = run.segments
    if "bucket" in seg:
        rows = seg[seg["bucket"] == "outlier"]
    else:
        rows = seg[seg["theme_id"].isna()]
    if not len(rows):
        return "<p>Alle tekstbiter ligger i et tema eller er formalia.</p>"
    items = [f"<li>{_e(t)} <cite>— {_e(who(s))}</cite></li>"
             for s, t in zip(rows["submission_id"].tolist()[:MAX_OTHER],
                             rows["text"].tolist()[:MAX_OTHER], strict=True)]
    more = (f"<p>… og {len(rows) - MAX_OTHER} til (se arket «tekstbiter» i themes.xlsx, "
            f"gruppe «andre innspill»).</p>" if len(rows) > MAX_OTHER else "")
    n = len(rows)
    what = "tekstbit passet" if n == 1 else "tekstbiter passet"
    return (f"<details><summary>{n} {what} ikke i noe tema; les {'den' if n == 1 else 'dem'} "
            f"her</summary><ul class=\"other\">{''.join(items)}</ul>{more}</details>")


def search_data(run: Run, who: Any) -> str:
    """Every segment as a JSON array ``[theme, sender, text]`` for the inline script; ``<``,
    ``>`` and ``&`` written as ``\\u`` escapes so nothing in it can end the script."""
    seg = run.segments
    labels = {t["id"]: t["label"] for t in run.themes_doc["themes"]}
    buckets = seg["bucket"].tolist() if "bucket" in seg else [None] * len(seg)
    rows = []
    for sid, tid, bucket, text in zip(seg["submission_id"].tolist(), seg["theme_id"].tolist(),
                                      buckets, seg["text"].tolist(), strict=True):
        theme = (labels.get(tid, tid) if isinstance(tid, str) else
                 "Formalia" if bucket == "formalia" else "Andre innspill")
        rows.append([strip_bidi(str(theme)), strip_bidi(who(sid)),
                     strip_bidi(str(text))[:MAX_TEXT]])
    raw = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return (raw.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


SEARCH_SCRIPT = """
  var SEG=__DATA__;var box=document.getElementById('q');var body=document.querySelector(
  '#hits tbody');var note=document.getElementById('hitnote');
  function show(){var q=box.value.toLowerCase().trim();body.textContent='';
    if(!q){note.textContent='Skriv et ord for å søke i alle '+SEG.length+' tekstbiter.';return;}
    var n=0;for(var i=0;i<SEG.length;i++){var s=SEG[i];
      if((s[2]+' '+s[1]+' '+s[0]).toLowerCase().indexOf(q)<0){continue;}n++;
      if(n>200){continue;}var tr=document.createElement('tr');
      for(var j=0;j<3;j++){var td=document.createElement('td');td.textContent=s[j];
        tr.appendChild(td);}body.appendChild(tr);}
    note.textContent=n+' treff'+(n>200?' (de 200 første vises)':'')+'.';}
  box.addEventListener('input',show);show();"""


def search_html() -> str:
    return ('<input id="q" type="search" placeholder="Søk i alle tekstbiter …" '
            'aria-label="Søk i alle tekstbiter"><p id="hitnote"></p><table id="hits"><thead>'
            '<tr><th>Tema</th><th>Avsender</th><th>Tekst</th></tr></thead><tbody></tbody>'
            '</table>')
