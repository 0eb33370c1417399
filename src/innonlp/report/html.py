"""``report.html``: one self-contained file that works offline.

Theme sizes, a respondent type × theme heat map, a 2-D map of the segments coloured by
theme, stability per theme (all inline SVG from :mod:`.charts`), the comparison with a human
summary, the "Høringsinstansenes syn" draft, the "Andre innspill" segments to read by hand
and a search over every segment. Every piece of submission text is escaped; a
Content-Security-Policy forbids loading anything from outside the file, so even a payload
that slipped through could not fetch or send anything. A small inline script searches
every segment (data inline, results written as text) and, once the page has laid out,
counts the charts that drew (non-empty bounding boxes) into ``<body data-charts-drawn>``
for the headless-browser check.
"""

from __future__ import annotations

from html import escape

from .._version import __version__
from ..compare.report import gap_text
from ..privacy.safetext import strip_bidi
from .charts import heatmap_svg, legend_html, segment_map_svg, stability_svg, theme_sizes_svg
from .content import _who
from .html_parts import SEARCH_SCRIPT, blocks_html, other_segments, search_data, search_html
from .norsk import date, integer, percent, share_in_words, share_percent
from .phrases import report_standard, shown_phrases
from .run import Run
from .structure import (
    closed_blocks,
    endorsement_blocks,
    question_blocks,
    seed_blocks,
    several_themes,
)
from .syn import syn_blocks

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:")
STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;
line-height:1.45;padding:0 1rem}h1{font-size:1.7rem}h2{margin-top:2.2rem;border-bottom:1px
solid #ddd}table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid
#ddd;padding:.35rem .5rem;vertical-align:top;text-align:left}th{background:#f4f4f4}
.key{display:inline-block;margin:.15rem .7rem .15rem 0;font-size:.85rem}.key i{display:
inline-block;width:.8rem;height:.8rem;margin-right:.3rem;border-radius:50%}.unstable{color:
#b00}input[type=search]{width:100%;padding:.5rem;font-size:1rem;margin:.5rem 0}
.figures{display:flex;gap:2rem;flex-wrap:wrap}.figures div{font-size:1.6rem}.figures span{
display:block;font-size:.8rem;color:#666}blockquote{margin:.4rem 0 .4rem 1.2rem;color:#333;
border-left:3px solid #ccc;padding-left:.7rem}cite{color:#555;font-style:normal}
ul.other li{margin:.3rem 0}#hitnote{color:#555;font-size:.9rem}"""
SCRIPT = """
(function(){__SEARCH__
  window.addEventListener('load',function(){
    var drawn=0;
    document.querySelectorAll('svg.chart').forEach(function(svg){
      var b=svg.getBBox();var marks=svg.querySelectorAll('.bar,.cell,.dot').length;
      if(b.width>0&&b.height>0&&marks>0){drawn++;}
    });
    document.body.setAttribute('data-charts-drawn',String(drawn));
  });
})();"""


def _e(text: object) -> str:
    """Text as HTML character data or an attribute value: escaped, bidi controls removed."""
    return escape(strip_bidi(str(text)), quote=True)


def _comparison(run: Run) -> str:
    doc = run.comparison_doc
    if doc is None:
        return "<p>Ingen oppsummering ble sammenlignet i denne kjøringen.</p>"
    f = doc["figures"]
    labels = {t["id"]: t["label"] for t in run.themes_doc["themes"]}
    rows = []
    for h in doc["human_themes"]:
        machine = "; ".join(labels.get(m["theme_id"], m["label"]) for m in h["matches"])
        gap = gap_text(h)
        rows.append(f"<tr><td>{_e(h['title'] or h['text'][:80])}</td><td>"
                    f"{_e(machine or 'ingen')}</td><td>{integer(h['n_submissions'])}</td>"
                    f"<td>{_e(gap)}</td></tr>")
    omitted = "".join(f"<li>{_e(labels.get(m['theme_id'], m['label']))}: "
                      f"{integer(m['n_submissions'])} innspill</li>"
                      for m in f["omitted_themes"])
    return (f"<p>Oppsummeringen {_e(doc['summary']['file'])} har "
            f"{doc['summary']['n_themes']} temaer; temadekning "
            f"{percent(f['theme_recall'])}, vektet dekning {percent(f['weighted_coverage'])}."
            f"</p><table><thead><tr><th>Tema i oppsummeringen</th><th>Maskinelle temaer</th>"
            f"<th>Innspill</th><th>Mangler</th></tr></thead><tbody>{''.join(rows)}</tbody>"
            f"</table>" + (f"<p>Ikke nevnt:</p><ul>{omitted}</ul>" if omitted else ""))


def _themes_list(run: Run) -> str:
    total = int(run.themes_doc["n_submissions"])
    std = report_standard(run.manifest)
    items = []
    for t in run.relevant_themes:
        flag = (' <span class="unstable">(ustabilt)</span>' if t["unstable"] else "")
        flag += " (punkt fra høringsnotatet)" if t.get("seeded") else ""
        items.append(f"<li><b>{_e(t['label'])}</b>{flag}: "
                     f"{_e(share_in_words(t['n_submissions'], total, t['respondent_types']))}."
                     f" <i>{_e(', '.join(shown_phrases(t, std, 5)))}</i></li>")
    return "<ol>" + "".join(items) + "</ol>"


def to_html(run: Run) -> str:
    doc = run.themes_doc
    created = run.manifest.get("created", "")
    figures = (f"<div>{integer(len(run.submissions))}<span>innspill</span></div>"
               f"<div>{integer(len(run.relevant_themes))}<span>temaer</span></div>"
               f"<div>{share_percent(doc['outliers']['n_segments'], doc['n_segments'])}"
               f"<span>andre innspill (tekstbiter)</span></div>")
    who = (lambda sid: _who(run, sid))  # noqa: E731
    script = SCRIPT.replace("__SEARCH__", SEARCH_SCRIPT.replace("__DATA__",
                                                                search_data(run, who)))
    syn = blocks_html(syn_blocks(run, report_standard(run.manifest), bodies=None))
    structure = blocks_html(seed_blocks(run) + question_blocks(run) + closed_blocks(run))
    endorsements = blocks_html(endorsement_blocks(run))
    return f"""<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Innspill – temaer (innonlp)</title><style>{STYLE}</style></head>
<body data-charts-drawn="0">
<h1>Oppsummering av innspill – utkast</h1>
<p>Laget av innonlp {_e(__version__)}{' ' + _e(date(created)) if created else ''}.
Alt er funnet maskinelt; les sitatene i sammenheng.</p>
<div class="figures">{figures}</div>
<h2>Temaer etter størrelse</h2>{blocks_html([several_themes(run)])}{theme_sizes_svg(run)}{
    _themes_list(run)}
<h2>Respondenttype × tema</h2><p>Hver kolonne er et tema; fargen er andelen av temaets
innspill som kommer fra respondenttypen, tallet er antall innspill.</p>{heatmap_svg(run)}
<h2>Kart over tekstbitene</h2><p>Hver prikk er en tekstbit; nære prikker bruker like ord.
</p>{segment_map_svg(run)}<p>{legend_html(run)}</p>
<h2>Stabilitet</h2><p>Andel av temaet som kommer igjen når temaene finnes på nytt i
utvalg av dataene; under 0,6 regnes temaet som ustabilt.</p>{stability_svg(run)}
<h2>Sammenligning med oppsummeringen</h2>{_comparison(run)}
{structure}{syn}
{endorsements}<h2>Andre innspill</h2>{other_segments(run, who)}
<h2>Søk i alle tekstbiter</h2>{search_html()}
<script>{script}</script>
</body></html>
"""
