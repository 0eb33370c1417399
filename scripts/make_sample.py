"""Generate the fictional sample consultation in data/sample-consultation/.

Usage: python scripts/make_sample.py [--out data/sample-consultation]

Deterministic (fixed seed): the same script writes the same texts. PDF letters need
reportlab (``pip install innonlp[sample]``); DOCX and ODT use python-docx and odfdo.
The ground truth (themes per submission, campaign copies, written standard) is written to
ground_truth.json and summarised in data/README.md.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import random
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_text import (  # noqa: E402
    CAMPAIGN_ADDITIONS,
    CAMPAIGN_SWAPS,
    CAMPAIGN_TEMPLATE,
    CLOSERS,
    OPENERS,
    THEMES,
)

SEED = 20261129
DEPARTMENT = ["Fornyingsdepartementet", "Postboks 8004 Dep", "0030 Oslo"]
THEME_WEIGHTS = {"samarbeid": 30, "digitalisering": 26, "ledelse": 20, "kultur": 17,
                 "regelverk": 12, "anskaffelser": 10, "distrikt": 5, "personvern": 6}

ORGS = [
    # (name, type, standard, format, contact person, title)
    ("Fjellvik kommune", "kommune", "nb", "pdf", "Hanne Solberg", "kommunedirektør"),
    ("Strandby kommune", "kommune", "nb", "docx", "Per Ivar Moen", "rådgiver"),
    ("Nordøy kommune", "kommune", "nb", "txt", "Marte Lie", "innovasjonssjef"),
    ("Elvdal kommune", "kommune", "nb", "odt", "Geir Aasen", "kommunalsjef"),
    ("Sjøholm kommune", "kommune", "nb", "html", "Anita Rønning", "digitaliseringsleder"),
    ("Bergli kommune", "kommune", "nb", "pdf", "Tor Egil Dahl", "rådmann"),
    ("Haugnes kommune", "kommune", "nb", "txt", "Silje Strand", "spesialrådgiver"),
    ("Fjordvik kommune", "kommune", "nn", "docx", "Ragnhild Øvrebø", "kommunedirektør"),
    ("Lidal kommune", "kommune", "nn", "pdf", "Olav Nes", "rådgjevar"),
    ("Vestmo kommune", "kommune", "nb", "md", "Kjersti Holm", "utviklingssjef"),
    ("Midtfylket fylkeskommune", "fylkeskommune", "nb", "pdf", "Anders Vik", "fylkesdirektør"),
    ("Kystfylket fylkeskommune", "fylkeskommune", "nn", "odt", "Gunnhild Sande", "seksjonsleiar"),
    ("Direktoratet for tjenesteutvikling", "statlig virksomhet", "nb", "pdf", "Erik Brenna",
     "direktør"),
    ("Tilsynet for offentlige tjenester", "statlig virksomhet", "nb", "docx", "Lene Fossum",
     "avdelingsdirektør"),
    ("Universitetet i Nordvik", "statlig virksomhet", "nb", "txt", "Jon Kvamme", "professor"),
    ("Høgskulen på Vestkysten", "statlig virksomhet", "nn", "txt", "Ingvild Hauge", "dekan"),
    ("Statens senter for offentlige innkjøp", "statlig virksomhet", "nb", "html",
     "Morten Lund", "seniorrådgiver"),
    ("Norsk forbund for lokaldemokrati", "organisasjon", "nb", "pdf", "Bente Aas", "generalsekretær"),
    ("Foreningen for frivillig innsats", "organisasjon", "nb", "docx", "Trond Eide", "daglig leder"),
    ("Landsforbundet for offentlig ansatte", "organisasjon", "nb", "txt", "Nina Berge", "leder"),
    ("Stiftelsen Samskaping", "organisasjon", "nb", "odt", "Sigrid Lunde", "prosjektleder"),
    ("Nettverk for sosiale entreprenører", "organisasjon", "nb", "html", "Hassan Ali",
     "koordinator"),
    ("Brukerforeningen for velferd", "organisasjon", "nb", "txt", "Eva Moe", "styreleder"),
    ("Bygdelaget Fjellgrenda", "organisasjon", "nn", "txt", "Knut Teigen", "leiar"),
    ("Teknoløft AS", "næringsliv", "nb", "pdf", "Camilla Ruud", "administrerende direktør"),
    ("Nordlys Analyse AS", "næringsliv", "nb", "docx", "Henrik Bø", "partner"),
    ("Bygg og Data ASA", "næringsliv", "nb", "txt", "Stine Lien", "kommunikasjonssjef"),
    ("Fjordkode AS", "næringsliv", "nn", "txt", "Eirik Skaar", "dagleg leiar"),
    ("Innsikt Rådgivning AS", "næringsliv", "nb", "odt", "Maria Kolstad", "seniorkonsulent"),
    ("Helseteknologiklyngen Midt", "organisasjon", "nb", "pdf", "Øystein Hagen", "klyngeleder"),
    ("Arbeidsgiverforeningen for velferdstjenester", "organisasjon", "nb", "docx",
     "Karin Thorsen", "direktør"),
    ("Kommunenes digitaliseringsråd", "organisasjon", "nb", "txt", "Rune Sæther", "leder"),
    ("Friluft og Folkehelse Norge", "organisasjon", "nb", "md", "Line Næss", "fagsjef"),
    ("Datafabrikken AS", "næringsliv", "nb", "pdf", "Jonas Berg", "teknologidirektør"),
]
PERSONS = [
    ("Ola Haugen", "nb"), ("Ingrid Berg", "nb"), ("Lars Myhre", "nb"), ("Sofie Lunde", "nb"),
    ("Anders Bakke", "nb"), ("Nora Johansen", "nb"), ("Emil Nilsen", "nb"),
    ("Thea Kristiansen", "nb"), ("Magnus Pedersen", "nb"), ("Ida Larsen", "nb"),
    ("Sindre Haugland", "nn"), ("Solveig Tveit", "nn"), ("Vetle Brekke", "nn"),
    ("Mari Gjerde", "nb"), ("Kristian Aune", "nb"), ("Hilde Ruud", "nb"),
]
FORM_ROWS = 40
FORM_QUESTIONS = {
    "spm1_hindringer": "Hva hindrer innovasjon i din virksomhet eller i ditt nærmiljø?",
    "spm2_tiltak": "Hvilke tiltak bør regjeringen prioritere?",
}
FORM_TYPES = ["Privatperson"] * 22 + ["Kommune"] * 5 + ["Organisasjon"] * 6 + \
    ["Næringsliv"] * 4 + ["Statlig virksomhet"] * 3


def slug(s: str) -> str:
    s = s.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


class Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seen: list[set[str]] = []

    def distinct(self, make, text_of) -> object:  # noqa: ANN001
        """Redraw until the theme sentences overlap no earlier submission much (independent
        writers rarely repeat each other's sentences; only the campaign does)."""
        for _ in range(50):
            value = make()
            words = re.findall(r"\w+", text_of(value).lower())
            sh = {" ".join(words[i:i + 3]) for i in range(len(words) - 2)}
            if all(len(sh & o) / max(1, min(len(sh), len(o))) < 0.5 for o in self.seen):
                self.seen.append(sh)
                return value
        self.seen.append(sh)
        return value

    def themes(self, k_max: int = 3) -> list[str]:
        names = list(THEME_WEIGHTS)
        weights = [THEME_WEIGHTS[n] for n in names]
        first = self.rng.choices(names, weights)[0]
        chosen = [first]
        r = self.rng.random()
        k = 1 + (r < 0.45) + (r < 0.10 and k_max >= 3)
        while len(chosen) < k:
            t = self.rng.choices(names, weights)[0]
            if t not in chosen:
                chosen.append(t)
        return chosen

    def sentences(self, theme: str, std: str, n: int) -> list[str]:
        pool = THEMES[theme][std]
        idx = list(range(len(pool)))
        self.rng.shuffle(idx)
        return [pool[i] for i in idx[: min(n, len(pool))]]

    def body(self, themes: list[str], std: str, long: bool, headings: bool) -> list[str]:
        paras = [self.rng.choice(OPENERS[std])]
        for t in themes:
            if headings:
                paras.append(THEMES[t]["title"])
            n = self.rng.randint(3, 5) if long else self.rng.randint(2, 3)
            paras.append(" ".join(self.sentences(t, std, n)))
        paras.append(self.rng.choice(CLOSERS[std]))
        return paras


def letter_parts(org: tuple, themes: list[str], gen: Gen, long: bool) -> dict:
    name, rtype, std, fmt, person, title = org
    domain = slug(name).replace("-", "") + ".no"
    head = [name, f"Postboks {gen.rng.randint(10, 990)}", f"{gen.rng.randint(1000, 9990)} "
            f"{gen.rng.choice(['Fjellvik', 'Strandby', 'Nordøy', 'Elvdal', 'Bergli'])}"]
    ref_label = ("Dykkar ref.", "Vår ref.", "Dato") if std == "nn" else \
        ("Deres ref.", "Vår ref.", "Dato")
    refs = [f"{ref_label[0]}: 25/{gen.rng.randint(1000, 9999)}",
            f"{ref_label[1]}: 2025/{gen.rng.randint(10, 999)}",
            f"{ref_label[2]}: {gen.rng.randint(1, 28):02d}.03.2025"]
    subject = ("Høyringsfråsegn – innovasjon i offentleg sektor" if std == "nn"
               else "Høringssvar – innovasjon i offentlig sektor")
    body = gen.body(themes, std, long, headings=long)
    closing = "Med venleg helsing" if std == "nn" else "Med vennlig hilsen"
    approval = ("Dokumentet er elektronisk godkjent og har difor ikkje handskrivne signaturar."
                if std == "nn" else
                "Dokumentet er elektronisk godkjent og har derfor ingen håndskrevne signaturer.")
    contact = (f"Org.nr. {gen.rng.randint(900, 999)} {gen.rng.randint(100, 999)} "
               f"{gen.rng.randint(100, 999)} | Telefon {gen.rng.randint(20, 99)} "
               f"{gen.rng.randint(10, 99)} {gen.rng.randint(10, 99)} {gen.rng.randint(10, 99)} "
               f"| post@{domain}")
    return {"head": head, "recipient": DEPARTMENT, "refs": refs, "subject": subject,
            "body": body, "closing": closing, "signature": [person, title[:1].upper() + title[1:],
                                                            name],
            "approval": approval, "contact": contact, "headings": long}


def letter_text(p: dict) -> str:
    blocks = ["\n".join(p["head"]), "\n".join(p["recipient"]), "\n".join(p["refs"]),
              p["subject"], *p["body"], p["closing"], "\n".join(p["signature"]),
              p["approval"], p["contact"]]
    return "\n\n".join(blocks) + "\n"


def write_pdf(path: Path, p: dict) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    org = p["head"][0]

    def on_page(canvas, doc):  # noqa: ANN001
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 40, f"{org} – Høringssvar")
        canvas.drawString(A4[0] / 2, 30, f"Side {doc.page}")
        canvas.restoreState()

    story = []
    for block in (p["head"], p["recipient"], p["refs"]):
        story.append(Paragraph("<br/>".join(html.escape(x) for x in block), styles["Normal"]))
        story.append(Spacer(1, 12))
    story.append(Paragraph(html.escape(p["subject"]), styles["Heading2"]))
    for para in p["body"]:
        if p["headings"] and len(para) < 90 and not para.endswith("."):
            story.append(Paragraph(html.escape(para), styles["Heading3"]))
        else:
            story.append(Paragraph(html.escape(para), styles["BodyText"]))
            story.append(Spacer(1, 6))
    story.append(Spacer(1, 12))
    story.append(Paragraph(p["closing"], styles["Normal"]))
    story.append(Spacer(1, 18))
    story.append(Paragraph("<br/>".join(html.escape(x) for x in p["signature"]),
                           styles["Normal"]))
    story.append(Spacer(1, 12))
    story.append(Paragraph(html.escape(p["approval"]), styles["Italic"]))
    story.append(Paragraph(html.escape(p["contact"]), styles["Normal"]))
    doc = SimpleDocTemplate(str(path), pagesize=A4, title="Høringssvar", author=org,
                            creator="innonlp sample generator", invariant=1)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


