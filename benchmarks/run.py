"""Speed, memory and quality of innonlp against the floor and against peers.

    python benchmarks/run.py --corpus ../shared/data/norec/norec_v2.1_texts.jsonl.gz \\
        --sizes 1000,10000,43437 [--lovdata ../shared/data/lovdata/forskrifter.jsonl.gz] \\
        [--skip-bertopic] [--out benchmarks/RESULTS.md]

For each size the first N reviews become one JSONL export and ``innonlp analyze`` runs on
it in a fresh process (embedded tier, a fresh cache file) under ``/usr/bin/time -v``: wall
time, per-stage seconds (from ``run.json``), words/s of the language layer and peak
memory; then it runs again on the unchanged input with the warm cache. In the same run and
on the same texts: spaCy's blank ``nb`` tokenizer (the floor), a plain TfidfVectorizer +
KMeans pipeline and BERTopic configured offline (TF-IDF + TruncatedSVD as the embedding
model, UMAP + HDBSCAN as in its defaults), each in its own process for time and memory. On
the Lovdata file (ministry labels) NMI and ARI of innonlp, TF-IDF + KMeans and BERTopic.
nb_core_news_sm is timed when installed. Results: a Markdown table (``--out``) and the raw
JSON next to it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEED = 42


def read_texts(path: Path, n: int | None = None) -> list[str]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line)["text"])
            if n is not None and len(out) >= n:
                break
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_pss_gb(pid: int) -> float:
    """Proportional set size of a process and all its descendants (GB): memory shared by
    forked workers is counted once, split between them."""
    try:
        import psutil

        procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    except Exception:  # noqa: BLE001 - psutil missing or the process is gone
        return 0.0
    return sum(_pss_kb(p.pid) for p in procs) / 1e6


def timed(cmd: list[str]) -> dict[str, Any]:
    """Run ``cmd`` under /usr/bin/time -v: wall seconds, peak RSS of the largest single
    process (GB), peak total memory of the process tree (PSS, sampled every 2 s; Linux
    only), return code."""
    import threading

    t = time.perf_counter()
    proc = subprocess.Popen(["/usr/bin/time", "-v", *cmd], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    io: dict[str, str] = {}
    reader = threading.Thread(target=lambda: io.update(zip(("out", "err"),
                                                           proc.communicate(), strict=True)))
    reader.start()
    total = 0.0
    while reader.is_alive():
        total = max(total, _tree_pss_gb(proc.pid))
        reader.join(2.0)
    wall = time.perf_counter() - t
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", io.get("err", ""))
    return {"wall_s": round(wall, 1), "peak_gb": round(int(m.group(1)) / 1e6, 2) if m else None,
            "peak_total_gb": round(total, 2) or None, "rc": proc.returncode,
            "stdout": io.get("out", ""), "stderr": io.get("err", "")[-3000:]}


def floor_words_per_second(texts: list[str]) -> float:
    import spacy

    nlp = spacy.blank("nb")
    t = time.perf_counter()
    n = sum(len(d) for d in nlp.pipe(texts, batch_size=256))
    return n / (time.perf_counter() - t)


def run_innonlp(texts: list[str], work: Path, one_process: bool = True,
                codebook: Path | None = None) -> dict[str, Any]:
    src = work / "input.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n")
    cache = work / "cache.sqlite"
    out = {}
    for phase in ("cold", "warm"):
        run_dir = work / f"run-{phase}"
        r = timed([sys.executable, "-m", "innonlp", "analyze", str(src), "--out", str(run_dir),
                   "--nlp", "embedded", "--cache", str(cache), "-q",
                   # one JSONL export holds every review: above the default 50 MB file limit
                   "--max-file-size", "2GB",
                   *(["--codebook", str(codebook)] if codebook else [])])
        if r["rc"] not in (0, 1):
            raise SystemExit(f"innonlp analyze failed:\n{r['stderr']}")
        info = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
        manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
        if manifest["counts"]["processed"] == 0 or not manifest["segments"]:
            raise SystemExit(f"innonlp analyze read nothing from {src}: {manifest['counts']}")
        nlp = manifest.get("nlp", {})
        out[phase] = {"wall_s": r["wall_s"], "peak_gb": r["peak_gb"],
                      "peak_total_gb": r["peak_total_gb"],
                      "stages_s": info["seconds"], "tokens": nlp.get("tokens"),
                      "nlp_words_per_second": nlp.get("words_per_second"),
                      "segments": manifest["segments"], "themes": manifest["themes"]["n_themes"],
                      "cache": nlp.get("cache"), "processes": nlp.get("processes"),
                      "stages_reused": manifest.get("cache", {}).get("stages_reused")}
    if one_process:
        out["one_process_nlp"] = one_process_nlp(src, work)
    return out


ONE_PROCESS = r'''
import json, sys
from innonlp.config import IngestConfig
from innonlp.ingest.run import ingest
from innonlp.nlp.analysis import analyze_segments
from innonlp.nlp.loader import NorwegianNLP
from innonlp.nlp.standard import annotate_standards
res = ingest([sys.argv[1]], IngestConfig(max_file_size=2 * 10**9))
_, segs = annotate_standards(res.submissions, res.segments)
_, rec = analyze_segments(segs, NorwegianNLP(nlp="embedded"))
print(json.dumps({"words_per_second": rec["words_per_second"], "seconds": rec["seconds"]}))
'''


def one_process_nlp(src: Path, work: Path) -> dict[str, Any]:
    """The language analysis alone in one process (--jobs 1, no cache): words/s."""
    script = work / "one_process.py"
    script.write_text(ONE_PROCESS, encoding="utf-8")
    r = timed([sys.executable, str(script), str(src)])
    if r["rc"] != 0:
        return {"error": r["stderr"][-500:]}
    return json.loads(r["stdout"].strip().splitlines()[-1])


PEER = r'''
import json, sys, time
from pathlib import Path
texts = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
k = int(sys.argv[3])
t = time.perf_counter()
if sys.argv[1] == "tfidf":
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    X = TfidfVectorizer().fit_transform(texts)
    labels = KMeans(k, random_state=0, n_init="auto").fit_predict(X).tolist()
else:
    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from umap import UMAP
    embed = make_pipeline(TfidfVectorizer(), TruncatedSVD(100, random_state=42))
    model = BERTopic(embedding_model=embed,
                     umap_model=UMAP(n_neighbors=15, n_components=5, min_dist=0.0,
                                     metric="cosine", random_state=42),
                     hdbscan_model=HDBSCAN(min_cluster_size=10, metric="euclidean",
                                           cluster_selection_method="eom",
                                           prediction_data=True))
    labels, _ = model.fit_transform(texts)
    labels = [int(x) for x in labels]
print(json.dumps({"seconds": time.perf_counter() - t, "labels": labels}))
'''


def run_peer(kind: str, texts: list[str], k: int, work: Path) -> dict[str, Any]:
    tf = work / f"texts-{kind}.json"
    tf.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    script = work / "peer.py"
    script.write_text(PEER, encoding="utf-8")
    r = timed([sys.executable, str(script), kind, str(tf), str(k)])
    if r["rc"] != 0:
        return {"error": r["stderr"][-500:]}
    res = json.loads(r["stdout"].strip().splitlines()[-1])
    return {"wall_s": r["wall_s"], "fit_s": round(res["seconds"], 1), "peak_gb": r["peak_gb"],
            "labels": res["labels"]}


def lovdata(path: Path, work: Path, bertopic: bool) -> dict[str, Any]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    from innonlp.themes.evaluate import read_labelled

    texts, labels = read_labelled(path, "text", "departement", 1500)
    r = timed([sys.executable, "-m", "innonlp", "evaluate", "themes", str(path),
               "--text-field", "text", "--label-field", "departement"])
    inn = json.loads(r["stdout"])
    out = {"n_docs": len(texts), "n_labels": len(set(labels)),
           "innonlp": {"nmi": inn["nmi"], "ari": inn["ari"], "n_themes": inn["n_themes"],
                       "wall_s": r["wall_s"], "peak_gb": r["peak_gb"]},
           "tfidf_kmeans": {"nmi": inn["baseline_nmi"], "ari": inn["baseline_ari"]}}
    if bertopic:
        b = run_peer("bertopic", texts, 0, work)
        if "labels" in b:
            out["bertopic"] = {"nmi": round(normalized_mutual_info_score(labels, b["labels"]), 4),
                               "ari": round(adjusted_rand_score(labels, b["labels"]), 4),
                               "n_topics": len(set(b["labels"]) - {-1}),
                               "outlier_share": round(b["labels"].count(-1) / len(texts), 4),
                               "wall_s": b["wall_s"], "peak_gb": b["peak_gb"]}
        else:
            out["bertopic"] = b
    return out


def exponent(sizes: list[int], times: list[float]) -> float | None:
    pts = [(math.log(s), math.log(t)) for s, t in zip(sizes, times, strict=True) if t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    return round(sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts),
                 2)


def markdown(res: dict[str, Any]) -> str:
    lines = [f"# Benchmark results ({res['date']})", "",
             f"Machine: {res['machine']}. Python {res['python']}; "
             + ", ".join(f"{k} {v}" for k, v in res["versions"].items() if v) + ".", "",
             f"Command: `{res['command']}`", "",
             "## innonlp analyze on NoReC reviews (embedded tier, default --jobs: one "
             "process per core)", "",
             "| reviews | segments | tokens | wall (cold) | ingest | nlp | themes (features / "
             "clustering / key phrases) | compare/report | nlp words/s (processes) | nlp words/s, "
             "one process | floor words/s | nlp / floor (one process) | peak memory, largest "
             "process | peak memory, all processes | wall (warm cache) | speed-up |",
             "|" + "---|" * 16]
    for r in res["sizes"]:
        c, w = r["innonlp"]["cold"], r["innonlp"]["warm"]
        one = r["innonlp"].get("one_process_nlp", {}).get("words_per_second") or 0
        st = c["stages_s"]
        floor = r["floor_words_per_second"]
        lines.append(
            f"| {r['n']:,} | {c['segments']:,} | {c['tokens']:,} | {c['wall_s']:.0f} s | "
            f"{st.get('ingest', 0):.0f} s | {st.get('nlp', 0):.0f} s | {st.get('themes', 0):.0f} s "
            f"({st.get('themes.features', 0):.0f} / {st.get('themes.clustering', 0):.0f} / "
            f"{st.get('themes.key_phrases', 0):.0f}) "
            f"| {st.get('report', 0) + st.get('compare', 0):.0f} s | "
            f"{c['nlp_words_per_second']:,} ({c.get('processes')}) | "
            f"{f'{one:,}' if one else '–'} | {floor:,.0f} | "
            f"{c['nlp_words_per_second'] / floor:.0%} ({f'{one / floor:.0%}' if one else '–'}) | "
            f"{c['peak_gb']:.2f} GB | {c.get('peak_total_gb') or '–'} GB | {w['wall_s']:.0f} s | "
            f"{c['wall_s'] / w['wall_s']:.1f}× |")
    lines += ["", "The warm run reuses, from the cache, the ingest result, the language "
                  "analyses and the themes (stages reused: "
                  + ", ".join(sorted({", ".join(r["innonlp"]["warm"].get("stages_reused") or [])
                                      for r in res["sizes"]})) + "); it still writes every "
                  "output and report."]
    growth = res["growth_exponent"]
    lines += ["", f"Growth exponent of the cold wall time over the sizes: "
                  f"{growth if growth is not None else '– (one size)'} (1.0 = linear).", "",
              "## Peers on the same reviews (k = 20 for TF-IDF + KMeans)", "",
              "| reviews | TF-IDF + KMeans wall | peak | BERTopic (TF-IDF+SVD, UMAP, HDBSCAN) wall "
              "| peak |", "|---|---|---|---|---|"]
    for r in res["sizes"]:
        t, b = r.get("tfidf_kmeans", {}), r.get("bertopic", {})
        lines.append(f"| {r['n']:,} | {t.get('wall_s', '–')} s | {t.get('peak_gb', '–')} GB | "
                     + (f"{b['wall_s']} s | {b.get('peak_gb', '–')} GB |" if "wall_s" in b
                        else f"{b.get('error', 'skipped')} | – |"))
    lv = res.get("lovdata")
    if lv:
        lines += ["", f"## Themes against ministry labels: {lv['n_docs']:,} Lovdata "
                      f"regulations, {lv['n_labels']} ministries", "",
                  "| system | NMI | ARI | themes | wall | peak |", "|---|---|---|---|---|---|"]
        i = lv["innonlp"]
        lines.append(f"| innonlp (auto k) | {i['nmi']} | {i['ari']} | {i['n_themes']} | "
                     f"{i['wall_s']} s | {i['peak_gb']} GB |")
        t = lv["tfidf_kmeans"]
        lines.append(f"| TF-IDF + KMeans (true k, mean of 3 seeds) | {t['nmi']} | {t['ari']} | "
                     f"{lv['n_labels']} | – | – |")
        b = lv.get("bertopic")
        if b and "nmi" in b:
            lines.append(f"| BERTopic (TF-IDF+SVD embeddings, UMAP, HDBSCAN) | {b['nmi']} | "
                         f"{b['ari']} | {b['n_topics']} (+{b['outlier_share']:.0%} outliers) | "
                         f"{b['wall_s']} s | {b['peak_gb']} GB |")
    lines += ["", "BERTopic configuration: `BERTopic(embedding_model=make_pipeline("
                  "TfidfVectorizer(), TruncatedSVD(100, random_state=42)), umap_model=UMAP("
                  "n_neighbors=15, n_components=5, min_dist=0.0, metric='cosine', "
                  "random_state=42), hdbscan_model=HDBSCAN(min_cluster_size=10, "
                  "metric='euclidean', cluster_selection_method='eom', prediction_data=True))`, "
                  "installed with `pip install --no-deps bertopic umap-learn hdbscan "
                  "pynndescent` (no sentence-transformers, no torch).",
              "", res.get("nb_core_news_sm", ""), ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--sizes", default="1000,10000,43437")
    ap.add_argument("--lovdata", type=Path)
    ap.add_argument("--skip-bertopic", action="store_true")
    ap.add_argument("--skip-one-process", action="store_true",
                    help="do not time the language analysis alone in one process")
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    ap.add_argument("--codebook", type=Path, help="analyze --codebook FILE (seeded themes)")
    ap.add_argument("--skip-peers", action="store_true", help="time innonlp only")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    texts_all = read_texts(args.corpus, max(sizes))
    try:
        import importlib.metadata as md
        versions = {p: md.version(p) for p in ("innonlp", "spacy", "scikit-learn")}
        for p in ("bertopic", "umap-learn", "hdbscan"):
            try:
                versions[p] = md.version(p)
            except md.PackageNotFoundError:
                versions[p] = None
    except Exception:  # noqa: BLE001
        versions = {}
    res: dict[str, Any] = {"date": str(date.today()), "python": platform.python_version(),
                           "machine": f"{platform.machine()}, {__import__('os').cpu_count()} "
                                      "cores", "versions": versions,
                           "command": "python benchmarks/run.py " + " ".join(sys.argv[1:]),
                           "sizes": []}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n in sizes:
            texts = texts_all[:n]
            d = work / str(n)
            d.mkdir()
            row: dict[str, Any] = {"n": len(texts)}
            print(f"[{n}] innonlp …", file=sys.stderr, flush=True)
            row["innonlp"] = run_innonlp(texts, d, not args.skip_one_process, args.codebook)
            row["floor_words_per_second"] = round(floor_words_per_second(texts))
            if args.skip_peers:
                res["sizes"].append(row)
                continue
            print(f"[{n}] peers …", file=sys.stderr, flush=True)
            t = run_peer("tfidf", texts, 20, d)
            row["tfidf_kmeans"] = {k: v for k, v in t.items() if k != "labels"}
            if not args.skip_bertopic:
                b = run_peer("bertopic", texts, 0, d)
                row["bertopic"] = {k: v for k, v in b.items() if k != "labels"}
            res["sizes"].append(row)
            print(json.dumps(row)[:400], file=sys.stderr, flush=True)
        res["growth_exponent"] = exponent([r["n"] for r in res["sizes"]],
                                          [r["innonlp"]["cold"]["wall_s"] for r in res["sizes"]])
        if args.lovdata:
            print("lovdata …", file=sys.stderr, flush=True)
            res["lovdata"] = lovdata(args.lovdata, work, not args.skip_bertopic)
    import spacy.util
    res["nb_core_news_sm"] = ("nb_core_news_sm is installed: time it with "
                              "`python benchmarks/nlp_speed.py --nlp nb_core_news_sm`."
                              if spacy.util.is_package("nb_core_news_sm") else
                              "nb_core_news_sm is not installed here (it is a GitHub release "
                              "asset this machine cannot download), so it was not timed; "
                              "`python benchmarks/nlp_speed.py --nlp nb_core_news_sm` does it "
                              "where it is installed.")
    args.out.write_text(markdown(res), encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(res, indent=1, ensure_ascii=False),
                                             encoding="utf-8")
    print(markdown(res))


if __name__ == "__main__":
    main()