def write_docx(path: Path, p: dict) -> None:
    import docx

    d = docx.Document()
    d.core_properties.author = p["head"][0]
    header = d.sections[0].header
    header.paragraphs[0].text = " | ".join(p["head"])
    d.add_paragraph("\n".join(p["recipient"]))
    d.add_paragraph("\n".join(p["refs"]))
    d.add_heading(p["subject"], level=1)
    for para in p["body"]:
        if p["headings"] and len(para) < 90 and not para.endswith("."):
            d.add_heading(para, level=2)
        else:
            d.add_paragraph(para)
    d.add_paragraph(p["closing"])
    d.add_paragraph("\n".join(p["signature"]))
    d.add_paragraph(p["approval"])
    d.sections[0].footer.paragraphs[0].text = p["contact"]
    d.core_properties.created = __import__("datetime").datetime(2025, 3, 14)
    d.save(str(path))


def write_odt(path: Path, p: dict) -> None:
    import odfdo

    doc = odfdo.Document("text")
    body = doc.body
    body.clear()
    for line in p["head"] + [""] + p["recipient"] + [""] + p["refs"]:
        body.append(odfdo.Paragraph(line))
    body.append(odfdo.Header(1, p["subject"]))
    for para in p["body"]:
        if p["headings"] and len(para) < 90 and not para.endswith("."):
            body.append(odfdo.Header(2, para))
        else:
            body.append(odfdo.Paragraph(para))
    body.append(odfdo.Paragraph(p["closing"]))
    for line in p["signature"]:
        body.append(odfdo.Paragraph(line))
    body.append(odfdo.Paragraph(p["approval"]))
    body.append(odfdo.Paragraph(p["contact"]))
    doc.save(str(path))


def write_html(path: Path, p: dict) -> None:
    body = "\n".join(
        f"<h2>{html.escape(x)}</h2>" if p["headings"] and len(x) < 90 and not x.endswith(".")
        else f"<p>{html.escape(x)}</p>" for x in p["body"])
    page = f"""<!DOCTYPE html>
<html lang="no"><head><meta charset="utf-8"><title>{html.escape(p['subject'])}</title>
<style>body{{font-family:sans-serif}}</style><script>var tracking = "ignored";</script></head>
<body><nav><a href="/">Forside</a> | <a href="/horinger">Høringer</a></nav>
<article><h1>{html.escape(p['subject'])}</h1>
<p>{'<br>'.join(html.escape(x) for x in p['head'])}</p>
{body}
<p>{html.escape(p['closing'])}<br>{'<br>'.join(html.escape(x) for x in p['signature'])}</p>
<p>{html.escape(p['contact'])}</p></article>
<footer>Publisert på høringssiden. Alle innspill er offentlige.</footer></body></html>
"""
    path.write_text(page, encoding="utf-8")


def person_mail(name: str, std: str, themes: list[str], gen: Gen) -> str:
    hello = gen.rng.choice(["Hei!", "Hei,", "Hallo"])
    paras = []
    for t in themes:
        paras.append(" ".join(gen.sentences(t, std, gen.rng.randint(1, 3))))
    sign = "Helsing" if std == "nn" else gen.rng.choice(["Mvh", "Hilsen", "Vennlig hilsen"])
    return f"{hello}\n\n" + "\n\n".join(paras) + f"\n\n{sign}\n{name}\n"


def campaign_letter(i: int, name: str, gen: Gen) -> str:
    sents = list(CAMPAIGN_TEMPLATE)
    text = " ".join(sents)
    for old, new in gen.rng.sample(CAMPAIGN_SWAPS, k=gen.rng.randint(0, 2)):
        text = text.replace(old, new, 1)
    add = CAMPAIGN_ADDITIONS[i % len(CAMPAIGN_ADDITIONS)]
    paras = [text] + ([add] if add else [])
    return "Til Fornyingsdepartementet\n\n" + "\n\n".join(paras) + \
        f"\n\nVennlig hilsen\n{name}\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "data" /
                                         "sample-consultation"))
    args = ap.parse_args()
    out = Path(args.out)
    inn = out / "innspill"
    if inn.exists():
        shutil.rmtree(inn)
    for sub in ("brev", "epost", "kampanje", "skjema"):
        (inn / sub).mkdir(parents=True)
    gen = Gen(SEED)
    truth: list[dict] = []

    for org in ORGS:
        name, rtype, std, fmt, person, title = org
        long = fmt in ("pdf", "docx", "odt") and gen.rng.random() < 0.7

        def make_letter(org=org, long=long):  # noqa: ANN001, ANN202
            themes = gen.themes()
            return themes, letter_parts(org, themes, gen, long)

        themes, p = gen.distinct(make_letter, lambda v: " ".join(v[1]["body"][1:-1]))
        ext = {"md": "md", "txt": "txt"}.get(fmt, fmt)
        path = inn / "brev" / f"{slug(name)}.{ext}"
        if fmt == "pdf":
            write_pdf(path, p)
        elif fmt == "docx":
            write_docx(path, p)
        elif fmt == "odt":
            write_odt(path, p)
        elif fmt == "html":
            write_html(path, p)
        else:
            path.write_text(letter_text(p), encoding="utf-8")
        truth.append({"id": f"brev/{slug(name)}", "file": str(path.relative_to(out)),
                      "format": fmt, "standard": std, "respondent_type": rtype,
                      "organisation": name, "submitter": person, "themes": themes,
                      "campaign": False})

    for name, std in PERSONS:
        def make_mail(name=name, std=std):  # noqa: ANN001, ANN202
            themes = gen.themes(k_max=2)
            return themes, person_mail(name, std, themes, gen)

        themes, mail = gen.distinct(make_mail, lambda v: v[1])
        path = inn / "epost" / f"{slug(name)}.txt"
        path.write_text(mail, encoding="utf-8")
        truth.append({"id": f"epost/{slug(name)}", "file": str(path.relative_to(out)),
                      "format": "txt", "standard": std, "respondent_type": "privatperson",
                      "organisation": None, "submitter": name, "themes": themes,
                      "campaign": False})

    campaign_names = ["Arne Fossli", "Berit Lia", "Dag Vold", "Elin Rød", "Frode Moldskred",
                      "Gro Haugset", "Hallvard Kleiven", "Janne Sve", "Kåre Lygre", "Liv Rusten"]
    for i, name in enumerate(campaign_names, start=1):
        path = inn / "kampanje" / f"opprop-{i:02d}.txt"
        path.write_text(campaign_letter(i, name, gen), encoding="utf-8")
        truth.append({"id": f"kampanje/opprop-{i:02d}", "file": str(path.relative_to(out)),
                      "format": "txt", "standard": "nb", "respondent_type": "privatperson",
                      "organisation": None, "submitter": name, "themes": ["distrikt"],
                      "campaign": True})

    form_path = inn / "skjema" / "nettskjema.csv"
    types = list(FORM_TYPES)
    gen.rng.shuffle(types)
    with open(form_path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(["id", "innsendt", "navn", "organisasjon", "respondenttype",
                    *FORM_QUESTIONS])
        for i in range(FORM_ROWS):
            rtype = types[i]
            std = "nn" if gen.rng.random() < 0.17 else "nb"

            def make_row(std=std):  # noqa: ANN001, ANN202
                themes = gen.themes(k_max=2)
                t1 = themes[0]
                t2 = themes[1] if len(themes) > 1 else themes[0]
                a1 = " ".join(gen.sentences(t1, std, gen.rng.randint(1, 2)))
                a2 = " ".join(gen.sentences(t2, std, gen.rng.randint(1, 2)))
                if gen.rng.random() < 0.15:
                    a2 = ""  # question left unanswered
                    themes = [t1]
                return themes, a1, a2

            themes, a1, a2 = gen.distinct(make_row, lambda v: v[1] + " " + v[2])
            person = gen.rng.choice(PERSONS)[0] if rtype == "Privatperson" else ""
            org = ""
            if rtype != "Privatperson":
                org = {"Kommune": f"{gen.rng.choice(['Åsby', 'Dalen', 'Vika', 'Holt'])} kommune",
                       "Organisasjon": gen.rng.choice(["Pensjonistforbundet lokallag",
                                                       "Idrettslaget Ørnen", "Ungdomsrådet"]),
                       "Næringsliv": gen.rng.choice(["Kodeverket AS", "Smart Drift AS"]),
                       "Statlig virksomhet": "Etaten for statlige fellestjenester"}[rtype]
            sid = f"S{i + 1:03d}"
            w.writerow([sid, f"2025-03-{gen.rng.randint(1, 28):02d}", person, org, rtype, a1, a2])
            truth.append({"id": f"skjema/nettskjema/{sid}", "file": str(form_path.relative_to(out)),
                          "format": "csv", "standard": std,
                          "respondent_type": {"Privatperson": "privatperson", "Kommune": "kommune",
                                              "Organisasjon": "organisasjon",
                                              "Næringsliv": "næringsliv",
                                              "Statlig virksomhet": "statlig virksomhet"}[rtype],
                          "organisation": org or None, "submitter": person or None,
                          "themes": themes, "campaign": False})

    (inn / "skjema" / "logo.png").write_bytes(
        bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                      "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4a10000000049454e44ae426082"))
    (inn / "Thumbs.db").write_bytes(b"\x00\x01junk")

    sizes: dict[str, int] = {}
    for t in truth:
        for th in t["themes"]:
            sizes[th] = sizes.get(th, 0) + 1
    gt = {"seed": SEED, "themes": {k: {"title": v["title"], "submissions": sizes.get(k, 0)}
                                   for k, v in THEMES.items()},
          "in_example_summary": ["samarbeid", "ledelse", "kultur"],
          "campaigns": {"kampanje-opprop": [t["id"] for t in truth if t["campaign"]]},
          "not_submissions": ["skjema/logo.png", "Thumbs.db"],
          "submissions": truth}
    (out / "ground_truth.json").write_text(json.dumps(gt, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    write_readme(gt, out.parent / "README.md")
    print(f"wrote {len(truth)} submissions to {inn}")
    for k in THEMES:
        print(f"  {k:15s} {sizes.get(k, 0)}")
    print(f"  nynorsk share {sum(t['standard'] == 'nn' for t in truth) / len(truth):.0%}")


README_TEMPLATE = '# Sample data\n\nEverything in this folder was written for innonlp or generated by its code; none of it is\ncopied from elsewhere. The names of people, municipalities, organisations and companies are\ninvented.\n\n## `sample-consultation/`: a fictional consultation\n\nA consultation on innovation in the public sector ("innspill til stortingsmelding om innovasjon\ni offentlig sektor"), sent to the invented *Fornyingsdepartementet*. It is generated by\n`python scripts/make_sample.py` (fixed seed; sentence pools in `scripts/sample_text.py`) and is\nwhat `innonlp demo` analyses.\n\n| file | what |\n|---|---|\n| `innspill/brev/` | {n_brev} letters from kommuner, fylkeskommuner, statlige virksomheter, organisasjoner and companies, with letterheads, reference fields, signatures, electronic-approval lines and contact footers; as PDF ({pdf}), DOCX ({docx}), ODT ({odt}), HTML ({html}), TXT and Markdown |\n| `innspill/epost/` | {n_epost} short e-mails from private persons |\n| `innspill/kampanje/` | a campaign: {n_camp} near-identical letters (the same template with small word swaps and personal additions) |\n| `innspill/skjema/nettskjema.csv` | a web-form export (`;`-separated) with 40 answers to two questions (`spm1_hindringer`, `spm2_tiltak`), respondent type, name, organisation and date |\n| `innspill/skjema/logo.png`, `innspill/Thumbs.db` | not submissions: the manifest must list them as skipped |\n| `innonlp.toml` | the column mapping for the web-form export |\n| `oppsummering.md` | a human-style summary of the consultation (headed themes, framing paragraphs) |\n| `ground_truth.json` | the truth below, machine-readable |\n\nIn all: {n} submissions (102 inputs counting the CSV\'s rows and the two non-submissions),\n{nn} in Nynorsk ({nn_share}); respondent types: {types}.\n\n### Planted themes\n\n| key | theme | submissions | headed theme of `../shared/examples/dialogsamling-innovasjon-oppsummering.txt` |\n|---|---|---|---|\n{themes}\n\nEach submission\'s text is drawn from per-theme sentence pools, so a submission carries a theme\nexactly when it has sentences from that theme\'s pool. Letters and e-mails add opening and\nclosing sentences that carry no theme. The campaign letters carry `distrikt`.\n\n### Ground truth per submission\n\n`id` is the submission id innonlp gives (path below `innspill/` without extension; for form\nrows, `skjema/nettskjema/<id column>`).\n\n| id | format | standard | respondent type | themes | campaign |\n|---|---|---|---|---|---|\n{rows}\n'


def write_readme(gt: dict, path: Path) -> None:
    """data/README.md: what the sample holds and its ground truth, from ground_truth.json."""
    from collections import Counter

    subs = gt["submissions"]
    fmt = Counter(s["format"] for s in subs)
    std = Counter(s["standard"] for s in subs)
    rt = Counter(s["respondent_type"] for s in subs)
    n_brev = sum(1 for s in subs if s["id"].startswith("brev/"))
    n_epost = sum(1 for s in subs if s["id"].startswith("epost/"))
    n_camp = sum(s["campaign"] for s in subs)
    themes = "\n".join(
        f"| `{k}` | {v['title']} | {v['submissions']} | "
        f"{'ja' if k in gt['in_example_summary'] else 'nei'} |" for k, v in gt["themes"].items())
    rows = "\n".join(
        f"| `{s['id']}` | {s['format']} | {s['standard']} | {s['respondent_type']} | "
        f"{', '.join(s['themes'])} | {'ja' if s['campaign'] else ''} |" for s in subs)
    types = ", ".join(f"{k} {v}" for k, v in sorted(rt.items()))
    path.write_text(README_TEMPLATE.format(
        n_brev=n_brev, n_epost=n_epost, n_camp=n_camp, pdf=fmt["pdf"], docx=fmt["docx"],
        odt=fmt["odt"], html=fmt["html"], n=len(subs), nn=std["nn"],
        nn_share=f"{std['nn'] / len(subs):.0%}", types=types, themes=themes, rows=rows),
        encoding="utf-8")


if __name__ == "__main__":
    main()
